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

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const production = env.NODE_ENV === 'production';
  return {
    database: parseDatabaseUrl(env.DATABASE_URL),
    port: parsePort(env.PORT),
    production,
    allowDemoPasswords: !production,
  };
}
