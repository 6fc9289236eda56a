import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  DEFAULT_DATA_DIR,
  loadConfig,
  parseDatabaseUrl,
  parseMilliseconds,
  parsePort,
  parseRedisUrl,
} from './config.js';

describe('parseDatabaseUrl', () => {
  it('defaults to a SQLite file in the data folder', () => {
    expect(parseDatabaseUrl(undefined)).toEqual({
      dialect: 'sqlite',
      path: path.join(DEFAULT_DATA_DIR, 'arrears.sqlite'),
    });
    expect(parseDatabaseUrl('  ')).toEqual(parseDatabaseUrl(undefined));
  });

  it('takes sqlite:<path> relative to the working directory', () => {
    expect(parseDatabaseUrl('sqlite:./x/db.sqlite')).toEqual({
      dialect: 'sqlite',
      path: path.resolve('x/db.sqlite'),
    });
    expect(parseDatabaseUrl('sqlite:///tmp/a.sqlite')).toEqual({
      dialect: 'sqlite',
      path: '/tmp/a.sqlite',
    });
  });

  it('takes postgres:// and postgresql:// URLs', () => {
    expect(parseDatabaseUrl('postgres://u@h:5432/arrears')).toEqual({
      dialect: 'postgresql',
      url: 'postgres://u@h:5432/arrears',
    });
    expect(parseDatabaseUrl('postgresql://h/db').dialect).toBe('postgresql');
  });

  it.each([
    ['mysql://h/db', /must be empty/],
    ['sqlite:', /needs a file path/],
    ['postgres://host', /must name a database/],
    ['postgres://', /must name a host/],
    ['postgres://h:notaport/db', /not a valid/],
  ])('refuses %s with a one-line reason', (value, reason) => {
    expect(() => parseDatabaseUrl(value)).toThrow(ConfigError);
    expect(() => parseDatabaseUrl(value)).toThrow(reason);
  });
});

describe('parsePort', () => {
  it('defaults to 4000', () => {
    expect(parsePort(undefined)).toBe(4000);
  });

  it.each(['abc', '-1', '70000', '80.5'])('refuses %s', (value) => {
    expect(() => parsePort(value)).toThrow(/PORT must be a number between 0 and 65535/);
  });
});

describe('parseRedisUrl', () => {
  it('is absent (in-memory limits) when unset or blank', () => {
    expect(parseRedisUrl(undefined)).toBeUndefined();
    expect(parseRedisUrl(' ')).toBeUndefined();
  });

  it('takes redis:// and rediss:// (TLS) URLs', () => {
    expect(parseRedisUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
    expect(parseRedisUrl(' rediss://:secret@cache.internal:6380/2 ')).toBe(
      'rediss://:secret@cache.internal:6380/2',
    );
  });

  it.each([
    ['http://127.0.0.1:6379', /must start with redis:\/\/ or rediss:\/\//],
    ['127.0.0.1:6379', /must start with redis:\/\/ or rediss:\/\//],
    ['redis://', /valid URL with a host/],
    ['redis://:pa ss@h:notaport', /valid URL with a host/],
  ])('refuses %s', (value, reason) => {
    expect(() => parseRedisUrl(value)).toThrow(ConfigError);
    expect(() => parseRedisUrl(value)).toThrow(reason);
  });

  it('never repeats the URL, which may hold a password, in its message', () => {
    expect(() => parseRedisUrl('redis://:hunter2@h:notaport')).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
    );
  });
});

describe('parseMilliseconds', () => {
  it('uses the default when unset or blank', () => {
    expect(parseMilliseconds('REQUEST_TIMEOUT_MS', undefined, 15_000)).toBe(15_000);
    expect(parseMilliseconds('REQUEST_TIMEOUT_MS', '', 15_000)).toBe(15_000);
  });

  it('takes a whole number of milliseconds', () => {
    expect(parseMilliseconds('REQUEST_TIMEOUT_MS', ' 2500 ', 15_000)).toBe(2500);
    expect(parseMilliseconds('REQUEST_TIMEOUT_MS', '2147483647', 15_000)).toBe(2_147_483_647);
  });

  it.each(['0', '-5', '1.5', '10s', 'abc', '2147483648'])(
    'refuses %s, naming the variable',
    (value) => {
      expect(() => parseMilliseconds('STATEMENT_TIMEOUT_MS', value, 10_000)).toThrow(ConfigError);
      expect(() => parseMilliseconds('STATEMENT_TIMEOUT_MS', value, 10_000)).toThrow(
        /STATEMENT_TIMEOUT_MS must be a number of milliseconds between 1 and 2147483647/,
      );
    },
  );
});

describe('loadConfig', () => {
  it('defaults to in-memory limits, a 15 s request timeout and a 10 s statement timeout', () => {
    const config = loadConfig({});
    expect(config.redisUrl).toBeUndefined();
    expect(config.requestTimeoutMs).toBe(15_000);
    expect(config.statementTimeoutMs).toBe(10_000);
  });

  it('reads REDIS_URL, REQUEST_TIMEOUT_MS and STATEMENT_TIMEOUT_MS', () => {
    const config = loadConfig({
      REDIS_URL: 'redis://127.0.0.1:6379',
      REQUEST_TIMEOUT_MS: '5000',
      STATEMENT_TIMEOUT_MS: '3000',
    });
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.requestTimeoutMs).toBe(5000);
    expect(config.statementTimeoutMs).toBe(3000);
  });

  it('refuses to start on a bad REDIS_URL or timeout', () => {
    expect(() => loadConfig({ REDIS_URL: 'localhost:6379' })).toThrow(ConfigError);
    expect(() => loadConfig({ REQUEST_TIMEOUT_MS: 'soon' })).toThrow(/REQUEST_TIMEOUT_MS/);
    expect(() => loadConfig({ STATEMENT_TIMEOUT_MS: '0' })).toThrow(/STATEMENT_TIMEOUT_MS/);
  });

  it('forbids demo passwords in production only', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).allowDemoPasswords).toBe(false);
    expect(loadConfig({}).allowDemoPasswords).toBe(true);
  });
});
