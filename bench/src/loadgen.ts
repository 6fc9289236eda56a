import autocannon from 'autocannon';
import { failed, type HttpRequest } from './ops.js';

export interface LoadResult {
  connections: number;
  seconds: number;
  requests: number;
  /** Requests per second over the whole run. */
  rps: number;
  /** Milliseconds (autocannon records whole milliseconds). */
  p50: number;
  p90: number;
  p99: number;
  mean: number;
  /** Socket errors, timeouts, non-200 answers and GraphQL errors. */
  errors: number;
  /** The first error answer seen, to say what went wrong. */
  firstError?: string;
  /** CPU milliseconds per request: the server process, and PostgreSQL's backends of the run. */
  serverCpuMs?: number;
  postgresCpuMs?: number;
}

/** The middle run by `measure` (the upper middle of an even count). */
export function medianBy<T>(runs: readonly T[], measure: (run: T) => number): T {
  return [...runs].sort((a, b) => measure(a) - measure(b))[Math.floor(runs.length / 2)]!;
}

export interface LoadOptions {
  baseUrl: string;
  connections: number;
  seconds: number;
  /** The n-th request of the run. */
  build: (n: number) => HttpRequest;
  /** CPU seconds used so far, read before and after the run. */
  cpu?: { server: () => number; postgres: () => Promise<number> };
}

/** One autocannon run: fixed connections, fixed time, each request built fresh. */
export async function runLoad({
  baseUrl,
  connections,
  seconds,
  build,
  cpu,
}: LoadOptions): Promise<LoadResult> {
  const cpuBefore = cpu ? { server: cpu.server(), postgres: await cpu.postgres() } : null;
  let n = 0;
  let bad = 0;
  let firstError: string | undefined;
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    pipelining: 1,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const r = build(n++);
          return { ...req, method: r.method, path: r.path, headers: r.headers, body: r.body };
        },
        onResponse: (status, body) => {
          if (failed(status, body)) {
            bad++;
            firstError ??= `${status} ${body.slice(0, 300)}`;
          }
        },
      },
    ],
  });
  const elapsed = result.duration || seconds;
  const done = Math.max(1, result.requests.total);
  const cpuMs =
    cpu && cpuBefore
      ? {
          serverCpuMs: ((cpu.server() - cpuBefore.server) * 1000) / done,
          postgresCpuMs: (((await cpu.postgres()) - cpuBefore.postgres) * 1000) / done,
        }
      : {};
  return {
    ...cpuMs,
    connections,
    seconds: elapsed,
    requests: result.requests.total,
    rps: result.requests.total / elapsed,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    mean: result.latency.mean,
    errors: result.errors + result.timeouts + bad,
    ...(firstError && { firstError }),
  };
}
