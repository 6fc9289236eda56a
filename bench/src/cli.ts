import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  RESULTS_DIR,
  SERVER_URL,
  databaseName,
  parseSize,
  withDatabase,
  type SizeName,
} from './config.js';
import { measureBound, pgbenchVersion, renderBound } from './bound.js';
import { loadDataset, readDatasetInfo } from './dataset/load.js';
import {
  benchRoleUrl,
  checkAndCount,
  login,
  scenarioRequest,
  timeServer,
  type Scenario,
  type TimingOptions,
} from './harness.js';
import { runLoad } from './loadgen.js';
import { ensurePeers, peerNode } from './peers.js';
import { readPools } from './pools.js';
import { renderProfile, summariseProfile } from './profile.js';
import { machineInfo, prettierFormat, writeReport, type RunReport } from './report.js';
import { SERVER_NAMES, startServer } from './servers/spawn.js';

const USAGE = `arrears bench

  load    --size tiny|S|L [--anchor YYYY-MM-DD]   (re)create arrears_bench_<size> and COPY the dataset
  run     --size S [--seconds 10] [--warmup 5] [--repeats 3] [--quick]
          [--servers ours,postgraphile,floor] [--scenarios list,detail,logContact,submitFeedback,mixed]
          [--reload]                               check, count, time; writes bench/results/
  check   --size S                                 same-data check and SQL counts only
  profile --size S [--seconds 10] [--scenarios list,detail]   CPU profile of our API under load
  bound   --size S [--seconds 10] [--repeats 3] [--clients 10]
                                                   pgbench: logContact's statements beside the floor's insert
  smoke                                            CI: tiny dataset, same data, SQL bounds
  render  <results/<size>-<stamp>.json>            rewrite the tables of a run from its JSON
  peers                                            install PostGraphile 5 + Node 22 into bench/.peers
`;

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}
const has = (args: string[], name: string) => args.includes(`--${name}`);
const list = <T extends string>(raw: string | undefined, all: readonly T[]): T[] => {
  if (!raw) return [...all];
  const items = raw.split(',') as T[];
  for (const item of items) if (!all.includes(item)) throw new Error(`unknown "${item}"`);
  return items;
};

const SCENARIOS: readonly Scenario[] = ['list', 'detail', 'logContact', 'submitFeedback', 'mixed'];
const log = (line: string) => console.log(line);

async function postgresVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ v: string }>("select split_part(version(), ' on ', 1) as v");
    return r.rows[0]!.v;
  } finally {
    await client.end();
  }
}

async function ensureDataset(size: SizeName, reload: boolean) {
  const database = databaseName(size);
  let info = reload ? null : await readDatasetInfo(database);
  if (!info) info = await loadDataset({ size, log });
  return { database, info };
}

async function run(args: string[]): Promise<void> {
  const size = parseSize(flag(args, 'size'));
  const quick = has(args, 'quick');
  const options: TimingOptions = {
    seconds: Number(flag(args, 'seconds') ?? (quick ? 3 : 10)),
    warmupSeconds: Number(flag(args, 'warmup') ?? (quick ? 2 : 5)),
    repeats: Number(flag(args, 'repeats') ?? (quick ? 1 : 3)),
    scenarios: list(flag(args, 'scenarios'), SCENARIOS),
  };
  const servers = list(flag(args, 'servers'), SERVER_NAMES);
  const startedAt = new Date().toISOString();
  const machine = machineInfo();
  const peersInstallSeconds = ensurePeers(log);
  const { database, info } = await ensureDataset(size, has(args, 'reload'));
  const ownerUrl = withDatabase(SERVER_URL, database);
  const pools = await readPools(ownerUrl);
  const check = await checkAndCount(benchRoleUrl(database), pools, log, { servers });
  const timing: RunReport['timing'] = {};
  for (const name of servers)
    timing[name] = await timeServer(name, benchRoleUrl(database), pools, options, log, ownerUrl);
  const report: RunReport = {
    size,
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: {
      ...machine,
      peerNode: execFileSync(peerNode(), ['--version']).toString().trim(),
      postgres: await postgresVersion(ownerUrl),
      loadAfter: os.loadavg(),
    },
    dataset: info,
    options,
    peersInstallSeconds,
    check,
    timing,
  };
  const { markdown, files } = await writeReport(report);
  console.log(`\n${markdown}\n[bench] wrote ${files.join(', ')}`);
}

