import os from 'node:os';
import {
  BENCH_PASSWORD,
  BENCH_ROLE,
  PORTS,
  SERVER_URL,
  SUPERVISOR_EMAIL,
  withClient,
  withDatabase,
} from './config.js';
import { medianBy, runLoad, type LoadResult } from './loadgen.js';
import {
  MIX,
  buildRequest,
  canonical,
  failed,
  firstDifference,
  type HttpRequest,
  type OpName,
  type Pools,
} from './ops.js';
import { Rng } from './prng.js';
import {
  SERVER_NAMES,
  processCpuSeconds,
  startServer,
  type RunningServer,
  type ServerName,
} from './servers/spawn.js';
import { WireCounter, type Executed } from './wire-counter.js';

export type Scenario = OpName | 'mixed';

export interface Log {
  (line: string): void;
}

export async function send(
  server: RunningServer,
  request: HttpRequest,
): Promise<{ status: number; text: string }> {
  const response = await fetch(server.baseUrl + request.path, {
    method: request.method,
    headers: request.headers,
    body: request.body,
  });
  return { status: response.status, text: await response.text() };
}

/** A bearer token of the bench supervisor (access tokens live 15 minutes). */
export async function login(server: RunningServer): Promise<string> {
  const { text } = await send(server, {
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      variables: { e: SUPERVISOR_EMAIL, p: BENCH_PASSWORD },
    }),
  });
  const token = (JSON.parse(text) as { data?: { login?: { token?: string } } }).data?.login?.token;
  if (!token) throw new Error(`login failed: ${text.slice(0, 300)}`);
  return token;
}

/** The n-th request of a scenario: the mix draws its operation from a seeded stream. */
export function scenarioRequest(
  server: ServerName,
  scenario: Scenario,
  pools: Pools,
  n: number,
  context: { token?: string; runTag: string; first?: number },
): HttpRequest {
  let op: OpName;
  if (scenario === 'mixed') {
    const r = new Rng(0x313, n).next() * 100;
    let acc = 0;
    op = MIX.find(([, w]) => (acc += w) > r)?.[0] ?? 'list';
  } else op = scenario;
  return buildRequest(server, op, pools, { n, ...context });
}

// ------------------------------------------------------------------------------------------
// Phase A: same data, and SQL statements per request, through the counting proxy

export interface StatementCount {
  /** Statements that do the request's work, per request (mean of the counted requests). */
  sql: number;
  min: number;
  max: number;
  /** BEGIN/COMMIT/SAVEPOINT per request. */
  transaction: number;
  /** Connection setup (the tenant setting of row-level security) per request. */
  session: number;
  /** Ours: what the API itself reports in extensions.sqlStatements (mean). */
  reported?: number;
  /** The statements of one request, abridged, to show what runs. */
  sample: string[];
}

export interface CheckResult {
  /** Comparisons made and the differences found (none when every server agrees). */
  compared: number;
  differences: string[];
  /** counts[server][label] */
  counts: Record<string, Record<string, StatementCount>>;
}

export const COUNT_LABELS = [
  'list',
  'list first:5',
  'detail',
  'logContact',
  'submitFeedback',
] as const;

function tally(executed: Executed[]): { sql: number; transaction: number; session: number } {
  const out = { sql: 0, transaction: 0, session: 0 };
  for (const e of executed) out[e.kind]++;
  return out;
}

