import { HttpError } from 'react-admin';

import {
  createGraphqlClient,
  defineOperation,
  type GraphqlClientOptions,
  type RequestAuth,
} from '../dataProvider/graphqlClient';
import type { SessionUser, StoredSession, TokenStore } from './tokenStore';

const AUTH_PAYLOAD_FIELDS = /* GraphQL */ `
  token
  refreshToken
  expiresAt
  refreshExpiresAt
  user {
    id
    displayName
    email
    role
    institution {
      id
      code
      name
      timeZone
    }
  }
`;

export const LOGIN_MUTATION = defineOperation<
  { login: StoredSession },
  { email: string; password: string }
>(/* GraphQL */ `
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      ${AUTH_PAYLOAD_FIELDS}
    }
  }
`);

export const REFRESH_SESSION_MUTATION = defineOperation<
  { refreshSession: StoredSession },
  { refreshToken: string }
>(/* GraphQL */ `
  mutation RefreshSession($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) {
      ${AUTH_PAYLOAD_FIELDS}
    }
  }
`);

export const LOGOUT_MUTATION = defineOperation<{ logout: boolean }, Record<string, never>>(
  /* GraphQL */ `
    mutation Logout {
      logout
    }
  `,
);

/** A token this close to its expiry is renewed before it is sent. */
export const RENEW_MARGIN_MS = 60_000;

export interface Session extends RequestAuth {
  user(): SessionUser | undefined;
  /**
   * The user this page last handed a token for (or signed in), kept when the session then
   * ends under them (renewal refused) and forgotten on `logout`. `undefined` when this page
   * never had a working session, e.g. it was opened after the session had expired.
   */
  lastUser(): SessionUser | undefined;
  login(email: string, password: string): Promise<SessionUser>;
  /** Ends the session on the API (errors ignored) and forgets it here. */
  logout(): Promise<void>;
}

export interface SessionOptions extends Omit<GraphqlClientOptions, 'auth'> {
  store: TokenStore;
  /** Milliseconds since the epoch; tests pass a fixed clock. */
  now?: () => number;
}

/**
 * The signed-in session: logs in and out, hands the data provider's client its token, and
 * trades the refresh token for a new one when the token is about to expire or the API has
 * rejected it. Concurrent renewals share one `refreshSession` call.
 */
export const createSession = ({
  store,
  now = Date.now,
  ...clientOptions
}: SessionOptions): Session => {
  // Public operations (login, refreshSession) go out without a token.
  const anonymous = createGraphqlClient(clientOptions);
  // logout sends the current token as it is: renewing a session only to end it is pointless.
  const asIs = createGraphqlClient({
    ...clientOptions,
    auth: {
      token: () => Promise.resolve(store.read()?.token),
      renew: () => Promise.resolve(undefined),
    },
  });

  const expired = (instant: string | undefined, marginMs = 0): boolean => {
    if (!instant) return false;
    const at = Date.parse(instant);
    return Number.isNaN(at) || at - marginMs <= now();
  };

  let renewing: Promise<string | undefined> | undefined;
  let lastUser: SessionUser | undefined;

  const refresh = async (session: StoredSession): Promise<string | undefined> => {
    if (expired(session.refreshExpiresAt)) {
      store.clear();
      return undefined;
    }
    try {
      const { refreshSession } = await anonymous.request(REFRESH_SESSION_MUTATION, {
        refreshToken: session.refreshToken,
      });
      store.write(refreshSession);
      return refreshSession.token;
    } catch (error) {
      // The API ended the session; on any other failure keep it and let the request decide.
      if (error instanceof HttpError && error.status === 401) {
        // Another tab renewed with the same refresh token first (the API refuses a used one):
        // its new session is in the shared storage, and it is ours too.
        const current = store.read();
        if (current && current.token !== session.token) return current.token;
        store.clear();
        return undefined;
      }
      return session.token;
    }
  };

  const renewShared = (rejected: string): Promise<string | undefined> => {
    const session = store.read();
    if (!session) return Promise.resolve(undefined);
    // Another request renewed it meanwhile.
    if (session.token !== rejected) return Promise.resolve(session.token);
    renewing ??= refresh(session).finally(() => {
      renewing = undefined;
    });
    return renewing;
  };

  /** The token, remembering whose it is (see `lastUser`). */
  const handOut = (token: string | undefined): string | undefined => {
    if (token) lastUser = store.read()?.user ?? lastUser;
    return token;
  };

  return {
    user: () => store.read()?.user,
    lastUser: () => lastUser,
    async token() {
      const session = store.read();
      if (!session) return undefined;
      return handOut(
        expired(session.expiresAt, RENEW_MARGIN_MS)
          ? await renewShared(session.token)
          : session.token,
      );
    },
    async renew(rejected) {
      return handOut(await renewShared(rejected));
    },
    async login(email, password) {
      const { login } = await anonymous.request(LOGIN_MUTATION, { email, password });
      store.write(login);
      lastUser = login.user;
      return login.user;
    },
    async logout() {
      if (store.read()) {
        try {
          await asIs.request(LOGOUT_MUTATION, {});
        } catch {
          // Already ended, or the API is unreachable: forgetting the session here is what counts.
        }
      }
      store.clear();
      lastUser = undefined;
    },
  };
};
