import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_DATA_KEY, BENCH_DIR, PEERS_DIR, PORTS } from '../config.js';
import { peerNode } from '../peers.js';

export type ServerName = 'ours' | 'postgraphile' | 'floor';
export const SERVER_NAMES: readonly ServerName[] = ['ours', 'postgraphile', 'floor'];

export const SERVER_LABELS: Record<ServerName, string> = {
  ours: 'Arrears API',
  postgraphile: 'PostGraphile 5',
  floor: 'raw floor',
};

export interface StartOptions {
  /** Where the server's pool connects (the database directly, or the counting proxy). */
  databaseUrl: string;
  /** Ours only: NODE_ENV=production (no extensions.sqlStatements, no introspection). */
  production?: boolean;
  /** Extra node flags, e.g. --cpu-prof. */
  nodeFlags?: string[];
  log?: (line: string) => void;
}

export interface RunningServer {
  name: ServerName;
  pid: number;
  /** Base URL; GraphQL servers answer on /graphql, the floor on its own paths. */
  baseUrl: string;
  /** Highest RSS seen since the last reset, in bytes (sampled every 100 ms and VmHWM). */
  peakRss(): number;
  resetPeakRss(): void;
  /** CPU seconds the server process has used (all its threads: user + system). */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

const here = path.dirname(fileURLToPath(import.meta.url));

function readStatus(pid: number): { rss: number; hwm: number } {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rss: kb('VmRSS') * 1024, hwm: kb('VmHWM') * 1024 };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

/** utime + stime of a process, in seconds (clock ticks of 1/100 s on Linux). */
export function processCpuSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

export async function startServer(name: ServerName, options: StartOptions): Promise<RunningServer> {
  const port = PORTS[name];
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: options.databaseUrl,
    PORT: String(port),
  };
  let command: string;
  let args: string[];
  if (name === 'ours') {
    command = process.execPath;
    args = [...(options.nodeFlags ?? []), path.join(here, 'api.js')];
    env.ARREARS_DATA_KEY = BENCH_DATA_KEY;
    if (options.production) env.NODE_ENV = 'production';
  } else if (name === 'postgraphile') {
    command = peerNode();
    args = [...(options.nodeFlags ?? []), path.join(BENCH_DIR, 'peers', 'postgraphile-server.mjs')];
    env.GRAPHILE_ENV = 'production';
    env.NODE_ENV = 'production';
  } else {
    command = process.execPath;
    args = [...(options.nodeFlags ?? []), path.join(here, 'floor.js')];
    env.NODE_ENV = 'production';
  }
  const child: ChildProcess = spawn(command, args, {
    env,
    cwd: name === 'postgraphile' ? PEERS_DIR : process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const log = options.log ?? (() => {});
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} did not start in 60 s:\n${output.join('')}`)),
      60_000,
    );
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output.push(text);
      if (text.includes('[bench] ready')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}) before it was ready:\n${output.join('')}`));
    });
  });
  child.removeAllListeners('exit');
  child.stderr!.on('data', (chunk: Buffer) => {
    const text = chunk.toString().trim();
    if (text) log(`[${name}] ${text.split('\n')[0]}`);
  });
  const pid = child.pid!;
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, readStatus(pid).rss);
  }, 100);
  sampler.unref();
  return {
    name,
    pid,
    baseUrl: `http://127.0.0.1:${port}`,
    peakRss: () => Math.max(peak, readStatus(pid).rss),
    resetPeakRss: () => {
      peak = readStatus(pid).rss;
    },
    cpuSeconds: () => processCpuSeconds(pid),
    stop: async () => {
      clearInterval(sampler);
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timeout);
    },
  };
}
