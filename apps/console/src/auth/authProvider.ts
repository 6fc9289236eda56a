import { HttpError, type AuthProvider, type UserIdentity } from 'react-admin';

import type { Session } from './session';

/**
 * react-admin's auth provider over the API's `login`, `refreshSession` and `logout`. The
 * default login page's "username" is the user's email.
 */
export const createAuthProvider = (session: Session): AuthProvider => ({
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
  },

  async logout() {
    await session.logout();
  },

  async checkAuth() {
    // No session, or one that cannot be renewed (which clears it); a token within a minute
    // of expiry is renewed here.
    if (!(await session.token())) throw new Error('ra.auth.auth_check_error');
  },

  async checkError(error: unknown) {
    const status = (error as { status?: unknown } | null)?.status;
    // UNAUTHENTICATED: the client has already tried to renew the token, so sign in again.
    if (status === 401) throw error;
    // FORBIDDEN and everything else: stay signed in; the page shows the error.
  },

  async getIdentity(): Promise<UserIdentity> {
    const user = session.user();
    if (!user) throw new Error('ra.auth.auth_check_error');
    return { id: user.id, fullName: user.displayName };
  },

  async getPermissions() {
    return session.user()?.role;
  },
});
