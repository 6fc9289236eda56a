/**
 * What any implementation of logContact could reach on this machine: pgbench (C, no HTTP, no
 * GraphQL, prepared statements, no work between statements) sends the statements a logContact
 * sends, in the same transaction shape, against the loaded dataset, beside the raw floor's one
 * INSERT. The ratio of the two bounds the target "logContact ≥ 0.5× the raw insert floor" from
 * above, whatever the server does in between: a server only adds to the statements' cost.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH_ROLE, SUPERVISOR_EMAIL, withClient } from './config.js';
import { analyzeWrittenTables } from './harness.js';
import { medianBy } from './loadgen.js';
import type { Pools } from './ops.js';

/** The helper table the scripts pick their case from (`n` = 1..count), dropped afterwards. */
const PICK_TABLE = 'bench_bound_case';

const PICK = `\\set n random(1, :cases)
\\set k random(1, 1000000000)
select case_id, borrower_id from ${PICK_TABLE} where n = :n \\gset`;

/** The raw floor's statement for (c): one autocommit INSERT … SELECT returning the answer. */
const FLOOR_SCRIPT = `${PICK}
insert into contact (id, created_at, updated_at, institution_id, case_id, channel, direction, occurred_at, result, note)
select gen_random_uuid(), now(), now(), c.institution_id, c.id, 'SMS', 'OUTBOUND', now() - interval '9 hours', 'DELIVERED', 'bench: payment reminder sent'
  from collection_case c where c.id = :case_id::uuid and c.institution_id = :inst::uuid
returning json_build_object('data', json_build_object('logContact', json_build_object(
  'id', id, 'channel', channel, 'result', result, 'occurredAt', occurred_at)))::text as body;`;

/**
 * The statements of one logContact up to the chain, as PostgreSQL's log shows the API send them:
 * the idempotency lookup, the case with its institution and borrower, the policy's facts (the
 * borrower's outbound contacts of the last 30 days and the case's holds in force), then the
 * idempotency record and the contact. The record's key is a fresh UUID, not the looked-up
 * number: over a run, random numbers repeat.
 */
const GUARDED_READS_AND_ROWS = `${PICK}
BEGIN;
select operation, request_hash, result_ref from idempotency_record where scope = 'bench-bound' and "key" = 'k-' || :k::text limit 1;
select c.*, i.id, i.code, i.name, i.time_zone, i.rule_pack, i.rule_pack_overrides, i.holiday_calendar, i.escalation_ladder, i.created_at, b.*
  from collection_case c join institution i on c.institution_id = i.id and i.id = :inst::uuid
  join borrower b on c.borrower_id = b.id and b.institution_id = :inst::uuid
 where c.institution_id = :inst::uuid and c.id = :case_id::uuid limit 1;
select 'contact' as fact, c.id, c.case_id, k.borrower_id, c.occurred_at, c.channel, c.result, c.outcome, c.third_party_id, c.dialed_number_index, null as hold_kind
  from contact c join collection_case k on k.id = c.case_id and k.institution_id = c.institution_id
 where c.institution_id = :inst::uuid and k.borrower_id = :borrower_id::uuid and c.direction = 'OUTBOUND'
   and c.occurred_at >= now() - interval '30 days' and c.occurred_at <= now() + interval '1 day'
union all
select 'hold' as fact, h.id, h.case_id, null, h.placed_at, h.channel, null, null, null, null, h.kind
  from case_hold h
 where h.institution_id = :inst::uuid and h.case_id = :case_id::uuid and h.placed_at <= now()
   and (h.released_at is null or h.released_at > now())
 order by fact, occurred_at, id;
insert into idempotency_record (id, created_at, updated_at, institution_id, scope, "key", operation, request_hash, result_ref)
values (gen_random_uuid(), now(), now(), :inst::uuid, 'bench-bound', gen_random_uuid()::text, 'logContact', encode(sha256(:k::text::bytea), 'hex'), gen_random_uuid()::text);
insert into contact (id, created_at, updated_at, institution_id, case_id, third_party_id, channel, direction, occurred_at, made_by_id, result, outcome, attitude, note, dialed_number_index, recording_ref)
values (gen_random_uuid(), now(), now(), :inst::uuid, :case_id::uuid, null, 'SMS', 'OUTBOUND', now() - interval '9 hours', :user_id::uuid, 'DELIVERED', null, null, 'bench: payment reminder sent', null, null);`;

/** An audit event's `after` as large as the API's snapshot of a contact or idempotency record. */
const SNAPSHOT = `json_build_object('snapshot', repeat('x', 600))`;

