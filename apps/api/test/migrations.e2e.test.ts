import { MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../src/db/database.js';
import { ormOptions } from '../src/db/orm-config.js';
import { BorrowerPhoneIndex } from '../src/modules/borrower/borrower-phone-index.entity.js';
import { Borrower } from '../src/modules/borrower/borrower.entity.js';
import { ThirdParty } from '../src/modules/borrower/third-party.entity.js';
import { Institution } from '../src/modules/institution/institution.entity.js';
import { blindIndex } from '../src/security/field-encryption.js';
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
      const kept = await reopened.em
        .fork()
        .findOneOrFail(Institution, { code: 'KEEP' }, { filters: false });
      expect(kept.name).toBe('保留银行');
    } finally {
      await reopened.close();
    }
  });

  it('encrypt borrowers stored in plain text before encryption at rest, keeping them', async () => {
    const legacy = await scratchDatabase(dialect);
    const orm = await MikroORM.init(ormOptions(legacy.config));
    try {
      // The schema as the first release left it, with a borrower written in plain text.
      await orm.getMigrator().up({ to: 'Migration20261122230124' });
      const now = dialect === 'sqlite' ? Date.now() : new Date();
      const execute = (sql: string, params: unknown[]) =>
        orm.em.getConnection().execute(sql, params);
      await execute(
        'insert into institution (id, code, name, time_zone, rule_pack, created_at) values (?, ?, ?, ?, ?, ?)',
        [INSTITUTION_ID, 'OLD', '旧银行', 'Asia/Shanghai', 'CN', now],
      );
      await execute(
        'insert into borrower (id, created_at, updated_at, institution_id, full_name, national_id, phones, province, city, district, address_detail) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [
          BORROWER_ID,
          now,
          now,
          INSTITUTION_ID,
          '王小明',
          NATIONAL_ID,
          JSON.stringify(PHONES),
          '北京市',
          '北京市',
          '朝阳区',
          '某路1号',
        ],
      );
      await execute(
        'insert into third_party (id, created_at, updated_at, institution_id, borrower_id, full_name, relation, phone, debt_related, refused_contact) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [
          THIRD_PARTY_ID,
          now,
          now,
          INSTITUTION_ID,
          BORROWER_ID,
          '王大明',
          'SIBLING',
          '13900001111',
          false,
          false,
        ],
      );

      await migrate(orm);

      const [raw] = await execute('select national_id, phones from borrower where id = ?', [
        BORROWER_ID,
      ]);
      expect(JSON.stringify(raw)).not.toContain(NATIONAL_ID);
      expect(JSON.stringify(raw)).not.toContain(PHONES[0]);
      const em = orm.em.fork();
      em.setFilterParams('tenant', { institutionId: INSTITUTION_ID });
      em.setFilterParams('collectorScope', { userId: null });
      const borrower = await em.findOneOrFail(Borrower, {
        nationalIdIndex: blindIndex(NATIONAL_ID),
      });
      expect(borrower.nationalId).toBe(NATIONAL_ID);
      expect(borrower.phones).toEqual(PHONES);
      expect(await em.count(BorrowerPhoneIndex, { phoneIndex: blindIndex(PHONES[1]) })).toBe(1);
      expect((await em.findOneOrFail(ThirdParty, { id: THIRD_PARTY_ID })).phone).toBe(
        '13900001111',
      );
    } finally {
      await orm.close();
      await legacy.drop();
    }
  });
});

const INSTITUTION_ID = '01930000-0000-7000-8000-000000000001';
const BORROWER_ID = '01930000-0000-7000-8000-000000000002';
const THIRD_PARTY_ID = '01930000-0000-7000-8000-000000000003';
const NATIONAL_ID = '11010519491231002X';
const PHONES = ['13812345678', '13712345678'] as const;

/**
 * The structure SQLite reports for each table: columns (by name, type affinity, nullability,
 * default, key), indexes and foreign keys. Independent of column order and of the quoting a
 * table rebuild leaves in the stored DDL, which differ harmlessly between the two paths.
 */
async function sqliteSchema(orm: MikroORM): Promise<Record<string, unknown>> {
  const connection = orm.em.getConnection();
  const tables: { name: string }[] = await connection.execute(
    "select name from sqlite_master where type = 'table' and name not like 'mikro_orm%' and name not like 'sqlite_%' order by name",
  );
  const schema: Record<string, unknown> = {};
  for (const { name } of tables) {
    const columns: {
      name: string;
      type: string;
      notnull: number;
      dflt_value: unknown;
      pk: number;
    }[] = await connection.execute(`pragma table_info(\`${name}\`)`);
    const indexes: { name: string; unique: number }[] = await connection.execute(
      `pragma index_list(\`${name}\`)`,
    );
    const indexColumns = async (index: string) =>
      ((await connection.execute(`pragma index_info(\`${index}\`)`)) as { name: string }[]).map(
        (c) => c.name,
      );
    const foreignKeys: {
      table: string;
      from: string;
      to: string;
      on_update: string;
      on_delete: string;
    }[] = await connection.execute(`pragma foreign_key_list(\`${name}\`)`);
    schema[name] = {
      columns: columns
        .map((c) => ({
          name: c.name,
          affinity: affinity(c.type),
          notnull: c.notnull,
          default: c.dflt_value,
          pk: c.pk,
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      indexes: (
        await Promise.all(
          indexes
            .filter((i) => !i.name.startsWith('sqlite_autoindex'))
            .map(async (i) => ({
              name: i.name,
              unique: i.unique,
              columns: await indexColumns(i.name),
            })),
        )
      ).sort((a, b) => a.name.localeCompare(b.name)),
      foreignKeys: foreignKeys
        .map(
          (f) =>
            `${f.from} -> ${f.table}.${f.to} on update ${f.on_update} on delete ${f.on_delete}`,
        )
        .sort(),
    };
  }
  return schema;
}

/** SQLite's own type-affinity rules: what a declared type means for what the column stores. */
function affinity(declared: string): string {
  const type = declared.toUpperCase();
  if (type.includes('INT')) return 'INTEGER';
  if (/CHAR|CLOB|TEXT/.test(type)) return 'TEXT';
  if (type.includes('BLOB') || type === '') return 'BLOB';
  if (/REAL|FLOA|DOUB/.test(type)) return 'REAL';
  return 'NUMERIC';
}

async function sqliteSchemaFromEntities(): Promise<Record<string, unknown>> {
  const orm = await MikroORM.init(ormOptions({ dialect: 'sqlite', path: ':memory:' }));
  try {
    await orm.getSchemaGenerator().createSchema();
    return await sqliteSchema(orm);
  } finally {
    await orm.close();
  }
}
