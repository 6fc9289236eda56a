import { describe, expect, it } from 'vitest';

import { createAppDataProvider } from './appDataProvider';
import { createSession } from './auth/session';
import { createTokenStore, memoryStorage } from './auth/tokenStore';
import { fakeFetch, graphqlError, graphqlResponse, rejectionOf } from './test/fakeFetch';

const NOW = Date.parse('2026-03-01T09:00:00Z');

const setup = (...answers: Parameters<typeof fakeFetch>) => {
  const fake = fakeFetch(...answers);
  const store = createTokenStore(memoryStorage());
  store.write({
    token: 't1',
    refreshToken: 'r1',
    expiresAt: new Date(NOW + 3_600_000).toISOString(),
    user: {
      id: 'u1',
      displayName: '管理员',
      email: 'admin@psbc.demo',
      role: 'ADMIN',
      institution: { id: 'i1', code: 'PSBC', name: '邮储银行', timeZone: 'Asia/Shanghai' },
    },
  });
  const session = createSession({ url: '/graphql', fetch: fake.fetch, store, now: () => NOW });
  return { ...fake, dataProvider: createAppDataProvider(session, { fetch: fake.fetch }) };
};

const METRICS = {
  recovered: '1200.50',
  outstanding: '98000.00',
  recoveryRate: 0.012,
  promisesKept: 3,
  promisesBroken: 1,
  promiseKeptRate: 0.75,
  borrowerCalls: 10,
  rightPartyContacts: 5,
  rightPartyContactRate: 0.5,
  contacts: 20,
  complaints: 1,
  complaintsPer1000Contacts: 50,
  visits: { completed: 1, noShow: 0, cancelled: 0, rescheduled: 0, open: 2 },
};

const POLICY = {
  id: 'i1',
  name: '邮储银行',
  collectionPolicy: {
    rulePack: 'CN',
    version: '2026.1',
    holidayCalendar: true,
    numbers: {},
    overrides: {},
    escalationLadder: [{ fromDpd: 1, stage: 'REMINDER' }],
  },
};

describe('collectionReports', () => {
  it('reads the report over the days given as the id', async () => {
    const report = {
      from: '2025-12-01T09:00:00Z',
      to: '2026-03-01T09:00:00Z',
      total: METRICS,
      byBucket: [{ bucket: 'M1', metrics: METRICS }],
      byCollector: [{ collector: null, metrics: METRICS }],
      weekly: [{ weekStart: '2026-02-23', recovered: '1200.50', contacts: 20 }],
    };
    const { dataProvider, requests } = setup(
      graphqlResponse({ data: { collectionReport: report } }),
    );

    const { data } = await dataProvider.getOne('collectionReports', { id: 90 });

    expect(requests[0]?.query).toContain('collectionReport(days: $days)');
    expect(requests[0]?.variables).toEqual({ days: 90 });
    expect(data).toEqual({ id: 90, ...report });
  });

  it('refuses a period that is not a whole number of days, without asking the API', async () => {
    const { dataProvider, requests } = setup();
    const error = await rejectionOf(dataProvider.getOne('collectionReports', { id: 'all' }));
    expect(error.status).toBe(400);
    expect(requests).toHaveLength(0);
  });
});

describe('collectionPolicies', () => {
  it("reads the user's institution's policy, flattened into a record with the institution's id", async () => {
    const { dataProvider, requests } = setup(
      graphqlResponse({ data: { me: { institution: POLICY } } }),
    );

    const { data } = await dataProvider.getOne('collectionPolicies', { id: 'i1' });

    expect(requests[0]?.query).toContain('me {');
    expect(data).toEqual({ id: 'i1', institutionName: '邮储银行', ...POLICY.collectionPolicy });
  });

  it("answers NOT_FOUND for another institution's id", async () => {
    const { dataProvider } = setup(graphqlResponse({ data: { me: { institution: POLICY } } }));
    const error = await rejectionOf(dataProvider.getOne('collectionPolicies', { id: 'other' }));
    expect(error.status).toBe(404);
  });

  it('sends the changes with the institution id and returns the saved policy', async () => {
    const { dataProvider, requests } = setup(
      graphqlResponse({ data: { updateCollectionPolicy: POLICY } }),
    );
    const changes = {
      rulePack: 'CN',
      holidayCalendar: true,
      overrides: { visitMinCollectors: 3 },
      escalationLadder: [{ fromDpd: 1, stage: 'REMINDER' }],
    };

    const { data } = await dataProvider.update('collectionPolicies', {
      id: 'i1',
      data: changes,
      previousData: { id: 'i1' },
    });

    expect(requests[0]?.query).toContain('updateCollectionPolicy(input: $input)');
    expect(requests[0]?.variables).toEqual({ input: { institutionId: 'i1', ...changes } });
    expect(data).toMatchObject({ id: 'i1', holidayCalendar: true });
  });

  it('puts a refused loosening under the input it names', async () => {
    const { dataProvider } = setup(
      graphqlResponse({
        data: null,
        errors: [
          graphqlError("overrides.visitMinCollectors: cannot loosen the pack's 2 to 1", {
            code: 'BAD_USER_INPUT',
            field: 'overrides.visitMinCollectors',
          }),
        ],
      }),
    );

    const error = await rejectionOf(
      dataProvider.update('collectionPolicies', {
        id: 'i1',
        data: { overrides: { visitMinCollectors: 1 } },
        previousData: { id: 'i1' },
      }),
    );

    expect(error.status).toBe(400);
    expect(error.body).toMatchObject({
      field: 'overrides.visitMinCollectors',
      errors: { 'overrides.visitMinCollectors': "cannot loosen the pack's 2 to 1" },
    });
  });
});

describe('the shared data provider', () => {
  it('still serves every other resource', async () => {
    const { dataProvider, requests } = setup(
      graphqlResponse({ data: { cases: { nodes: [], totalCount: 0 } } }),
    );
    await expect(
      dataProvider.getList('cases', {
        pagination: { page: 1, perPage: 25 },
        sort: { field: 'id', order: 'ASC' },
        filter: {},
      }),
    ).resolves.toEqual({ data: [], total: 0 });
    expect(requests[0]?.query).toContain('cases(');
  });
});
