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

  it('reads the tenant setting once per statement on every tenant table (policies as init plans)', async () => {
    if (database.config.dialect !== 'postgresql') throw new Error('unreachable');
    const client = new pg.Client({ connectionString: database.config.url });
    await client.connect();
    try {
      // PostgreSQL's own rendering of the rule as written in the migration, keyed on `column`:
      // the setting inside scalar subqueries, which the planner turns into init plans.
      const tenant = `nullif(current_setting('arrears.institution_id', true), '')`;
      const rule = (column: string) =>
        `(select ${tenant}) is null or ${column} = (select ${tenant}::uuid)`;
      await client.query('create temp table policy_probe (id uuid, institution_id uuid)');
      for (const column of ['id', 'institution_id']) {
        await client.query(
          `create policy probe_${column} on policy_probe using (${rule(column)}) with check (${rule(column)})`,
        );
      }
      const probe = await client.query<{ policyname: string; qual: string }>(
        "select policyname, qual from pg_policies where tablename = 'policy_probe'",
      );
      const expected = (column: string) =>
        probe.rows.find((row) => row.policyname === `probe_${column}`)!.qual;
      expect(expected('institution_id')).toMatch(/SELECT/);

      // Every table holding tenant rows: the institution itself and each one with its id.
      const tenantTables = await client.query<{ table_name: string }>(
        `select table_name::text from information_schema.columns
          where table_schema = 'public' and column_name = 'institution_id'
         union select 'institution' order by 1`,
      );
      const policies = await client.query<{
        table: string;
        policyname: string;
        cmd: string;
        permissive: string;
        qual: string;
        with_check: string;
        enabled: boolean;
        forced: boolean;
      }>(
        `select p.tablename as table, p.policyname, p.cmd, p.permissive, p.qual, p.with_check,
                c.relrowsecurity as enabled, c.relforcerowsecurity as forced
           from pg_policies p join pg_class c on c.relname = p.tablename
          where p.schemaname = 'public' and c.relnamespace = 'public'::regnamespace
          order by 1`,
      );
      expect(policies.rows.map((p) => p.table)).toEqual(tenantTables.rows.map((t) => t.table_name));
      expect(policies.rows.map((p) => p.table)).toEqual(
        expect.arrayContaining(['borrower', 'collection_case', 'contact', 'institution', 'user']),
      );
      for (const policy of policies.rows) {
        const column = policy.table === 'institution' ? 'id' : 'institution_id';
        expect(policy, policy.table).toEqual({
          table: policy.table,
          policyname: 'tenant_isolation',
          cmd: 'ALL',
          permissive: 'PERMISSIVE',
          qual: expected(column),
          with_check: expected(column),
          enabled: true,
          forced: true,
        });
      }
    } finally {
      await client.end();
    }
  });

  it('evaluates the setting as an init plan, not in the per-row filter', async () => {
    const plan: { 'QUERY PLAN': string }[] = await withTenantSession(() => {
      scopeSessionTo(ids.PSBC!);
      return app.em.getConnection().execute('explain select count(*) from collection_case');
    });
    const text = plan.map((row) => row['QUERY PLAN']).join('\n');
    expect(text).toMatch(/InitPlan/);
    const filters = text.split('\n').filter((line) => /Filter:/.test(line));
    expect(filters.length).toBeGreaterThan(0);
    for (const line of filters) expect(line).not.toMatch(/current_setting/);
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
