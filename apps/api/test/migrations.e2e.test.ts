import { MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.js';
import { ormOptions } from '../src/db/orm-config.js';
import { Institution } from '../src/modules/institution/institution.entity.js';
import { DIALECTS, scratchDatabase } from './harness.js';

describe.each(DIALECTS)('migrations on %s', (dialect) => {
  let database: Awaited<ReturnType<typeof scratchDatabase>>;
  beforeAll(async () => {
    database = await scratchDatabase(dialect);
  });
  afterAll(() => database?.drop());

  it('build exactly the schema the entities describe', async () => {
    const orm = await openDatabase(database.config);
    try {
      if (dialect === 'postgresql') {
        // Anything left to do means an entity changed without a migration.
        const pending = await orm
          .getSchemaGenerator()
          .getUpdateSchemaSQL({ wrap: false, safe: false });
        expect(pending.trim()).toBe('');
      } else {
        // MikroORM cannot diff SQLite foreign keys (it proposes rebuilding every table), so
        // compare with a database the entities create directly instead.
        expect(await sqliteSchema(orm)).toEqual(await sqliteSchemaFromEntities());
      }
    } finally {
      await orm.close();
    }
  });

  it('upgrade an existing database on start without losing its rows', async () => {
    const first = await openDatabase(database.config);
    const em = first.em.fork();
    em.create(Institution, { code: 'KEEP', name: '保留银行' });
    await em.flush();
    await first.close();

    const reopened = await openDatabase(database.config);
    try {
      expect((await reopened.getMigrator().getPendingMigrations()).length).toBe(0);
      const kept = await reopened.em.fork().findOneOrFail(Institution, { code: 'KEEP' });
      expect(kept.name).toBe('保留银行');
    } finally {
      await reopened.close();
    }
  });
});

async function sqliteSchema(orm: MikroORM): Promise<{ name: string; sql: string }[]> {
  const rows: { name: string; sql: string }[] = await orm.em
    .getConnection()
    .execute(
      "select name, sql from sqlite_master where sql is not null and name not like 'mikro_orm%' and name not like 'sqlite_%' order by name",
    );
  return rows.map((row) => ({ name: row.name, sql: row.sql.replace(/\s+/g, ' ') }));
}

async function sqliteSchemaFromEntities(): Promise<{ name: string; sql: string }[]> {
  const orm = await MikroORM.init(ormOptions({ dialect: 'sqlite', path: ':memory:' }));
  try {
    await orm.getSchemaGenerator().createSchema();
    return await sqliteSchema(orm);
  } finally {
    await orm.close();
  }
}
