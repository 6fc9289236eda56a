import { loadConfig } from '../src/config.js';
import { randomBytes } from 'node:crypto';
import { Role } from '@arrears/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.js';
import { DEMO_PASSWORD } from '../src/db/seed.js';
import { Institution } from '../src/modules/institution/institution.entity.js';
import { hashPassword } from '../src/modules/user/password.js';
import { User } from '../src/modules/user/user.entity.js';
import { secretsFrom } from '../src/security/secrets.js';
import { createApiServer } from '../src/server.js';
import { DEFAULT_LOGIN, DIALECTS, scratchDatabase, startTestApi, type TestApi } from './harness.js';

/**
 * The HTTP surface as a load balancer, an orchestrator and a GraphQL client see it: health
 * and readiness probes, JSON POST to /graphql, no batching, and errors that carry a typed code
 * and nothing of the server's insides.
 */

const CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'POLICY_VIOLATION',
  'RATE_LIMITED',
  'INTERNAL',
];

async function post(baseUrl: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // Not every refusal is JSON; the text is checked instead.
  }
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text,
    json,
  };
}

/** Every error of a response carries one of the documented codes and no trace of the server's code. */
function expectCleanErrors(json: unknown, text: string): void {
  const errors = (json as { errors?: { message: string; extensions?: Record<string, unknown> }[] })
    .errors;
  expect(errors?.length, text).toBeGreaterThan(0);
  for (const error of errors!) {
    expect(CODES, text).toContain(error.extensions?.code);
    expect(error.extensions ?? {}, text).not.toHaveProperty('stacktrace');
    expect(error.extensions ?? {}, text).not.toHaveProperty('exception');
  }
  // No stack frames, source paths or SQL anywhere in the body.
  expect(text).not.toMatch(
    /stacktrace|node_modules|\/work\/|\.ts:\d+|\bat \w+ \(|select .* from|insert into/i,
  );
}

const BORROWER_COUNT = '{ borrowers { totalCount } }';

/** Signs in over plain HTTP and returns the headers that carry the access token. */
async function signIn(baseUrl: string, email: string): Promise<Record<string, string>> {
  const result = await post(baseUrl, {
    query:
      'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
    variables: { email, password: DEMO_PASSWORD },
  });
  const token = (result.json as { data?: { login?: { token?: string } } } | null)?.data?.login
    ?.token;
  if (!token) throw new Error(`login as ${email} failed: ${result.text}`);
  return { authorization: `Bearer ${token}` };
}

describe.each(DIALECTS)('HTTP on %s', (dialect) => {
  let api: TestApi;
  /** A PSBC supervisor's credentials (the harness's default login), for raw requests. */
  let auth: Record<string, string>;
  beforeAll(async () => {
    api = await startTestApi(dialect, { seedScale: 0.02 });
    auth = await signIn(api.baseUrl, DEFAULT_LOGIN);
  });
  afterAll(() => api?.close());

  it('GET /healthz answers 200 {status: "ok"}', async () => {
    const response = await fetch(`${api.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz answers 200 while the database is reachable', async () => {
    const response = await fetch(`${api.baseUrl}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ready' });
  });

  it('POST /graphql with a JSON body answers JSON, showing a signed-in user only their institution', async () => {
    const result = await post(
      api.baseUrl,
      {
        query: 'query Count { institutions { totalCount nodes { code } } }',
        operationName: 'Count',
      },
      auth,
    );
    expect(result.status).toBe(200);
    expect(result.contentType).toMatch(/^application\/(graphql-response\+)?json/);
    const { data } = result.json as {
      data: { institutions: { totalCount: number; nodes: { code: string }[] } };
    };
    // Five banks are seeded; a PSBC supervisor sees PSBC alone.
    expect(data.institutions).toEqual({ totalCount: 1, nodes: [{ code: 'PSBC' }] });
  });

  it('POST /graphql without credentials answers JSON with UNAUTHENTICATED and no data', async () => {
    const result = await post(api.baseUrl, { query: '{ institutions { totalCount } }' });
    expect(result.status).toBeLessThan(500);
    expect(result.contentType).toMatch(/^application\/(graphql-response\+)?json/);
    expectCleanErrors(result.json, result.text);
    const { data, errors } = result.json as {
      data: unknown;
      errors: { path: string[]; extensions: { code: string } }[];
    };
    expect(errors[0]).toMatchObject({
      path: ['institutions'],
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(data).toBeNull();
  });

  it('a bearer token that is not one the server issued is UNAUTHENTICATED', async () => {
    const [header, payload, signature] = auth.authorization!.slice('Bearer '.length).split('.');
    // The first character of a signature carries whole bits: changing it changes the signature.
    const forged = `${signature!.startsWith('A') ? 'B' : 'A'}${signature!.slice(1)}`;
    for (const authorization of [
      'Bearer not-a-token',
      `Bearer ${header}.${payload}.${forged}`,
      `Bearer eyJhbGciOiJub25lIn0.${payload}.`,
    ]) {
      const result = await post(api.baseUrl, { query: BORROWER_COUNT }, { authorization });
      expectCleanErrors(result.json, result.text);
      expect(
        (result.json as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
        authorization,
      ).toBe('UNAUTHENTICATED');
    }
  });

  it('does not say who built it', async () => {
    const response = await fetch(`${api.baseUrl}/healthz`);
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('refuses a batch (a JSON array body) without running any of it', async () => {
    const before = (await api.data<{ borrowers: { totalCount: number } }>(BORROWER_COUNT)).borrowers
      .totalCount;
    const { institutions } = await api.data<{ institutions: { nodes: { id: string }[] } }>(
      '{ institutions { nodes { id } } }',
    );
    const create = {
      query: 'mutation ($input: CreateBorrowerInput!) { createBorrower(input: $input) { id } }',
      variables: {
        input: {
          institutionId: institutions.nodes[0]!.id,
          fullName: '批量测试',
          // A valid ID (the GB 11643 example), so only the batching refusal can stop it.
          nationalId: '11010519491231002X',
          phones: ['13900000001'],
          address: { province: '北京市', city: '北京市', district: '东城区', detail: '一号' },
        },
      },
    };
    const result = await post(api.baseUrl, [{ query: '{ __typename }' }, create], auth);
    expect(result.status).toBe(400);
    expect(Array.isArray(result.json)).toBe(false);
    expect(result.text).not.toContain('"__typename"');
    const after = (await api.data<{ borrowers: { totalCount: number } }>(BORROWER_COUNT)).borrowers
      .totalCount;
    expect(after).toBe(before);
  });

  it('refuses a body that is not JSON with a typed JSON error and no stack trace', async () => {
    const broken = await post(api.baseUrl, '{"query": "{ __typename }"');
    expect(broken.status).toBe(400);
    expect(broken.text).not.toMatch(/node_modules|\/work\/|at \w+ \(/);
    expect(broken.json, broken.text).not.toBeNull();
    expectCleanErrors(broken.json, broken.text);
  });

  it('refuses a document that does not parse with BAD_USER_INPUT', async () => {
    const unparsable = await post(api.baseUrl, { query: '{ cases { nodes { id } ' });
    expect(unparsable.status).toBe(400);
    expectCleanErrors(unparsable.json, unparsable.text);
    expect(
      (unparsable.json as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions
        .code,
    ).toBe('BAD_USER_INPUT');
  });

  it('answers errors with extensions.code and no stack trace, whatever the kind', async () => {
    const requests: [string, unknown][] = [
      ['an unknown field', { query: '{ cases { nodes { nationalId } } }' }],
      [
        'a variable of the wrong type',
        { query: 'query ($n: Int) { cases(first: $n) { totalCount } }', variables: { n: 'ten' } },
      ],
      [
        'a Decimal that is not exact',
        { query: '{ cases(filter: { outstandingMin: "1.005" }) { totalCount } }' },
      ],
      ['a page too large', { query: '{ cases(first: 101) { totalCount } }' }],
      ['a forged cursor', { query: '{ cases(first: 5, after: "bm9wZQ") { totalCount } }' }],
      ['an unknown id', { query: '{ case(id: "00000000-0000-7000-8000-000000000000") { id } }' }],
      ['an id that is not a UUID', { query: '{ visit(id: "1; drop table visit") { id } }' }],
      [
        'an unknown receipt code',
        { query: '{ feedbackStatus(receiptCode: "FB0000000000") { status } }' },
      ],
    ];
    for (const [what, body] of requests) {
      const result = await post(api.baseUrl, body, auth);
      expect(result.status, what).toBeLessThan(500);
      expectCleanErrors(result.json, `${what}: ${result.text}`);
    }
  });

  it('an error for one field still answers the others', async () => {
    const result = await post(
      api.baseUrl,
      {
        query:
          '{ institutions { totalCount } case(id: "00000000-0000-7000-8000-000000000000") { id } }',
      },
      auth,
    );
    const { data, errors } = result.json as {
      data: unknown;
      errors: { path: string[]; extensions: { code: string } }[];
    };
    // case(id) is non-null, so its error nulls the whole data, but the error names its path and code.
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: ['case'], extensions: { code: 'NOT_FOUND' } });
    expect(data).toBeNull();
  });

  describe('in production mode', () => {
    let database: Awaited<ReturnType<typeof scratchDatabase>>;
    let server: Awaited<ReturnType<typeof createApiServer>>;
    let orm: Awaited<ReturnType<typeof openDatabase>>;
    let baseUrl: string;
    /** The one account of this otherwise empty database. */
    const OPERATOR = 'operator@prod.test';
    beforeAll(async () => {
      database = await scratchDatabase(dialect);
      orm = await openDatabase(database.config);
      const em = orm.em.fork();
      const institution = em.create(Institution, { code: 'PROD', name: '生产测试银行' });
      em.create(User, {
        institution,
        email: OPERATOR,
        displayName: '运维',
        role: Role.SUPERVISOR,
        passwordHash: await hashPassword(DEMO_PASSWORD),
      });
      await em.flush();
      // The same field-encryption key the harness set (it is process-wide), a key of its own
      // for access tokens: this server shares nothing else with the development one.
      server = await createApiServer(
        loadConfig({ NODE_ENV: 'production' }),
        orm,
        secretsFrom(randomBytes(32)),
      );
      baseUrl = (await server.listen(0)).url.replace(/\/graphql$/, '');
    });
    afterAll(async () => {
      await server?.stop();
      await orm?.close(true).catch(() => undefined);
      await database?.drop();
    });

    it('refuses introspection and still answers errors with a code and no stack trace', async () => {
      const signedIn = await signIn(baseUrl, OPERATOR);
      const introspection = await post(
        baseUrl,
        { query: '{ __schema { types { name } } }' },
        signedIn,
      );
      expectCleanErrors(introspection.json, introspection.text);
      const anonymous = await post(baseUrl, { query: '{ cases { totalCount } }' });
      expectCleanErrors(anonymous.json, anonymous.text);
      expect(
        (anonymous.json as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions
          .code,
      ).toBe('UNAUTHENTICATED');
      const missing = await post(
        baseUrl,
        { query: '{ case(id: "00000000-0000-7000-8000-000000000000") { id } }' },
        signedIn,
      );
      expectCleanErrors(missing.json, missing.text);
      expect(
        (missing.json as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
      ).toBe('NOT_FOUND');
      // The SQL statement count is a development aid, not part of a production answer.
      expect((missing.json as { extensions?: unknown }).extensions).toBeUndefined();
    });

    it('GET /readyz answers 503 once the database is gone, while /healthz stays 200', async () => {
      expect((await fetch(`${baseUrl}/readyz`)).status).toBe(200);
      await orm.close(true);
      const ready = await fetch(`${baseUrl}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.text()).not.toMatch(/node_modules|\/work\/|at \w+ \(/);
      expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
    });
  });
});
