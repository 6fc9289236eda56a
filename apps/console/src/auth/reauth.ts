import type { SessionUser } from './tokenStore';

/**
 * "Sign in again, in place": when the session ends under a signed-in user (the refresh token
 * expired or was revoked while a form was half filled), the console does not navigate to the
 * login page, which would throw the unsaved input away. It asks for the password in a dialog
 * over the page instead (`ReloginDialog`), and the page stays as it was.
 *
 * This is the state of that request, shared by the auth provider (which raises and settles it)
 * and the dialog (which subscribes to it).
 */
export interface Reauth {
  /** The user asked to sign in again, or `undefined` when nothing is pending. */
  pending(): SessionUser | undefined;
  /** Asks `user` to sign in again; repeated requests while one is pending change nothing. */
  request(user: SessionUser): void;
  /** Signed in again, or signed out: the request is over. */
  settle(): void;
  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

export const createReauth = (): Reauth => {
  let pending: SessionUser | undefined;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());

  return {
    pending: () => pending,
    request(user) {
      if (pending) return;
      pending = user;
      notify();
    },
    settle() {
      if (!pending) return;
      pending = undefined;
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
};
