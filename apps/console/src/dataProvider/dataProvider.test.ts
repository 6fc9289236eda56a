import type { DataProvider, GetListParams } from 'react-admin';
import { describe, expect, it } from 'vitest';

import { fakeFetch, graphqlError, graphqlResponse, rejectionOf } from '../test/fakeFetch';
import { createDataProvider } from './index';
import type { CaseDetail, CaseListItem, Institution } from './types';

const providerWith = (...answers: Parameters<typeof fakeFetch>) => {
  const fake = fakeFetch(...answers);
  return { ...fake, dataProvider: createDataProvider({ url: '/graphql', fetch: fake.fetch }) };
};

const caseRow: CaseListItem = {
  id: 'c1',
  loanNumber: 'LN-2026-0001',
  product: 'CREDIT_LOAN',
  institution: { id: 'i1', code: 'XBGS', timeZone: 'Asia/Shanghai' },
  borrower: { id: 'b1', fullName: '张三' },
  assignee: null,
  status: 'IN_PROGRESS',
  stage: 'PHONE',
  outstandingAmount: '12345.60',
  overdueSince: '2026-01-15',
  dpd: 45,
  bucket: 'M2',
  priority: 80,
  createdAt: '2026-01-02T03:04:05.000Z',
  lastContact: { id: 'k1', occurredAt: '2026-03-01T14:30:00.000Z' },
};

const detail: CaseDetail = {
  ...caseRow,
  version: 3,
  institution: { id: 'i1', code: 'XBGS', name: '西北工商银行', timeZone: 'Asia/Shanghai' },
  borrower: {
    id: 'b1',
    fullName: '张三',
    nationalIdMasked: '110***********1234',
    phonesMasked: ['138****5678'],
    emailMasked: null,
    address: { province: '陕西省', city: '西安', district: '雁塔区', detail: '科技路1号' },
    employer: null,
    monthlyIncome: null,
    creditScore: null,
    timeZone: null,
    contactConsent: null,
    thirdParties: [],
    createdAt: '2026-01-02T03:04:05.000Z',
    updatedAt: '2026-01-02T03:04:05.000Z',
    city: '西安',
  },
  closeReason: null,
  principalAmount: '20000.00',
  overdueAmount: '1500.00',
  nextAction: null,
  nextActionAt: null,
  hardshipRequestedAt: null,
  updatedAt: '2026-03-01T14:31:00.000Z',
  lastContact: {
    id: 'k1',
    channel: 'PHONE',
    result: 'CONVERSATION',
    outcome: 'PROMISE_TO_PAY',
    occurredAt: '2026-03-01T14:30:00.000Z',
    note: null,
  },
  nextVisit: null,
  priorityScore: { score: 80, factors: [] },
  contactability: [],
  holds: [],
};

const casesPage = (nodes: CaseListItem[], totalCount: number) =>
  graphqlResponse({
    data: { cases: { nodes, totalCount, pageInfo: { endCursor: null, hasNextPage: false } } },
  });

const institution = (n: number): Institution => ({
  id: `i${n}`,
  code: `B${n}`,
  name: `Bank ${n}`,
  timeZone: 'Asia/Shanghai',
});

const institutionsPage = (nodes: Institution[], totalCount: number) =>
  graphqlResponse({ data: { institutions: { nodes, totalCount } } });

const listParams = {
  pagination: { page: 1, perPage: 25 },
  sort: { field: 'id', order: 'ASC' as const },
  filter: {},
};