/** Where the institution's chain stands: its last sequence and hash (0 and '' when empty). */
const CHAIN_HEAD = `select coalesce(max(sequence), 0) as seq, coalesce((array_agg(hash))[1], '') as prev
  from (select sequence, hash from audit_event where institution_id = :inst::uuid order by sequence desc limit 1) last`;

/**
 * The flush's two events (contact, idempotency record) chained on `head`, hashed here by
 * PostgreSQL rather than Node (microseconds either way).
 */
const appendEvents = (
  head: string,
) => `insert into audit_event (id, institution_id, sequence, occurred_at, actor, action, entity_type, entity_id, before, after, request_id, prev_hash, hash)
select gen_random_uuid(), :inst::uuid, head.seq + e.n, now(), 'bench-bound', e.action, e.entity, gen_random_uuid()::text, null, ${SNAPSHOT},
       gen_random_uuid()::text, case when e.n = 1 then nullif(head.prev, '') else encode(sha256(convert_to(head.prev || 1, 'UTF8')), 'hex') end,
       encode(sha256(convert_to(head.prev || e.n, 'UTF8')), 'hex')
  from ${head} head, (values (1, 'contact.create', 'Contact'), (2, 'idempotencyRecord.create', 'IdempotencyRecord')) as e(n, action, entity);`;

const CHAIN_LOCK = `select pg_advisory_xact_lock(hashtext('audit_event'), hashtext(:inst::text));`;

/**
 * The chain append as the API sends it: the lock and the head read in one round trip (two
 * statements, so the read sees what was committed while it waited; pgbench sends them one by
 * one), then one insert of the events, then the commit; the lock is held from the first to the
 * last.
 */
const CHAIN_APPEND = `${CHAIN_LOCK}
${CHAIN_HEAD} \\gset
${appendEvents('(select :seq::int as seq, :prev::text as prev)')}`;

/** The append as one statement after the lock: the head read inside the insert. */
const CHAIN_APPEND_ONE_STATEMENT = `${CHAIN_LOCK}
${appendEvents(`(${CHAIN_HEAD})`)}`;

export const BOUND_SCRIPTS = {
  floor: {
    label: 'raw floor: one INSERT … SELECT (autocommit)',
    statements: 1,
    text: FLOOR_SCRIPT,
  },
  guarded: {
    label: "logContact's statements: policy reads, idempotency, contact, audit chain",
    statements: 10,
    text: `${GUARDED_READS_AND_ROWS}\n${CHAIN_APPEND}\nCOMMIT;`,
  },
  oneStatementChain: {
    label: 'the same with the chain append in one statement after the lock',
    statements: 9,
    text: `${GUARDED_READS_AND_ROWS}\n${CHAIN_APPEND_ONE_STATEMENT}\nCOMMIT;`,
  },
  unchained: {
    label: 'the same without the audit chain (lock, head, events)',
    statements: 7,
    text: `${GUARDED_READS_AND_ROWS}\nCOMMIT;`,
  },
} as const;
export type BoundScript = keyof typeof BOUND_SCRIPTS;

export interface PgbenchRun {
  tps: number;
  latencyMs: number;
  failed: number;
}

/** The figures of pgbench's report; throws when it aborted or printed none. */
export function parsePgbench(output: string): PgbenchRun {
  if (/aborted|error:/i.test(output)) {
    throw new Error(`pgbench failed:\n${output.split('\n').slice(-12).join('\n')}`);
  }
  const number = (pattern: RegExp) => {
    const match = pattern.exec(output);
    if (!match) throw new Error(`pgbench printed no ${pattern.source}:\n${output}`);
    return Number(match[1]);
  };
  return {
    tps: number(/^tps = ([\d.]+)/m),
    latencyMs: number(/^latency average = ([\d.]+) ms/m),
    failed: number(/^number of failed transactions: (\d+)/m),
  };
}

/** pgbench of the PostgreSQL server's own version: PGBENCH, else Debian's layout, else PATH. */
export function findPgbench(): string {
  if (process.env.PGBENCH) return process.env.PGBENCH;
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a))
    : [];
  for (const version of versions) {
    const candidate = path.join(root, version, 'bin', 'pgbench');
    if (fs.existsSync(candidate)) return candidate;
  }
  return 'pgbench';
}

export interface BoundOptions {
  seconds: number;
  repeats: number;
  clients: number;
}

export interface BoundResult {
  script: BoundScript;
  label: string;
  statements: number;
  runs: PgbenchRun[];
  median: PgbenchRun;
}

/**
 * Runs each script `repeats` times, round-robin (so a drift of the machine touches all alike),
 * after ANALYZE of the written tables, on the bench role (row-level security applies as it does
 * to the servers). Rows it writes stay, like those of the write scenarios.
 */
