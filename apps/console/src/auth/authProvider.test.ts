import { HttpError } from 'react-admin';
import { describe, expect, it } from 'vitest';

import { createDataProvider } from '../dataProvider';
import { fakeFetch, graphqlError, graphqlResponse } from '../test/fakeFetch';
import { createAuthProvider } from './authProvider';
import { createReauth } from './reauth';
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
  const reauth = createReauth();
  return {
    ...fake,
    storage,
    store,
    session,
    reauth,
    authProvider: createAuthProvider(session, reauth),
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
    await expect(authProvider.getIdentity?.()).resolves.toEqual({
      id: 'u1',
      fullName: '王主管',
      email: 'supervisor@psbc.demo',
      role: 'SUPERVISOR',
      institutionId: 'i1',
      institutionName: '邮储银行',
      timeZone: 'Asia/Shanghai',
    });
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

  it('clears the session when the refresh token is refused, and asks the user to sign in again in place', async () => {
    const { authProvider, dataProvider, reauth, requests, store } = setup(
      unauthenticated(),
      unauthenticated(),
      graphqlResponse({ data: { login: payload('t3') } }),
      emptyCases(),
    );
    store.write(payload('t1'));

    const error: unknown = await dataProvider.getList('cases', CASE_LIST_PARAMS).catch((e) => e);

    expect(requests).toHaveLength(2); // no retry without a new token
    expect((error as HttpError).status).toBe(401);
    expect(store.read()).toBeUndefined();
    // checkError resolves: react-admin neither logs out nor navigates, so a half-filled form
    // stays, and the failed save fails (rather than "succeeding" with empty data).
    await expect(authProvider.checkError(error)).resolves.toBeUndefined();
    expect(reauth.pending()).toMatchObject({ id: 'u1', email: 'supervisor@psbc.demo' });
    // The form's error notice reads "your session has ended", translated.
    expect((error as HttpError).message).toBe('auth.relogin.title');
    // Meanwhile the page is kept: checkAuth passes, the menus keep the role.
    await expect(authProvider.checkAuth({})).resolves.toBeUndefined();
    await expect(authProvider.getPermissions?.({})).resolves.toBe('SUPERVISOR');
    await expect(authProvider.canAccess?.({ resource: 'cases', action: 'edit' })).resolves.toBe(
      true,
    );

    // The dialog signs in again; the next request carries the new token.
    await authProvider.login({ username: 'supervisor@psbc.demo', password: 'arrears-demo' });
    expect(reauth.pending()).toBeUndefined();
    await dataProvider.getList('cases', CASE_LIST_PARAMS);
    expect(authorization(requests[3]?.init)).toBe('Bearer t3');
  });

  it('sends a page that never had a working session to the login page, not to the dialog', async () => {
    const { authProvider, dataProvider, reauth, store } = setup(unauthenticated());
    // Opened after the refresh token expired: the session is dropped before any token is used.
    store.write({ ...payload('t1', -1000), refreshExpiresAt: at(-1000) });

    const error: unknown = await dataProvider.getList('cases', CASE_LIST_PARAMS).catch((e) => e);

    await expect(authProvider.checkError(error)).rejects.toBe(error);
    expect(reauth.pending()).toBeUndefined();
  });

  it('forgets the user on logout, so a later 401 goes to the login page', async () => {
    const { authProvider, dataProvider, reauth, store } = setup(
      emptyCases(),
      graphqlResponse({ data: { logout: true } }),
      unauthenticated(),
    );
    store.write(payload('t1'));
    await dataProvider.getList('cases', CASE_LIST_PARAMS);
    reauth.request(store.read()!.user);

    await authProvider.logout({});

    expect(reauth.pending()).toBeUndefined();
    const error: unknown = await dataProvider.getList('cases', CASE_LIST_PARAMS).catch((e) => e);
    await expect(authProvider.checkError(error)).rejects.toBe(error);
    await expect(authProvider.checkAuth({})).rejects.toThrow();
  });

  it('adopts the session another tab renewed when its own renewal is refused', async () => {
    const { dataProvider, requests, store } = setup(
      unauthenticated(),
      () => {
        // The other tab renewed first with the same refresh token and stored its session.
        store.write(payload('t-other'));
        return unauthenticated();
      },
      emptyCases(),
    );
    store.write(payload('t1'));

    await expect(dataProvider.getList('cases', CASE_LIST_PARAMS)).resolves.toEqual({
      data: [],
      total: 0,
    });

    expect(authorization(requests[2]?.init)).toBe('Bearer t-other');
    expect(store.read()?.token).toBe('t-other');
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