async function bound(args: string[]): Promise<void> {
  const size = parseSize(flag(args, 'size'));
  const options = {
    seconds: Number(flag(args, 'seconds') ?? 10),
    repeats: Number(flag(args, 'repeats') ?? 3),
    clients: Number(flag(args, 'clients') ?? 10),
  };
  const startedAt = new Date().toISOString();
  const machine = machineInfo();
  const { database } = await ensureDataset(size, false);
  const ownerUrl = withDatabase(SERVER_URL, database);
  const pools = await readPools(ownerUrl);
  const results = await measureBound(ownerUrl, benchRoleUrl(database), pools, options, log);
  const markdown = await prettierFormat(
    renderBound(
      {
        size,
        startedAt,
        machine: `${machine.cpus} × ${machine.model}, ${await postgresVersion(ownerUrl)}`,
        pgbench: pgbenchVersion(),
      },
      options,
      results,
    ),
    'markdown',
  );
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `bound-${size}.md`);
  fs.writeFileSync(file, markdown);
  console.log(`\n${markdown}\n[bench] wrote ${file}`);
}

async function profile(args: string[]): Promise<void> {
  const size = parseSize(flag(args, 'size'));
  const seconds = Number(flag(args, 'seconds') ?? 10);
  const scenarios = list(flag(args, 'scenarios'), SCENARIOS).filter(
    (s) => s !== 'mixed' || args.includes('mixed'),
  );
  const { database } = await ensureDataset(size, false);
  const pools = await readPools(withDatabase(SERVER_URL, database));
  const dir = path.join(RESULTS_DIR, 'profiles', new Date().toISOString().replace(/[:.]/g, '-'));
  const sections: string[] = [
    `# CPU profile of our API, size ${size}`,
    '',
    `${seconds} s at 10 connections per operation after a 3 s warm-up, NODE_ENV=production, ` +
      `node --cpu-prof; self time by owner and by function. Same shared 2-core machine as the benchmark.`,
    '',
  ];
  for (const scenario of scenarios) {
    const out = path.join(dir, scenario);
    fs.mkdirSync(out, { recursive: true });
    const server = await startServer('ours', {
      databaseUrl: benchRoleUrl(database),
      production: true,
      nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${out}`],
      log,
    });
    try {
      const token = await login(server);
      const build = (n: number) =>
        scenarioRequest('ours', scenario, pools, n, { token, runTag: `prof${Date.now()}` });
      await runLoad({ baseUrl: server.baseUrl, connections: 10, seconds: 3, build });
      const r = await runLoad({
        baseUrl: server.baseUrl,
        connections: 10,
        seconds,
        build: (n) => build(n + 1_000_000),
      });
      log(`[profile] ${scenario}: ${r.rps.toFixed(0)} req/s, p99 ${r.p99} ms`);
    } finally {
      await server.stop();
    }
    const file = fs.readdirSync(out).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error(`no profile written in ${out}`);
    sections.push(renderProfile(scenario, summariseProfile(path.join(out, file))));
  }
  const markdown = await prettierFormat(sections.join('\n'), 'markdown');
  fs.writeFileSync(path.join(dir, 'summary.md'), markdown);
  console.log(markdown);
  log(`[profile] wrote ${dir}`);
}

/**
 * CI smoke: a tiny dataset in a scratch database, every server asked (a) and (b), answers
 * compared, SQL statements counted. Asserts that every server returns the same data, that our
 * list costs the same for 5 rows as for 50, and the bounds: list ≤ 2 and detail ≤ 3
 * statements per request, and that the bound's pgbench scripts run. No timing assertions: a
 * 1-second run per server only shows that load works.
 */
const BOUND_SMOKE = { seconds: 1, repeats: 1, clients: 2 };

async function smoke(): Promise<void> {
  const started = Date.now();
  const peersSeconds = ensurePeers(log);
  const database = `arrears_bench_smoke_${randomBytes(4).toString('hex')}`;
  const checks: { name: string; ok: boolean; detail: string }[] = [];
  try {
    await loadDataset({ size: 'tiny', database, log });
    const pools = await readPools(withDatabase(SERVER_URL, database));
    const result = await checkAndCount(benchRoleUrl(database), pools, log, { requestsPerOp: 3 });
    checks.push({
      name: 'every server returns the same data for (a) and (b)',
      ok: result.differences.length === 0 && result.compared > 0,
      detail: `${result.compared} comparisons, ${result.differences.length} differences`,
    });
    const ours = result.counts.ours!;
    checks.push({
      name: 'our list costs the same SQL for 5 rows as for 50',
      ok:
        ours['list first:5']!.max === ours['list']!.min && ours['list']!.max === ours['list']!.min,
      detail: `${ours['list first:5']!.sql} vs ${ours['list']!.sql}`,
    });
    const bounds = [
      { name: 'list ≤ 2 SQL statements per request', value: ours['list']!.max, bound: 2 },
      { name: 'detail ≤ 3 SQL statements per request', value: ours['detail']!.max, bound: 3 },
    ];
    for (const b of bounds)
      checks.push({ name: b.name, ok: b.value <= b.bound, detail: `${b.value}` });
    // The bound's scripts name tables and columns in SQL: running them keeps them in step with the schema.
    const ownerUrl = withDatabase(SERVER_URL, database);
    const bound = await measureBound(ownerUrl, benchRoleUrl(database), pools, BOUND_SMOKE, log);
    checks.push({
      name: "the bound's pgbench scripts run without a failed transaction",
      ok: bound.every((r) => r.median.tps > 0 && r.median.failed === 0),
      detail: bound.map((r) => `${r.script} ${r.median.tps.toFixed(0)} tps`).join(', '),
    });
    for (const name of SERVER_NAMES) {
      const server = await startServer(name, {
        databaseUrl: benchRoleUrl(database),
        production: true,
        log,
      });
      try {
        const token = name === 'ours' ? await login(server) : undefined;
        const r = await runLoad({
          baseUrl: server.baseUrl,
          connections: 2,
          seconds: 1,
          build: (n) => scenarioRequest(name, 'mixed', pools, n, { token, runTag: `smoke${n}` }),
        });
        log(
          `[smoke] ${name} mixed, 1 s: ${r.requests} requests, ${r.errors} errors (not asserted)`,
        );
      } finally {
        await server.stop();
      }
    }
  } finally {
    const admin = new pg.Client({ connectionString: SERVER_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
  }
  for (const c of checks) log(`[smoke] ${c.ok ? 'ok  ' : 'FAIL'} ${c.name} (${c.detail})`);
  const failed = checks.filter((c) => !c.ok).length;
  log(
    `[smoke] ${((Date.now() - started) / 1000).toFixed(1)} s (PostGraphile install ${peersSeconds.toFixed(1)} s)`,
  );
  console.log(`bench smoke: ${checks.length - failed} passed, ${failed} failed`);
  if (failed) process.exitCode = 1;
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  switch (command) {
    case 'load':
      await loadDataset({ size: parseSize(flag(args, 'size')), anchor: flag(args, 'anchor'), log });
      return;
    case 'run':
      return run(args);
    case 'check': {
      ensurePeers(log);
      const { database } = await ensureDataset(parseSize(flag(args, 'size')), false);
      const pools = await readPools(withDatabase(SERVER_URL, database));
      await checkAndCount(benchRoleUrl(database), pools, log);
      return;
    }
    case 'profile':
      return profile(args);
    case 'bound':
      return bound(args);
    case 'smoke':
      return smoke();
    case 'render': {
      // The tables again from a run's JSON (e.g. after a change to the report's layout).
      const file = args[0];
      if (!file) throw new Error('render <results/….json>');
      const report = JSON.parse(fs.readFileSync(file, 'utf8')) as RunReport;
      const { files } = await writeReport(report);
      log(`[bench] wrote ${files.join(', ')}`);
      return;
    }
    case 'peers':
      ensurePeers(log);
      return;
    default:
      console.log(USAGE);
      if (command && command !== 'help') process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
