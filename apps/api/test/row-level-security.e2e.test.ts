import { randomBytes } from 'node:crypto';
import { MikroORM } from '@mikro-orm/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.js';
import { ormOptions } from '../src/db/orm-config.js';
import { DEFAULT_POSTGRES_URL } from '../src/db/scratch-postgres.js';
import { seedDatabase } from '../src/db/seed.js';
import {
  enforceTenantSessions,
  scopeSessionTo,
  withTenantSession,
} from '../src/db/tenant-session.js';
import { Institution } from '../src/modules/institution/institution.entity.js';
import { scratchDatabase } from './harness.js';

/**
 * The database's own lock, below the ORM filters: queried as the API's (non-superuser) role,
 * PostgreSQL shows and accepts only the rows of the institution the request is scoped to.
 * PostgreSQL only: SQLite has no row-level security, the ORM filters are its one layer.
 */
describe('row-level security on postgresql', () => {
  let database: Awaited<ReturnType<typeof scratchDatabase>>;
  let owner: MikroORM;
  let app: MikroORM;
  const role = `arrears_app_${randomBytes(4).toString('hex')}`;
  let admin: pg.Client;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await scratchDatabase('postgresql');
    if (database.config.dialect !== 'postgresql') throw new Error('unreachable');
    owner = await openDatabase(database.config);
    await owner.em
      .fork()
      .transactional((em) => seedDatabase(em, { now: new Date(), passwordHash: 'x', scale: 0.02 }));
    for (const institution of await owner.em.fork().find(Institution, {}, { filters: false })) {
      ids[institution.code] = institution.id;
    }
    // The API's own role: neither superuser nor BYPASSRLS, as production must run it.
    // Roles belong to the server: made through its own database, granted in the scratch one.
    admin = new pg.Client({
      connectionString: process.env.TEST_POSTGRES_URL ?? DEFAULT_POSTGRES_URL,
    });
    await admin.connect();
    await admin.query(`create role ${role} login nosuperuser nobypassrls`);
    await owner.em
      .getConnection()
      .execute(`grant select, insert, update, delete on all tables in schema public to ${role}`);
    const url = new URL(database.config.url);
    url.username = role;
    app = await MikroORM.init(
      ormOptions({ dialect: 'postgresql', url: url.toString() }, { pool: { min: 0, max: 1 } }),
    );
    enforceTenantSessions(app);
  });

  afterAll(async () => {
    await app?.close(true);
    await owner?.close(true);
    await database?.drop();
    await admin?.query(`drop role if exists ${role}`);
    await admin?.end();
  });

  const count = (table: string) =>
    app.em
      .getConnection()
      .execute<{ n: string }[]>(`select count(*) as n from ${table}`)
      .then((rows) => Number(rows[0]!.n));

  it("shows a request only its institution's rows, on the same pooled connection", async () => {
    const all = await withTenantSession(() => count('collection_case'));
    const perBank = await owner.em
      .getConnection()
      .execute<
        { code: string; n: string }[]
      >('select i.code, count(*) as n from collection_case c join institution i on i.id = c.institution_id group by i.code');
    const expected = Object.fromEntries(
      perBank.map((row: { code: string; n: string }) => [row.code, Number(row.n)]),
    );
    expect(all).toBe(Object.values(expected).reduce((a, b) => a + b, 0));
    for (const code of ['PSBC', 'KMB']) {
      const seen = await withTenantSession(() => {
        scopeSessionTo(ids[code]!);
        return count('collection_case');
      });
      expect(seen).toBe(expected[code]);
      expect(seen).toBeLessThan(all);
    }
    const institutions = await withTenantSession(() => {
      scopeSessionTo(ids.PSBC!);
      return count('institution');
    });
    expect(institutions).toBe(1);
  });

  it("cannot change or create another institution's rows", async () => {
    const attempt = withTenantSession(() => {
      scopeSessionTo(ids.PSBC!);
      return app.em
        .getConnection()
        .execute('update collection_case set priority = 99 where institution_id = ? returning id', [
          ids.KMB,
        ]);
    });
    // Invisible rows cannot be updated: nothing changes.
    expect(await attempt).toEqual([]);
    const crossInsert = withTenantSession(async () => {
      scopeSessionTo(ids.PSBC!);
      return app.em
        .getConnection()
        .execute(
          "insert into institution (id, code, name, time_zone, rule_pack, created_at) values (gen_random_uuid(), 'EVIL', 'x', 'Asia/Shanghai', 'CN', now())",
        );
    });
    await expect(crossInsert).rejects.toThrow(/row-level security/);
  });
});
