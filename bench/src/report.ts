import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RESULTS_DIR, type SizeName } from './config.js';
import type { DatasetInfo } from './dataset/load.js';
import type { CheckResult, Scenario, ScenarioResult, TimingOptions } from './harness.js';
import { OP_LABELS } from './ops.js';
import { SERVER_LABELS, SERVER_NAMES, type ServerName } from './servers/spawn.js';

export interface RunReport {
  size: SizeName;
  startedAt: string;
  finishedAt: string;
  machine: {
    cpus: number;
    model: string;
    memoryGb: number;
    node: string;
    peerNode: string;
    postgres: string;
    loadBefore: number[];
    loadAfter: number[];
  };
  dataset: DatasetInfo | null;
  options: TimingOptions;
  peersInstallSeconds: number;
  check: CheckResult;
  timing: Partial<Record<ServerName, { results: ScenarioResult[]; startRssMb: number }>>;
}

const f0 = (x: number | undefined) => (x === undefined ? '–' : x.toFixed(0));
const f1 = (x: number | undefined) => (x === undefined ? '–' : x.toFixed(1));
const f2 = (x: number | undefined) => (x === undefined ? '–' : x.toFixed(2));
const ratio = (a: number | undefined, b: number | undefined) => {
  if (a === undefined || b === undefined || b === 0) return '–';
  const r = a / b;
  return `${r.toFixed(r < 0.1 ? 3 : 2)}×`;
};

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

const COUNT_FOR: Record<Scenario, string | null> = {
  list: 'list',
  detail: 'detail',
  logContact: 'logContact',
  submitFeedback: 'submitFeedback',
  mixed: null,
};

