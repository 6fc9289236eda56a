import { createAuthProvider } from './authProvider';
import { createReauth } from './reauth';
import { createSession } from './session';
import { browserStorage, createTokenStore } from './tokenStore';

export { canRoleAccess, isRole } from './access';
export { createAuthProvider } from './authProvider';
export { createReauth, type Reauth } from './reauth';
export { createSession, type Session } from './session';
export { createTokenStore, type StoredSession, type TokenStore } from './tokenStore';

/** The console's session, kept in localStorage and shared by the auth and data providers. */
export const session = createSession({
  url: '/graphql',
  store: createTokenStore(browserStorage()),
});
/** Asks for the password again, over the page, when the session ends under the user. */
export const reauth = createReauth();
export const authProvider = createAuthProvider(session, reauth);
