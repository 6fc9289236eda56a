import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { Type, type Platform, type TransformContext } from '@mikro-orm/core';

/**
 * Personal data encrypted at rest (PIPL): AES-256-GCM per value, plus a keyed blind index
 * (HMAC-SHA256) so exact lookups work without decrypting a table. Both keys derive from one
 * master key, so an operator manages a single secret.
 */

const MASTER_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const DATA_KEY_INFO = 'arrears/pii-encryption';
const INDEX_KEY_INFO = 'arrears/pii-blind-index';
const FORMAT = 'v1';
// base64url without padding: 12-byte IV = 16 characters, 16-byte tag = 22.
const STORED = new RegExp(`^${FORMAT}:([\\w-]{16}):([\\w-]*):([\\w-]{22})$`);

/** Stored ciphertext that is malformed, tampered with, or encrypted under another key. */
export class FieldDecryptionError extends Error {
  constructor(reason: string) {
    super(`encrypted field cannot be read: ${reason}`);
    this.name = 'FieldDecryptionError';
  }
}

export class FieldKeyring {
  private constructor(
    private readonly dataKey: Buffer,
    private readonly indexKey: Buffer,
  ) {}

  static fromMasterKey(masterKey: Buffer): FieldKeyring {
    if (masterKey.length !== MASTER_KEY_BYTES) {
      throw new Error(`the field-encryption master key must be ${MASTER_KEY_BYTES} bytes`);
    }
    // No salt: the master key is already uniformly random, HKDF only separates the two uses.
    const derive = (info: string) =>
      Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), info, MASTER_KEY_BYTES));
    return new FieldKeyring(derive(DATA_KEY_INFO), derive(INDEX_KEY_INFO));
  }

  /** `v1:<iv>:<ciphertext>:<tag>`, base64url; a fresh IV each time, so equal values look different. */
  encrypt(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.dataKey, iv);
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return `${FORMAT}:${iv.toString('base64url')}:${ciphertext.toString('base64url')}:${tag.toString('base64url')}`;
  }

  decrypt(stored: string): string {
    // The stored value is never echoed: a legacy plaintext row would leak into logs.
    const match = STORED.exec(stored);
    if (!match) throw new FieldDecryptionError(`not in the ${FORMAT} format`);
    const [, iv = '', ciphertext = '', tag = ''] = match;
    const decipher = createDecipheriv('aes-256-gcm', this.dataKey, Buffer.from(iv, 'base64url'), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    try {
      return Buffer.concat([
        decipher.update(Buffer.from(ciphertext, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new FieldDecryptionError('authentication failed (wrong key or tampered data)');
    }
  }

  /**
   * Equal inputs give equal hex digests, under this key only. Callers pass the domain's
   * normalised form (assertNationalId, assertMainlandMobile); this only folds what a person
   * might still type differently: full-width characters, spaces, a lower-case x.
   */
  blindIndex(value: string): string {
    const normalised = value.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
    return createHmac('sha256', this.indexKey).update(normalised, 'utf8').digest('hex');
  }
}

let configured: FieldKeyring | null = null;

/** Called once at start-up (see initFieldEncryption); a later call replaces the keys. */
export function configureFieldEncryption(masterKey: Buffer): void {
  configured = FieldKeyring.fromMasterKey(masterKey);
}

function keyring(): FieldKeyring {
  if (!configured) {
    throw new Error(
      'field encryption is not configured: call initFieldEncryption(config) at start-up ' +
        'before reading or writing borrower personal data',
    );
  }
  return configured;
}

export function encryptField(plain: string): string {
  return keyring().encrypt(plain);
}

export function decryptField(stored: string): string {
  return keyring().decrypt(stored);
}

export function blindIndex(value: string): string {
  return keyring().blindIndex(value);
}

/**
 * A column whose value MikroORM encrypts on the way in and decrypts on the way out; the entity
 * always holds plaintext. Change detection compares snapshots, which are ciphertexts with random
 * IVs, so `compareValues` compares what they decrypt to: an untouched entity writes nothing.
 */
abstract class EncryptedType<T> extends Type<T, string> {
  protected abstract serialize(value: T): string;
  protected abstract parse(plain: string): T;

  override convertToDatabaseValue(value: T, _platform: Platform, context?: TransformContext) {
    // A condition on ciphertext can never match; fail loudly instead of finding nothing.
    if (context?.mode === 'query') {
      throw new Error(
        `${this.prop?.name ?? 'an encrypted property'} is encrypted: query its blind index instead`,
      );
    }
    return encryptField(this.serialize(value));
  }

  override convertToJSValue(value: string): T {
    return this.parse(decryptField(value));
  }

  override compareAsType(): string {
    return 'string';
  }

  override compareValues(a: string, b: string): boolean {
    return a === b || decryptField(a) === decryptField(b);
  }

  /** Stored ciphertext is compared as is; re-encrypting it on hydration would only cost time. */
  override ensureComparable(): boolean {
    return false;
  }

  override getColumnType(): string {
    return 'text';
  }
}

export class EncryptedString extends EncryptedType<string> {
  protected serialize(value: string): string {
    return value;
  }

  protected parse(plain: string): string {
    return plain;
  }
}

/**
 * A list of strings as one ciphertext of its JSON: one column and one IV per row, and the list
 * is read and written whole, as the entity uses it.
 */
export class EncryptedStringArray extends EncryptedType<string[]> {
  /** What the entity holds; the column itself holds a string. */
  override get runtimeType(): string {
    return 'string[]';
  }

  protected serialize(value: string[]): string {
    return JSON.stringify(value);
  }

  protected parse(plain: string): string[] {
    const value: unknown = JSON.parse(plain);
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
      throw new FieldDecryptionError('expected a list of strings');
    }
    return value as string[];
  }
}
