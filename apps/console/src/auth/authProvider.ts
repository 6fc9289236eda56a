import { HttpError, type AuthProvider, type UserIdentity } from 'react-admin';

import { canRoleAccess } from './access';
import { createReauth, type Reauth } from './reauth';
import type { Session } from './session';
import type { SessionUser } from './tokenStore';

/** The message a request refused for want of a session carries once the dialog is up. */
export const SESSION_ENDED = 'auth.relogin.title';

/**
 * react-admin's auth provider over the API's `login`, `refreshSession` and `logout`. The
 * default login page's "username" is the user's email.
 *
 * A token about to expire is renewed silently before it is sent (see `session.ts`). When the
 * session cannot be renewed under a user who was working on this page, the user is asked to
 * sign in again in a dialog over the page (`reauth`, shown by `ReloginDialog`) instead of
 * being sent to the login page, so a half-filled form survives.
 */
export const createAuthProvider = (
  session: Session,
  reauth: Reauth = createReauth(),
): AuthProvider => {
  /** The signed-in user, or the one asked to sign in again meanwhile. */
  const currentUser = (): SessionUser | undefined => session.user() ?? reauth.pending();

  return {
    async login({ username, password }: { username?: string; password?: string }) {
      try {
        await session.login(String(username ?? '').trim(), String(password ?? ''));
      } catch (error) {
        // Wrong email or password: react-admin shows its own (translated) message.
        if (error instanceof HttpError && error.status === 401) {
          throw new Error('ra.auth.sign_in_error', { cause: error });
        }
        throw error;
      }
      reauth.settle();
    },

    async logout() {
      reauth.settle();
      await session.logout();
    },

    async checkAuth() {
      // While the user is asked to sign in again, the page they are on stays.
      if (reauth.pending()) return;
      // No session, or one that cannot be renewed (which clears it); a token within a minute
      // of expiry is renewed here.
      if (!(await session.token())) throw new Error('ra.auth.auth_check_error');
    },

    async checkError(error: unknown) {
      const status = (error as { status?: unknown } | null)?.status;
      // FORBIDDEN and everything else: stay signed in; the page shows the error.
      if (status !== 401) return;
      // UNAUTHENTICATED: the client has already tried to renew the token. Someone who was
      // working here signs in again over the page; resolving (rather than rejecting) keeps
      // react-admin from logging out and lets the failed save fail, so its form stays filled.
      const user = reauth.pending() ?? session.lastUser();
      if (user) {
        reauth.request(user);
        // The page's own error notice then says what happened, in the user's language,
        // instead of the API's "Sign in first".
        if (error instanceof Error) error.message = SESSION_ENDED;
        return;
      }
      // This page never had a working session: the login page.
      throw error;
    },

    async getIdentity(): Promise<UserIdentity> {
      const user = currentUser();
      if (!user) throw new Error('ra.auth.auth_check_error');
      return {
        id: user.id,
        fullName: user.displayName,
        email: user.email,
        role: user.role,
        institutionId: user.institution.id,
        institutionName: user.institution.name,
        timeZone: user.institution.timeZone,
      };
    },

    /** The user's role: `ADMIN`, `SUPERVISOR`, `COLLECTOR` or `AUDITOR`. */
    async getPermissions() {
      return currentUser()?.role;
    },

    /** See `access.ts`: what each role may do, by the permissions the API checks. */
    async canAccess({ resource, action }) {
      return canRoleAccess(currentUser()?.role, resource, action);
    },
  };
};
