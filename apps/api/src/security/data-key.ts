import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type AppConfig, ConfigError, DEFAULT_DATA_DIR } from '../config.js';
import { configureFieldEncryption } from './field-encryption.js';

const KEY_BYTES = 32;
const DEV_KEY_FILE = 'dev-data-key';
const HOW_TO_MAKE_ONE = 'e.g. `openssl rand -base64 32`';

export interface DataKeyOptions {
  env?: NodeJS.ProcessEnv;
  /** Where the development key is kept; the embedded database's folder by default. */
  dataDir?: string;
}

/**
 * The master key for personal-data encryption: ARREARS_DATA_KEY (base64 of 32 bytes). Outside
 * production a missing key is generated once and kept beside the embedded database, so data
 * written yesterday still decrypts today; production must be given its key.
 */
export function loadMasterKey(
  config: Pick<AppConfig, 'production'>,
  { env = process.env, dataDir = DEFAULT_DATA_DIR }: DataKeyOptions = {},
): Buffer {
  const configured = env.ARREARS_DATA_KEY?.trim();
  if (configured) return decodeKey(configured, 'ARREARS_DATA_KEY');
  if (config.production) throw new ConfigError('ARREARS_DATA_KEY is required in production');
  return developmentKey(path.join(dataDir, DEV_KEY_FILE));
}

/** Loads the master key and configures field encryption; call before the ORM touches borrowers. */
export function initFieldEncryption(
  config: Pick<AppConfig, 'production'>,
  options: DataKeyOptions = {},
): void {
  configureFieldEncryption(loadMasterKey(config, options));
}

function developmentKey(file: string): Buffer {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const generated = randomBytes(KEY_BYTES);
  // Written aside, then linked into place: linking fails if the key exists, so two processes
  // starting together keep one key and neither can read a half-written file.
  const pending = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(pending, `${generated.toString('base64')}\n`, { mode: 0o600 });
  try {
    fs.linkSync(pending, file);
    console.log(`[security] generated a development data key in ${file}`);
    return generated;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    fs.rmSync(pending, { force: true });
  }
  // Never replaced when unreadable: a new key would make every stored value undecryptable.
  return decodeKey(fs.readFileSync(file, 'utf8').trim(), file);
}

function decodeKey(encoded: string, source: string): Buffer {
  const key = /^[A-Za-z0-9+/]+={0,2}$/.test(encoded) ? Buffer.from(encoded, 'base64') : null;
  if (key?.length !== KEY_BYTES) {
    throw new ConfigError(
      `${source} must be the base64 of ${KEY_BYTES} random bytes, ${HOW_TO_MAKE_ONE}`,
    );
  }
  return key;
}
