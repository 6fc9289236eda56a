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
  dpd: 45,
  bucket: 'M2',
  createdAt: '2026-01-02T03:04:05.000Z',
  lastContact: { id: 'k1', occurredAt: '2026-03-01T14:30:00.000Z' },
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
      expect(error.body.errors).toEqual({ dpdMax: 'dpdMax must not be below dpdMin' });
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
    const detail: CaseDetail = {
      ...caseRow,
      version: 3,
      institution: { id: 'i1', code: 'XBGS', name: '西北工商银行', timeZone: 'Asia/Shanghai' },
      borrower: {
        id: 'b1',
        fullName: '张三',
        nationalIdMasked: '110***********1234',
        phonesMasked: ['138****5678'],
        city: '西安',
      },
      principalAmount: '20000.00',
      overdueAmount: '1500.00',
      overdueSince: '2026-01-15',
      priority: 80,
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
    };

    it('fetches one case by id with the detail fields', async () => {
      const { dataProvider, requests } = providerWith(graphqlResponse({ data: { case: detail } }));

      const result = await dataProvider.getOne('cases', { id: 'c1' });

      expect(result).toEqual({ data: detail });
      expect(requests[0]?.query).toMatch(/query Case\(\$id: ID!\)/);
      expect(requests[0]?.query).toMatch(/nationalIdMasked/);
      expect(requests[0]?.variables).toEqual({ id: 'c1' });
    });

    it('sends a numeric id as the ID string the schema expects', async () => {
      const { dataProvider, requests } = providerWith(graphqlResponse({ data: { case: detail } }));

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

describe('methods the API does not have yet', () => {
  const calls: Array<[string, (dataProvider: DataProvider) => Promise<unknown>]> = [
    ['cases.getMany', (dp) => dp.getMany('cases', { ids: ['c1'] })],
    [
      'cases.getManyReference',
      (dp) => dp.getManyReference('cases', { ...listParams, target: 'assigneeId', id: 'u1' }),
    ],
    ['cases.create', (dp) => dp.create('cases', { data: {} })],
    ['cases.update', (dp) => dp.update('cases', { id: 'c1', data: {}, previousData: caseRow })],
    ['cases.updateMany', (dp) => dp.updateMany('cases', { ids: ['c1'], data: {} })],
    ['cases.delete', (dp) => dp.delete('cases', { id: 'c1' })],
    ['cases.deleteMany', (dp) => dp.deleteMany('cases', { ids: ['c1'] })],
    ['institutions.getOne', (dp) => dp.getOne('institutions', { id: 'i1' })],
    ['borrowers.getList', (dp) => dp.getList('borrowers', listParams)],
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