export function renderMarkdown(report: RunReport): string {
  const m = report.machine;
  const lines: string[] = [];
  const servers = SERVER_NAMES.filter((s) => report.timing[s]);
  const scenarios = report.options.scenarios;
  const result = (s: ServerName, sc: Scenario) =>
    report.timing[s]?.results.find((r) => r.scenario === sc);
  const sqlOf = (s: ServerName, label: string | null) =>
    label ? report.check.counts[s]?.[label] : undefined;

  lines.push(
    `# Benchmark, size ${report.size} (${report.startedAt.slice(0, 16).replace('T', ' ')} UTC)`,
  );
  lines.push('');
  lines.push(
    `Server, PostgreSQL and load generator (autocannon) all on one ${m.cpus}-core machine (${m.model}, ${m.memoryGb} GB), ` +
      `shared with other work: load average ${m.loadBefore.map((l) => l.toFixed(1)).join(' / ')} before, ` +
      `${m.loadAfter.map((l) => l.toFixed(1)).join(' / ')} after. Treat the figures as relative; re-run on a quiet machine for absolute ones. ` +
      `Node ${m.node} (ours, floor), ${m.peerNode} (PostGraphile); ${m.postgres}.`,
  );
  lines.push('');
  if (report.dataset) {
    const c = report.dataset.counts;
    lines.push(
      `Dataset ${report.dataset.size} (seed ${report.dataset.seed}, anchor ${report.dataset.anchor}, loaded in ${report.dataset.seconds.toFixed(0)} s): ` +
        `${c.collection_case} cases, ${c.contact} contacts, ${c.visit} visits, ${c.borrower} borrowers, ${c.repayment_plan} plans, ${c.feedback} feedback.`,
    );
    lines.push('');
  }
  lines.push(
    `Protocol: per server and operation, ${report.options.warmupSeconds} s warm-up at 10 connections, ` +
      `${report.options.repeats} × ${report.options.seconds} s at 10 connections (median by req/s), ` +
      `${report.options.seconds} s at 1 and ${report.options.seconds} s at 50 connections. Latencies in ms (autocannon: whole ms). ` +
      'CPU ms per request (10-connection median run) is read from /proc: the server process, and the PostgreSQL backends of the database; ' +
      'on a shared machine it is steadier than req/s, since it does not count the time other work takes the cores.',
  );
  lines.push('');
  lines.push(
    report.check.differences.length === 0
      ? `Same data: ${report.check.compared} answers of (a) and (b) compared across the servers before timing, all equal.`
      : `**Same data: ${report.check.differences.length} differences** in ${report.check.compared} comparisons:\n\n${report.check.differences
          .slice(0, 10)
          .map((d) => `- ${d}`)
          .join('\n')}`,
  );
  lines.push('');

  lines.push('## Throughput, latency, SQL, memory');
  lines.push('');
  const rows: string[][] = [];
  for (const sc of scenarios)
    for (const s of servers) {
      const r = result(s, sc);
      if (!r) continue;
      const sql = sqlOf(s, COUNT_FOR[sc]);
      const errors = r.runs10.reduce((a, x) => a + x.errors, 0) + r.run1.errors + r.run50.errors;
      rows.push([
        OP_LABELS[sc],
        SERVER_LABELS[s],
        f0(r.median10.rps),
        f0(r.median10.p50),
        f0(r.median10.p90),
        f0(r.median10.p99),
        f0(r.run1.rps),
        f0(r.run1.p99),
        f0(r.run50.rps),
        f0(r.run50.p99),
        String(errors),
        sql ? f2(sql.sql) : '–',
        f2(r.median10.serverCpuMs),
        f2(r.median10.postgresCpuMs),
        f0(r.peakRssMb),
      ]);
    }
  lines.push(
    table(
      [
        'operation',
        'server',
        'req/s @10',
        'p50',
        'p90',
        'p99',
        'req/s @1',
        'p99 @1',
        'req/s @50',
        'p99 @50',
        'errors',
        'SQL/req',
        'server CPU ms/req',
        'PG CPU ms/req',
        'peak RSS MB',
      ],
      rows,
    ),
  );
  lines.push('');

  lines.push('## Ratios (ours ÷ peer)');
  lines.push('');
  const ratioRows: string[][] = [];
  for (const sc of scenarios) {
    const o = result('ours', sc);
    const p = result('postgraphile', sc);
    const fl = result('floor', sc);
    ratioRows.push([
      OP_LABELS[sc],
      ratio(o?.median10.rps, p?.median10.rps),
      ratio(o?.median10.p99, p?.median10.p99),
      ratio(o?.median10.rps, fl?.median10.rps),
      ratio(o?.median10.p99, fl?.median10.p99),
      ratio(o?.run1.rps, p?.run1.rps),
      ratio(o?.run50.rps, p?.run50.rps),
      ratio(o?.median10.serverCpuMs, p?.median10.serverCpuMs),
      ratio(o?.median10.serverCpuMs, fl?.median10.serverCpuMs),
      ratio(o?.peakRssMb, p?.peakRssMb),
    ]);
  }
  lines.push(
    table(
      [
        'operation',
        'req/s ÷ PostGraphile @10',
        'p99 ÷ PostGraphile @10',
        'req/s ÷ floor @10',
        'p99 ÷ floor @10',
        'req/s ÷ PostGraphile @1',
        'req/s ÷ PostGraphile @50',
        'server CPU/req ÷ PostGraphile',
        'server CPU/req ÷ floor',
        'peak RSS ÷ PostGraphile',
      ],
      ratioRows,
    ),
  );
  lines.push('');

  lines.push('## SQL statements per request (on the wire)');
  lines.push('');
  lines.push(
    'Counted by a PostgreSQL wire-protocol proxy (every Query and Execute), after two warm requests; ' +
      '`+n tx` is BEGIN/COMMIT. Ours also reports its own count in `extensions.sqlStatements` (dev mode), shown as "API says".',
  );
  lines.push('');
  const countLabels = Object.keys(report.check.counts.ours ?? report.check.counts.floor ?? {});
  lines.push(
    table(
      [
        'request',
        ...SERVER_NAMES.filter((s) => report.check.counts[s]).map((s) => SERVER_LABELS[s]),
      ],
      countLabels.map((label) => [
        label,
        ...SERVER_NAMES.filter((s) => report.check.counts[s]).map((s) => {
          const c = report.check.counts[s]![label]!;
          return (
            `${f2(c.sql)}${c.transaction ? ` +${f1(c.transaction)} tx` : ''}` +
            (c.reported !== undefined ? ` (API says ${f2(c.reported)})` : '')
          );
        }),
      ]),
    ),
  );
  lines.push('');

  const ours = report.check.counts.ours;
  if (ours) {
    lines.push('## What our API runs per request');
    lines.push('');
    for (const [label, c] of Object.entries(ours)) {
      if (label === 'list first:5') continue;
      lines.push(`${label}:`);
      lines.push('');
      lines.push('```sql');
      for (const s of c.sample) lines.push(s);
      lines.push('```');
      lines.push('');
    }
  }

  const o = (sc: Scenario) => result('ours', sc);
  const p = (sc: Scenario) => result('postgraphile', sc);
  const fl = (sc: Scenario) => result('floor', sc);
  lines.push('## Targets of issue 6');
  lines.push('');
  const mark = (ok: boolean | undefined) => (ok === undefined ? '–' : ok ? 'met' : 'not met');
  lines.push(
    table(
      ['target', 'figure', 'status'],
      [
        [
          'list req/s ≥ 1.0× PostGraphile',
          ratio(o('list')?.median10.rps, p('list')?.median10.rps),
          mark(
            o('list') && p('list') ? o('list')!.median10.rps >= p('list')!.median10.rps : undefined,
          ),
        ],
        [
          'list p99 ≤ PostGraphile',
          `${f0(o('list')?.median10.p99)} vs ${f0(p('list')?.median10.p99)} ms`,
          mark(
            o('list') && p('list') ? o('list')!.median10.p99 <= p('list')!.median10.p99 : undefined,
          ),
        ],
        [
          'list ≤ 2 SQL statements, any page size',
          `${f2(ours?.['list']?.sql)} (50 rows), ${f2(ours?.['list first:5']?.sql)} (5 rows)`,
          mark(ours ? ours['list']!.max <= 2 && ours['list first:5']!.max <= 2 : undefined),
        ],
        [
          'detail ≤ 3 SQL statements',
          f2(ours?.['detail']?.sql),
          mark(ours ? ours['detail']!.max <= 3 : undefined),
        ],
        [
          'logContact ≥ 0.5× raw insert floor',
          ratio(o('logContact')?.median10.rps, fl('logContact')?.median10.rps),
          mark(
            o('logContact') && fl('logContact')
              ? o('logContact')!.median10.rps >= 0.5 * fl('logContact')!.median10.rps
              : undefined,
          ),
        ],
      ],
    ),
  );
  lines.push('');
  return lines.join('\n');
}

