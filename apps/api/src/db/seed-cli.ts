import { ConfigError, loadConfig } from '../config.js';
import { initSecrets } from '../security/secrets.js';
import { openDatabase } from './database.js';
import { reseed } from './seeding.js';

/** `pnpm seed`: wipes the configured database and fills it with the demo data set. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.production) throw new ConfigError('refusing to seed demo accounts in production');
  initSecrets(config);
  const orm = await openDatabase(config.database);
  try {
    const started = Date.now();
    const summary = await reseed(orm);
    console.log(
      `[seed] done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(summary)}`,
    );
  } finally {
    await orm.close();
  }
}

main().catch((error: unknown) => {
  console.error(`[seed] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
