import type { MikroORM } from '@mikro-orm/core';
import { Institution } from '../modules/institution/institution.entity.js';
import { hashPassword, verifyPassword } from '../modules/user/password.js';
import { User } from '../modules/user/user.entity.js';
import { migrate } from './database.js';
import { DEMO_PASSWORD, seedDatabase, type SeedSummary } from './seed.js';

/**
 * Replaces everything stored with the demo data set. The schema is dropped and migrated
 * again rather than emptied: the audit trail refuses deletes, by design.
 */
export async function reseed(orm: MikroORM, now = new Date()): Promise<SeedSummary> {
  await orm.getSchemaGenerator().dropSchema({ dropMigrationsTable: true });
  await migrate(orm);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const em = orm.em.fork();
  return em.transactional((tx) => seedDatabase(tx, { now, passwordHash }));
}

export async function isEmpty(orm: MikroORM): Promise<boolean> {
  return (await orm.em.fork().count(Institution, {}, { filters: false })) === 0;
}

/** Emails of active accounts that still open with the demo password. */
export async function accountsWithDemoPassword(orm: MikroORM): Promise<string[]> {
  const users = await orm.em
    .fork()
    .find(
      User,
      { active: true, email: { $like: '%.demo' } },
      { populate: ['passwordHash'], filters: false },
    );
  const open: string[] = [];
  for (const user of users) {
    if (await verifyPassword(user.passwordHash, DEMO_PASSWORD)) open.push(user.email);
  }
  return open;
}
