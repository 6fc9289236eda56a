import type { Role } from '@arrears/domain';

/** The signed-in user as `login` and `refreshSession` return it. */
export interface SessionUser {
  id: string;
  displayName: string;
  email: string;
  role: Role;
  institution: { id: string; code: string; name: string; timeZone: string };
}

/** What the console keeps between page loads: the API's `AuthPayload`. */
export interface StoredSession {
  token: string;
  refreshToken: string;
  /** ISO-8601 instant after which `token` no longer works. */
  expiresAt: string;
  /** ISO-8601 instant after which `refreshToken` no longer works. */
  refreshExpiresAt?: string;
  user: SessionUser;
}

/** The one place that knows where the session is stored. */
export interface TokenStore {
  read(): StoredSession | undefined;
  write(session: StoredSession): void;
  clear(): void;
}

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The single localStorage key, holding the session as JSON. */
export const SESSION_STORAGE_KEY = 'arrears.session';

const isSession = (value: unknown): value is StoredSession => {
  if (typeof value !== 'object' || value === null) return false;
  const { token, refreshToken, expiresAt, user } = value as Partial<StoredSession>;
  return (
    typeof token === 'string' &&
    typeof refreshToken === 'string' &&
    typeof expiresAt === 'string' &&
    typeof user === 'object' &&
    user !== null &&
    typeof user.id === 'string'
  );
};

/** A store over `storage`; anything unreadable there counts as signed out. */
export const createTokenStore = (storage: StorageLike): TokenStore => ({
  read() {
    const text = storage.getItem(SESSION_STORAGE_KEY);
    if (text === null) return undefined;
    try {
      const value: unknown = JSON.parse(text);
      if (isSession(value)) return value;
    } catch {
      // fall through: a corrupt entry is dropped
    }
    storage.removeItem(SESSION_STORAGE_KEY);
    return undefined;
  },
  write(session) {
    storage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
  },
  clear() {
    storage.removeItem(SESSION_STORAGE_KEY);
  },
});

/** A `Storage` that lives as long as the page: for tests, and where localStorage is missing. */
export const memoryStorage = (): StorageLike & { readonly items: Map<string, string> } => {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
};

/** The browser's localStorage when it can be used (private modes may refuse it). */
export const browserStorage = (): StorageLike => {
  try {
    const storage = globalThis.localStorage;
    if (storage) return storage;
  } catch {
    // fall through
  }
  return memoryStorage();
};
