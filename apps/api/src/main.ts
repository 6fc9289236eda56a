import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { demoLogins, DEMO_PASSWORD } from './db/seed.js';
import { accountsWithDemoPassword, isEmpty, reseed } from './db/seeding.js';
import { initSecrets } from './security/secrets.js';
import { createApiServer, stopOnSignals } from './server.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const secrets = initSecrets(config);
  const orm = await openDatabase(config.database, {
    statementTimeoutMs: config.statementTimeoutMs,
  });
  if (config.database.dialect === 'sqlite' && (await isEmpty(orm))) {
    const started = Date.now();
    console.log('[api] empty embedded database: seeding demo data…');
    const summary = await reseed(orm);
    console.log(
      `[api] seeded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(summary)}`,
    );
  }
  if (config.production) {
    const demo = await accountsWithDemoPassword(orm);
    if (demo.length) {
      throw new ConfigError(
        `refusing to start in production: ${demo.length} account(s) still use the demo password`,
      );
    }
  }
  const api = await createApiServer(config, orm, secrets);
  const { url } = await api.listen(config.port);
  const where =
    config.database.dialect === 'sqlite' ? `SQLite ${config.database.path}` : 'PostgreSQL';
  console.log(`[api] GraphQL on ${url} (${where})`);
  if (config.allowDemoPasswords) {
    console.log(`[api] demo logins (password "${DEMO_PASSWORD}"):`);
    for (const login of demoLogins())
      console.log(
        `[api]   ${login.email.padEnd(26)} ${login.role.padEnd(10)} ${login.institution}`,
      );
  }
  stopOnSignals(api, orm);
}

main().catch((error: unknown) => {
  // A bad setting is one line for the operator, not a stack trace.
  const message =
    error instanceof ConfigError
      ? error.message
      : error instanceof Error
        ? error.message
        : String(error);
  console.error(`[api] cannot start: ${message.split('\n')[0]}`);
  if (!(error instanceof ConfigError) && process.env.NODE_ENV !== 'production')
    console.error(error);
  process.exit(1);
});
