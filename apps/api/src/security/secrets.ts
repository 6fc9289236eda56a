import { hkdfSync } from 'node:crypto';
import type { AppConfig } from '../config.js';
import type { ApiSecrets } from '../server.js';
import { loadMasterKey } from './data-key.js';
import { configureFieldEncryption } from './field-encryption.js';

/**
 * One master key, several uses: personal-data encryption and the access-token signing key
 * are derived from it, so an operator manages a single secret (ARREARS_DATA_KEY).
 */
export function initSecrets(config: Pick<AppConfig, 'production'>): ApiSecrets {
  const master = loadMasterKey(config);
  configureFieldEncryption(master);
  return secretsFrom(master);
}

export function secretsFrom(master: Buffer): ApiSecrets {
  return {
    accessTokenKey: new Uint8Array(
      hkdfSync('sha256', master, Buffer.alloc(0), 'arrears/access-tokens', 32),
    ),
  };
}
