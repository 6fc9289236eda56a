import { describe, expect, it } from 'vitest';

import { fakeFetch, graphqlError, graphqlResponse, rejectionOf } from '../test/fakeFetch';
import { createGraphqlClient, defineOperation } from './graphqlClient';

const PING = defineOperation<{ ping: string }, { times: number }>(
  'query Ping($times: Int!) { ping(times: $times) }',
);

const clientWith = (...answers: Parameters<typeof fakeFetch>) => {
  const fake = fakeFetch(...answers);
  return { ...fake, client: createGraphqlClient({ url: '/graphql', fetch: fake.fetch }) };
};

describe('createGraphqlClient', () => {
  it('POSTs the document and variables as JSON and resolves to `data`', async () => {
    const { client, requests } = clientWith(graphqlResponse({ data: { ping: 'pong' } }));
    const controller = new AbortController();

    const data = await client.request(PING, { times: 2 }, { signal: controller.signal });

    expect(data).toEqual({ ping: 'pong' });
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.url).toBe('/graphql');
    expect(request?.init.method).toBe('POST');
    expect(request?.init.headers).toMatchObject({
      'Content-Type': 'application/json',
      Accept: expect.stringContaining('application/graphql-response+json'),
    });
    expect(request?.init.signal).toBe(controller.signal);
    expect(request?.query).toBe(PING.document);
    expect(request?.variables).toEqual({ times: 2 });
  });

  it.each([
    ['BAD_USER_INPUT', 400],
    ['UNAUTHENTICATED', 401],
    ['FORBIDDEN', 403],
    ['NOT_FOUND', 404],
    ['CONFLICT', 409],
    ['POLICY_VIOLATION', 422],
    ['RATE_LIMITED', 429],
    ['INTERNAL', 500],
  ])('turns %s into an HttpError with status %i and the API message', async (code, status) => {
    const { client } = clientWith(
      graphqlResponse({ data: null, errors: [graphqlError(`it said ${code}`, { code })] }),
    );

    const error = await rejectionOf(client.request(PING, { times: 1 }));

    expect(error.status).toBe(status);
    expect(error.message).toBe(`it said ${code}`);
    expect(error.body).toMatchObject({ code, graphqlErrors: [{ message: `it said ${code}` }] });
  });

  it('puts BAD_USER_INPUT messages under body.errors[field] for react-admin forms', async () => {
    const { client } = clientWith(
      graphqlResponse({
        data: null,
        errors: [
          graphqlError('dpdMin: must not be negative', { code: 'BAD_USER_INPUT', field: 'dpdMin' }),
          graphqlError('amount: at most two decimals', { code: 'BAD_USER_INPUT', field: 'amount' }),
        ],
      }),
    );

    const error = await rejectionOf(client.request(PING, { times: 1 }));

    expect(error.status).toBe(400);
    expect(error.message).toBe('dpdMin: must not be negative; amount: at most two decimals');
    expect(error.body.errors).toEqual({
      dpdMin: 'dpdMin: must not be negative',
      amount: 'amount: at most two decimals',
    });
  });

  it('keeps field errors out of errors that are not BAD_USER_INPUT', async () => {
    const { client } = clientWith(
      graphqlResponse({
        data: null,
        errors: [graphqlError('not now', { code: 'POLICY_VIOLATION', field: 'channel' })],
      }),
    );

    const error = await rejectionOf(client.request(PING, { times: 1 }));

    expect(error.body.errors).toBeUndefined();
  });

  it('rejects when errors come with partial data rather than showing half a record', async () => {
    const { client } = clientWith(
      graphqlResponse({
        data: { ping: 'pong' },
        errors: [graphqlError('no access to this field', { code: 'FORBIDDEN' })],
      }),
    );

    const error = await rejectionOf(client.request(PING, { times: 1 }));

    expect(error.status).toBe(403);
  });

  it('uses the HTTP status for errors without a documented code', async () => {
    const { client } = clientWith(
      graphqlResponse(
        {
          errors: [
            graphqlError('Cannot query field "ping" on type "Query".', {
              code: 'GRAPHQL_VALIDATION_FAILED',
            }),
          ],
        },
        400,
      ),
    );

    const error = await rejectionOf(client.request(PING, { times: 1 }));

    expect(error.status).toBe(400);
    expect(error.message).toBe('Cannot query field "ping" on type "Query".');
    expect(error.body.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('reports an HTTP failure without a GraphQL body with its status', async () => {
    const { client } = clientWith(
      new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );

    const error = await rejectionOf(client.request(PING, { times: 1 }));

    expect(error.status).toBe(502);
    expect(error.message).toBe('The Arrears API answered 502 Bad Gateway.');
    expect(error.body.code).toBe('BAD_RESPONSE');
  });

  it.each([
    ['a body that is not JSON', new Response('pong', { status: 200 })],
    ['a JSON body without data', graphqlResponse({ data: null })],
    ['errors that are not GraphQL errors', graphqlResponse({ errors: 'boom' })],
  ])('rejects %s as a bad response', async (_case, response) => {
    const { client } = clientWith(response);

    const error = await rejectionOf(client.request(PING, { times: 1 }));

    expect(error.status).toBe(502);
    expect(error.body.code).toBe('BAD_RESPONSE');
  });

  it('reports a network failure as such', async () => {
    const { client } = clientWith(new TypeError('Failed to fetch'));

    const error = await rejectionOf(client.request(PING, { times: 1 }));

    expect(error.status).toBe(0);
    expect(error.message).toMatch(/Cannot reach the Arrears API/);
    expect(error.body.code).toBe('NETWORK_ERROR');
  });

  it('lets an abort through untouched so react-query sees a cancellation', async () => {
    const controller = new AbortController();
    controller.abort();
    const abort = new DOMException('The operation was aborted.', 'AbortError');
    const { client } = clientWith(abort);

    await expect(client.request(PING, { times: 1 }, { signal: controller.signal })).rejects.toBe(
      abort,
    );
  });
  describe('with auth', () => {
    const authWith = (token: string | undefined, renewed?: string) => {
      const renewals: string[] = [];
      return {
        renewals,
        auth: {
          token: () => Promise.resolve(token),
          renew: (rejected: string) => {
            renewals.push(rejected);
            return Promise.resolve(renewed);
          },
        },
      };
    };
    const headersOf = (init: RequestInit | undefined) => init?.headers as Record<string, string>;

    it('sends the token as a bearer token, and no header without one', async () => {
      const fake = fakeFetch(
        graphqlResponse({ data: { ping: 'a' } }),
        graphqlResponse({ data: { ping: 'b' } }),
      );
      await createGraphqlClient({ url: '/graphql', fetch: fake.fetch, ...authWith('t1') }).request(
        PING,
        { times: 1 },
      );
      await createGraphqlClient({
        url: '/graphql',
        fetch: fake.fetch,
        ...authWith(undefined),
      }).request(PING, { times: 1 });

      expect(headersOf(fake.requests[0]?.init).Authorization).toBe('Bearer t1');
      expect(headersOf(fake.requests[1]?.init)).not.toHaveProperty('Authorization');
    });

    it('does not renew on errors other than UNAUTHENTICATED', async () => {
      const { auth, renewals } = authWith('t1', 't2');
      const fake = fakeFetch(
        graphqlResponse({ data: null, errors: [graphqlError('no', { code: 'FORBIDDEN' })] }),
      );
      const client = createGraphqlClient({ url: '/graphql', fetch: fake.fetch, auth });

      expect((await rejectionOf(client.request(PING, { times: 1 }))).status).toBe(403);
      expect(renewals).toEqual([]);
      expect(fake.requests).toHaveLength(1);
    });

    it('retries at most once when the renewed token is refused too', async () => {
      const { auth, renewals } = authWith('t1', 't2');
      const refused = () =>
        graphqlResponse({ data: null, errors: [graphqlError('no', { code: 'UNAUTHENTICATED' })] });
      const fake = fakeFetch(refused(), refused());
      const client = createGraphqlClient({ url: '/graphql', fetch: fake.fetch, auth });

      expect((await rejectionOf(client.request(PING, { times: 1 }))).status).toBe(401);
      expect(renewals).toEqual(['t1']);
      expect(fake.requests.map((r) => headersOf(r.init).Authorization)).toEqual([
        'Bearer t1',
        'Bearer t2',
      ]);
    });
  });
});
