import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the API keeps the embedded database (git-ignored). */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../data/', import.meta.url));

export type DatabaseConfig =
  | { dialect: 'sqlite'; path: string }
  | { dialect: 'postgresql'; url: string };

export interface AppConfig {
  readonly database: DatabaseConfig;
  readonly port: number;
  readonly production: boolean;
  /** Demo logins (password `arrears-demo`) are only allowed outside production. */
  readonly allowDemoPasswords: boolean;
  /** Shared store for rate limits when several API instances run; in memory when absent. */
  readonly redisUrl: string | undefined;
  /** A request whose response has not started by then gets a 503. */
  readonly requestTimeoutMs: number;
  /** PostgreSQL cancels any single statement running longer than this. */
  readonly statementTimeoutMs: number;
}

/** A setting that makes start-up impossible; `main` prints it as one line and exits non-zero. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function parseDatabaseUrl(raw: string | undefined): DatabaseConfig {
  if (raw === undefined || raw.trim() === '') {
    return { dialect: 'sqlite', path: path.join(DEFAULT_DATA_DIR, 'arrears.sqlite') };
  }
  const value = raw.trim();
  if (value.startsWith('sqlite:')) {
    const file = value.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (file === '')
      throw new ConfigError(
        'DATABASE_URL "sqlite:" needs a file path, e.g. sqlite:./data/arrears.sqlite',
      );
    return { dialect: 'sqlite', path: file === ':memory:' ? file : path.resolve(file) };
  }
  if (value.startsWith('postgres://') || value.startsWith('postgresql://')) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new ConfigError('DATABASE_URL is not a valid postgres:// URL');
    }
    if (!url.hostname)
      throw new ConfigError(
        'DATABASE_URL must name a host, e.g. postgres://user@localhost:5432/arrears',
      );
    if (url.pathname.length <= 1)
      throw new ConfigError(
        'DATABASE_URL must name a database, e.g. postgres://user@host:5432/arrears',
      );
    return { dialect: 'postgresql', url: value };
  }
  throw new ConfigError(
    'DATABASE_URL must be empty (embedded SQLite), sqlite:<path> or postgres://…',
  );
}

export function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 4000;
  if (!/^\d+$/.test(raw.trim()))
    throw new ConfigError(`PORT must be a number between 0 and 65535, got "${raw}"`);
  const port = Number(raw);
  if (port > 65535)
    throw new ConfigError(`PORT must be a number between 0 and 65535, got "${raw}"`);
  return port;
}

export function parseRedisUrl(raw: string | undefined): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = raw.trim();
  if (!value.startsWith('redis://') && !value.startsWith('rediss://'))
    throw new ConfigError('REDIS_URL must start with redis:// or rediss://');
  try {
    if (!new URL(value).hostname) throw new Error('no host');
  } catch {
    // The URL may carry a password: name the setting, never echo its value.
    throw new ConfigError('REDIS_URL must be a valid URL with a host, e.g. redis://localhost:6379');
  }
  return value;
}

/** Node timers and PostgreSQL's statement_timeout both stop at a signed 32-bit millisecond count. */
const MAX_TIMEOUT_MS = 2_147_483_647;

/** A whole number of milliseconds, at least 1, with a default when the variable is unset. */
export function parseMilliseconds(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = raw.trim();
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_TIMEOUT_MS)
    throw new ConfigError(
      `${name} must be a number of milliseconds between 1 and ${MAX_TIMEOUT_MS}, got "${raw}"`,
    );
  return Number(value);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const production = env.NODE_ENV === 'production';
  return {
    database: parseDatabaseUrl(env.DATABASE_URL),
    port: parsePort(env.PORT),
    production,
    allowDemoPasswords: !production,
    redisUrl: parseRedisUrl(env.REDIS_URL),
    requestTimeoutMs: parseMilliseconds('REQUEST_TIMEOUT_MS', env.REQUEST_TIMEOUT_MS, 15_000),
    statementTimeoutMs: parseMilliseconds('STATEMENT_TIMEOUT_MS', env.STATEMENT_TIMEOUT_MS, 10_000),
  };
}
