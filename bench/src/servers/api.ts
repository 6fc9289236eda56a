/**
 * Our API, started the way apps/api/src/main.ts starts it (config from the environment, secrets,
 * migrations, Apollo + express), with one difference: the public feedback mutation's rate limits
 * (10 an hour per address, 5 a day per case) are lifted, because a benchmark from one address is,
 * by design, the flood they stop. The limiter itself still runs on every call.
 */
import { loadConfig } from '@arrears/api/dist/config.js';
import { openDatabase } from '@arrears/api/dist/db/database.js';
import { RATE_LIMITS } from '@arrears/api/dist/security/rate-limiter.js';
import { initSecrets } from '@arrears/api/dist/security/secrets.js';
import { createApiServer, stopOnSignals } from '@arrears/api/dist/server.js';

const limits = RATE_LIMITS as unknown as Record<string, { points: number }>;
limits['feedback-ip']!.points = 1_000_000_000;
limits['feedback-case']!.points = 1_000_000_000;

const config = loadConfig();
const secrets = initSecrets(config);
const orm = await openDatabase(config.database, { statementTimeoutMs: config.statementTimeoutMs });
const api = await createApiServer(config, orm, secrets);
const { url } = await api.listen(config.port);
console.log(`[bench] ready ${url} (production: ${config.production})`);
stopOnSignals(api, orm);
