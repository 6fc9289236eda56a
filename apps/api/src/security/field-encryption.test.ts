import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  FieldDecryptionError,
  FieldKeyring,
  blindIndex,
  configureFieldEncryption,
  decryptField,
  encryptField,
} from './field-encryption.js';

const NATIONAL_ID = '11010519491231002X';
const keyring = FieldKeyring.fromMasterKey(randomBytes(32));

/** Replaces the `index`-th colon-separated part of a stored value with a byte flipped. */
function tamper(stored: string, index: number): string {
  const parts = stored.split(':');
  const bytes = Buffer.from(parts[index] ?? '', 'base64url');
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  parts[index] = bytes.toString('base64url');
  return parts.join(':');
}

describe('FieldKeyring', () => {
  it('round-trips text, including the empty string and Chinese', () => {
    for (const plain of [NATIONAL_ID, '["13800138000","13912345678"]', '', '张伟 陕西省西安市']) {
      expect(keyring.decrypt(keyring.encrypt(plain))).toBe(plain);
    }
  });

  it('stores v1:<iv>:<ciphertext>:<tag> in base64url, with no trace of the plaintext', () => {
    const stored = keyring.encrypt(NATIONAL_ID);
    expect(stored).toMatch(/^v1:[\w-]{16}:[\w-]+:[\w-]{22}$/);
    expect(stored).not.toContain('110105');
  });

  it('encrypts the same text differently each time', () => {
    expect(keyring.encrypt(NATIONAL_ID)).not.toBe(keyring.encrypt(NATIONAL_ID));
  });

  it.each([
    ['the IV', 1],
    ['the ciphertext', 2],
    ['the tag', 3],
  ])('refuses a value whose %s was altered', (_part, index) => {
    const tampered = tamper(keyring.encrypt(NATIONAL_ID), index);
    expect(() => keyring.decrypt(tampered)).toThrow(FieldDecryptionError);
  });

  it('refuses a value encrypted under another key', () => {
    const other = FieldKeyring.fromMasterKey(randomBytes(32));
    expect(() => keyring.decrypt(other.encrypt(NATIONAL_ID))).toThrow(/authentication failed/);
  });

  it('refuses plaintext without echoing it', () => {
    expect(() => keyring.decrypt(NATIONAL_ID)).toThrow(FieldDecryptionError);
    expect(() => keyring.decrypt(NATIONAL_ID)).not.toThrow(NATIONAL_ID);
  });

  it('gives a stable blind index that folds case, spaces and full-width digits', () => {
    const index = keyring.blindIndex(NATIONAL_ID);
    expect(index).toMatch(/^[0-9a-f]{64}$/);
    expect(keyring.blindIndex(NATIONAL_ID)).toBe(index);
    expect(keyring.blindIndex(' 11010519491231002x ')).toBe(index);
    expect(keyring.blindIndex('１３８００１３８０００')).toBe(keyring.blindIndex('13800138000'));
    expect(keyring.blindIndex('13800138001')).not.toBe(keyring.blindIndex('13800138000'));
  });

  it('gives blind indexes that depend on the key', () => {
    const other = FieldKeyring.fromMasterKey(randomBytes(32));
    expect(other.blindIndex(NATIONAL_ID)).not.toBe(keyring.blindIndex(NATIONAL_ID));
  });

  it('derives the same keys from the same master key', () => {
    const master = randomBytes(32);
    const a = FieldKeyring.fromMasterKey(master);
    const b = FieldKeyring.fromMasterKey(Buffer.from(master));
    expect(b.decrypt(a.encrypt(NATIONAL_ID))).toBe(NATIONAL_ID);
    expect(b.blindIndex(NATIONAL_ID)).toBe(a.blindIndex(NATIONAL_ID));
  });

  it('accepts only a 32-byte master key', () => {
    expect(() => FieldKeyring.fromMasterKey(randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe('module functions', () => {
  // Runs first: the module starts unconfigured.
  it('refuse to work before configuration, saying what to call', () => {
    expect(() => encryptField(NATIONAL_ID)).toThrow(/initFieldEncryption/);
    expect(() => decryptField('v1:x:y:z')).toThrow(/not configured/);
    expect(() => blindIndex(NATIONAL_ID)).toThrow(/not configured/);
  });

  describe('once configured', () => {
    const master = randomBytes(32);
    beforeAll(() => configureFieldEncryption(master));

    it('use the configured keys', () => {
      const same = FieldKeyring.fromMasterKey(master);
      expect(same.decrypt(encryptField(NATIONAL_ID))).toBe(NATIONAL_ID);
      expect(decryptField(same.encrypt(NATIONAL_ID))).toBe(NATIONAL_ID);
      expect(blindIndex(NATIONAL_ID)).toBe(same.blindIndex(NATIONAL_ID));
    });
  });
});
