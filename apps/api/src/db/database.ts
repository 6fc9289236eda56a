import fs from 'node:fs';
import path from 'node:path';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { MikroORM } from '@mikro-orm/core';
import type { DatabaseConfig } from '../config.js';
import { postgresStatementTimeout } from '../security/timeouts.js';
import { ormOptions } from './orm-config.js';
import { enforceTenantSessions } from './tenant-session.js';

/**
 * Opens the database and brings its schema up to date. Migrations only ever add to what
 * is stored, so the embedded SQLite file survives upgrades with its data.
 */
export async function openDatabase(
  database: DatabaseConfig,
  { statementTimeoutMs }: { statementTimeoutMs?: number } = {},
): Promise<MikroORM> {
  if (database.dialect === 'sqlite' && database.path !== ':memory:') {
    fs.mkdirSync(path.dirname(database.path), { recursive: true });
  }
  const orm = await MikroORM.init(
    ormOptions(
      database,
      database.dialect === 'postgresql' && statementTimeoutMs
        ? postgresStatementTimeout(statementTimeoutMs)
        : {},
    ),
  );
  if (database.dialect === 'postgresql') enforceTenantSessions(orm);
  const applied = await migrate(orm);
  if (applied.length)
    console.log(
      `[db] applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`,
    );
  return orm;
}

/** Applies pending migrations, the way the dialect needs. */
export function migrate(orm: MikroORM) {
  return orm.config.get('driver') === BetterSqliteDriver
    ? migrateSqlite(orm)
    : orm.getMigrator().up();
}

/**
 * SQLite changes a table by rebuilding it, which foreign keys would block (or cascade) while
 * other tables point at it. The documented way: keys off outside the transaction, migrate,
 * check nothing dangles, keys back on. Pragmas are no-ops inside a transaction, hence here.
 */
async function migrateSqlite(orm: MikroORM) {
  const connection = orm.em.getConnection();
  await connection.execute('pragma journal_mode = wal');
  await connection.execute('pragma foreign_keys = off');
  try {
    const applied = await orm.getMigrator().up();
    const dangling = await connection.execute('pragma foreign_key_check');
    if (dangling.length)
      throw new Error(`migration left ${dangling.length} rows with broken foreign keys`);
    return applied;
  } finally {
    // Enforce the foreign keys the schema declares; SQLite leaves them off by default.
    await connection.execute('pragma foreign_keys = on');
  }
}
