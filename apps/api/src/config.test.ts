import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  DEFAULT_DATA_DIR,
  loadConfig,
  parseDatabaseUrl,
  parsePort,
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

describe('loadConfig', () => {
  it('forbids demo passwords in production only', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).allowDemoPasswords).toBe(false);
    expect(loadConfig({}).allowDemoPasswords).toBe(true);
  });
});
