import { ConfigError, loadConfig } from '../../config.js';
import type { Actor } from '../../auth/actor.js';
import { scopeToActor } from '../../auth/data-scope.js';
import { openDatabase } from '../../db/database.js';
import { initSecrets } from '../../security/secrets.js';
import { Institution } from '../institution/institution.entity.js';
import { StrategyService } from './strategy.service.js';

/**
 * `pnpm --filter @arrears/api daily-cycle [--at 2026-11-23T01:00:00Z]`: the nightly run for
 * every institution, each in its own transaction and tenant scope, as the system actor.
 */
async function main(): Promise<void> {
  const atFlag = process.argv.indexOf('--at');
  const at = atFlag >= 0 ? new Date(process.argv[atFlag + 1] ?? '') : new Date();
  if (!Number.isFinite(at.getTime())) throw new ConfigError('--at must be an ISO instant');
  const config = loadConfig();
  initSecrets(config);
  const orm = await openDatabase(config.database);
  try {
    const institutions = await orm.em
      .fork()
      .find(Institution, {}, { filters: false, orderBy: { code: 'ASC' } });
    const service = new StrategyService();
    for (const institution of institutions) {
      const actor: Actor = { kind: 'system', id: 'daily-cycle', institutionId: institution.id };
      const em = orm.em.fork();
      scopeToActor(em, actor);
      const report = await em.transactional((tx) =>
        service.runDailyCycle({ actor, em: tx, now: new Date() }, at),
      );
      console.log(`[daily-cycle] ${institution.code}: ${JSON.stringify(report)}`);
    }
  } finally {
    await orm.close();
  }
}

main().catch((error: unknown) => {
  console.error(`[daily-cycle] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