export async function prettierFormat(text: string, parser: 'markdown' | 'json'): Promise<string> {
  try {
    const prettier = (await import('prettier' as string)) as {
      format: (t: string, o: object) => Promise<string>;
      resolveConfig: (f: string) => Promise<object | null>;
    };
    const config = (await prettier.resolveConfig(path.join(RESULTS_DIR, 'x.md'))) ?? {};
    return await prettier.format(text, { ...config, parser });
  } catch {
    return text;
  }
}

/** results/<size>-<stamp>.{json,md} and results/summary-<size>.md (the one to commit). */
export async function writeReport(
  report: RunReport,
): Promise<{ markdown: string; files: string[] }> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, '-').slice(0, 19);
  const markdown = await prettierFormat(renderMarkdown(report), 'markdown');
  const json = await prettierFormat(JSON.stringify(report, null, 2), 'json');
  const files = [
    path.join(RESULTS_DIR, `${report.size}-${stamp}.json`),
    path.join(RESULTS_DIR, `${report.size}-${stamp}.md`),
    path.join(RESULTS_DIR, `summary-${report.size}.md`),
  ];
  fs.writeFileSync(files[0]!, json);
  fs.writeFileSync(files[1]!, markdown);
  fs.writeFileSync(files[2]!, markdown);
  return { markdown, files };
}

export function machineInfo(): Omit<RunReport['machine'], 'peerNode' | 'postgres' | 'loadAfter'> {
  return {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadBefore: os.loadavg(),
  };
}
