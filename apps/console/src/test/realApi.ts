import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/**
 * The real API for the data provider's tests: the built server (`apps/api/dist/main.js`, which
 * turbo builds before the console's tests, since the console depends on `@arrears/api`) as an
 * operator runs it, on a scratch SQLite database it creates, migrates and seeds on first start.
 * It listens on a free port (PORT=0) and keeps its rate limits in memory (no REDIS_URL), so it
 * shares nothing with other suites.
 */

/** The seed's demo password, printed by the server on start. */
export const DEMO_PASSWORD = 'arrears-demo';

const require = createRequire(import.meta.url);

/** The API's built entry, found through the workspace dependency. */
export const API_MAIN = path.join(
  path.dirname(require.resolve('@arrears/api/package.json')),
  'dist',
  'main.js',
);

export interface RealApi {
  /** e.g. http://127.0.0.1:41234/graphql */
  url: string;
  /** A bearer token for a demo login (signed in once per email). */
  tokenFor(email: string): Promise<string>;
  /** Raw GraphQL for test fixtures, failing on any error. */
  gql<T>(token: string | undefined, query: string, variables?: Record<string, unknown>): Promise<T>;
  /** What the server printed so far, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 120_000;

/** Starts the built API on a scratch database and resolves once `/readyz` says ready. */
export async function startRealApi(): Promise<RealApi> {
  if (!fs.existsSync(API_MAIN)) {
    throw new Error(
      `${API_MAIN} is missing: build the API first (turbo does: the console's tests depend on its build), ` +
        'e.g. cd apps/api && npx tsc -b tsconfig.build.json',
    );
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arrears-console-api-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: '',
    DATABASE_URL: `sqlite:${path.join(dir, 'arrears.sqlite')}`,
    PORT: '0',
    // Its own key, so nothing is written beside the repository.
    ARREARS_DATA_KEY: randomBytes(32).toString('base64'),
  };
  delete env.REDIS_URL;

  let output = '';
  const child: ChildProcess = spawn(process.execPath, [API_MAIN], { env, stdio: 'pipe' });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Never leave the server behind, even when the test process ends without its afterAll.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.off('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };

  try {
    const url = await waitUntilReady(child, () => output);
    const gql = async <T>(
      token: string | undefined,
      query: string,
      variables: Record<string, unknown> = {},
    ): Promise<T> => {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: T; errors?: unknown[] };
      if (body.errors?.length || !body.data) {
        throw new Error(`GraphQL errors: ${JSON.stringify(body.errors ?? body, null, 2)}`);
      }
      return body.data;
    };
    const tokens = new Map<string, Promise<string>>();
    const tokenFor = (email: string) => {
      let token = tokens.get(email);
      if (!token) {
        token = gql<{ login: { token: string } }>(
          undefined,
          'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
          { email, password: DEMO_PASSWORD },
        ).then(({ login }) => login.token);
        tokens.set(email, token);
      }
      return token;
    };
    return { url, tokenFor, gql, output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function waitUntilReady(child: ChildProcess, output: () => string): Promise<string> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let url: string | undefined;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    url ??= /GraphQL on (http:\/\/\S+)/.exec(output())?.[1];
    if (url) {
      const ready = await fetch(new URL('/readyz', url)).then(
        (response) => response.ok,
        () => false,
      );
      // The server prints "localhost"; IPv4 avoids a resolver that prefers ::1.
      if (ready) return url.replace('//localhost:', '//127.0.0.1:');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the API did not become ready:\n${output()}`);
}