export async function checkAndCount(
  databaseUrl: string,
  pools: Pools,
  log: Log,
  options: { requestsPerOp?: number; servers?: readonly ServerName[] } = {},
): Promise<CheckResult> {
  const servers = options.servers ?? SERVER_NAMES;
  const perOp = options.requestsPerOp ?? 6;
  const target = new URL(databaseUrl);
  const proxy = new WireCounter(
    { host: target.hostname, port: Number(target.port || 5432) },
    PORTS.proxy,
  );
  await proxy.start();
  const viaProxy = new URL(databaseUrl);
  viaProxy.hostname = '127.0.0.1';
  viaProxy.port = String(PORTS.proxy);
  const running = new Map<ServerName, RunningServer>();
  const result: CheckResult = { compared: 0, differences: [], counts: {} };
  try {
    for (const name of servers)
      running.set(name, await startServer(name, { databaseUrl: viaProxy.toString(), log }));
    const token = running.has('ours') ? await login(running.get('ours')!) : undefined;
    const runTag = `check${Date.now().toString(36)}`;

    // Same data: each read asked of every server, answers compared in canonical form.
    for (const [op, count] of [
      ['list', 6],
      ['detail', 12],
    ] as const) {
      for (let n = 0; n < count; n++) {
        const answers = new Map<ServerName, unknown>();
        for (const [name, server] of running) {
          const { status, text } = await send(
            server,
            buildRequest(name, op, pools, { n, token, runTag }),
          );
          if (failed(status, text)) {
            result.differences.push(`${name} ${op} #${n}: error ${status} ${text.slice(0, 300)}`);
            continue;
          }
          answers.set(name, canonical(name, op, JSON.parse(text) as Record<string, unknown>));
        }
        const reference = answers.get('ours') ?? answers.values().next().value;
        for (const [name, answer] of answers) {
          if (answer === reference) continue;
          result.compared++;
          const diff = firstDifference(reference, answer);
          if (diff) result.differences.push(`${op} #${n}, ours vs ${name}: ${diff}`);
        }
        if (op === 'list' && n === 0) {
          const nodes = (reference as { nodes: unknown[]; totalCount: number } | undefined)?.nodes;
          log(
            `[check] list #0: ${nodes?.length ?? 0} rows of ${(reference as { totalCount?: number })?.totalCount}`,
          );
        }
      }
    }
    log(
      `[check] ${result.compared} comparisons, ${result.differences.length} differences` +
        (result.differences.length ? `:\n  ${result.differences.slice(0, 10).join('\n  ')}` : ''),
    );

    // SQL statements per request, on the wire.
    for (const [name, server] of running) {
      result.counts[name] = {};
      for (const label of COUNT_LABELS) {
        const op: OpName = label === 'list first:5' ? 'list' : (label as OpName);
        const first = label === 'list first:5' ? 5 : 50;
        const per: ReturnType<typeof tally>[] = [];
        const reported: number[] = [];
        let sample: string[] = [];
        for (let n = 0; n < perOp + 2; n++) {
          const request = buildRequest(name, op, pools, { n: n + 100, token, runTag, first });
          proxy.take();
          const { status, text } = await send(server, request);
          // Let the server finish whatever it does after answering.
          await new Promise((resolve) => setTimeout(resolve, 20));
          const executed = proxy.take();
          if (failed(status, text))
            throw new Error(
              `${name} ${label} failed while counting: ${status} ${text.slice(0, 300)}`,
            );
          if (n < 2) continue; // warm: prepared statements, caches, the pool's tenant setting
          per.push(tally(executed));
          const extension = (JSON.parse(text) as { extensions?: { sqlStatements?: number } })
            .extensions?.sqlStatements;
          if (typeof extension === 'number') reported.push(extension);
          if (sample.length === 0)
            sample = executed.map(
              (e) => `[${e.kind}] ${e.text.replace(/\s+/g, ' ').slice(0, 160)}`,
            );
        }
        const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
        const sqls = per.map((p) => p.sql);
        result.counts[name][label] = {
          sql: mean(sqls),
          min: Math.min(...sqls),
          max: Math.max(...sqls),
          transaction: mean(per.map((p) => p.transaction)),
          session: mean(per.map((p) => p.session)),
          ...(reported.length && { reported: mean(reported) }),
          sample,
        };
        log(
          `[count] ${name} ${label}: ${mean(sqls).toFixed(2)} SQL/request` +
            (reported.length ? ` (API reports ${mean(reported).toFixed(2)})` : '') +
            `, +${mean(per.map((p) => p.transaction)).toFixed(2)} transaction control`,
        );
      }
    }
  } finally {
    for (const server of running.values()) await server.stop();
    await proxy.stop();
  }
  return result;
}

// ------------------------------------------------------------------------------------------
// Phase B: timing

export interface ScenarioResult {
  scenario: Scenario;
  /** Three runs at 10 connections, the median by req/s, and the 1- and 50-connection runs. */
  runs10: LoadResult[];
  median10: LoadResult;
  run1: LoadResult;
  run50: LoadResult;
  peakRssMb: number;
  loadAverage: number[];
}

export interface TimingOptions {
  seconds: number;
  warmupSeconds: number;
  repeats: number;
  scenarios: readonly Scenario[];
}

