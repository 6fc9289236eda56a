import { inject } from 'vitest';

import { DEMO_PASSWORD, SUPERVISOR } from './browser';

/**
 * The suite's own line to the API, for choosing seed records a scenario can use (a case that
 * may be called at 10:00 but not at 23:00, a complaint still open, …) and for checking what a
 * screen wrote. Never used to do what the test is about: the browser does that.
 */
export class Api {
  private constructor(private readonly token: string) {}

  static async signIn(email = SUPERVISOR): Promise<Api> {
    const data = await request<{ login: { token: string } }>(
      'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
      { email, password: DEMO_PASSWORD },
    );
    return new Api(data.login.token);
  }

  query<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    return request<T>(query, variables, this.token);
  }
}

async function request<T>(
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<T> {
  const response = await fetch(inject('graphqlUrl'), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!body.data || body.errors?.length) {
    throw new Error(`GraphQL request failed: ${JSON.stringify(body.errors ?? body)}`);
  }
  return body.data;
}

/** The seed's zone: all five banks and their borrowers are in Asia/Shanghai (UTC+8, no DST). */
const SHANGHAI_OFFSET = '+08:00';

/** `YYYY-MM-DD` in Shanghai, `days` from today. */
export function shanghaiDate(days = 0, now = new Date()): string {
  const shifted = new Date(now.getTime() + 8 * 3_600_000 + days * 86_400_000);
  return shifted.toISOString().slice(0, 10);
}

/** The instant of `HH:MM` on a Shanghai calendar day. */
export function shanghaiInstant(date: string, time: string): Date {
  return new Date(`${date}T${time}:00${SHANGHAI_OFFSET}`);
}
