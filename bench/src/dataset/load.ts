import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { openDatabase } from '@arrears/api/dist/db/database.js';
import { hashPassword } from '@arrears/api/dist/modules/user/password.js';
import { configureFieldEncryption } from '@arrears/api/dist/security/field-encryption.js';
import { from as copyFrom } from 'pg-copy-streams';
import {
  BENCH_DATA_KEY,
  BENCH_PASSWORD,
  BENCH_ROLE,
  PRNG_SEED,
  SERVER_URL,
  SIZES,
  databaseName,
  withDatabase,
  type SizeName,
  withClient,
} from '../config.js';
import { planDataset } from './generate.js';

export interface LoadOptions {
  size: SizeName;
  /** UTC day the generated history ends at (YYYY-MM-DD); today by default. */
  anchor?: string;
  /** Database name; arrears_bench_<size> by default. */
  database?: string;
  log?: (line: string) => void;
}

export interface DatasetInfo {
  size: SizeName;
  seed: number;
  anchor: string;
  loadedAt: string;
  seconds: number;
  counts: Record<string, number>;
}

/**
 * Makes the database from nothing: created, migrated by the API's own migrator, constraints and
 * indexes set aside, every table filled by COPY, constraints and indexes rebuilt (which checks
 * every foreign key), analysed, and opened to the bench role.
 */
export async function loadDataset(options: LoadOptions): Promise<DatasetInfo> {
  const log = options.log ?? ((line: string) => console.log(line));
  const spec = SIZES[options.size];
  const database = options.database ?? databaseName(options.size);
  const anchor = options.anchor ?? new Date().toISOString().slice(0, 10);
  const url = withDatabase(SERVER_URL, database);
  const started = Date.now();

  await withClient(SERVER_URL, async (admin) => {
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.query(`create database ${database}`);
    const role = await admin.query('select 1 from pg_roles where rolname = $1', [BENCH_ROLE]);
    if (role.rowCount === 0)
      await admin.query(`create role ${BENCH_ROLE} login nosuperuser nobypassrls`);
  });
  log(`[load] created ${database}`);

  // The API's migrations, run by its own migrator: the schema is exactly what the API expects.
  configureFieldEncryption(Buffer.from(BENCH_DATA_KEY, 'base64'));
  const orm = await openDatabase({ dialect: 'postgresql', url });
  await orm.close(true);
  log(`[load] migrated (${((Date.now() - started) / 1000).toFixed(1)} s)`);

  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const plan = planDataset(spec, anchor, passwordHash);
  log(
    `[load] planned ${options.size}: ${spec.cases} cases (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );

  await withClient(url, async (db) => {
    const tables = plan.tables.map((t) => t.name);
    // Keys and indexes are rebuilt after the load: far faster than maintained row by row.
    const saved = await db.query<{ table: string; name: string; kind: string; ddl: string }>(
      `select c.relname as table, con.conname as name, con.contype as kind,
              format('alter table %I add constraint %I %s', c.relname, con.conname,
                     pg_get_constraintdef(con.oid)) as ddl
         from pg_constraint con join pg_class c on c.oid = con.conrelid
        where c.relnamespace = 'public'::regnamespace
          and (con.contype = 'f' or (c.relname = any($1) and con.contype in ('p', 'u')))
       union all
       select c.relname, i.relname, 'i', pg_get_indexdef(i.oid)
         from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class c on c.oid = x.indrelid
        where c.relname = any($1)
          and not exists (select 1 from pg_constraint con where con.conindid = i.oid)`,
      [tables],
    );
    const of = (kind: string) => saved.rows.filter((r) => r.kind === kind);
    for (const r of of('f')) await db.query(`alter table "${r.table}" drop constraint "${r.name}"`);
    for (const r of of('i')) await db.query(`drop index "${r.name}"`);
    for (const r of [...of('u'), ...of('p')])
      await db.query(`alter table "${r.table}" drop constraint "${r.name}"`);

    for (const table of plan.tables) {
      const t0 = Date.now();
      const copy = db.query(
        copyFrom(
          `copy "${table.name}" (${table.columns.map((c) => `"${c}"`).join(', ')}) from stdin`,
        ),
      );
      await pipeline(Readable.from(table.rows()), copy);
      log(
        `[load] ${table.name}: ${plan.counts[table.name] ?? 0} rows in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
      );
    }

    const t1 = Date.now();
    await db.query(`set maintenance_work_mem = '512MB'`);
    for (const r of [...of('p'), ...of('u'), ...of('i'), ...of('f')]) await db.query(r.ddl);
    log(
      `[load] ${saved.rowCount} keys and indexes rebuilt in ${((Date.now() - t1) / 1000).toFixed(1)} s`,
    );
    const t2 = Date.now();
    await db.query('vacuum (analyze)');
    log(`[load] vacuum analyze in ${((Date.now() - t2) / 1000).toFixed(1)} s`);

    await db.query(`grant connect on database ${database} to ${BENCH_ROLE}`);
    await db.query(`grant usage on schema public to ${BENCH_ROLE}`);
    await db.query(
      `grant select, insert, update, delete on all tables in schema public to ${BENCH_ROLE}`,
    );
    await db.query(`grant usage, select on all sequences in schema public to ${BENCH_ROLE}`);
    // The API's migrator checks its own table on start; as the table is there, only reading it.
    await db.query(`grant create on schema public to ${BENCH_ROLE}`);
    await db.query(`revoke update, delete, truncate on audit_event from ${BENCH_ROLE}`);

    // What was loaded, where the bench reads it back; PostGraphile only sees schema public.
    await db.query('create schema bench');
    await db.query(
      'create table bench.dataset (size text, seed bigint, anchor date, loaded_at timestamptz, seconds real, counts jsonb)',
    );
    await db.query(`grant usage on schema bench to ${BENCH_ROLE}`);
    await db.query(`grant select on bench.dataset to ${BENCH_ROLE}`);
    await db.query('insert into bench.dataset values ($1, $2, $3, now(), $4, $5)', [
      options.size,
      PRNG_SEED,
      anchor,
      (Date.now() - started) / 1000,
      JSON.stringify(plan.counts),
    ]);
  });
  const seconds = (Date.now() - started) / 1000;
  log(`[load] ${database} ready in ${seconds.toFixed(1)} s: ${JSON.stringify(plan.counts)}`);
  return {
    size: options.size,
    seed: PRNG_SEED,
    anchor,
    loadedAt: new Date().toISOString(),
    seconds,
    counts: plan.counts,
  };
}

export async function readDatasetInfo(database: string): Promise<DatasetInfo | null> {
  return withClient(withDatabase(SERVER_URL, database), async (db) => {
    const found = await db.query(
      `select size, seed, to_char(anchor, 'YYYY-MM-DD') as anchor, loaded_at, seconds, counts
         from bench.dataset limit 1`,
    );
    const r = found.rows[0];
    return r
      ? {
          size: r.size,
          seed: Number(r.seed),
          anchor: r.anchor,
          loadedAt: new Date(r.loaded_at).toISOString(),
          seconds: r.seconds,
          counts: r.counts,
        }
      : null;
  }).catch(() => null);
}
