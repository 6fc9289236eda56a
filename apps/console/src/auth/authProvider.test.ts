import { HttpError } from 'react-admin';
import { describe, expect, it } from 'vitest';

import { createDataProvider } from '../dataProvider';
import { fakeFetch, graphqlError, graphqlResponse } from '../test/fakeFetch';
import { createAuthProvider } from './authProvider';
import { createSession, RENEW_MARGIN_MS } from './session';
import {
  createTokenStore,
  memoryStorage,
  SESSION_STORAGE_KEY,
  type StoredSession,
} from './tokenStore';

const NOW = Date.parse('2026-03-01T09:00:00Z');
const at = (offsetMs: number) => new Date(NOW + offsetMs).toISOString();

const user = {
  id: 'u1',
  displayName: '王主管',
  email: 'supervisor@psbc.demo',
  role: 'SUPERVISOR',
  institution: { id: 'i1', code: 'PSBC', name: '邮储银行', timeZone: 'Asia/Shanghai' },
} as const;

const payload = (token: string, expiresInMs = 15 * 60_000): StoredSession => ({
  token,
  refreshToken: `refresh-${token}`,
  expiresAt: at(expiresInMs),
  refreshExpiresAt: at(7 * 24 * 3600_000),
  user,
});

const unauthenticated = () =>
  graphqlResponse({
    data: null,
    errors: [graphqlError('Sign in first', { code: 'UNAUTHENTICATED' })],
  });

const emptyCases = () => graphqlResponse({ data: { cases: { nodes: [], totalCount: 0 } } });

const CASE_LIST_PARAMS = {
  pagination: { page: 1, perPage: 25 },
  sort: { field: 'id', order: 'ASC' as const },
  filter: {},
};

/** An auth provider and a data provider sharing one session over one fake fetch. */
const setup = (...answers: Parameters<typeof fakeFetch>) => {
  const fake = fakeFetch(...answers);
  const storage = memoryStorage();
  const store = createTokenStore(storage);
  const session = createSession({ url: '/graphql', fetch: fake.fetch, store, now: () => NOW });
  return {
    ...fake,
    storage,
    store,
    authProvider: createAuthProvider(session),
    dataProvider: createDataProvider({ url: '/graphql', fetch: fake.fetch, auth: session }),
  };
};

const authorization = (init: RequestInit | undefined) =>
  (init?.headers as Record<string, string> | undefined)?.Authorization;

describe('authProvider', () => {
  it('logs in, stores the session under one key, and the data provider then sends the token', async () => {
    const { authProvider, dataProvider, requests, storage } = setup(
      graphqlResponse({ data: { login: payload('t1') } }),
      emptyCases(),
    );

    await authProvider.login({ username: ' supervisor@psbc.demo ', password: 'arrears-demo' });

    expect(requests[0]?.query).toContain('login(email: $email, password: $password)');
    expect(requests[0]?.variables).toEqual({
      email: 'supervisor@psbc.demo',
      password: 'arrears-demo',
    });
    expect(authorization(requests[0]?.init)).toBeUndefined();
    expect([...storage.items.keys()]).toEqual([SESSION_STORAGE_KEY]);
    expect(JSON.parse(storage.items.get(SESSION_STORAGE_KEY) ?? '')).toMatchObject({
      token: 't1',
      refreshToken: 'refresh-t1',
      user: { displayName: '王主管' },
    });
    await expect(authProvider.checkAuth({})).resolves.toBeUndefined();
    await expect(authProvider.getIdentity?.()).resolves.toEqual({ id: 'u1', fullName: '王主管' });
    await expect(authProvider.getPermissions?.({})).resolves.toBe('SUPERVISOR');

    await dataProvider.getList('cases', CASE_LIST_PARAMS);
    expect(authorization(requests[1]?.init)).toBe('Bearer t1');
  });

  it('rejects a wrong password with the translated sign-in message and stores nothing', async () => {
    const { authProvider, storage } = setup(unauthenticated());

    await expect(authProvider.login({ username: 'a@b.c', password: 'nope' })).rejects.toThrow(
      'ra.auth.sign_in_error',
    );
    expect(storage.items.size).toBe(0);
    await expect(authProvider.checkAuth({})).rejects.toThrow();
  });

  it('sends no Authorization header and fails checkAuth when nobody is signed in', async () => {
    const { authProvider, dataProvider, requests } = setup(unauthenticated());

    await expect(authProvider.checkAuth({})).rejects.toThrow();
    const error: unknown = await dataProvider.getList('cases', CASE_LIST_PARAMS).catch((e) => e);

    expect(authorization(requests[0]?.init)).toBeUndefined();
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(401);
    // UNAUTHENTICATED sends the user to the login page ...
    await expect(authProvider.checkError(error)).rejects.toBe(error);
  });

  it('stays signed in on FORBIDDEN and other errors', async () => {
    const { authProvider } = setup();
    await expect(
      authProvider.checkError(new HttpError('Not yours', 403, { code: 'FORBIDDEN' })),
    ).resolves.toBeUndefined();
    await expect(authProvider.checkError(new HttpError('Boom', 500))).resolves.toBeUndefined();
  });

  it('logs out on the API with the token and clears storage, even when the API fails', async () => {
    const { authProvider, requests, storage, store } = setup(new Error('offline'));
    store.write(payload('t1'));

    await authProvider.logout({});

    expect(requests[0]?.query).toContain('logout');
    expect(authorization(requests[0]?.init)).toBe('Bearer t1');
    expect(storage.items.size).toBe(0);
    await expect(authProvider.checkAuth({})).rejects.toThrow();
    await expect(authProvider.getPermissions?.({})).resolves.toBeUndefined();
  });
});