/**
 * CPU seconds of the PostgreSQL backends serving `database`, read from /proc (the bench runs on
 * the database's machine). Backends that close during a run take their time with them; the
 * pools keep theirs open under load.
 */
export function postgresCpu(adminUrl: string, database: string): () => Promise<number> {
  return () =>
    withClient(adminUrl, async (client) => {
      const r = await client.query<{ pid: number }>(
        'select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [database],
      );
      return r.rows.reduce((sum, row) => sum + processCpuSeconds(row.pid), 0);
    });
}

/** The tables the write scenarios grow (ours appends its audit chain and idempotency records). */
const WRITTEN_TABLES = ['contact', 'feedback', 'audit_event', 'idempotency_record'];

/**
 * Brings the written tables' statistics up to date before a scenario, as autovacuum would on a
 * production server. This machine's PostgreSQL runs with autovacuum off, so without it the
 * statistics stay those of the load: by the write scenarios, PSBC's audit chain has grown from
 * dozens of events to tens of thousands, and the chain-head read planned for dozens (a bitmap
 * scan and sort of every event, 13–17 ms, inside the chain's lock) doubles logContact's time.
 */
export async function analyzeWrittenTables(adminUrl: string): Promise<void> {
  await withClient(adminUrl, (client) => client.query(`analyze ${WRITTEN_TABLES.join(', ')}`));
}

export async function timeServer(
  name: ServerName,
  databaseUrl: string,
  pools: Pools,
  options: TimingOptions,
  log: Log,
  adminUrl?: string,
): Promise<{ results: ScenarioResult[]; startRssMb: number }> {
  const server = await startServer(name, { databaseUrl, production: true, log });
  const database = new URL(databaseUrl).pathname.slice(1);
  const cpu = adminUrl
    ? { server: () => server.cpuSeconds(), postgres: postgresCpu(adminUrl, database) }
    : undefined;
  const startRssMb = server.peakRss() / 2 ** 20;
  const results: ScenarioResult[] = [];
  try {
    for (const scenario of options.scenarios) {
      const token = name === 'ours' ? await login(server) : undefined;
      const runTag = `${scenario}${Date.now().toString(36)}`;
      const build = (n: number) => scenarioRequest(name, scenario, pools, n, { token, runTag });
      let offset = 0;
      const load = async (connections: number, seconds: number) => {
        const base = offset;
        offset += 10_000_000;
        const r = await runLoad({
          baseUrl: server.baseUrl,
          connections,
          seconds,
          build: (n) => build(base + n),
          cpu,
        });
        if (r.errors) log(`[time] ${name} ${scenario}: ${r.errors} errors, e.g. ${r.firstError}`);
        return r;
      };
      if (adminUrl) await analyzeWrittenTables(adminUrl);
      server.resetPeakRss();
      const loadAverage = os.loadavg();
      await load(10, options.warmupSeconds);
      const runs10: LoadResult[] = [];
      for (let i = 0; i < options.repeats; i++) runs10.push(await load(10, options.seconds));
      const median10 = medianBy(runs10, (run) => run.rps);
      const run1 = await load(1, options.seconds);
      const run50 = await load(50, options.seconds);
      const peakRssMb = server.peakRss() / 2 ** 20;
      results.push({ scenario, runs10, median10, run1, run50, peakRssMb, loadAverage });
      log(
        `[time] ${name} ${scenario}: ${median10.rps.toFixed(0)} req/s at 10 (p50 ${median10.p50} p99 ${median10.p99} ms, ` +
          `CPU/request ${median10.serverCpuMs?.toFixed(2)} ms server + ${median10.postgresCpuMs?.toFixed(2)} ms PostgreSQL), ` +
          `${run1.rps.toFixed(0)} at 1, ${run50.rps.toFixed(0)} at 50 (p99 ${run50.p99} ms), peak RSS ${peakRssMb.toFixed(0)} MB, load ${loadAverage.map((l) => l.toFixed(1)).join(' ')}`,
      );
    }
  } finally {
    await server.stop();
  }
  return { results, startRssMb };
}

/** Where a server connects: the bench role, row-level security on. */
export function benchRoleUrl(database: string): string {
  return withDatabase(SERVER_URL, database, BENCH_ROLE);
}
