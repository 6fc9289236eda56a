import { createAuthProvider } from './authProvider';
import { createSession } from './session';
import { browserStorage, createTokenStore } from './tokenStore';

export { createAuthProvider } from './authProvider';
export { createSession, type Session } from './session';
export { createTokenStore, type StoredSession, type TokenStore } from './tokenStore';

/** The console's session, kept in localStorage and shared by the auth and data providers. */
export const session = createSession({
  url: '/graphql',
  store: createTokenStore(browserStorage()),
});
export const authProvider = createAuthProvider(session);
