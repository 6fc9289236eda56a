import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import type { GraphQLFormattedError } from 'graphql';
import { type DatabaseConfig, loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { createScratchDatabase, DEFAULT_POSTGRES_URL } from '../src/db/scratch-postgres.js';
import { DEMO_PASSWORD, seedDatabase } from '../src/db/seed.js';
import { hashPassword } from '../src/modules/user/password.js';
import { secretsFrom } from '../src/security/secrets.js';
import { configureFieldEncryption } from '../src/security/field-encryption.js';
import { createApiServer } from '../src/server.js';
import { Borrower } from '../src/modules/borrower/borrower.entity.js';
import { Case } from '../src/modules/case/case.entity.js';

export type Dialect = DatabaseConfig['dialect'];

/** Every end-to-end suite runs on both databases the product supports. */
export const DIALECTS: Dialect[] = ['sqlite', 'postgresql'];

export interface GraphqlResponse<T> {
  data?: T | null;
  errors?: GraphQLFormattedError[];
  extensions?: { sqlStatements?: number };
}

export interface GraphqlClient {
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphqlResponse<T>>;
  /** Like gql, but fails the test on any GraphQL error and returns the data. */
  data<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

/** Who `api.gql` speaks as unless a test asks for someone else. */
export const DEFAULT_LOGIN = 'supervisor@psbc.demo';

/** The default client is signed in as DEFAULT_LOGIN. */
export interface TestApi extends GraphqlClient {
  readonly baseUrl: string;
  readonly orm: MikroORM;
  /** A client signed in through the real login mutation as one of the seeded demo accounts. */
  as(email: string): Promise<GraphqlClient>;
  /** A client sending exactly these headers (e.g. no credentials, or an API key). */
  withHeaders(headers: Record<string, string>): GraphqlClient;
  /**
   * Moves the API's business clock (what "now" is for DPD, quiet hours, check-ins and
   * deadlines) to `at`; null returns it to real time. Sign-in keeps real time.
   */
  setNow(at: Date | null): void;
  close(): Promise<void>;
}

let demoPasswordHash: Promise<string> | undefined;
/** Keys for one test process: tokens and encrypted fields work as in production. */
const testSecrets = (() => {
  const master = randomBytes(32);
  configureFieldEncryption(master);
  return secretsFrom(master);
})();

/** A fresh database of the dialect (a temp SQLite file, or a scratch PostgreSQL database). */
export async function scratchDatabase(
  dialect: Dialect,
): Promise<{ config: DatabaseConfig; drop: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arrears-test-'));
    return {
      config: { dialect, path: path.join(dir, 'test.sqlite') },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const serverUrl = process.env.TEST_POSTGRES_URL ?? DEFAULT_POSTGRES_URL;
  const scratch = await createScratchDatabase(serverUrl, 'arrears_test').catch((error: unknown) => {
    throw new Error(
      `PostgreSQL tests need a server at ${serverUrl} (set TEST_POSTGRES_URL to another one): ${String(error)}`,
    );
  });
  return { config: { dialect, url: scratch.url }, drop: scratch.drop };
}

/**
 * Starts the real HTTP API on a scratch database, migrated and seeded with a small slice of
 * the demo data, on a free port.
 */
export async function startTestApi(
  dialect: Dialect,
  { seedScale = 0.02 }: { seedScale?: number } = {},
): Promise<TestApi> {
  const database = await scratchDatabase(dialect);
  const orm = await openDatabase(database.config);
  const passwordHash = await (demoPasswordHash ??= hashPassword(DEMO_PASSWORD));
  await orm.em
    .fork()
    .transactional((em) => seedDatabase(em, { now: new Date(), passwordHash, scale: seedScale }));
  let fixedNow: Date | null = null;
  const api = await createApiServer(loadConfig({}), orm, testSecrets, () =>
    fixedNow ? new Date(fixedNow) : new Date(),
  );
  const { url } = await api.listen(0);
  const baseUrl = url.replace(/\/graphql$/, '');

  const client = (headers: Record<string, string>): GraphqlClient => {
    const gql = async <T>(query: string, variables?: Record<string, unknown>) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphqlResponse<T>;
    };
    return withData(gql);
  };
  const signedIn = new Map<string, Promise<GraphqlClient>>();
  const as = (email: string): Promise<GraphqlClient> => {
    let found = signedIn.get(email);
    if (!found) {
      found = client({})
        .data<{ login: { token: string } }>(
          'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
          { email, password: DEMO_PASSWORD },
        )
        .then(({ login }) => client({ authorization: `Bearer ${login.token}` }));
      signedIn.set(email, found);
    }
    return found;
  };
  const defaultClient = await as(DEFAULT_LOGIN);
  return {
    baseUrl,
    orm,
    ...defaultClient,
    as,
    withHeaders: client,
    setNow(at) {
      fixedNow = at;
    },
    async close() {
      await api.stop();
      await orm.close();
      await database.drop();
    },
  };
}

/** The `extensions.code` of the first error, and the field it names, for assertions. */
export function firstError(result: GraphqlResponse<unknown>): {
  code: unknown;
  field: unknown;
  message: string;
} {
  const error = result.errors?.[0];
  if (!error) throw new Error(`expected an error, got data ${JSON.stringify(result.data)}`);
  return { code: error.extensions?.code, field: error.extensions?.field, message: error.message };
}

let address = 10;
/**
 * A client on a loopback address of its own (127.0.0.11, .12, …). Logins are rate-limited per
 * client address; a test about one person's sign-ins comes from that person's own machine, so
 * it neither spends nor suffers the other tests' allowance.
 */
export function clientOnOwnAddress(
  api: TestApi,
  headers: Record<string, string> = {},
): GraphqlClient {
  address += 1;
  const localAddress = `127.0.0.${address}`;
  const { port } = new URL(api.baseUrl);
  const gql = <T>(query: string, variables?: Record<string, unknown>) =>
    new Promise<GraphqlResponse<T>>((resolve, reject) => {
      const body = JSON.stringify({ query, variables });
      const request = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/graphql',
          method: 'POST',
          localAddress,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...headers,
          },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => {
            try {
              resolve(JSON.parse(text) as GraphqlResponse<T>);
            } catch {
              reject(new Error(`not JSON (HTTP ${response.statusCode}): ${text}`));
            }
          });
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  return withData(gql);
}

/** A client from its transport: `data` is `gql` that fails the test on any GraphQL error. */
function withData(gql: GraphqlClient['gql']): GraphqlClient {
  return {
    gql,
    async data<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
      const result = await gql<T>(query, variables);
      if (result.errors?.length)
        throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
      return result.data as T;
    },
  };
}

/**
 * How a borrower names a case's loan in `submitFeedback` (the bank's code, the loan number and
 * the last four characters of their national ID), and the case's institution.
 */
export async function borrowerIdentity(
  api: TestApi,
  caseId: string,
): Promise<{
  institutionId: string;
  identity: { institutionCode: string; caseReference: string; verification: string };
}> {
  const em = api.orm.em.fork();
  const target = await em.findOneOrFail(
    Case,
    { id: caseId },
    { filters: false, populate: ['institution'] },
  );
  const borrower = await em.findOneOrFail(Borrower, { id: target.borrower.id }, { filters: false });
  return {
    institutionId: target.institution.id,
    identity: {
      institutionCode: target.institution.getEntity().code,
      caseReference: target.loanNumber,
      verification: borrower.nationalId.slice(-4),
    },
  };
}
