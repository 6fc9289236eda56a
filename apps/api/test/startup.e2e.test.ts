import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/db/seed.js';

/**
 * The built server as an operator runs it (`node dist/main.js`): turbo builds it before the
 * tests. Covers what only a real process shows: exit codes, one-line errors, first-start seeding.
 */
const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));

interface Run {
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function run(env: Record<string, string>): Run {
  let output = '';
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, NODE_ENV: '', ...env },
    stdio: 'pipe',
  });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { process: child, output: () => output, exited };
}

async function waitForUrl(started: Run): Promise<string> {
  for (let i = 0; i < 600; i += 1) {
    const match = /GraphQL on (http:\/\/\S+)/.exec(started.output());
    if (match) return match[1]!;
    if (started.process.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server did not start:\n${started.output()}`);
}

async function query(
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return (await response.json()) as Record<string, unknown>;
}

/** Signs in as one of the demo logins the server printed; the headers carry the token. */
async function signIn(url: string, email: string): Promise<Record<string, string>> {
  const result = (await query(
    url,
    JSON.stringify({
      query:
        'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
      variables: { email, password: DEMO_PASSWORD },
    }),
  )) as { data?: { login?: { token: string } } };
  if (!result.data?.login) throw new Error(`cannot sign in as ${email}: ${JSON.stringify(result)}`);
  return { authorization: `Bearer ${result.data.login.token}` };
}

describe('starting the API', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arrears-start-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each([
    [{ DATABASE_URL: 'mysql://db/arrears' }, /DATABASE_URL must be empty/],
    [{ PORT: 'eighty' }, /PORT must be a number/],
  ])('refuses a bad setting (%o) with one line and a non-zero exit', async (env, reason) => {
    const started = run(env);
    expect(await started.exited).not.toBe(0);
    const lines = started.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(reason);
  });

  it('seeds the embedded database on first start, serves it, and keeps it on the next start', async () => {
    const env = {
      DATABASE_URL: `sqlite:${path.join(dir, 'arrears.sqlite')}`,
      PORT: '0',
      // One key for every start (as an operator would keep it), and none written beside the repo.
      ARREARS_DATA_KEY: randomBytes(32).toString('base64'),
    };
    const acceptance = JSON.stringify({
      query: '{ cases(first: 5) { totalCount nodes { id dpd bucket borrower { fullName } } } }',
    });

    const first = run(env);
    const url = await waitForUrl(first);
    expect(first.output()).toMatch(/seeding demo data/);
    expect(first.output()).toMatch(/supervisor@psbc\.demo/);
    // Nothing is served without signing in …
    const anonymous = (await query(url, acceptance)) as {
      data: unknown;
      errors: { extensions: { code: string } }[];
    };
    expect(anonymous.data).toBeNull();
    expect(anonymous.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    // … and a printed demo login signs in and sees its bank's cases.
    const supervisor = await signIn(url, 'supervisor@psbc.demo');
    const served = (await query(url, acceptance, supervisor)) as {
      data: { cases: { totalCount: number; nodes: unknown[] } };
    };
    // PSBC holds 30% of the ~3,000 seeded cases.
    expect(served.data.cases.totalCount).toBeGreaterThan(600);
    expect(served.data.cases.nodes).toHaveLength(5);
    first.process.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = run(env);
    const secondUrl = await waitForUrl(second);
    expect(second.output()).not.toMatch(/seeding/);
    // A restart signs nobody out: the token issued before it still works.
    const again = (await query(secondUrl, acceptance, supervisor)) as typeof served;
    expect(again.data.cases.totalCount).toBe(served.data.cases.totalCount);

    // The same data must refuse to serve in production: its accounts use the demo password.
    second.process.kill('SIGTERM');
    await second.exited;
    const production = run({ ...env, NODE_ENV: 'production' });
    expect(await production.exited).not.toBe(0);
    expect(production.output()).toMatch(
      /refusing to start in production: 35 account\(s\) still use the demo password/,
    );
  }, 120_000);

  it('writes no personal data, token, refresh token or API key to its logs in a full run', async () => {
    const env = {
      DATABASE_URL: `sqlite:${path.join(dir, 'logs.sqlite')}`,
      PORT: '0',
      ARREARS_DATA_KEY: randomBytes(32).toString('base64'),
      // Debug SQL logging on: even then the parameters sent are ciphertext, never plain text.
      ARREARS_SQL_DEBUG: '1',
      // Limits and revoked sessions in Redis, as several instances would run.
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    };
    const server = run(env);
    const url = await waitForUrl(server);
    const gql = async (
      text: string,
      variables: Record<string, unknown>,
      headers: Record<string, string>,
    ) =>
      (await query(url, JSON.stringify({ query: text, variables }), headers)) as {
        data: Record<string, Record<string, unknown>> | null;
        errors?: unknown[];
      };
    const supervisor = await signIn(url, 'supervisor@psbc.demo');
    const admin = await signIn(url, 'admin@psbc.demo');
    const secrets: string[] = [supervisor.authorization!.slice(7), admin.authorization!.slice(7)];

    const login = await gql(
      'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { refreshToken } }',
      { e: 'collector1@psbc.demo', p: DEMO_PASSWORD },
      {},
    );
    secrets.push(String(login.data!.login!.refreshToken));
    await gql(
      'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      { e: 'collector2@psbc.demo', p: 'a-wrong-password' },
      {},
    );

    const { data: listed } = await gql('{ borrowers(first: 1) { nodes { id } } }', {}, supervisor);
    const borrowerId = (listed!.borrowers!.nodes as { id: string }[])[0]!.id;
    const revealed = await gql(
      'mutation ($id: ID!) { revealBorrowerPII(borrowerId: $id, reason: "borrower called about the amount") { nationalId phones } }',
      { id: borrowerId },
      supervisor,
    );
    const pii = revealed.data!.revealBorrowerPII as { nationalId: string; phones: string[] };
    secrets.push(pii.nationalId, ...pii.phones);

    const { data: institutions } = await gql('{ institutions { nodes { id } } }', {}, supervisor);
    const institutionId = (institutions!.institutions!.nodes as { id: string }[])[0]!.id;
    const created = await gql(
      'mutation ($input: CreateBorrowerInput!) { createBorrower(input: $input) { id } }',
      {
        input: {
          institutionId,
          fullName: '日志测试',
          nationalId: '11010519491231002X',
          phones: ['13700001234'],
          address: { province: '北京市', city: '北京市', district: '东城区', detail: '测试路1号' },
        },
      },
      supervisor,
    );
    expect(created.errors).toBeUndefined();
    secrets.push('11010519491231002X', '13700001234');
    // A refused duplicate exercises the error path with the same personal data.
    await gql(
      'mutation ($input: CreateBorrowerInput!) { createBorrower(input: $input) { id } }',
      {
        input: {
          institutionId,
          fullName: '日志测试',
          nationalId: '11010519491231002X',
          phones: ['13700001234'],
          address: { province: '北京市', city: '北京市', district: '东城区', detail: '测试路1号' },
        },
      },
      supervisor,
    );

    const app = await gql(
      'mutation { createPartnerApp(input: { name: "log test", scopes: ["cases:read"] }) { apiKey } }',
      {},
      admin,
    );
    const apiKey = String(app.data!.createPartnerApp!.apiKey);
    secrets.push(apiKey);
    await gql('{ cases(first: 1) { totalCount } }', {}, { 'x-api-key': apiKey });

    // Logging out revokes the access token through Redis.
    await gql('mutation { logout }', {}, supervisor);
    const after = await gql('{ me { id } }', {}, supervisor);
    expect(JSON.stringify(after.errors)).toContain('UNAUTHENTICATED');

    server.process.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    const logs = server.output();
    expect(logs).toMatch(/\[query\]/); // the debug log really ran
    for (const secret of secrets) expect(logs).not.toContain(secret);
  }, 120_000);
});