describe('cases', () => {
  describe('getList', () => {
    it('asks for one page by offset/limit and returns the rows and the total', async () => {
      const { dataProvider, requests } = providerWith(casesPage([caseRow], 73));

      const result = await dataProvider.getList('cases', {
        ...listParams,
        pagination: { page: 3, perPage: 25 },
      });

      expect(result).toEqual({ data: [caseRow], total: 73 });
      const [request] = requests;
      expect(request?.query).toMatch(/query Cases\(/);
      expect(request?.query).toMatch(/fragment CaseListFields on Case/);
      expect(request?.variables).toEqual({ offset: 50, limit: 25, filter: {}, orderBy: null });
    });

    it.each([
      ['loanNumber', 'LOAN_NUMBER'],
      ['dpd', 'DPD'],
      ['outstandingAmount', 'OUTSTANDING_AMOUNT'],
      ['overdueSince', 'OVERDUE_SINCE'],
      ['createdAt', 'CREATED_AT'],
    ])('sorts by %s as %s', async (field, orderField) => {
      const { dataProvider, requests } = providerWith(casesPage([], 0));

      await dataProvider.getList('cases', { ...listParams, sort: { field, order: 'DESC' } });

      expect(requests[0]?.variables.orderBy).toEqual([{ field: orderField, direction: 'DESC' }]);
    });

    it('maps the list filters onto CaseFilter', async () => {
      const { dataProvider, requests } = providerWith(casesPage([], 0));

      await dataProvider.getList('cases', {
        ...listParams,
        filter: {
          q: '  张三 ',
          status: 'PROMISED',
          bucket: ['M2', 'M3'],
          stage: [],
          institutionId: 'i1',
          dpdMin: 30,
          dpdMax: '90',
          outstandingMin: '1000.00',
          assigneeId: '',
        },
      });

      expect(requests[0]?.variables.filter).toEqual({
        search: '张三',
        status: ['PROMISED'],
        bucket: ['M2', 'M3'],
        institutionId: 'i1',
        dpdMin: 30,
        dpdMax: 90,
        outstandingMin: '1000.00',
      });
    });

    it('leaves out a search of blanks', async () => {
      const { dataProvider, requests } = providerWith(casesPage([], 0));

      await dataProvider.getList('cases', { ...listParams, filter: { q: '   ' } });

      expect(requests[0]?.variables.filter).toEqual({});
    });

    it.each<[string, Partial<GetListParams>]>([
      ['a column the API cannot sort by', { sort: { field: 'borrower.fullName', order: 'ASC' } }],
      ['a page larger than the API allows', { pagination: { page: 1, perPage: 101 } }],
      ['a page before the first', { pagination: { page: 0, perPage: 25 } }],
      ['an unknown filter', { filter: { colour: 'red' } }],
      ['a status the schema does not have', { filter: { status: ['PAID'] } }],
      ['a DPD bound that is not a whole number', { filter: { dpdMin: '3.5' } }],
    ])('rejects %s with a 400 before calling the API', async (_case, params) => {
      const { dataProvider, requests } = providerWith();

      const error = await rejectionOf(dataProvider.getList('cases', { ...listParams, ...params }));

      expect(error.status).toBe(400);
      expect(error.body.code).toBe('BAD_USER_INPUT');
      expect(requests).toHaveLength(0);
    });

    it('passes the API error on', async () => {
      const { dataProvider } = providerWith(
        graphqlResponse({
          data: null,
          errors: [
            graphqlError('dpdMax must not be below dpdMin', {
              code: 'BAD_USER_INPUT',
              field: 'dpdMax',
            }),
          ],
        }),
      );

      const error = await rejectionOf(
        dataProvider.getList('cases', { ...listParams, filter: { dpdMin: 90, dpdMax: 30 } }),
      );

      expect(error.status).toBe(400);
      expect(error.message).toBe('dpdMax must not be below dpdMin');
      expect(error.body.errors).toMatchObject({ dpdMax: 'dpdMax must not be below dpdMin' });
    });

    it("hands react-admin's abort signal to fetch", async () => {
      const { dataProvider, requests } = providerWith(casesPage([], 0));
      const controller = new AbortController();

      await dataProvider.getList('cases', { ...listParams, signal: controller.signal });

      expect(dataProvider.supportAbortSignal).toBe(true);
      expect(requests[0]?.init.signal).toBe(controller.signal);
    });
  });

  describe('getOne', () => {
    /** As the API sends it: the page's `borrower.city` is the data provider's. */
    const { borrower, ...sent } = detail;
    const { city: _city, ...sentBorrower } = borrower;
    const apiDetail = { ...sent, borrower: sentBorrower };

    it('fetches one case by id with the detail fields', async () => {
      const { dataProvider, requests } = providerWith(
        graphqlResponse({ data: { case: apiDetail } }),
      );

      const result = await dataProvider.getOne('cases', { id: 'c1' });

      expect(result).toEqual({ data: detail });
      expect(result.data.borrower.city).toBe('西安');
      expect(requests[0]?.query).toMatch(/query Case\(\$id: ID!\)/);
      expect(requests[0]?.query).toMatch(/nationalIdMasked/);
      expect(requests[0]?.variables).toEqual({ id: 'c1' });
    });

    it('sends a numeric id as the ID string the schema expects', async () => {
      const { dataProvider, requests } = providerWith(
        graphqlResponse({ data: { case: apiDetail } }),
      );

      await dataProvider.getOne('cases', { id: 7 });

      expect(requests[0]?.variables).toEqual({ id: '7' });
    });

    it('turns a missing case into a 404', async () => {
      const { dataProvider } = providerWith(graphqlResponse({ data: { case: null } }));

      const error = await rejectionOf(dataProvider.getOne('cases', { id: 'nope' }));

      expect(error.status).toBe(404);
      expect(error.message).toBe('Case nope does not exist.');
      expect(error.body.code).toBe('NOT_FOUND');
    });

    it('passes FORBIDDEN on as a 403', async () => {
      const { dataProvider } = providerWith(
        graphqlResponse({
          data: { case: null },
          errors: [
            graphqlError('This case belongs to another institution.', { code: 'FORBIDDEN' }),
          ],
        }),
      );

      const error = await rejectionOf(dataProvider.getOne('cases', { id: 'c9' }));

      expect(error.status).toBe(403);
      expect(error.message).toBe('This case belongs to another institution.');
    });
  });
});

describe('institutions', () => {
  it('lists a page of institutions', async () => {
    const { dataProvider, requests } = providerWith(institutionsPage([institution(1)], 5));

    const result = await dataProvider.getList('institutions', {
      ...listParams,
      pagination: { page: 1, perPage: 100 },
      sort: { field: 'id', order: 'DESC' },
    });

    expect(result).toEqual({ data: [institution(1)], total: 5 });
    expect(requests[0]?.query).toMatch(/query Institutions\(/);
    expect(requests[0]?.variables).toEqual({ offset: 0, limit: 100 });
  });

  it.each<[string, Partial<GetListParams>]>([
    ['a sort the API does not offer', { sort: { field: 'name', order: 'ASC' } }],
    ['a filter the API does not offer', { filter: { q: 'bank' } }],
  ])('rejects %s', async (_case, params) => {
    const { dataProvider, requests } = providerWith();

    const error = await rejectionOf(
      dataProvider.getList('institutions', { ...listParams, ...params }),
    );

    expect(error.status).toBe(400);
    expect(requests).toHaveLength(0);
  });

  it('finds institutions by id, paging only as far as needed', async () => {
    const firstPage = Array.from({ length: 100 }, (_, i) => institution(i + 1));
    const secondPage = [institution(101), institution(102)];
    const { dataProvider, requests } = providerWith(
      institutionsPage(firstPage, 250),
      institutionsPage(secondPage, 250),
    );

    const result = await dataProvider.getMany('institutions', { ids: ['i3', 'i102', 'gone'] });

    expect(result.data.map((record) => record.id)).toEqual(['i3', 'i102']);
    expect(requests.map((request) => request.variables)).toEqual([
      { offset: 0, limit: 100 },
      { offset: 100, limit: 100 },
    ]);
  });

  it('stops paging once every id is found', async () => {
    const { dataProvider, requests } = providerWith(
      institutionsPage(
        Array.from({ length: 100 }, (_, i) => institution(i + 1)),
        250,
      ),
    );

    const result = await dataProvider.getMany('institutions', { ids: ['i1', 'i2'] });

    expect(result.data).toHaveLength(2);
    expect(requests).toHaveLength(1);
  });
});

describe('cases: update and bulk assign', () => {
  const assigned = (assignee: CaseDetail['assignee']) => {
    const { city: _city, ...borrower } = detail.borrower;
    return graphqlResponse({ data: { assignCase: { ...detail, borrower, assignee } } });
  };

  it('assigns through assignCase when the assignee changed, and nothing else', async () => {
    const { dataProvider, requests } = providerWith(assigned({ id: 'u2', displayName: '李四' }));

    const result = await dataProvider.update('cases', {
      id: 'c1',
      data: { ...detail, assigneeId: 'u2' },
      previousData: detail,
    });

    expect(requests).toHaveLength(1);
    expect(requests[0]?.query).toMatch(/mutation AssignCase\(/);
    expect(requests[0]?.variables).toEqual({ input: { caseId: 'c1', assigneeId: 'u2' } });
    expect(result.data.assignee).toEqual({ id: 'u2', displayName: '李四' });
    expect(result.data.borrower.city).toBe('西安');
  });

  it('sends only the changed fields to updateCase, with the version the form read', async () => {
    const { city: _city, ...borrower } = detail.borrower;
    const { dataProvider, requests } = providerWith(
      graphqlResponse({ data: { updateCase: { ...detail, borrower, status: 'ESCALATED' } } }),
    );

    await dataProvider.update('cases', {
      id: 'c1',
      data: { ...detail, status: 'ESCALATED', priority: 90, nextAction: '' },
      previousData: detail,
    });

    expect(requests[0]?.query).toMatch(/mutation UpdateCase\(/);
    expect(requests[0]?.variables).toEqual({
      input: { id: 'c1', version: 3, status: 'ESCALATED', priority: 90 },
    });
  });

  it('refuses an update without the version that was read, before calling the API', async () => {
    const { dataProvider, requests } = providerWith();

    const error = await rejectionOf(
      dataProvider.update('cases', { id: 'c1', data: { priority: 10 }, previousData: undefined }),
    );

    expect(error.status).toBe(400);
    expect(requests).toHaveLength(0);
  });

  it('assigns each case in bulk and names the ones that failed', async () => {
    const { dataProvider, requests } = providerWith(
      assigned({ id: 'u2', displayName: '李四' }),
      graphqlResponse({
        data: null,
        errors: [graphqlError('a closed case cannot be assigned', { code: 'CONFLICT' })],
      }),
      assigned({ id: 'u2', displayName: '李四' }),
    );

    const error = await rejectionOf(
      dataProvider.updateMany('cases', { ids: ['c1', 'c2', 'c3'], data: { assigneeId: 'u2' } }),
    );

    expect(requests.map((r) => r.variables)).toEqual(
      ['c1', 'c2', 'c3'].map((caseId) => ({ input: { caseId, assigneeId: 'u2' } })),
    );
    expect(error.status).toBe(409);
    expect(error.message).toBe('1 of 3 could not be assigned: a closed case cannot be assigned');
    expect(error.body.failedIds).toEqual(['c2']);
  });

  it('only assigns in bulk', async () => {
    const { dataProvider, requests } = providerWith();

    const error = await rejectionOf(
      dataProvider.updateMany('cases', { ids: ['c1'], data: { status: 'CLOSED' } }),
    );

    expect(error.status).toBe(400);
    expect(requests).toHaveLength(0);
  });
});

describe("lists in the API's fixed order", () => {
  const contactsPage = () => graphqlResponse({ data: { contacts: { nodes: [], totalCount: 0 } } });

  it('accepts the order the API lists in, and the default', async () => {
    const { dataProvider, requests } = providerWith(contactsPage(), contactsPage());

    await dataProvider.getList('contacts', {
      ...listParams,
      sort: { field: 'occurredAt', order: 'DESC' },
    });
    await dataProvider.getList('contacts', listParams);

    expect(requests).toHaveLength(2);
  });

  it.each<[string, string, Partial<GetListParams>]>([
    ['contacts', 'another order', { sort: { field: 'occurredAt', order: 'ASC' } }],
    ['visits', 'another column', { sort: { field: 'status', order: 'ASC' } }],
    ['feedback', 'a filter it does not have', { filter: { receiptCode: 'FB1' } }],
    ['tasks', 'a day that is not YYYY-MM-DD', { filter: { dueBy: '1 March' } }],
    ['payments', 'an instant that is not one', { filter: { paidFrom: 'yesterday' } }],
    ['users', 'a role that does not exist', { filter: { role: 'CEO' } }],
    ['feedback', 'an overdue flag that is not a boolean', { filter: { overdue: 'maybe' } }],
    ['holds', 'no case', { filter: {} }],
  ])('rejects %s with %s', async (resource, _case, params) => {
    const { dataProvider, requests } = providerWith();

    const error = await rejectionOf(dataProvider.getList(resource, { ...listParams, ...params }));

    expect(error.status).toBe(400);
    expect(requests).toHaveLength(0);
  });

  it('refuses a reference target the API cannot filter by', async () => {
    const { dataProvider, requests } = providerWith();

    const error = await rejectionOf(
      dataProvider.getManyReference('payments', { ...listParams, target: 'borrowerId', id: 'b1' }),
    );

    expect(error.message).toMatch(/cannot be narrowed to one "borrowerId"/);
    expect(requests).toHaveLength(0);
  });
});

describe('holds, through the case', () => {
  const hold = (n: number) => ({ id: `h${n}`, kind: 'DISPUTE', reason: `r${n}` });

  it("pages the case's holds here, open ones by default", async () => {
    const { dataProvider, requests } = providerWith(
      graphqlResponse({ data: { case: { id: 'c1', holds: [hold(1), hold(2), hold(3)] } } }),
    );

    const result = await dataProvider.getManyReference('holds', {
      ...listParams,
      pagination: { page: 2, perPage: 2 },
      target: 'caseId',
      id: 'c1',
    });

    expect(requests[0]?.variables).toEqual({ caseId: 'c1', includeReleased: false });
    expect(result).toEqual({ data: [hold(3)], total: 3 });
  });

  it("releases with the record's releaseNote, and shows a missing note under it", async () => {
    const { dataProvider, requests } = providerWith(
      graphqlResponse({
        data: null,
        errors: [graphqlError('note: is required', { code: 'BAD_USER_INPUT', field: 'note' })],
      }),
    );

    const error = await rejectionOf(
      dataProvider.update('holds', { id: 'h1', data: { releaseNote: ' ' }, previousData: hold(1) }),
    );

    expect(requests[0]?.variables).toEqual({ input: { holdId: 'h1', note: ' ' } });
    expect(error.body.errors?.releaseNote).toBe('is required');
  });
});

describe('create', () => {
  it('sends only what the input has: no record fields, no blanks, Dates as ISO strings', async () => {
    const { dataProvider, requests } = providerWith(
      graphqlResponse({ data: { logContact: { id: 'k9' } } }),
    );

    await dataProvider.create('contacts', {
      data: {
        id: 'ignored',
        case: { id: 'c1' },
        caseId: 'c1',
        channel: 'SMS',
        result: 'DELIVERED',
        outcome: '',
        note: null,
        occurredAt: new Date('2026-03-01T02:00:00Z'),
      },
    });

    expect(requests[0]?.variables).toEqual({
      input: {
        caseId: 'c1',
        channel: 'SMS',
        result: 'DELIVERED',
        note: null,
        occurredAt: '2026-03-01T02:00:00.000Z',
      },
    });
  });

  it("turns a number input's amount into the Decimal string the API reads", async () => {
    const { dataProvider, requests } = providerWith(
      graphqlResponse({ data: { recordPayment: { id: 'p1' } } }),
    );

    await dataProvider.create('payments', {
      data: {
        caseId: 'c1',
        amount: 1234.5,
        paidAt: '2026-03-01T02:00:00Z',
        channel: 'CASH',
        externalRef: 'R1',
      },
    });

    expect(requests[0]?.variables.input).toMatchObject({ amount: '1234.5' });
  });

  it('returns a new partner app with its key, shown this once', async () => {
    const app = { id: 'a1', name: 'Core', keyPrefix: 'abc', scopes: ['cases:read'] };
    const { dataProvider } = providerWith(
      graphqlResponse({ data: { createPartnerApp: { apiKey: 'ark_abc_secret', app } } }),
    );

    const result = await dataProvider.create('partnerApps', {
      data: { name: 'Core', scopes: ['cases:read'] },
    });

    expect(result.data).toEqual({ ...app, apiKey: 'ark_abc_secret' });
  });
});

describe('tasks', () => {
  it('can only be completed', async () => {
    const { dataProvider, requests } = providerWith();

    const error = await rejectionOf(
      dataProvider.update('tasks', { id: 't1', data: { note: 'x' }, previousData: { id: 't1' } }),
    );

    expect(error.status).toBe(400);
    expect(requests).toHaveLength(0);
  });
});

describe('workflow actions', () => {
  it("gives each worklist row its case's id, as react-admin lists want", async () => {
    const item = { case: caseRow, nextAction: { kind: 'PHONE' }, priority: { score: 80 } };
    const { dataProvider, requests } = providerWith(
      graphqlResponse({ data: { myWorklist: { totalCount: 41, nodes: [item] } } }),
    );

    const result = await dataProvider.myWorklist({ pagination: { page: 2, perPage: 20 } });

    expect(requests[0]?.variables).toEqual({ offset: 20, limit: 20 });
    expect(result).toEqual({ data: [{ id: 'c1', ...item }], total: 41 });
  });

  it('sends ids as the ID strings the schema expects', async () => {
    const { dataProvider, requests } = providerWith(
      graphqlResponse({ data: { revealBorrowerPII: { nationalId: 'x', phones: [] } } }),
    );

    await dataProvider.revealBorrowerPII(42, 'borrower called');

    expect(requests[0]?.variables).toEqual({ borrowerId: '42', reason: 'borrower called' });
  });
});

describe('methods the API does not have yet', () => {
  const calls: Array<[string, (dataProvider: DataProvider) => Promise<unknown>]> = [
    ['cases.create', (dp) => dp.create('cases', { data: {} })],
    ['cases.delete', (dp) => dp.delete('cases', { id: 'c1' })],
    ['cases.deleteMany', (dp) => dp.deleteMany('cases', { ids: ['c1'] })],
    ['institutions.getOne', (dp) => dp.getOne('institutions', { id: 'i1' })],
    ['borrowers.create', (dp) => dp.create('borrowers', { data: {} })],
    [
      'contacts.update',
      (dp) => dp.update('contacts', { id: 'k1', data: {}, previousData: { id: 'k1' } }),
    ],
    ['auditEvents.create', (dp) => dp.create('auditEvents', { data: {} })],
    ['auditEvents.delete', (dp) => dp.delete('auditEvents', { id: 'e1' })],
    ['partnerApps.delete', (dp) => dp.delete('partnerApps', { id: 'a1' })],
    ['holds.getOne', (dp) => dp.getOne('holds', { id: 'h1' })],
    ['dashboard.getList', (dp) => dp.getList('dashboard', listParams)],
    ['constructor.getList', (dp) => dp.getList('constructor', listParams)],
  ];
  it.each(calls)('%s rejects with 501 "not supported yet"', async (name, call) => {
    const { dataProvider, requests } = providerWith();

    const error = await rejectionOf(call(dataProvider));

    expect(error.status).toBe(501);
    expect(error.message).toBe(`${name} is not supported yet: the API has no operation for it.`);
    expect(error.body.code).toBe('NOT_SUPPORTED');
    expect(requests).toHaveLength(0);
  });
});
