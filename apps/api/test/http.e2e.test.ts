import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.js';
import { createApiServer } from '../src/server.js';
import { DIALECTS, scratchDatabase, startTestApi, type TestApi } from './harness.js';

/**
 * The HTTP surface as a load balancer, an orchestrator and a GraphQL client see it: health
 * and readiness probes, JSON POST to /graphql, no batching, and errors that carry a typed code
 * and nothing of the server's insides.
 */

const CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'POLICY_VIOLATION',
  'RATE_LIMITED',
  'INTERNAL',
];

async function post(baseUrl: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // Not every refusal is JSON; the text is checked instead.
  }
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text,
    json,
  };
}

/** Every error of a response carries one of the documented codes and no trace of the server's code. */
function expectCleanErrors(json: unknown, text: string): void {
  const errors = (json as { errors?: { message: string; extensions?: Record<string, unknown> }[] })
    .errors;
  expect(errors?.length, text).toBeGreaterThan(0);
  for (const error of errors!) {
    expect(CODES, text).toContain(error.extensions?.code);
    expect(error.extensions ?? {}, text).not.toHaveProperty('stacktrace');
    expect(error.extensions ?? {}, text).not.toHaveProperty('exception');
  }
  // No stack frames, source paths or SQL anywhere in the body.
  expect(text).not.toMatch(
    /stacktrace|node_modules|\/work\/|\.ts:\d+|\bat \w+ \(|select .* from|insert into/i,
  );
}

const BORROWER_COUNT = '{ borrowers { totalCount } }';

describe.each(DIALECTS)('HTTP on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect, { seedScale: 0.02 });
  });
  afterAll(() => api?.close());

  it('GET /healthz answers 200 {status: "ok"}', async () => {
    const response = await fetch(`${api.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz answers 200 while the database is reachable', async () => {
    const response = await fetch(`${api.baseUrl}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ready' });
  });

  it('POST /graphql with a JSON body answers JSON', async () => {
    const result = await post(api.baseUrl, {
      query: 'query Count { institutions { totalCount nodes { code } } }',
      operationName: 'Count',
    });
    expect(result.status).toBe(200);
    expect(result.contentType).toMatch(/^application\/(graphql-response\+)?json/);
    const { data } = result.json as {
      data: { institutions: { totalCount: number; nodes: { code: string }[] } };
    };
    expect(data.institutions.totalCount).toBe(5);
    expect(data.institutions.nodes.map((n) => n.code).sort()).toEqual([
      'HSCZ',
      'KMB',
      'LSB',
      'PSBC',
      'XBGS',
    ]);
  });

  it('does not say who built it', async () => {
    const response = await fetch(`${api.baseUrl}/healthz`);
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('refuses a batch (a JSON array body) without running any of it', async () => {
    const before = (await api.data<{ borrowers: { totalCount: number } }>(BORROWER_COUNT)).borrowers
      .totalCount;
    const { institutions } = await api.data<{ institutions: { nodes: { id: string }[] } }>(
      '{ institutions { nodes { id } } }',
    );
    const create = {
      query: 'mutation ($input: CreateBorrowerInput!) { createBorrower(input: $input) { id } }',
      variables: {
        input: {
          institutionId: institutions.nodes[0]!.id,
          fullName: '批量测试',
          // A valid ID (the GB 11643 example), so only the batching refusal can stop it.
          nationalId: '11010519491231002X',
          phones: ['13900000001'],
          address: { province: '北京市', city: '北京市', district: '东城区', detail: '一号' },
        },
      },
    };
    const result = await post(api.baseUrl, [{ query: '{ __typename }' }, create]);
    expect(result.status).toBe(400);
    expect(Array.isArray(result.json)).toBe(false);
    expect(result.text).not.toContain('"__typename"');
    const after = (await api.data<{ borrowers: { totalCount: number } }>(BORROWER_COUNT)).borrowers
      .totalCount;
    expect(after).toBe(before);
  });

  it('refuses a body that is not JSON with a typed JSON error and no stack trace', async () => {
    const broken = await post(api.baseUrl, '{"query": "{ __typename }"');
    expect(broken.status).toBe(400);
    expect(broken.text).not.toMatch(/node_modules|\/work\/|at \w+ \(/);
    expect(broken.json, broken.text).not.toBeNull();
    expectCleanErrors(broken.json, broken.text);
  });

  it('refuses a document that does not parse with BAD_USER_INPUT', async () => {
    const unparsable = await post(api.baseUrl, { query: '{ cases { nodes { id } ' });
    expect(unparsable.status).toBe(400);
    expectCleanErrors(unparsable.json, unparsable.text);
    expect(
      (unparsable.json as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions
        .code,
    ).toBe('BAD_USER_INPUT');
  });

  it('answers errors with extensions.code and no stack trace, whatever the kind', async () => {
    const requests: [string, unknown][] = [
      ['an unknown field', { query: '{ cases { nodes { nationalId } } }' }],
      [
        'a variable of the wrong type',
        { query: 'query ($n: Int) { cases(first: $n) { totalCount } }', variables: { n: 'ten' } },
      ],
      [
        'a Decimal that is not exact',
        { query: '{ cases(filter: { outstandingMin: "1.005" }) { totalCount } }' },
      ],
      ['a page too large', { query: '{ cases(first: 101) { totalCount } }' }],
      ['a forged cursor', { query: '{ cases(first: 5, after: "bm9wZQ") { totalCount } }' }],
      ['an unknown id', { query: '{ case(id: "00000000-0000-7000-8000-000000000000") { id } }' }],
      ['an id that is not a UUID', { query: '{ visit(id: "1; drop table visit") { id } }' }],
      [
        'an unknown receipt code',
        { query: '{ feedbackStatus(receiptCode: "FB0000000000") { status } }' },
      ],
    ];
    for (const [what, body] of requests) {
      const result = await post(api.baseUrl, body);
      expect(result.status, what).toBeLessThan(500);
      expectCleanErrors(result.json, `${what}: ${result.text}`);
    }
  });

  it('an error for one field still answers the others', async () => {
    const result = await post(api.baseUrl, {
      query:
        '{ institutions { totalCount } case(id: "00000000-0000-7000-8000-000000000000") { id } }',
    });
    const { data, errors } = result.json as {
      data: unknown;
      errors: { path: string[]; extensions: { code: string } }[];
    };
    // case(id) is non-null, so its error nulls the whole data, but the error names its path and code.
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: ['case'], extensions: { code: 'NOT_FOUND' } });
    expect(data).toBeNull();
  });

  describe('in production mode', () => {
    let database: Awaited<ReturnType<typeof scratchDatabase>>;
    let server: Awaited<ReturnType<typeof createApiServer>>;
    let orm: Awaited<ReturnType<typeof openDatabase>>;
    let baseUrl: string;
    beforeAll(async () => {
      database = await scratchDatabase(dialect);
      orm = await openDatabase(database.config);
      server = await createApiServer({ production: true }, orm);
      baseUrl = (await server.listen(0)).url.replace(/\/graphql$/, '');
    });
    afterAll(async () => {
      await server?.stop();
      await orm?.close(true).catch(() => undefined);
      await database?.drop();
    });

    it('refuses introspection and still answers errors with a code and no stack trace', async () => {
      const introspection = await post(baseUrl, { query: '{ __schema { types { name } } }' });
      expectCleanErrors(introspection.json, introspection.text);
      const missing = await post(baseUrl, {
        query: '{ case(id: "00000000-0000-7000-8000-000000000000") { id } }',
      });
      expectCleanErrors(missing.json, missing.text);
      expect(
        (missing.json as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
      ).toBe('NOT_FOUND');
      // The SQL statement count is a development aid, not part of a production answer.
      expect((missing.json as { extensions?: unknown }).extensions).toBeUndefined();
    });

    it('GET /readyz answers 503 once the database is gone, while /healthz stays 200', async () => {
      expect((await fetch(`${baseUrl}/readyz`)).status).toBe(200);
      await orm.close(true);
      const ready = await fetch(`${baseUrl}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.text()).not.toMatch(/node_modules|\/work\/|at \w+ \(/);
      expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
    });
  });
});
