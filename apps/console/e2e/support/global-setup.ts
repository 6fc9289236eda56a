import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

import { CHROMIUM_PATH } from './browser-options';
import { API_MAIN, CONSOLE_DIR, CONSOLE_DIST, SCREENSHOTS_DIR } from './paths';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the built console is served, e.g. `http://127.0.0.1:41234`. */
    consoleUrl: string;
    /** The API's GraphQL endpoint, for the suite's own look-ups of seed data. */
    graphqlUrl: string;
  }
}

const API_START_TIMEOUT_MS = 180_000;

/**
 * Starts what the browser tests run against, once for the whole suite: the built API on a
 * scratch SQLite file (it seeds the demo data on first start) and the built console served by
 * `vite preview`, which forwards `/graphql` to that API as the dev server does. Builds nothing:
 * turbo's `test:browser` task depends on both builds.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  for (const [what, file, how] of [
    ['the built console', path.join(CONSOLE_DIST, 'index.html'), 'vite build'],
    ['the built API', API_MAIN, 'npx -y pnpm@10.34.9 --filter @arrears/api build'],
    ['Chromium', CHROMIUM_PATH, 'apt-get install -y chromium'],
  ] as const) {
    if (!fs.existsSync(file)) throw new Error(`${what} is missing (${file}): run \`${how}\` first`);
  }
  fs.rmSync(SCREENSHOTS_DIR, { recursive: true, force: true });
  fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'arrears-browser-'));
  const api = await startApi(scratch);
  let server: PreviewServer | undefined;
  try {
    server = await preview({
      root: CONSOLE_DIR,
      configFile: path.join(CONSOLE_DIR, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: CONSOLE_DIST },
      preview: {
        host: '127.0.0.1',
        port: 0,
        strictPort: true,
        proxy: { '/graphql': { target: new URL(api.url).origin, changeOrigin: true } },
      },
    });
    const consoleUrl = server.resolvedUrls?.local[0]?.replace(/\/$/, '');
    if (!consoleUrl) throw new Error('vite preview did not say where it listens');
    project.provide('consoleUrl', consoleUrl);
    project.provide('graphqlUrl', api.url);
  } catch (error) {
    await stopApi(api.process);
    throw error;
  }

  return async () => {
    await server?.close();
    await stopApi(api.process);
    fs.rmSync(scratch, { recursive: true, force: true });
  };
}

/** `node apps/api/dist/main.js` as an operator runs it, on a file of its own and a free port. */
async function startApi(scratch: string): Promise<{ process: ChildProcess; url: string }> {
  let output = '';
  const child = spawn(process.execPath, [API_MAIN], {
    env: {
      ...process.env,
      NODE_ENV: '',
      DATABASE_URL: `sqlite:${path.join(scratch, 'arrears.sqlite')}`,
      PORT: '0',
      // A key of its own, so nothing is written beside the repository.
      ARREARS_DATA_KEY: randomBytes(32).toString('base64'),
      // One API process per suite: the shared limits live in it, not in a Redis of the machine.
      REDIS_URL: '',
    },
    stdio: 'pipe',
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + API_START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const match = /GraphQL on (http:\/\/\S+)/.exec(output);
    if (match) return { process: child, url: match[1]! };
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the API did not start:\n${output}`);
}

async function stopApi(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
