import fs from 'node:fs';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import type { DatabaseConfig } from '../config.js';
import { ormOptions } from './orm-config.js';

/**
 * Opens the database and brings its schema up to date. Migrations only ever add to what
 * is stored, so the embedded SQLite file survives upgrades with its data.
 */
export async function openDatabase(database: DatabaseConfig): Promise<MikroORM> {
  if (database.dialect === 'sqlite' && database.path !== ':memory:') {
    fs.mkdirSync(path.dirname(database.path), { recursive: true });
  }
  const orm = await MikroORM.init(ormOptions(database));
  if (database.dialect === 'sqlite') {
    // Enforce the foreign keys the schema declares; SQLite leaves them off by default.
    await orm.em.getConnection().execute('pragma foreign_keys = on');
    await orm.em.getConnection().execute('pragma journal_mode = wal');
  }
  const applied = await orm.getMigrator().up();
  if (applied.length)
    console.log(
      `[db] applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`,
    );
  return orm;
}