describe('session renewal', () => {
  it('renews once on UNAUTHENTICATED and retries the request with the new token', async () => {
    const { dataProvider, requests, store } = setup(
      unauthenticated(),
      graphqlResponse({ data: { refreshSession: payload('t2') } }),
      emptyCases(),
    );
    store.write(payload('t1'));

    await expect(dataProvider.getList('cases', CASE_LIST_PARAMS)).resolves.toEqual({
      data: [],
      total: 0,
    });

    expect(authorization(requests[0]?.init)).toBe('Bearer t1');
    expect(requests[1]?.query).toContain('refreshSession(refreshToken: $refreshToken)');
    expect(requests[1]?.variables).toEqual({ refreshToken: 'refresh-t1' });
    expect(authorization(requests[1]?.init)).toBeUndefined();
    expect(authorization(requests[2]?.init)).toBe('Bearer t2');
    expect(store.read()?.token).toBe('t2');
  });

  it('renews before sending a token that expires within the margin', async () => {
    const { authProvider, dataProvider, requests, store } = setup(
      graphqlResponse({ data: { refreshSession: payload('t2') } }),
      emptyCases(),
    );
    store.write(payload('t1', RENEW_MARGIN_MS - 1000));

    await expect(authProvider.checkAuth({})).resolves.toBeUndefined();
    await dataProvider.getList('cases', CASE_LIST_PARAMS);

    expect(requests.map((r) => r.query.match(/(query|mutation) (\w+)/)?.[2])).toEqual([
      'RefreshSession',
      'Cases',
    ]);
    expect(authorization(requests[1]?.init)).toBe('Bearer t2');
  });

  it('shares one refreshSession call between concurrent requests', async () => {
    const { dataProvider, requests, store } = setup(
      graphqlResponse({ data: { refreshSession: payload('t2') } }),
      emptyCases(),
      emptyCases(),
    );
    store.write(payload('t1', 0));

    await Promise.all([
      dataProvider.getList('cases', CASE_LIST_PARAMS),
      dataProvider.getList('cases', CASE_LIST_PARAMS),
    ]);

    expect(requests.filter((r) => r.query.includes('refreshSession'))).toHaveLength(1);
    expect(requests.slice(1).map((r) => authorization(r.init))).toEqual(['Bearer t2', 'Bearer t2']);
  });

  it('clears the session when the refresh token is refused, and the 401 reaches checkError', async () => {
    const { authProvider, dataProvider, requests, store } = setup(
      unauthenticated(),
      unauthenticated(),
    );
    store.write(payload('t1'));

    const error: unknown = await dataProvider.getList('cases', CASE_LIST_PARAMS).catch((e) => e);

    expect(requests).toHaveLength(2); // no retry without a new token
    expect((error as HttpError).status).toBe(401);
    expect(store.read()).toBeUndefined();
    await expect(authProvider.checkError(error)).rejects.toBe(error);
    await expect(authProvider.checkAuth({})).rejects.toThrow();
  });

  it('does not call refreshSession when the refresh token has expired', async () => {
    const { authProvider, requests, store } = setup();
    store.write({ ...payload('t1', -1000), refreshExpiresAt: at(-1000) });

    await expect(authProvider.checkAuth({})).rejects.toThrow();
    expect(requests).toHaveLength(0);
    expect(store.read()).toBeUndefined();
  });
});

describe('tokenStore', () => {
  it('treats a corrupt entry as signed out and drops it', () => {
    const storage = memoryStorage();
    storage.setItem(SESSION_STORAGE_KEY, '{not json');
    expect(createTokenStore(storage).read()).toBeUndefined();
    expect(storage.items.size).toBe(0);
  });
});