export async function measureBound(
  ownerUrl: string,
  benchUrl: string,
  pools: Pools,
  options: BoundOptions,
  log: (line: string) => void,
): Promise<BoundResult[]> {
  const pgbench = findPgbench();
  const cases = pools.contactCases.length;
  const userId = await withClient(ownerUrl, async (client) => {
    await client.query(`drop table if exists ${PICK_TABLE}`);
    await client.query(
      `create table ${PICK_TABLE} as
         select p.n, c.id as case_id, c.borrower_id
           from unnest($1::uuid[]) with ordinality as p(id, n) join collection_case c on c.id = p.id`,
      [pools.contactCases],
    );
    await client.query(`alter table ${PICK_TABLE} add primary key (n)`);
    await client.query(`grant select on ${PICK_TABLE} to ${BENCH_ROLE}`);
    const user = await client.query<{ id: string }>('select id from "user" where email = $1', [
      SUPERVISOR_EMAIL,
    ]);
    return user.rows[0]!.id;
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arrears-bound-'));
  const runs = new Map<BoundScript, PgbenchRun[]>();
  try {
    const scripts = Object.keys(BOUND_SCRIPTS) as BoundScript[];
    for (const script of scripts)
      fs.writeFileSync(path.join(dir, `${script}.sql`), BOUND_SCRIPTS[script].text);
    const url = new URL(benchUrl);
    for (let round = 0; round < options.repeats; round++) {
      for (const script of scripts) {
        await analyzeWrittenTables(ownerUrl);
        const result = spawnSync(
          pgbench,
          [
            '-n',
            '-M',
            'prepared',
            '-c',
            String(options.clients),
            '-j',
            String(Math.min(2, options.clients)),
            '-T',
            String(options.seconds),
            '-D',
            `cases=${cases}`,
            '-D',
            `inst=${pools.institutionId}`,
            '-D',
            `user_id=${userId}`,
            '-f',
            path.join(dir, `${script}.sql`),
            '-h',
            url.hostname,
            '-p',
            url.port || '5432',
            '-U',
            decodeURIComponent(url.username),
            url.pathname.slice(1),
          ],
          {
            encoding: 'utf8',
            env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password) },
          },
        );
        if (result.error) throw new Error(`cannot run ${pgbench}: ${result.error.message}`);
        const run = parsePgbench(`${result.stdout}\n${result.stderr}`);
        log(`[bound] ${script} round ${round + 1}: ${run.tps.toFixed(0)} tps, ${run.latencyMs} ms`);
        runs.set(script, [...(runs.get(script) ?? []), run]);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await withClient(ownerUrl, (client) => client.query(`drop table if exists ${PICK_TABLE}`));
  }
  return [...runs].map(([script, list]) => ({
    script,
    label: BOUND_SCRIPTS[script].label,
    statements: BOUND_SCRIPTS[script].statements,
    runs: list,
    median: medianBy(list, (run) => run.tps),
  }));
}

export function pgbenchVersion(): string {
  return execFileSync(findPgbench(), ['--version']).toString().trim();
}

/** The results as a Markdown table, with each script's throughput as a share of the floor's. */
export function renderBound(
  heading: { size: string; startedAt: string; machine: string; pgbench: string },
  options: BoundOptions,
  results: BoundResult[],
): string {
  const floor = results.find((r) => r.script === 'floor')!.median.tps;
  return [
    `# What any logContact could reach, size ${heading.size}`,
    '',
    `${heading.startedAt}, ${heading.machine}, ${heading.pgbench}. pgbench in prepared mode, ` +
      `${options.clients} clients, ${options.repeats} × ${options.seconds} s per script ` +
      '(median by tps, scripts taken in turn), ANALYZE before each run; each transaction first ' +
      'picks one of the contactable cases (one extra statement for every script alike).',
    '',
    '| script | round trips | tps (median) | runs | avg latency ms | ÷ floor |',
    '| --- | --- | --- | --- | --- | --- |',
    ...results.map(
      (r) =>
        `| ${r.label} | ${r.statements} | ${r.median.tps.toFixed(0)} | ` +
        `${r.runs.map((run) => run.tps.toFixed(0)).join(', ')} | ${r.median.latencyMs.toFixed(2)} | ` +
        `${(r.median.tps / floor).toFixed(3)}× |`,
    ),
    '',
    'No server sits between pgbench and PostgreSQL here, so a server answering logContact with ' +
      'these statements can at best reach the "÷ floor" of its row; it only adds to their cost.',
    '',
  ].join('\n');
}
