import { describe, expect, it } from 'vitest';

import { fakeFetch, graphqlError, graphqlResponse, rejectionOf } from '../test/fakeFetch';
import { ROOT_ERROR } from './errors';
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

  it('puts each message under body.errors[field] for react-admin forms, without the field name', async () => {
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
    expect(error.body.field).toBe('dpdMin');
    expect(error.body.errors).toEqual({
      dpdMin: 'must not be negative',
      amount: 'at most two decimals',
      // react-admin notifies this instead of its generic "the form is not valid".
      [ROOT_ERROR]: 'dpdMin: must not be negative; amount: at most two decimals',
    });
  });

  it('names nested inputs by their form path and renames fields the operation says to', async () => {
    const RENAMING = defineOperation<{ ping: string }, { times: number }>(PING.document, {
      rename: { note: 'releaseNote' },
    });
    const { client } = clientWith(
      graphqlResponse({
        data: null,
        errors: [
          graphqlError('installments[1].amount: must be positive', {
            code: 'BAD_USER_INPUT',
            field: 'installments[1].amount',
          }),
          graphqlError('note: is required', { code: 'BAD_USER_INPUT', field: 'note' }),
        ],
      }),
    );

    const error = await rejectionOf(client.request(RENAMING, { times: 1 }));

    expect(error.body.errors).toMatchObject({
      'installments.1.amount': 'must be positive',
      releaseNote: 'is required',
    });
  });

  it('puts a CONFLICT that names a field on that field', async () => {
    const { client } = clientWith(
      graphqlResponse({
        data: null,
        errors: [
          graphqlError('this external reference was already recorded with other details', {
            code: 'CONFLICT',
            field: 'externalRef',
          }),
        ],
      }),
    );

    const error = await rejectionOf(client.request(PING, { times: 1 }));

    expect(error.status).toBe(409);
    expect(error.body.errors?.externalRef).toBe(
      'this external reference was already recorded with other details',
    );
  });

  it('leaves body.errors out when no field is named, so react-admin notifies the message', async () => {
    const { client } = clientWith(
      graphqlResponse({
        data: null,
        errors: [graphqlError('Case c1 is at version 3, not 2; reload it', { code: 'CONFLICT' })],
      }),
    );

    const error = await rejectionOf(client.request(PING, { times: 1 }));

    expect(error.message).toBe('Case c1 is at version 3, not 2; reload it');
    expect(error.body.errors).toBeUndefined();
  });

  describe('POLICY_VIOLATION', () => {
    const QUIET =
      "Quiet hours: no contact between 22:00 and 08:00 in the borrower's time zone (Asia/Shanghai).";
    const HOLD = 'Collection is on hold: the debt is disputed and the dispute is open.';
    const LOG = defineOperation<{ ping: string }, { times: number }>(PING.document, {
      policy: { QUIET_HOURS: 'occurredAt', CEASE_CHANNEL: 'channel' },
    });
    const refusal = (rules: { code: string; message: string }[], nextAllowedAt: string | null) =>
      graphqlResponse({
        data: null,
        errors: [
          graphqlError(
            `Refused by the collection policy: ${rules.map((r) => r.message).join(' ')}`,
            {
              code: 'POLICY_VIOLATION',
              rules,
              nextAllowedAt,
            },
          ),
        ],
      });
    const shanghai = () => 'Asia/Shanghai';

    it('says which rules refuse and when it is allowed again, in the zone the console works in', async () => {
      const fake = fakeFetch(
        refusal([{ code: 'QUIET_HOURS', message: QUIET }], '2026-03-02T00:00:00.000Z'),
      );
      const client = createGraphqlClient({
        url: '/graphql',
        fetch: fake.fetch,
        timeZone: shanghai,
      });

      const error = await rejectionOf(client.request(LOG, { times: 1 }));

      expect(error.status).toBe(422);
      expect(error.message).toBe(
        `Refused by the collection policy: ${QUIET} Allowed again from 2026-03-02 08:00 (Asia/Shanghai).`,
      );
      expect(error.body).toMatchObject({
        code: 'POLICY_VIOLATION',
        field: 'occurredAt',
        rules: [{ code: 'QUIET_HOURS', message: QUIET }],
        nextAllowedAt: '2026-03-02T00:00:00.000Z',
      });
      expect(error.body.errors).toEqual({
        occurredAt: `${QUIET} Allowed again from 2026-03-02 08:00 (Asia/Shanghai).`,
        [ROOT_ERROR]: error.message,
      });
    });

    it('keeps a rule about the whole action (a hold) for the form-wide message only', async () => {
      const fake = fakeFetch(refusal([{ code: 'HOLD_DISPUTE', message: HOLD }], null));
      const client = createGraphqlClient({
        url: '/graphql',
        fetch: fake.fetch,
        timeZone: shanghai,
      });

      const error = await rejectionOf(client.request(LOG, { times: 1 }));

      expect(error.message).toBe(
        `Refused by the collection policy: ${HOLD} No time is set: it stays refused until what blocks it is lifted.`,
      );
      expect(error.body.field).toBeUndefined();
      expect(error.body.nextAllowedAt).toBeNull();
      expect(error.body.errors).toEqual({ [ROOT_ERROR]: error.message });
    });

    it('writes the time in UTC when the zone is not one Intl knows', async () => {
      const fake = fakeFetch(
        refusal([{ code: 'QUIET_HOURS', message: QUIET }], '2026-03-02T00:00:00.000Z'),
      );
      const client = createGraphqlClient({
        url: '/graphql',
        fetch: fake.fetch,
        timeZone: () => 'Mars/Olympus_Mons',
      });

      const error = await rejectionOf(client.request(LOG, { times: 1 }));

      expect(error.message).toMatch(/Allowed again from 2026-03-02 00:00 \(UTC\)\.$/);
    });

    it('puts the refusal on the field the API names, when it names one', async () => {
      const { client } = clientWith(
        graphqlResponse({
          data: null,
          errors: [graphqlError('not now', { code: 'POLICY_VIOLATION', field: 'channel' })],
        }),
      );

      const error = await rejectionOf(client.request(PING, { times: 1 }));

      expect(error.status).toBe(422);
      expect(error.body.errors?.channel).toMatch(/^not now\. No time is set/);
    });
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
