import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { secretsFrom } from '../src/security/secrets.js';
import { createApiServer } from '../src/server.js';
import { scratchDatabase, startTestApi, type TestApi } from './harness.js';

/**
 * The limits that keep one request from costing the API more than a screenful of work: depth,
 * aliases, tokens and a cost that knows page sizes; and what production hides from strangers
 * (introspection, field suggestions). Every refusal here happens before a resolver or the
 * database runs, so one dialect (SQLite) is enough.
 */

interface Answer {
  status: number;
  errors: { message: string; extensions?: Record<string, unknown> }[];
  data?: unknown;
}

/** A POST with no credentials: every refusal here comes before anyone is asked who is calling. */
async function post(baseUrl: string, query: string, variables?: unknown): Promise<Answer> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Partial<Answer>;
  return { status: response.status, errors: body.errors ?? [], data: body.data };
}

function expectRefused(answer: Answer, message: RegExp): void {
  expect(answer.status, JSON.stringify(answer)).toBe(400);
  expect(answer.errors).toHaveLength(1);
  expect(answer.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(answer.errors[0]?.message).toMatch(message);
}

/** `case → contacts → case → …` down to `id`: `levels` nested fields, each list a page of 1. */
function nested(levels: number, caseId: string): string {
  let selection = 'id';
  for (let level = levels - 1; level >= 1; level--) {
    const field =
      level === 1 ? `case(id: "${caseId}")` : level % 2 === 0 ? 'contacts(last: 1)' : 'case';
    selection = `${field} { ${selection} }`;
  }
  return `{ ${selection} }`;
}

function aliased(count: number): string {
  return `{ ${Array.from({ length: count }, (_, i) => `i${i}: institutions(first: 1) { totalCount }`).join(' ')} }`;
}

/** Three lists nested in one another, each a page of `n`: n³ visits at most. */
const threeLists = (n: number) =>
  `{ cases(first: ${n}) { nodes { contacts(last: ${n}) { case { visits(last: ${n}) { id } } } } } }`;

describe('API limits (development server)', () => {
  let api: TestApi;
  let caseId: string;
  beforeAll(async () => {
    api = await startTestApi('sqlite');
    const { cases } = await api.data<{ cases: { nodes: { id: string }[] } }>(
      '{ cases(first: 1) { nodes { id } } }',
    );
    caseId = cases.nodes[0]!.id;
  });
  afterAll(() => api?.close());

  it('answers a query 10 levels deep and refuses one 11 levels deep', async () => {
    await api.data(nested(10, caseId));
    expectRefused(
      await post(api.baseUrl, nested(11, caseId)),
      /^Query depth limit of 10 exceeded, found 11\.$/,
    );
  });

  it('answers 15 aliases and refuses 16', async () => {
    const answer = await api.data<Record<string, unknown>>(aliased(15));
    expect(Object.keys(answer)).toHaveLength(15);
    expectRefused(
      await post(api.baseUrl, aliased(16)),
      /^Aliases limit of 15 exceeded, found 16\.$/,
    );
  });

  it('refuses a document of more than 2,000 tokens', async () => {
    expectRefused(
      await post(api.baseUrl, `{ ${'__typename '.repeat(2500)}}`),
      /Document contains more \w+ 2000 tokens/,
    );
  });

  it('answers three nested lists of 10 and refuses the same with pages of 100 for its cost', async () => {
    const small = await api.data<{ cases: { nodes: unknown[] } }>(threeLists(10));
    expect(small.cases.nodes.length).toBeGreaterThan(0);
    expectRefused(
      await post(api.baseUrl, threeLists(100)),
      /^Query cost limit of 10000 exceeded, found 1020101: /,
    );
  });

  it('counts page sizes given in variables', async () => {
    const query = `query ($n: Int!) {
      cases(first: $n) { nodes { contacts(last: $n) { case { visits(last: $n) { id } } } } }
    }`;
    await api.data(query, { n: 10 });
    expectRefused(await post(api.baseUrl, query, { n: 100 }), /^Query cost limit of 10000/);
    // Costs are remembered per parsed operation and variables, never per operation alone.
    await api.data(query, { n: 10 });
    expectRefused(await post(api.baseUrl, query, { n: 100 }), /^Query cost limit of 10000/);
  });

  it('still suggests field names to developers', async () => {
    const answer = await post(api.baseUrl, '{ casez { totalCount } }');
    expect(answer.errors[0]?.message).toMatch(/Did you mean "case/);
  });
});

describe('API limits (production server)', () => {
  let database: Awaited<ReturnType<typeof scratchDatabase>>;
  let server: Awaited<ReturnType<typeof createApiServer>>;
  let orm: Awaited<ReturnType<typeof openDatabase>>;
  let baseUrl: string;
  beforeAll(async () => {
    database = await scratchDatabase('sqlite');
    orm = await openDatabase(database.config);
    // The whole production configuration, whatever part of it the server reads.
    server = await createApiServer(
      loadConfig({ NODE_ENV: 'production' }),
      orm,
      secretsFrom(randomBytes(32)),
    );
    baseUrl = (await server.listen(0)).url.replace(/\/graphql$/, '');
  });
  afterAll(async () => {
    await server?.stop();
    await orm?.close(true);
    await database?.drop();
  });

  it('refuses introspection', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Case") { name } }']) {
      expectRefused(await post(baseUrl, query), /introspection is not allowed/);
    }
  });

  it('suggests no field, argument or enum value names', async () => {
    for (const query of [
      '{ casez { totalCount } }',
      '{ cases(frist: 1) { totalCount } }',
      '{ cases(filter: { bucket: [M7] }) { totalCount } }',
    ]) {
      const answer = await post(baseUrl, query);
      expect(answer.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(answer.errors[0]?.message).not.toMatch(/Did you mean|"case"|"first"|"M1"/);
    }
  });

  it('applies the same depth, alias and cost limits', async () => {
    expectRefused(await post(baseUrl, nested(11, 'x')), /^Query depth limit of 10/);
    expectRefused(await post(baseUrl, aliased(16)), /^Aliases limit of 15/);
    expectRefused(await post(baseUrl, threeLists(100)), /^Query cost limit of 10000/);
  });
});
