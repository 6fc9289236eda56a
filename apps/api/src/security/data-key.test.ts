import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../config.js';
import { initFieldEncryption, loadMasterKey } from './data-key.js';
import { FieldKeyring, encryptField } from './field-encryption.js';

const development = { production: false };
const production = { production: true };

let dataDir: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'arrears-key-'));
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const keyFile = () => path.join(dataDir, 'dev-data-key');

describe('loadMasterKey', () => {
  it('takes ARREARS_DATA_KEY, in production and out of it, without writing a file', () => {
    const key = randomBytes(32);
    const env = { ARREARS_DATA_KEY: ` ${key.toString('base64')}\n` };
    expect(loadMasterKey(production, { env, dataDir })).toEqual(key);
    expect(loadMasterKey(development, { env, dataDir })).toEqual(key);
    expect(fs.existsSync(keyFile())).toBe(false);
  });

  it.each([
    ['16 bytes', randomBytes(16).toString('base64')],
    ['33 bytes', randomBytes(33).toString('base64')],
    ['hex', randomBytes(32).toString('hex')],
    ['not base64', 'this is not a key at all, not even close!!='],
  ])('refuses a malformed ARREARS_DATA_KEY (%s)', (_what, value) => {
    const load = () => loadMasterKey(production, { env: { ARREARS_DATA_KEY: value }, dataDir });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/ARREARS_DATA_KEY must be the base64 of 32 random bytes/);
  });

  it('refuses to start in production without a key, and creates none', () => {
    for (const env of [{}, { ARREARS_DATA_KEY: '  ' }]) {
      expect(() => loadMasterKey(production, { env, dataDir })).toThrow(
        new ConfigError('ARREARS_DATA_KEY is required in production'),
      );
    }
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('outside production generates a key once, private to the owner, and reuses it', () => {
    const nested = path.join(dataDir, 'not-yet-there');
    const first = loadMasterKey(development, { env: {}, dataDir: nested });
    expect(first).toHaveLength(32);
    const file = path.join(nested, 'dev-data-key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(first.toString('base64'));
    expect(loadMasterKey(development, { env: {}, dataDir: nested })).toEqual(first);
    expect(fs.readdirSync(nested)).toEqual(['dev-data-key']);
  });

  it('refuses a damaged development key file instead of replacing it', () => {
    fs.writeFileSync(keyFile(), 'garbage\n');
    expect(() => loadMasterKey(development, { env: {}, dataDir })).toThrow(ConfigError);
    expect(fs.readFileSync(keyFile(), 'utf8')).toBe('garbage\n');
  });
});

describe('initFieldEncryption', () => {
  it('configures field encryption with the loaded key', () => {
    const key = randomBytes(32);
    initFieldEncryption(development, {
      env: { ARREARS_DATA_KEY: key.toString('base64') },
      dataDir,
    });
    expect(FieldKeyring.fromMasterKey(key).decrypt(encryptField('13800138000'))).toBe(
      '13800138000',
    );
  });
});
