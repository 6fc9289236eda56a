import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityName } from '@mikro-orm/core';
import { Borrower } from '../src/modules/borrower/borrower.entity.js';
import { Case } from '../src/modules/case/case.entity.js';
import { Contact } from '../src/modules/contact/contact.entity.js';
import { Feedback } from '../src/modules/feedback/feedback.entity.js';
import { Institution } from '../src/modules/institution/institution.entity.js';
import { User } from '../src/modules/user/user.entity.js';
import { Visit } from '../src/modules/visit/visit.entity.js';
import { DIALECTS, firstError, startTestApi, type TestApi } from './harness.js';

/**
 * The read side of the API as a console or a partner app uses it: every list is a connection
 * that pages both ways without losing or repeating a row, the case filters and orders do what
 * they say, and the case fields agree with each other. It reads as a PSBC supervisor (the
 * harness's default login): every list holds PSBC's rows, all of them and nothing else.
 */

interface Page<N = { id: string }> {
  nodes: N[];
  totalCount: number;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

/** One list query of the schema and what it takes besides the page arguments. */
interface ListSpec {
  list: string;
  filterType?: string;
  filter?: Record<string, unknown>;
  orderBy?: { field: string; direction: 'ASC' | 'DESC' }[];
}

const LISTS: ListSpec[] = [
  { list: 'borrowers', filterType: 'BorrowerFilter' },
  { list: 'cases', filterType: 'CaseFilter' },
  { list: 'contacts', filterType: 'ContactFilter' },
  { list: 'visits', filterType: 'VisitFilter' },
  { list: 'feedback', filterType: 'FeedbackFilter' },
  { list: 'institutions' },
  { list: 'users', filterType: 'UserFilter' },
];

/** The table behind each list, for counting an institution's rows straight from the database. */
const LIST_ENTITIES: Record<string, EntityName<object>> = {
  borrowers: Borrower,
  cases: Case,
  contacts: Contact,
  visits: Visit,
  feedback: Feedback,
  users: User,
};

const CASE_FIELDS = `id loanNumber status stage dpd bucket overdueSince priority createdAt
  principalAmount outstandingAmount overdueAmount
  institution { id } assignee { id } borrower { id fullName }`;

interface CaseRow {
  id: string;
  loanNumber: string;
  status: string;
  stage: string;
  dpd: number;
  bucket: string;
  overdueSince: string;
  priority: number;
  createdAt: string;
  principalAmount: string;
  outstandingAmount: string;
  overdueAmount: string;
  institution: { id: string };
  assignee: { id: string } | null;
  borrower: { id: string; fullName: string };
}

const DECIMAL = /^\d+\.\d{2}$/;

/** A decimal string as integer fen, without ever going through a float. */
function fen(decimal: string): bigint {
  const match = /^(\d+)\.(\d{2})$/.exec(decimal);
  if (!match) throw new Error(`not a decimal amount: ${decimal}`);
  return BigInt(match[1]!) * 100n + BigInt(match[2]!);
}

/** The bucket ladder of PRODUCT.md: M1 = 1–30 DPD, M2 = 31–60, … M6+ beyond 150. */
function bucketOf(dpd: number): string {
  if (dpd === 0) return 'CURRENT';
  if (dpd > 150) return 'M6_PLUS';
  return `M${Math.ceil(dpd / 30)}`;
}

/** Today's calendar date in Asia/Shanghai, the zone of every seeded institution. */
function shanghaiToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function listQuery({ list, filterType, orderBy }: ListSpec, nodeFields = 'id'): string {
  const vars = ['$first: Int', '$after: String', '$offset: Int', '$limit: Int'];
  const args = ['first: $first', 'after: $after', 'offset: $offset', 'limit: $limit'];
  if (filterType) {
    vars.push(`$filter: ${filterType}`);
    args.push('filter: $filter');
  }
  if (orderBy) {
    vars.push('$orderBy: [CaseOrder!]');
    args.push('orderBy: $orderBy');
  }
  return `query (${vars.join(', ')}) {
    ${list}(${args.join(', ')}) { totalCount nodes { ${nodeFields} } pageInfo { endCursor hasNextPage } }
  }`;
}

function listVars(spec: ListSpec, page: Record<string, unknown>): Record<string, unknown> {
  return {
    ...page,
    ...(spec.filter ? { filter: spec.filter } : {}),
    ...(spec.orderBy ? { orderBy: spec.orderBy } : {}),
  };
}

async function fetchPage<N = { id: string }>(
  api: TestApi,
  spec: ListSpec,
  page: Record<string, unknown>,
  nodeFields = 'id',
): Promise<Page<N>> {
  const result = await api.data<Record<string, Page<N>>>(
    listQuery(spec, nodeFields),
    listVars(spec, page),
  );
  return result[spec.list]!;
}

/** Every row by following endCursor with `first: size`, checking each page's pageInfo on the way. */
async function walkKeyset<N extends { id: string } = { id: string }>(
  api: TestApi,
  spec: ListSpec,
  size: number,
  nodeFields = 'id',
): Promise<N[]> {
  const rows: N[] = [];
  let after: string | undefined;
  for (let guard = 0; guard < 1000; guard += 1) {
    const page = await fetchPage<N>(
      api,
      spec,
      { first: size, ...(after ? { after } : {}) },
      nodeFields,
    );
    expect(page.nodes.length).toBeLessThanOrEqual(size);
    rows.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return rows;
    expect(page.nodes).toHaveLength(size);
    expect(page.pageInfo.endCursor).toEqual(expect.any(String));
    after = page.pageInfo.endCursor!;
  }
  throw new Error(`${spec.list}: keyset paging never ended`);
}

/** Every row by offset pages of 100. */
async function walkOffset<N extends { id: string } = { id: string }>(
  api: TestApi,
  spec: ListSpec,
  nodeFields = 'id',
): Promise<N[]> {
  const rows: N[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await fetchPage<N>(api, spec, { offset, limit: 100 }, nodeFields);
    rows.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return rows;
  }
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

function expectSortedBy<T>(
  rows: T[],
  key: (row: T) => string | number | bigint,
  direction: 'ASC' | 'DESC',
): void {
  for (let i = 1; i < rows.length; i += 1) {
    const [a, b] = [key(rows[i - 1]!), key(rows[i]!)];
    if (direction === 'ASC')
      expect(a <= b, `row ${i - 1} (${a}) before row ${i} (${b})`).toBe(true);
    else expect(a >= b, `row ${i - 1} (${a}) before row ${i} (${b})`).toBe(true);
  }
}

describe.each(DIALECTS)('queries on %s', (dialect) => {
  let api: TestApi;
  /** Every case, with the fields the filter checks read. */
  let allCases: CaseRow[];
  /** PSBC, the signed-in supervisor's institution, and the four others (read from the database). */
  let home: string;
  let others: string[];
  /** The surname most of the visible borrowers share, for a borrower filter that narrows. */
  let commonSurname: string;

  beforeAll(async () => {
    // PSBC holds 30% of the seed: 0.1 gives it ~90 cases, enough for every filter to tell apart.
    api = await startTestApi(dialect, { seedScale: 0.1 });
    allCases = await walkOffset<CaseRow>(api, { list: 'cases' }, CASE_FIELDS);
    const all = await api.orm.em.fork().find(Institution, {}, { filters: false });
    home = all.find((i) => i.code === 'PSBC')!.id;
    others = all.filter((i) => i.id !== home).map((i) => i.id);
    const borrowers = await walkOffset<{ id: string; fullName: string }>(
      api,
      { list: 'borrowers' },
      'id fullName',
    );
    const surnames = new Map<string, number>();
    for (const b of borrowers)
      surnames.set(b.fullName[0]!, (surnames.get(b.fullName[0]!) ?? 0) + 1);
    commonSurname = [...surnames].sort((a, b) => b[1] - a[1])[0]![0];
  });
  afterAll(() => api?.close());

  describe('a PSBC supervisor sees PSBC only', () => {
    it('institutions lists PSBC alone, though the database holds five', async () => {
      expect(others).toHaveLength(4);
      const page = await fetchPage(api, { list: 'institutions' }, { limit: 100 });
      expect(page).toMatchObject({ totalCount: 1, nodes: [{ id: home }] });
    });

    it.each(Object.keys(LIST_ENTITIES))(
      '%s lists exactly the rows of PSBC in the database',
      async (list) => {
        const em = api.orm.em.fork();
        const entity = LIST_ENTITIES[list]!;
        const [own, total] = await Promise.all([
          em.count(entity, { institution: home }, { filters: false }),
          em.count(entity, {}, { filters: false }),
        ]);
        const rows = await walkOffset<{ id: string }>(api, { list });
        expect(rows.length, `${list}: all of PSBC's rows`).toBe(own);
        expect(own, `${list}: other institutions have rows to hide`).toBeLessThan(total);
        const foreign = await em.count(
          entity,
          { id: { $in: ids(rows) }, institution: { $ne: home } },
          { filters: false },
        );
        expect(foreign, `${list}: no row of another institution`).toBe(0);
      },
    );

    it.each(LISTS.filter((l) => l.list !== 'institutions').map((l) => [l.list, l] as const))(
      '%s filtered on another institution is an empty list',
      async (_name, spec) => {
        for (const institutionId of others) {
          const page = await fetchPage(api, { ...spec, filter: { institutionId } }, { limit: 100 });
          expect(page).toEqual({
            totalCount: 0,
            nodes: [],
            pageInfo: { endCursor: null, hasNextPage: false },
          });
        }
        // The same filter on PSBC keeps every row.
        const all = await fetchPage(api, { list: spec.list }, { limit: 1 });
        const own = await fetchPage(
          api,
          { ...spec, filter: { institutionId: home } },
          { limit: 1 },
        );
        expect(own.totalCount).toBe(all.totalCount);
      },
    );
  });

  describe('every list is a connection', () => {
    // Lists with filters that leave more than one page, so the walk really crosses pages.
    // (institutions is not among them: a supervisor sees one institution, their own.)
    const filteredLists = (): ListSpec[] => [
      { list: 'borrowers', filterType: 'BorrowerFilter', filter: { search: commonSurname } },
      {
        list: 'cases',
        filterType: 'CaseFilter',
        filter: { status: ['IN_PROGRESS', 'PROMISED', 'ESCALATED'] },
      },
      {
        list: 'contacts',
        filterType: 'ContactFilter',
        filter: { channel: ['PHONE'], institutionId: home },
      },
      {
        list: 'visits',
        filterType: 'VisitFilter',
        filter: { institutionId: home, status: ['COMPLETED', 'NO_SHOW', 'CANCELLED'] },
      },
      {
        list: 'feedback',
        filterType: 'FeedbackFilter',
        filter: { kind: ['COMPLAINT', 'DISPUTE', 'HARDSHIP'] },
      },
      { list: 'users', filterType: 'UserFilter', filter: { role: ['COLLECTOR'] } },
    ];

    it.each(LISTS.map((l) => [l.list, l] as const))(
      '%s has nodes, totalCount and pageInfo',
      async (_name, spec) => {
        const page = await fetchPage(api, spec, { first: 3 });
        expect(page.nodes.length).toBeGreaterThan(0);
        expect(page.nodes.length).toBeLessThanOrEqual(3);
        expect(page.totalCount).toBeGreaterThanOrEqual(page.nodes.length);
        expect(page.pageInfo.hasNextPage).toBe(page.totalCount > 3);
        expect(page.pageInfo.endCursor).toEqual(expect.any(String));
      },
    );

    it('walks each filtered list with first/after: every row once, the same rows as offset paging', async () => {
      for (const spec of filteredLists()) {
        const byOffset = await walkOffset(api, spec);
        const { totalCount } = await fetchPage(api, spec, { limit: 1 });
        const bySize = Math.max(2, Math.ceil(byOffset.length / 4));
        const byKeyset = await walkKeyset(api, spec, bySize);
        expect(byOffset.length, `${spec.list}: the filter leaves several pages`).toBeGreaterThan(
          bySize,
        );
        expect(new Set(ids(byKeyset)).size, `${spec.list}: no row twice`).toBe(byKeyset.length);
        expect(ids(byKeyset), `${spec.list}: keyset = offset`).toEqual(ids(byOffset));
        expect(byKeyset.length, `${spec.list}: totalCount`).toBe(totalCount);
      }
    });

    it('filters really narrow the lists they are given to', async () => {
      for (const spec of filteredLists().filter((s) => s.filter)) {
        const all = await fetchPage(api, { list: spec.list }, { limit: 1 });
        const filtered = await fetchPage(api, spec, { limit: 1 });
        expect(filtered.totalCount, spec.list).toBeLessThan(all.totalCount);
      }
    });

    it('offset/limit returns the slice of the order', async () => {
      for (const spec of filteredLists()) {
        const whole = await walkOffset(api, spec);
        const page = await fetchPage(api, spec, { offset: 2, limit: 3 });
        expect(ids(page.nodes), spec.list).toEqual(ids(whole.slice(2, 5)));
        expect(page.pageInfo.hasNextPage, spec.list).toBe(whole.length > 5);
        const beyond = await fetchPage(api, spec, { offset: whole.length, limit: 10 });
        expect(beyond.nodes, spec.list).toEqual([]);
        expect(beyond.pageInfo).toEqual({ endCursor: null, hasNextPage: false });
      }
    });

    it.each(LISTS.map((l) => [l.list, l] as const))(
      '%s refuses a page of 101 naming the argument',
      async (_name, spec) => {
        for (const field of ['first', 'limit']) {
          const result = await api.gql(listQuery(spec), { [field]: 101 });
          expect(firstError(result)).toMatchObject({ code: 'BAD_USER_INPUT', field });
          expect(result.data).toBeNull();
        }
        // 100 is still allowed.
        expect((await api.gql(listQuery(spec), { first: 100 })).errors).toBeUndefined();
      },
    );

    it.each(LISTS.map((l) => [l.list, l] as const))(
      '%s refuses a page size of 0 and a negative offset',
      async (_name, spec) => {
        expect(firstError(await api.gql(listQuery(spec), { first: 0 }))).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'first',
        });
        expect(firstError(await api.gql(listQuery(spec), { offset: -1, limit: 5 }))).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'offset',
        });
      },
    );

    it.each(LISTS.map((l) => [l.list, l] as const))(
      '%s refuses mixing cursor and offset paging',
      async (_name, spec) => {
        const { pageInfo } = await fetchPage(api, spec, { first: 1 });
        for (const mix of [
          { first: 5, offset: 5 },
          { first: 5, limit: 5 },
          { after: pageInfo.endCursor, limit: 5 },
        ]) {
          expect(firstError(await api.gql(listQuery(spec), mix)).code, JSON.stringify(mix)).toBe(
            'BAD_USER_INPUT',
          );
        }
      },
    );

    it.each(LISTS.map((l) => [l.list, l] as const))(
      '%s refuses a cursor it did not issue, naming after',
      async (_name, spec) => {
        const forged = (values: unknown) =>
          Buffer.from(JSON.stringify(values)).toString('base64url');
        const cursors = [
          'garbage',
          '!!!not base64!!!',
          forged({ id: 'x' }),
          forged([]),
          forged([null, null, null]),
          forged([{}, randomUUID()]),
        ];
        for (const after of cursors) {
          const result = await api.gql(listQuery(spec), { first: 5, after });
          expect(firstError(result), after).toMatchObject({
            code: 'BAD_USER_INPUT',
            field: 'after',
          });
        }
      },
    );

    it("refuses another list's cursor", async () => {
      const { pageInfo } = await fetchPage(api, { list: 'users' }, { first: 1 });
      const result = await api.gql(listQuery({ list: 'cases' }), {
        first: 5,
        after: pageInfo.endCursor,
      });
      expect(firstError(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    });
  });

  describe('one record by id', () => {
    const SINGLE: [string, string][] = [
      ['borrower', 'borrowers'],
      ['case', 'cases'],
      ['visit', 'visits'],
    ];

    it.each(SINGLE)('%s(id) returns the row the list has', async (single, list) => {
      const page = await fetchPage(api, { list }, { first: 1 });
      const id = page.nodes[0]!.id;
      const result = await api.data<Record<string, { id: string }>>(
        `query ($id: ID!) { ${single}(id: $id) { id } }`,
        { id },
      );
      expect(result[single]!.id).toBe(id);
    });

    it.each(SINGLE)(
      "%s(id) with another institution's id is NOT_FOUND, as if it did not exist",
      async (single, list) => {
        const entity = LIST_ENTITIES[list]!;
        const em = api.orm.em.fork();
        const unknown = randomUUID();
        const notFound = firstError(
          await api.gql(`query ($id: ID!) { ${single}(id: $id) { id } }`, { id: unknown }),
        ).message.replace(unknown, '<id>');
        for (const institution of others) {
          const row = (await em.findOne(entity, { institution }, { filters: false })) as {
            id: string;
          } | null;
          if (!row) continue;
          const result = await api.gql(`query ($id: ID!) { ${single}(id: $id) { id } }`, {
            id: row.id,
          });
          expect(firstError(result).code, institution).toBe('NOT_FOUND');
          expect(result.data).toBeNull();
          // The answer an id nobody has gets: it does not even tell that the row exists.
          expect(firstError(result).message.replace(row.id, '<id>')).toBe(notFound);
        }
      },
    );

    it.each(SINGLE)('%s(id) with an unknown id is NOT_FOUND', async (single) => {
      const result = await api.gql(`query ($id: ID!) { ${single}(id: $id) { id } }`, {
        id: randomUUID(),
      });
      expect(firstError(result).code).toBe('NOT_FOUND');
      expect(result.data).toBeNull();
    });

    it.each(SINGLE)(
      '%s(id) with an id that is not even a UUID is NOT_FOUND or BAD_USER_INPUT, never INTERNAL',
      async (single) => {
        const result = await api.gql(`query ($id: ID!) { ${single}(id: $id) { id } }`, {
          id: 'no-such-id',
        });
        expect(['NOT_FOUND', 'BAD_USER_INPUT']).toContain(firstError(result).code);
      },
    );

    it('a filter on an id that is not a UUID finds nothing or is refused, never INTERNAL', async () => {
      const result = await api.gql(listQuery({ list: 'cases', filterType: 'CaseFilter' }), {
        first: 5,
        filter: { institutionId: 'PSBC' },
      });
      if (result.errors) expect(firstError(result).code).toBe('BAD_USER_INPUT');
      else expect((result.data as { cases: Page }).cases.totalCount).toBe(0);
    });
  });

  describe('case filters', () => {
    const spec = (filter: Record<string, unknown>): ListSpec => ({
      list: 'cases',
      filterType: 'CaseFilter',
      filter,
    });

    /** The filter returns exactly the cases `matches` picks from the whole list, and not all of them. */
    async function expectFilter(
      filter: Record<string, unknown>,
      matches: (c: CaseRow) => boolean,
    ): Promise<CaseRow[]> {
      const got = await walkOffset<CaseRow>(api, spec(filter), CASE_FIELDS);
      const expected = allCases.filter(matches);
      for (const row of got)
        expect(matches(row), `${row.loanNumber} does not satisfy ${JSON.stringify(filter)}`).toBe(
          true,
        );
      expect(got.length, `${JSON.stringify(filter)} matches something`).toBeGreaterThan(0);
      expect(got.length, `${JSON.stringify(filter)} leaves something out`).toBeLessThan(
        allCases.length,
      );
      expect(new Set(ids(got))).toEqual(new Set(ids(expected)));
      const { totalCount } = await fetchPage(api, spec(filter), { limit: 1 });
      expect(totalCount).toBe(got.length);
      return got;
    }

    it('the seed gives the filters something to tell apart', () => {
      expect(allCases.length).toBeGreaterThan(40);
      expect(new Set(allCases.map((c) => c.bucket)).size).toBe(7);
      expect(new Set(allCases.map((c) => c.status)).size).toBeGreaterThan(3);
    });

    it('ids: exactly the cases named, and more than a page of ids is refused', async () => {
      const picked = allCases.filter((_, i) => i % 7 === 0).slice(0, 5);
      await expectFilter({ ids: ids(picked) }, (c) => ids(picked).includes(c.id));
      const tooMany = await api.gql(
        'query ($ids: [ID!]) { cases(filter: { ids: $ids }) { totalCount } }',
        { ids: Array.from({ length: 101 }, () => picked[0]!.id) },
      );
      expect(firstError(tooMany)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
    });

    it("borrowerId: exactly that borrower's cases", async () => {
      const borrowerId = allCases[3]!.borrower.id;
      await expectFilter({ borrowerId }, (c) => c.borrower.id === borrowerId);
    });

    it('institutionId: PSBC keeps every case, another institution none', async () => {
      expect(allCases.every((c) => c.institution.id === home)).toBe(true);
      const own = await walkOffset<CaseRow>(api, spec({ institutionId: home }), CASE_FIELDS);
      expect(new Set(ids(own))).toEqual(new Set(ids(allCases)));
      for (const institutionId of others) {
        const page = await fetchPage(api, spec({ institutionId }), { limit: 100 });
        expect(page.totalCount).toBe(0);
        expect(page.nodes).toEqual([]);
      }
    });

    it('status', async () => {
      await expectFilter({ status: ['NEW', 'ON_HOLD'] }, (c) =>
        ['NEW', 'ON_HOLD'].includes(c.status),
      );
    });

    it('stage', async () => {
      await expectFilter({ stage: ['VISIT'] }, (c) => c.stage === 'VISIT');
    });

    it('bucket: every returned case is in one of the buckets asked for', async () => {
      await expectFilter({ bucket: ['M1', 'M3'] }, (c) => ['M1', 'M3'].includes(c.bucket));
      await expectFilter({ bucket: ['CURRENT'] }, (c) => c.bucket === 'CURRENT');
      await expectFilter({ bucket: ['M6_PLUS'] }, (c) => c.bucket === 'M6_PLUS');
    });

    it('assigneeId', async () => {
      const counts = new Map<string, number>();
      for (const c of allCases)
        if (c.assignee) counts.set(c.assignee.id, (counts.get(c.assignee.id) ?? 0) + 1);
      const [assigneeId] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
      await expectFilter({ assigneeId }, (c) => c.assignee?.id === assigneeId);
    });

    it('unassigned', async () => {
      await expectFilter({ unassigned: true }, (c) => c.assignee === null);
      await expectFilter({ unassigned: false }, (c) => c.assignee !== null);
    });

    it('dpdMin/dpdMax: every dpd within the range, both ends included', async () => {
      const sorted = [...new Set(allCases.map((c) => c.dpd))].sort((a, b) => a - b);
      const [dpdMin, dpdMax] = [
        sorted[Math.floor(sorted.length / 4)]!,
        sorted[Math.floor((sorted.length * 3) / 4)]!,
      ];
      await expectFilter({ dpdMin, dpdMax }, (c) => c.dpd >= dpdMin && c.dpd <= dpdMax);
      await expectFilter({ dpdMin: 31 }, (c) => c.dpd >= 31);
      await expectFilter({ dpdMax: 30 }, (c) => c.dpd <= 30);
    });

    it('bucket and dpd range together', async () => {
      await expectFilter(
        { bucket: ['M1', 'M2'], dpdMin: 20, dpdMax: 45 },
        (c) => ['M1', 'M2'].includes(c.bucket) && c.dpd >= 20 && c.dpd <= 45,
      );
    });

    it('outstandingMin/outstandingMax: compared exactly in fen, both ends included', async () => {
      const amounts = [...allCases.map((c) => c.outstandingAmount)].sort((a, b) =>
        fen(a) < fen(b) ? -1 : fen(a) > fen(b) ? 1 : 0,
      );
      const [min, max] = [
        amounts[Math.floor(amounts.length / 4)]!,
        amounts[Math.floor((amounts.length * 3) / 4)]!,
      ];
      const rows = await expectFilter(
        { outstandingMin: min, outstandingMax: max },
        (c) => fen(c.outstandingAmount) >= fen(min) && fen(c.outstandingAmount) <= fen(max),
      );
      // The cases exactly at the bounds are in.
      expect(rows.map((r) => r.outstandingAmount)).toEqual(expect.arrayContaining([min, max]));
      // One fen past a bound leaves that case out.
      const justAbove = (fen(min) + 1n).toString().padStart(3, '0');
      const minPlusOneFen = `${justAbove.slice(0, -2)}.${justAbove.slice(-2)}`;
      await expectFilter(
        { outstandingMin: minPlusOneFen },
        (c) => fen(c.outstandingAmount) >= fen(minPlusOneFen),
      );
    });

    it('refuses an amount bound that is not an exact decimal', async () => {
      for (const outstandingMin of ['12.345', '1e5', 'abc']) {
        const result = await api.gql(listQuery(spec({})), { first: 5, filter: { outstandingMin } });
        expect(firstError(result).code, outstandingMin).toBe('BAD_USER_INPUT');
      }
    });

    it('search by a loan number fragment, in any letter case', async () => {
      const loan = allCases[5]!.loanNumber;
      const fragment = loan.slice(-6);
      await expectFilter({ search: fragment }, (c) => c.loanNumber.includes(fragment));
      const prefix = loan.split('-').slice(0, 2).join('-');
      await expectFilter({ search: prefix.toLowerCase() }, (c) => c.loanNumber.includes(prefix));
    });

    it('search by a borrower name fragment', async () => {
      const name = allCases.find((c) => [...c.borrower.fullName].length === 3)!.borrower.fullName;
      const given = [...name].slice(1).join('');
      await expectFilter({ search: given }, (c) => c.borrower.fullName.includes(given));
      // A search matching no one is an empty list, not every case.
      const none = await fetchPage(api, spec({ search: '不存在的名字' }), { first: 5 });
      expect(none.totalCount).toBe(0);
      expect(none.nodes).toEqual([]);
    });

    it('several filters together are their intersection', async () => {
      const institutionId = allCases[0]!.institution.id;
      await expectFilter(
        { institutionId, status: ['IN_PROGRESS', 'PROMISED'], dpdMin: 1 },
        (c) =>
          c.institution.id === institutionId &&
          ['IN_PROGRESS', 'PROMISED'].includes(c.status) &&
          c.dpd >= 1,
      );
    });
  });

  describe('case order', () => {
    type Order = { field: string; direction: 'ASC' | 'DESC' };
    const ORDERS: [string, Order[], (c: CaseRow) => string | number | bigint, 'ASC' | 'DESC'][] = [
      ['DPD DESC', [{ field: 'DPD', direction: 'DESC' }], (c) => c.dpd, 'DESC'],
      ['DPD ASC', [{ field: 'DPD', direction: 'ASC' }], (c) => c.dpd, 'ASC'],
      [
        'OUTSTANDING_AMOUNT ASC',
        [{ field: 'OUTSTANDING_AMOUNT', direction: 'ASC' }],
        (c) => fen(c.outstandingAmount),
        'ASC',
      ],
      [
        'OUTSTANDING_AMOUNT DESC',
        [{ field: 'OUTSTANDING_AMOUNT', direction: 'DESC' }],
        (c) => fen(c.outstandingAmount),
        'DESC',
      ],
      ['LOAN_NUMBER ASC', [{ field: 'LOAN_NUMBER', direction: 'ASC' }], (c) => c.loanNumber, 'ASC'],
      [
        'LOAN_NUMBER DESC',
        [{ field: 'LOAN_NUMBER', direction: 'DESC' }],
        (c) => c.loanNumber,
        'DESC',
      ],
      [
        'OVERDUE_SINCE ASC',
        [{ field: 'OVERDUE_SINCE', direction: 'ASC' }],
        (c) => c.overdueSince,
        'ASC',
      ],
      [
        'CREATED_AT DESC',
        [{ field: 'CREATED_AT', direction: 'DESC' }],
        (c) => Date.parse(c.createdAt),
        'DESC',
      ],
      ['PRIORITY ASC', [{ field: 'PRIORITY', direction: 'ASC' }], (c) => c.priority, 'ASC'],
      ['default (priority, highest first)', [], (c) => c.priority, 'DESC'],
    ];

    it.each(ORDERS)(
      '%s: sorted, and keyset pages have no duplicates or gaps',
      async (_name, orderBy, key, direction) => {
        const order: ListSpec = { list: 'cases', ...(orderBy.length ? { orderBy } : {}) };
        const byOffset = await walkOffset<CaseRow>(api, order, CASE_FIELDS);
        expectSortedBy(byOffset, key, direction);
        const byKeyset = await walkKeyset<CaseRow>(api, order, 7, CASE_FIELDS);
        expect(new Set(ids(byKeyset)).size).toBe(byKeyset.length);
        expect(ids(byKeyset)).toEqual(ids(byOffset));
        expect(byKeyset).toHaveLength(allCases.length);
      },
    );

    it('two keys in opposite directions, filtered: sorted by both, keyset = offset', async () => {
      const order: ListSpec = {
        list: 'cases',
        filterType: 'CaseFilter',
        filter: { status: ['NEW', 'IN_PROGRESS', 'PROMISED', 'ESCALATED', 'ON_HOLD'] },
        orderBy: [
          { field: 'PRIORITY', direction: 'DESC' },
          { field: 'DPD', direction: 'ASC' },
        ],
      };
      const byOffset = await walkOffset<CaseRow>(api, order, CASE_FIELDS);
      for (let i = 1; i < byOffset.length; i += 1) {
        const [a, b] = [byOffset[i - 1]!, byOffset[i]!];
        expect(a.priority > b.priority || (a.priority === b.priority && a.dpd <= b.dpd)).toBe(true);
      }
      const byKeyset = await walkKeyset<CaseRow>(api, order, 5, CASE_FIELDS);
      expect(ids(byKeyset)).toEqual(ids(byOffset));
    });

    it("a cursor of one order is refused under an order whose keys don't fit it", async () => {
      const byLoan = await fetchPage(
        api,
        { list: 'cases', orderBy: [{ field: 'LOAN_NUMBER', direction: 'ASC' }] },
        { first: 2 },
      );
      const result = await api.gql(
        listQuery({ list: 'cases', orderBy: [{ field: 'OUTSTANDING_AMOUNT', direction: 'ASC' }] }),
        {
          first: 2,
          after: byLoan.pageInfo.endCursor,
          orderBy: [{ field: 'OUTSTANDING_AMOUNT', direction: 'ASC' }],
        },
      );
      expect(firstError(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    });
  });

  describe('case fields', () => {
    /** One case with only the parts a test asks for, so one broken field does not hide the others. */
    async function detail<T>(id: string, fields: string, n = 100): Promise<T> {
      const usesN = fields.includes('$n');
      const query = `query ($id: ID!${usesN ? ', $n: Int!' : ''}) { case(id: $id) { id ${fields} } }`;
      return (await api.data<{ case: T }>(query, usesN ? { id, n } : { id })).case;
    }
    /** Ids of cases that have at least one row in `list`. */
    async function casesWith(list: string): Promise<string[]> {
      const rows = await walkOffset<{ id: string; case: { id: string } }>(
        api,
        { list },
        'id case { id }',
      );
      return [...new Set(rows.map((r) => r.case.id))];
    }

    it('dpd counts from overdueSince in the institution zone, and the bucket follows the dpd', () => {
      const today = shanghaiToday();
      for (const c of allCases) {
        expect(c.dpd, c.loanNumber).toBe(Math.max(0, daysBetween(c.overdueSince, today) + 1));
        expect(c.bucket, `${c.loanNumber} at DPD ${c.dpd}`).toBe(bucketOf(c.dpd));
      }
    });

    it('amounts are exact decimal strings with two places', () => {
      for (const c of allCases) {
        for (const amount of [c.principalAmount, c.outstandingAmount, c.overdueAmount])
          expect(amount).toMatch(DECIMAL);
      }
    });

    it('every case has its borrower, and an assignee only when assigned to staff who can hold cases', async () => {
      type D = {
        borrower: { id: string };
        assignee: { id: string; role: string } | null;
        institution: { id: string };
      };
      for (const c of allCases.slice(0, 15)) {
        const d = await detail<D>(c.id, 'borrower { id } assignee { id role } institution { id }');
        expect(d.borrower.id).toBe(c.borrower.id);
        expect(d.assignee?.id ?? null).toBe(c.assignee?.id ?? null);
        if (d.assignee) expect(['COLLECTOR', 'SUPERVISOR']).toContain(d.assignee.role);
        expect(d.institution.id).toBe(c.institution.id);
      }
      expect(allCases.some((c) => c.assignee)).toBe(true);
    });

    it('a case with no contacts, visits or feedback yet has empty lists and no lastContact or nextVisit', async () => {
      const [contacted, visited, complained] = await Promise.all([
        casesWith('contacts'),
        casesWith('visits'),
        casesWith('feedback'),
      ]);
      const quiet = allCases.find((c) => ![...contacted, ...visited, ...complained].includes(c.id));
      expect(quiet, 'the seed has a case nobody has worked yet').toBeDefined();
      const result = await api.gql<{ case: unknown }>(
        `query ($id: ID!) { case(id: $id) { id contacts(last: 5) { id } visits(last: 5) { id } feedback(last: 5) { id } lastContact { id } nextVisit { id } } }`,
        { id: quiet!.id },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.case).toEqual({
        id: quiet!.id,
        contacts: [],
        visits: [],
        feedback: [],
        lastContact: null,
        nextVisit: null,
      });
    });

    it('contacts(last: n) are the newest n, newest first, and lastContact is the first of them', async () => {
      type D = {
        contacts: { id: string; occurredAt: string; case: { id: string } }[];
        lastContact: { id: string } | null;
      };
      let checked = 0;
      for (const caseId of (await casesWith('contacts')).slice(0, 20)) {
        const all = await fetchPage<{ id: string; occurredAt: string }>(
          api,
          { list: 'contacts', filterType: 'ContactFilter', filter: { caseId } },
          { limit: 100 },
          'id occurredAt',
        );
        const d = await detail<D>(
          caseId,
          'contacts(last: $n) { id occurredAt case { id } } lastContact { id }',
          3,
        );
        expect(d.contacts.length).toBe(Math.min(3, all.totalCount));
        expectSortedBy(d.contacts, (x) => Date.parse(x.occurredAt), 'DESC');
        expect(d.contacts.every((x) => x.case.id === caseId)).toBe(true);
        expect(ids(d.contacts)).toEqual(ids(all.nodes.slice(0, 3)));
        const newest = await detail<D>(
          caseId,
          'contacts(last: $n) { id occurredAt case { id } } lastContact { id }',
          1,
        );
        expect(newest.contacts).toHaveLength(1);
        expect(d.lastContact).toEqual({ id: newest.contacts[0]!.id });
        if (all.totalCount > 3) checked += 1;
      }
      expect(checked, 'some cases have more contacts than asked for').toBeGreaterThan(0);
    });

    it('contacts(last:) outside 1–100 is refused naming last', async () => {
      const result = await api.gql(
        `query ($id: ID!) { case(id: $id) { contacts(last: 101) { id } } }`,
        { id: allCases[0]!.id },
      );
      expect(firstError(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'last' });
    });

    it('visits are newest first and nextVisit is the earliest planned or confirmed visit not yet ended', async () => {
      type V = { id: string; status: string; windowStart: string; windowEnd: string };
      type D = { visits: (V & { case: { id: string } })[]; nextVisit: V | null };
      const now = Date.now();
      let withNext = 0;
      for (const caseId of await casesWith('visits')) {
        const d = await detail<D>(
          caseId,
          'visits(last: $n) { id status windowStart windowEnd case { id } } nextVisit { id status windowStart windowEnd }',
        );
        expect(d.visits.length).toBeGreaterThan(0);
        expectSortedBy(d.visits, (v) => Date.parse(v.windowStart), 'DESC');
        expect(d.visits.every((v) => v.case.id === caseId)).toBe(true);
        const upcoming = d.visits
          .filter(
            (v) => ['PLANNED', 'CONFIRMED'].includes(v.status) && Date.parse(v.windowEnd) >= now,
          )
          .sort((a, b) => Date.parse(a.windowStart) - Date.parse(b.windowStart));
        expect(d.nextVisit?.id ?? null, caseId).toBe(upcoming[0]?.id ?? null);
        if (d.nextVisit) {
          withNext += 1;
          expect(['PLANNED', 'CONFIRMED']).toContain(d.nextVisit.status);
          expect(Date.parse(d.nextVisit.windowEnd)).toBeGreaterThanOrEqual(now - 60_000);
        }
      }
      expect(withNext, 'the seed has upcoming visits').toBeGreaterThan(0);
    });

    it('feedback on a case is its own, newest first', async () => {
      const all = await walkOffset<{ id: string; case: { id: string } }>(
        api,
        { list: 'feedback' },
        'id case { id }',
      );
      const caseIds = [...new Set(all.map((f) => f.case.id))].slice(0, 10);
      expect(caseIds.length).toBeGreaterThan(0);
      for (const caseId of caseIds) {
        const d = await detail<{
          feedback: { id: string; createdAt: string; case: { id: string } }[];
        }>(caseId, 'feedback(last: $n) { id createdAt case { id } }');
        expect(d.feedback.every((f) => f.case.id === caseId)).toBe(true);
        expectSortedBy(d.feedback, (f) => Date.parse(f.createdAt), 'DESC');
        expect(new Set(ids(d.feedback))).toEqual(
          new Set(all.filter((f) => f.case.id === caseId).map((f) => f.id)),
        );
      }
    });

    it('borrowers show only masked national IDs and phones, masked from the real values', async () => {
      const borrowers = await walkOffset<{
        id: string;
        nationalIdMasked: string;
        phonesMasked: string[];
      }>(api, { list: 'borrowers' }, 'id nationalIdMasked phonesMasked');
      const em = api.orm.em.fork();
      const raw = new Map(
        (await em.find(Borrower, { institution: home }, { filters: false })).map((b) => [b.id, b]),
      );
      expect(borrowers.length).toBe(raw.size);
      for (const b of borrowers) {
        const real = raw.get(b.id)!;
        expect(b.nationalIdMasked).toMatch(/^\d{3}\*{11}[\dX]{4}$/);
        expect(b.nationalIdMasked).toBe(
          `${real.nationalId.slice(0, 3)}${'*'.repeat(11)}${real.nationalId.slice(14)}`,
        );
        expect(b.phonesMasked.length).toBeGreaterThan(0);
        expect(b.phonesMasked).toEqual(real.phones.map((p) => `${p.slice(0, 3)}****${p.slice(7)}`));
        for (const phone of b.phonesMasked) expect(phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
      }
    });

    it('the schema exposes a borrower raw national ID and phones only through revealBorrowerPII', async () => {
      type TypeRef = { name: string | null; ofType: TypeRef | null };
      const { __schema } = await api.data<{
        __schema: {
          types: {
            name: string;
            kind: string;
            fields: { name: string; type: TypeRef }[] | null;
          }[];
        };
      }>(
        '{ __schema { types { name kind fields { name type { name ofType { name ofType { name ofType { name } } } } } } } }',
      );
      const borrower = __schema.types.find((t) => t.name === 'Borrower')!;
      const fields = borrower.fields!.map((f) => f.name);
      expect(fields).toContain('nationalIdMasked');
      expect(fields).toContain('phonesMasked');
      // The one type that carries them unmasked: the answer of the audited, permission-checked reveal.
      const UNMASKED = 'BorrowerPii';
      const named = (t: TypeRef): string | null => t.name ?? (t.ofType ? named(t.ofType) : null);
      const objects = __schema.types.filter((t) => t.kind === 'OBJECT' && !t.name.startsWith('__'));
      const reachedBy = objects.flatMap((type) =>
        (type.fields ?? [])
          .filter((field) => named(field.type) === UNMASKED)
          .map((field) => `${type.name}.${field.name}`),
      );
      expect(reachedBy).toEqual(['Mutation.revealBorrowerPII']);
      for (const type of objects.filter((t) => t.name !== UNMASKED)) {
        // Staff e-mail addresses are work logins, not a borrower's personal data.
        const personal = ['Borrower', 'ThirdParty'].includes(type.name) ? ['email'] : [];
        for (const field of type.fields ?? []) {
          expect(
            ['nationalId', 'phones', 'phone', ...personal],
            `${type.name}.${field.name}`,
          ).not.toContain(field.name);
        }
      }
    });
  });
});
