import { Money, PolicyChannel } from '@arrears/domain';
import type { HttpError } from 'react-admin';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { rejectionOf } from '../test/fakeFetch';
import { startRealApi, type RealApi } from '../test/realApi';
import { ROOT_ERROR, type ApiErrorBody } from './errors';
import { createDataProvider } from './index';
import type {
  ArrearsDataProvider,
  AuditEventRecord,
  BorrowerDetail,
  BorrowerListItem,
  CaseDetail,
  CaseFilter,
  CaseListItem,
  ContactRecord,
  CreatedPartnerApp,
  FeedbackRecord,
  HoldRecord,
  PaymentRecord,
  RepaymentPlanRecord,
  TaskRecord,
  UserRecord,
  VisitRecord,
} from './types';

/**
 * The data provider method by method against the real API: the built server on a scratch,
 * seeded SQLite database (see `test/realApi.ts`), called through a real `fetch`. Each test
 * would fail if its GraphQL document did not match the schema or the mapping to react-admin's
 * records, params and errors were wrong. Expected values come from the test's own fixtures,
 * from raw GraphQL written out here, or from arithmetic done here — not from the provider.
 *
 * Time: the server judges at the real clock, so nothing here depends on the hour it runs at.
 * Contacts are logged at a past daytime instant; visits are planned minutes ahead for a
 * borrower who consented to be contacted at any hour; refusals use 23:00 in Shanghai.
 */

vi.setConfig({ testTimeout: 20_000, hookTimeout: 180_000 });

const SUPERVISOR = 'supervisor@psbc.demo';
const ADMIN = 'admin@psbc.demo';
const AUDITOR = 'auditor@psbc.demo';
const COLLECTOR = 'collector1@psbc.demo';

/** A well-formed id that names nothing. */
const NO_SUCH_ID = '00000000-0000-7000-8000-000000000000';

// ---- time, computed here --------------------------------------------------------------------

const MINUTE = 60_000;
const DAY = 86_400_000;
const SHANGHAI_OFFSET = 8 * 3_600_000;

/** The Asia/Shanghai calendar day `days` from today. */
const shanghaiDate = (days = 0): string =>
  new Date(Date.now() + SHANGHAI_OFFSET + days * DAY).toISOString().slice(0, 10);

/** The instant of local `hour`:`minute` in Asia/Shanghai (no daylight saving), `days` from today. */
const shanghaiAt = (days: number, hour: number, minute = 0): string =>
  new Date(
    Date.parse(`${shanghaiDate(days)}T00:00:00Z`) - SHANGHAI_OFFSET + (hour * 60 + minute) * MINUTE,
  ).toISOString();

/** Now plus `minutes`, to the second. */
const fromNow = (minutes: number): string =>
  new Date(Math.floor((Date.now() + minutes * MINUTE) / 1000) * 1000).toISOString();

const fen = (amount: string) => Money.parse(amount).fen;

// ---- fixtures, through raw GraphQL ------------------------------------------------------------

let serial = 100;

/** A valid GB 11643 national ID, its check character computed here. */
const nationalId = (first17: string): string => {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, weight, i) => acc + weight * Number(first17[i]), 0);
  return first17 + '10X98765432'.charAt(sum % 11);
};

interface Fixture {
  caseId: string;
  borrowerId: string;
  loanNumber: string;
  fullName: string;
  nationalId: string;
  phone: string;
  /** The borrower's address as one line. */
  address: string;
}

let api: RealApi;
let institutionId: string;
let userIds: Record<string, string>;

const providerFor = (email: string | undefined): ArrearsDataProvider =>
  createDataProvider({
    url: api.url,
    ...(email
      ? { auth: { token: () => api.tokenFor(email), renew: () => Promise.resolve(undefined) } }
      : {}),
    timeZone: () => 'Asia/Shanghai',
  });

let supervisor: ArrearsDataProvider;
let admin: ArrearsDataProvider;
let auditor: ArrearsDataProvider;
let collector: ArrearsDataProvider;

const raw = async <T>(query: string, variables?: Record<string, unknown>, email = SUPERVISOR) =>
  api.gql<T>(await api.tokenFor(email), query, variables);

/**
 * A fresh borrower of PSBC (region 110101, mobiles 145…, which the seed never makes) and a
 * case on them, NEW and unassigned unless `assigneeId` is given. `consent` records that the
 * borrower agreed to be contacted at any hour, so visits can be planned whenever this runs.
 */
async function freshCase({
  consent = false,
  assigneeId,
  outstanding = '8000.00',
}: { consent?: boolean; assigneeId?: string; outstanding?: string } = {}): Promise<Fixture> {
  serial += 1;
  const id = nationalId(`11010119850101${serial}`);
  const phone = `145${String(serial).padStart(8, '0')}`;
  const fullName = `测试${serial}`;
  const address = {
    province: '北京市',
    city: '北京市',
    district: '东城区',
    detail: `测试路${serial}号`,
  };
  const { createBorrower } = await raw<{ createBorrower: { id: string } }>(
    'mutation ($input: CreateBorrowerInput!) { createBorrower(input: $input) { id } }',
    {
      input: {
        institutionId,
        fullName,
        nationalId: id,
        phones: [phone],
        address,
      },
    },
  );
  const loanNumber = `DP-TEST-${serial}`;
  const { createCase } = await raw<{ createCase: { id: string } }>(
    'mutation ($input: CreateCaseInput!) { createCase(input: $input) { id } }',
    {
      input: {
        institutionId,
        borrowerId: createBorrower.id,
        loanNumber,
        product: 'CREDIT_LOAN',
        principalAmount: '10000.00',
        outstandingAmount: outstanding,
        overdueAmount: '1200.00',
        overdueSince: shanghaiDate(-40),
        ...(assigneeId ? { assigneeId } : {}),
      },
    },
  );
  if (consent) {
    await raw(
      'mutation ($input: RecordContactConsentInput!) { recordContactConsent(input: $input) { id } }',
      {
        input: {
          borrowerId: createBorrower.id,
          windowStart: '00:00',
          windowEnd: '00:00',
          evidence: `consent-${serial}`,
        },
      },
    );
  }
  return {
    caseId: createCase.id,
    borrowerId: createBorrower.id,
    loanNumber,
    fullName,
    nationalId: id,
    phone,
    address: `${address.province}${address.city}${address.district}${address.detail}`,
  };
}

const listParams = {
  pagination: { page: 1, perPage: 25 },
  sort: { field: 'id', order: 'ASC' as const },
  filter: {},
};

const body = (error: HttpError) => error.body as ApiErrorBody;

beforeAll(async () => {
  api = await startRealApi();
  supervisor = providerFor(SUPERVISOR);
  admin = providerFor(ADMIN);
  auditor = providerFor(AUDITOR);
  collector = providerFor(COLLECTOR);
  const { me, users } = await raw<{
    me: { institution: { id: string } };
    users: { nodes: { id: string; email: string }[] };
  }>('{ me { institution { id } } users(limit: 100) { nodes { id email } } }');
  institutionId = me.institution.id;
  userIds = Object.fromEntries(users.nodes.map((user) => [user.email.split('@')[0]!, user.id]));
});

afterAll(async () => {
  await api?.stop();
});

// ---- cases ----------------------------------------------------------------------------------

describe('cases', () => {
  const rawCount = async (filter: CaseFilter) =>
    (
      await raw<{ cases: { totalCount: number } }>(
        'query ($filter: CaseFilter) { cases(limit: 1, filter: $filter) { totalCount } }',
        { filter },
      )
    ).cases.totalCount;

  it('getList: one page of rows with the total the API counts', async () => {
    const result = await supervisor.getList<CaseListItem>('cases', {
      ...listParams,
      pagination: { page: 2, perPage: 10 },
    });

    expect(result.data).toHaveLength(10);
    expect(result.total).toBe(await rawCount({}));
    const [row] = result.data;
    expect(row).toMatchObject({
      id: expect.any(String),
      loanNumber: expect.stringMatching(/^PSBC-/),
      institution: { id: institutionId, code: 'PSBC', timeZone: 'Asia/Shanghai' },
      borrower: { id: expect.any(String), fullName: expect.any(String) },
      dpd: expect.any(Number),
      priority: expect.any(Number),
      outstandingAmount: expect.stringMatching(/^\d+\.\d{2}$/),
      overdueSince: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
  });

  it.each<
    [string, Record<string, unknown>, Record<string, unknown>, (row: CaseListItem) => boolean]
  >([
    [
      'status',
      { status: ['IN_PROGRESS'] },
      { status: ['IN_PROGRESS'] },
      (r) => r.status === 'IN_PROGRESS',
    ],
    ['stage', { stage: ['VISIT'] }, { stage: ['VISIT'] }, (r) => r.stage === 'VISIT'],
    [
      'bucket',
      { bucket: ['M2', 'M3'] },
      { bucket: ['M2', 'M3'] },
      (r) => ['M2', 'M3'].includes(r.bucket),
    ],
    [
      'institution',
      { institutionId: '<institution>' },
      { institutionId: '<institution>' },
      (r) => r.institution.code === 'PSBC',
    ],
    [
      'assignee',
      { assigneeId: '<collector1>' },
      { assigneeId: '<collector1>' },
      (r) => r.assignee?.id === userIds.collector1,
    ],
    ['unassigned', { unassigned: 'true' }, { unassigned: true }, (r) => r.assignee === null],
    [
      'DPD range',
      { dpdMin: '31', dpdMax: 60 },
      { dpdMin: 31, dpdMax: 60 },
      (r) => r.dpd >= 31 && r.dpd <= 60,
    ],
    [
      'amount range',
      { outstandingMin: '10000.00', outstandingMax: '20000' },
      { outstandingMin: '10000.00', outstandingMax: '20000' },
      (r) => fen(r.outstandingAmount) >= 1_000_000 && fen(r.outstandingAmount) <= 2_000_000,
    ],
  ])('getList: filters by %s', async (_name, filter, apiFilter, holds) => {
    const ids = { '<institution>': institutionId, '<collector1>': userIds.collector1 };
    const fill = (values: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(values).map(([k, v]) => [k, ids[v as keyof typeof ids] ?? v]),
      );

    const result = await supervisor.getList<CaseListItem>('cases', {
      ...listParams,
      pagination: { page: 1, perPage: 100 },
      filter: fill(filter),
    });

    expect(result.total).toBe(await rawCount(fill(apiFilter) as CaseFilter));
    expect(result.total).toBeGreaterThan(0);
    expect(result.data.every(holds)).toBe(true);
  });

  it('getList: searches the loan number and the borrower name (q)', async () => {
    const fixture = await freshCase();

    const byLoan = await supervisor.getList('cases', {
      ...listParams,
      filter: { q: fixture.loanNumber.toLowerCase() },
    });
    const byName = await supervisor.getList('cases', {
      ...listParams,
      filter: { q: fixture.fullName },
    });

    expect(byLoan.data.map((r) => r.id)).toEqual([fixture.caseId]);
    expect(byName.data.map((r) => r.id)).toEqual([fixture.caseId]);
  });

  it.each<[string, (row: CaseListItem) => string | number]>([
    ['loanNumber', (r) => r.loanNumber],
    ['dpd', (r) => r.dpd],
    ['outstandingAmount', (r) => fen(r.outstandingAmount)],
    ['overdueSince', (r) => r.overdueSince],
    ['createdAt', (r) => r.createdAt],
    ['priority', (r) => r.priority],
  ])('getList: sorts by %s', async (field, key) => {
    for (const order of ['ASC', 'DESC'] as const) {
      const { data } = await supervisor.getList<CaseListItem>('cases', {
        ...listParams,
        pagination: { page: 1, perPage: 50 },
        sort: { field, order },
      });
      const values = data.map(key);
      const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      expect(values).toEqual(order === 'ASC' ? sorted : sorted.reverse());
    }
  });

  it("getList: a bad range is the API's BAD_USER_INPUT on the field", async () => {
    const error = await rejectionOf(
      supervisor.getList('cases', { ...listParams, filter: { dpdMin: 90, dpdMax: 30 } }),
    );

    expect(error.status).toBe(400);
    expect(body(error)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dpdMax' });
    expect(body(error).errors?.dpdMax).toBe('must not be below dpdMin');
  });

  it('getOne: what the case page needs, with the borrower masked', async () => {
    const fixture = await freshCase();

    const { data } = await supervisor.getOne<CaseDetail>('cases', { id: fixture.caseId });

    expect(data).toMatchObject({
      id: fixture.caseId,
      version: 1,
      loanNumber: fixture.loanNumber,
      status: 'NEW',
      principalAmount: '10000.00',
      outstandingAmount: '8000.00',
      overdueAmount: '1200.00',
      overdueSince: shanghaiDate(-40),
      institution: { id: institutionId, name: '邮储银行' },
      assignee: null,
      closeReason: null,
      lastContact: null,
      nextVisit: null,
      holds: [],
    });
    expect(data.dpd).toBeGreaterThanOrEqual(40);
    expect(data.borrower).toMatchObject({
      id: fixture.borrowerId,
      fullName: fixture.fullName,
      nationalIdMasked: `110***********${fixture.nationalId.slice(-4)}`,
      phonesMasked: [`${fixture.phone.slice(0, 3)}****${fixture.phone.slice(-4)}`],
      address: { city: '北京市', district: '东城区' },
      city: '北京市',
      thirdParties: [],
      contactConsent: null,
    });
    // Masked means masked: the clear values appear nowhere in the record.
    expect(JSON.stringify(data)).not.toContain(fixture.nationalId);
    expect(JSON.stringify(data)).not.toContain(fixture.phone);
    expect(data.contactability.map((c) => c.channel).sort()).toEqual(
      Object.values(PolicyChannel).sort(),
    );
    expect(data.priorityScore.factors.map((f) => f.code).sort()).toEqual(
      ['AMOUNT', 'BROKEN_PROMISES', 'CONTACT_RECENCY', 'DPD', 'RISK'].sort(),
    );
    expect(data.priorityScore.score).toBe(
      data.priorityScore.factors.reduce((sum, f) => sum + f.points, 0),
    );
  });

  it('getOne: an id that does not exist is a 404', async () => {
    const error = await rejectionOf(supervisor.getOne('cases', { id: NO_SUCH_ID }));

    expect(error.status).toBe(404);
    expect(body(error).code).toBe('NOT_FOUND');
  });

  it('getMany: the cases that exist, as list rows', async () => {
    const [a, b] = [await freshCase(), await freshCase()];

    const { data } = await supervisor.getMany<CaseListItem>('cases', {
      ids: [a.caseId, NO_SUCH_ID, b.caseId],
    });

    expect(data.map((r) => r.loanNumber).sort()).toEqual([a.loanNumber, b.loanNumber].sort());
  });

  it("getManyReference: a collector's cases", async () => {
    const result = await supervisor.getManyReference<CaseListItem>('cases', {
      ...listParams,
      target: 'assigneeId',
      id: userIds.collector2!,
    });

    expect(result.total).toBe(await rawCount({ assigneeId: userIds.collector2 }));
    expect(result.data.every((r) => r.assignee?.id === userIds.collector2)).toBe(true);
  });

  it('update: assigns through assignCase, and the case page shows it', async () => {
    const fixture = await freshCase();
    const { data: before } = await supervisor.getOne<CaseDetail>('cases', { id: fixture.caseId });

    const { data } = await supervisor.update<CaseDetail>('cases', {
      id: fixture.caseId,
      data: { ...before, assigneeId: userIds.collector2 },
      previousData: before,
    });

    expect(data.assignee).toEqual({ id: userIds.collector2, displayName: expect.any(String) });
    expect(data.borrower.city).toBe('北京市');
    const { data: after } = await supervisor.getOne<CaseDetail>('cases', { id: fixture.caseId });
    expect(after.assignee?.id).toBe(userIds.collector2);
  });

  it('update: changes status, priority and next action through updateCase, with the version', async () => {
    const fixture = await freshCase();
    const { data: before } = await supervisor.getOne<CaseDetail>('cases', { id: fixture.caseId });

    const { data } = await supervisor.update<CaseDetail>('cases', {
      id: fixture.caseId,
      data: { ...before, status: 'IN_PROGRESS', priority: 77, nextAction: '周五前回访' },
      previousData: before,
    });

    expect(data).toMatchObject({
      status: 'IN_PROGRESS',
      priority: 77,
      nextAction: '周五前回访',
      version: before.version + 1,
    });
  });

  it('update: a stale version is a CONFLICT the user can read', async () => {
    const fixture = await freshCase();
    const { data: before } = await supervisor.getOne<CaseDetail>('cases', { id: fixture.caseId });
    await supervisor.update('cases', {
      id: fixture.caseId,
      data: { priority: 10 },
      previousData: before,
    });

    const error = await rejectionOf(
      supervisor.update('cases', {
        id: fixture.caseId,
        data: { priority: 20 },
        previousData: before,
      }),
    );

    expect(error.status).toBe(409);
    expect(error.message).toMatch(/is at version 2, not 1; reload it/);
    expect(body(error).errors).toBeUndefined();
  });

  it('update: a value the API refuses lands on its input', async () => {
    const fixture = await freshCase();
    const { data: before } = await supervisor.getOne<CaseDetail>('cases', { id: fixture.caseId });

    const error = await rejectionOf(
      supervisor.update('cases', {
        id: fixture.caseId,
        data: { ...before, priority: 101 },
        previousData: before,
      }),
    );

    expect(error.status).toBe(400);
    expect(body(error).field).toBe('priority');
    expect(body(error).errors).toEqual({
      priority: 'must be a whole number from 0 to 100',
      [ROOT_ERROR]: 'priority: must be a whole number from 0 to 100',
    });
  });

  it('updateMany: assigns in bulk', async () => {
    const [a, b] = [await freshCase(), await freshCase()];

    const result = await supervisor.updateMany('cases', {
      ids: [a.caseId, b.caseId],
      data: { assigneeId: userIds.collector3 },
    });

    expect(result.data).toEqual([a.caseId, b.caseId]);
    const { data } = await supervisor.getMany<CaseListItem>('cases', { ids: [a.caseId, b.caseId] });
    expect(data.map((r) => r.assignee?.id)).toEqual([userIds.collector3, userIds.collector3]);
  });

  it('updateMany: assigns the cases it can and names the ones it could not', async () => {
    const fixture = await freshCase();

    const error = await rejectionOf(
      supervisor.updateMany('cases', {
        ids: [fixture.caseId, NO_SUCH_ID],
        data: { assigneeId: userIds.collector3 },
      }),
    );

    expect(error.status).toBe(404);
    expect(body(error).failedIds).toEqual([NO_SUCH_ID]);
    const { data } = await supervisor.getOne<CaseDetail>('cases', { id: fixture.caseId });
    expect(data.assignee?.id).toBe(userIds.collector3);
  });
});

// ---- borrowers ------------------------------------------------------------------------------

describe('borrowers', () => {
  let fixture: Fixture;
  beforeAll(async () => {
    fixture = await freshCase();
  });

  it('getList: by name (q), by exact national ID and by exact phone, masked', async () => {
    for (const filter of [
      { q: fixture.fullName },
      { nationalId: fixture.nationalId },
      { phone: fixture.phone },
    ]) {
      const result = await supervisor.getList<BorrowerListItem>('borrowers', {
        ...listParams,
        filter,
      });

      expect(result.total).toBe(1);
      expect(result.data[0]).toMatchObject({
        id: fixture.borrowerId,
        fullName: fixture.fullName,
        nationalIdMasked: `110***********${fixture.nationalId.slice(-4)}`,
        address: { province: '北京市' },
      });
      expect(JSON.stringify(result.data)).not.toContain(fixture.nationalId);
    }
  });

  it('getList: newest first, the total the API counts', async () => {
    const result = await supervisor.getList<BorrowerListItem>('borrowers', {
      ...listParams,
      sort: { field: 'createdAt', order: 'DESC' },
    });
    const { borrowers } = await raw<{ borrowers: { totalCount: number } }>(
      '{ borrowers(limit: 1) { totalCount } }',
    );

    expect(result.total).toBe(borrowers.totalCount);
    const created = result.data.map((b) => b.createdAt);
    expect(created).toEqual([...created].sort().reverse());
  });

  it("getManyReference: an institution's borrowers", async () => {
    const { total } = await supervisor.getManyReference('borrowers', {
      ...listParams,
      target: 'institutionId',
      id: institutionId,
    });
    const { borrowers } = await raw<{ borrowers: { totalCount: number } }>(
      'query ($id: ID!) { borrowers(limit: 1, filter: { institutionId: $id }) { totalCount } }',
      { id: institutionId },
    );

    expect(total).toBe(borrowers.totalCount);
    expect(total).toBeGreaterThan(500);
  });

  it('getOne and getMany: masked, with third parties and consent', async () => {
    const { data } = await supervisor.getOne<BorrowerDetail>('borrowers', {
      id: fixture.borrowerId,
    });
    const many = await supervisor.getMany('borrowers', { ids: [fixture.borrowerId, NO_SUCH_ID] });

    expect(data).toMatchObject({
      id: fixture.borrowerId,
      phonesMasked: [`145****${fixture.phone.slice(-4)}`],
      thirdParties: [],
      contactConsent: null,
      monthlyIncome: null,
    });
    expect(JSON.stringify(data)).not.toContain(fixture.phone);
    expect(many.data.map((b) => b.id)).toEqual([fixture.borrowerId]);
  });

  it('revealBorrowerPII: the clear values, for a reason, in the audit trail', async () => {
    const pii = await supervisor.revealBorrowerPII(fixture.borrowerId, '借款人来电核对身份');

    expect(pii).toEqual({ nationalId: fixture.nationalId, phones: [fixture.phone] });
    const trail = await auditor.getList<AuditEventRecord>('auditEvents', {
      ...listParams,
      filter: { entityId: fixture.borrowerId, action: 'borrower.revealPii' },
    });
    expect(trail.total).toBe(1);
    expect(trail.data[0]?.actor).toBe(`user:${userIds.supervisor}`);
  });

  it('revealBorrowerPII: without a reason the message is on the reason', async () => {
    const error = await rejectionOf(supervisor.revealBorrowerPII(fixture.borrowerId, '  '));

    expect(error.status).toBe(400);
    expect(body(error).errors?.reason).toBe('is required');
  });

  it('revealBorrowerPII: a collector may not', async () => {
    const error = await rejectionOf(collector.revealBorrowerPII(fixture.borrowerId, 'curious'));

    expect(error.status).toBe(403);
    expect(body(error).code).toBe('FORBIDDEN');
  });

  it('recordContactConsent and withdrawContactConsent', async () => {
    const recorded = await supervisor.recordContactConsent({
      borrowerId: fixture.borrowerId,
      windowStart: '07:30',
      windowEnd: '22:30',
      evidence: 'REC-2026-0001',
    });
    expect(recorded.contactConsent).toMatchObject({
      windowStart: '07:30',
      windowEnd: '22:30',
      evidence: 'REC-2026-0001',
    });

    const withdrawn = await supervisor.withdrawContactConsent(fixture.borrowerId);
    expect(withdrawn.contactConsent).toBeNull();
  });

  it('recordContactConsent: a time that is not HH:MM is refused on its input', async () => {
    const error = await rejectionOf(
      supervisor.recordContactConsent({
        borrowerId: fixture.borrowerId,
        windowStart: '25:00',
        windowEnd: '22:00',
        evidence: 'x',
      }),
    );

    expect(error.status).toBe(400);
    expect(body(error).field).toBe('windowStart');
    expect(body(error).errors?.windowStart).toBeTruthy();
  });
});

// ---- contacts and the policy ----------------------------------------------------------------

describe('contacts and the collection policy', () => {
  let fixture: Fixture;
  let logged: ContactRecord;
  const daytime = shanghaiAt(-1, 10);
  const night = shanghaiAt(-1, 23);

  beforeAll(async () => {
    fixture = await freshCase();
  });

  it('create: logs a contact (logContact) and resolves to the record', async () => {
    const { data } = await supervisor.create<ContactRecord>('contacts', {
      data: {
        caseId: fixture.caseId,
        channel: 'SMS',
        result: 'DELIVERED',
        occurredAt: daytime,
        note: '发送还款提醒短信',
        madeById: userIds.collector1,
      },
    });
    logged = data;

    expect(data).toMatchObject({
      case: { id: fixture.caseId, loanNumber: fixture.loanNumber },
      channel: 'SMS',
      direction: 'OUTBOUND',
      result: 'DELIVERED',
      outcome: null,
      note: '发送还款提醒短信',
      occurredAt: daytime,
      madeBy: { id: userIds.collector1 },
      thirdParty: null,
    });
  });

  it("getList and getManyReference: a case's contacts, by channel, result, collector and time", async () => {
    const byCase = await supervisor.getManyReference<ContactRecord>('contacts', {
      ...listParams,
      sort: { field: 'occurredAt', order: 'DESC' },
      target: 'caseId',
      id: fixture.caseId,
    });
    expect(byCase).toEqual({ data: [logged], total: 1 });

    for (const filter of [
      { channel: ['SMS'], result: 'DELIVERED' },
      { madeById: userIds.collector1 },
      { occurredFrom: shanghaiAt(-1, 9), occurredTo: shanghaiAt(-1, 11) },
    ]) {
      const { data } = await supervisor.getList<ContactRecord>('contacts', {
        ...listParams,
        filter: { caseId: fixture.caseId, ...filter },
      });
      expect(data.map((c) => c.id)).toEqual([logged.id]);
    }
    for (const filter of [
      { channel: ['PHONE'] },
      { occurredFrom: shanghaiAt(-1, 11) },
      { madeById: userIds.collector2 },
    ]) {
      const { total } = await supervisor.getList('contacts', {
        ...listParams,
        filter: { caseId: fixture.caseId, ...filter },
      });
      expect(total).toBe(0);
    }
  });

  it('create at 23:00 in Shanghai: POLICY_VIOLATION with the rule, the next allowed time, on occurredAt', async () => {
    const error = await rejectionOf(
      supervisor.create('contacts', {
        data: { caseId: fixture.caseId, channel: 'SMS', result: 'DELIVERED', occurredAt: night },
      }),
    );

    const quiet =
      "Quiet hours: no contact between 22:00 and 08:00 in the borrower's time zone (Asia/Shanghai).";
    const when = `Allowed again from ${shanghaiDate(0)} 08:00 (Asia/Shanghai).`;
    expect(error.status).toBe(422);
    expect(error.message).toBe(`Refused by the collection policy: ${quiet} ${when}`);
    expect(body(error)).toMatchObject({
      code: 'POLICY_VIOLATION',
      field: 'occurredAt',
      rules: [{ code: 'QUIET_HOURS', message: quiet }],
      nextAllowedAt: shanghaiAt(0, 8),
    });
    expect(body(error).errors).toEqual({
      occurredAt: `${quiet} ${when}`,
      [ROOT_ERROR]: error.message,
    });
  });

  it('create in the future: BAD_USER_INPUT on occurredAt', async () => {
    const error = await rejectionOf(
      supervisor.create('contacts', {
        data: {
          caseId: fixture.caseId,
          channel: 'SMS',
          result: 'DELIVERED',
          occurredAt: new Date(Date.now() + 2 * DAY),
        },
      }),
    );

    expect(error.status).toBe(400);
    expect(body(error).field).toBe('occurredAt');
    expect(body(error).errors?.occurredAt).toBe('cannot be in the future');
  });

  it('canContact: refused at night with the next allowed time, allowed in the day', async () => {
    const atNight = await supervisor.canContact({
      caseId: fixture.caseId,
      channel: 'SMS',
      at: night,
    });
    const inTheDay = await supervisor.canContact({
      caseId: fixture.caseId,
      channel: 'PHONE',
      at: daytime,
      phoneNumber: fixture.phone,
    });

    expect(atNight).toEqual({
      allowed: false,
      nextAllowedAt: shanghaiAt(0, 8),
      reasons: [{ code: 'QUIET_HOURS', message: expect.stringMatching(/^Quiet hours/) }],
    });
    expect(inTheDay).toEqual({ allowed: true, nextAllowedAt: daytime, reasons: [] });
  });

  it('a hold: contactability refuses every channel, and a contact is refused as a whole', async () => {
    // Judged now, for a borrower who may be contacted at any hour: only the hold refuses.
    const held = await freshCase({ consent: true });
    await supervisor.create('holds', {
      data: { caseId: held.caseId, kind: 'DISPUTE', reason: '借款人对金额有异议' },
    });

    const channels = await supervisor.contactability(held.caseId);
    const error = await rejectionOf(
      supervisor.create('contacts', {
        data: { caseId: held.caseId, channel: 'SMS', result: 'DELIVERED' },
      }),
    );

    expect(channels.map((c) => c.channel).sort()).toEqual(Object.values(PolicyChannel).sort());
    for (const channel of channels) {
      expect(channel).toMatchObject({ allowed: false, nextAllowedAt: null });
      expect(channel.reasons.map((r) => r.code)).toContain('HOLD_DISPUTE');
    }
    expect(error.status).toBe(422);
    expect(body(error)).toMatchObject({
      code: 'POLICY_VIOLATION',
      rules: [{ code: 'HOLD_DISPUTE' }],
      nextAllowedAt: null,
    });
    expect(body(error).field).toBeUndefined();
    expect(body(error).errors).toEqual({ [ROOT_ERROR]: error.message });
    expect(error.message).toMatch(/until what blocks it is lifted\.$/);
  });
});

// ---- holds ----------------------------------------------------------------------------------

describe('holds (a case sub-resource)', () => {
  let fixture: Fixture;
  let hold: HoldRecord;
  const byCase = (filter: Record<string, unknown> = {}) =>
    supervisor.getManyReference<HoldRecord>('holds', {
      ...listParams,
      filter,
      target: 'caseId',
      id: fixture.caseId,
    });

  beforeAll(async () => {
    fixture = await freshCase();
  });

  it('create: places a hold (placeHold), and the case is ON_HOLD', async () => {
    const { data } = await supervisor.create<HoldRecord>('holds', {
      data: { caseId: fixture.caseId, kind: 'COMPLAINT', reason: '投诉处理中' },
    });
    hold = data;

    expect(data).toMatchObject({
      case: { id: fixture.caseId },
      kind: 'COMPLAINT',
      channel: null,
      reason: '投诉处理中',
      placedBy: { id: userIds.supervisor },
      releasedAt: null,
    });
    const { data: held } = await supervisor.getOne<CaseDetail>('cases', { id: fixture.caseId });
    expect(held.status).toBe('ON_HOLD');
    expect(held.holds.map((h) => h.id)).toEqual([hold.id]);
  });

  it("getManyReference / getList: the case's open holds", async () => {
    expect(await byCase()).toEqual({ data: [hold], total: 1 });
    expect(
      await supervisor.getList('holds', { ...listParams, filter: { caseId: fixture.caseId } }),
    ).toEqual({ data: [hold], total: 1 });
  });

  it('create: a cease request without its channel is refused on channel', async () => {
    const error = await rejectionOf(
      supervisor.create('holds', {
        data: { caseId: fixture.caseId, kind: 'CEASE_CHANNEL', reason: '要求停止短信' },
      }),
    );

    expect(error.status).toBe(400);
    expect(body(error).errors?.channel).toBe('a cease request names the channel to stop');
  });

  it('update: a release without a note is refused on releaseNote', async () => {
    const error = await rejectionOf(
      supervisor.update('holds', { id: hold.id, data: { releaseNote: ' ' }, previousData: hold }),
    );

    expect(error.status).toBe(400);
    expect(body(error).errors?.releaseNote).toBe('is required');
  });

  it('update: releases the hold (releaseHold); it leaves the open list', async () => {
    const { data } = await supervisor.update<HoldRecord>('holds', {
      id: hold.id,
      data: { releaseNote: '投诉已处理' },
      previousData: hold,
    });

    expect(data).toMatchObject({
      id: hold.id,
      releaseNote: '投诉已处理',
      releasedAt: expect.any(String),
      releasedBy: { id: userIds.supervisor },
    });
    expect((await byCase()).total).toBe(0);
    expect((await byCase({ includeReleased: true })).data.map((h) => h.id)).toEqual([hold.id]);
    const { data: after } = await supervisor.getOne<CaseDetail>('cases', { id: fixture.caseId });
    expect(after.status).toBe('IN_PROGRESS');
  });

  it('update: releasing twice is a CONFLICT', async () => {
    const error = await rejectionOf(
      supervisor.update('holds', {
        id: hold.id,
        data: { releaseNote: 'again' },
        previousData: hold,
      }),
    );

    expect(error.status).toBe(409);
    expect(error.message).toBe('the hold was already released');
  });
});

// ---- visits ---------------------------------------------------------------------------------

describe('visits', () => {
  let fixture: Fixture;
  let visit: VisitRecord;
  let collectors: string[];

  beforeAll(async () => {
    fixture = await freshCase({ consent: true });
    collectors = [userIds.collector1!, userIds.collector2!];
  });

  const schedule = (windowStart: string, windowEnd: string, caseId = fixture.caseId) =>
    supervisor.create<VisitRecord>('visits', {
      data: {
        caseId,
        collectorIds: collectors,
        windowStart,
        windowEnd,
        purpose: '上门面谈还款安排',
        plannedById: userIds.supervisor,
      },
    });

  it('create: plans a visit (scheduleVisit) for a window that starts in ten minutes', async () => {
    const windowStart = fromNow(10);
    const windowEnd = fromNow(70);

    const { data } = await schedule(windowStart, windowEnd);
    visit = data;

    expect(data).toMatchObject({
      case: {
        id: fixture.caseId,
        loanNumber: fixture.loanNumber,
        borrower: { fullName: fixture.fullName },
      },
      status: 'PLANNED',
      windowStart,
      windowEnd,
      purpose: '上门面谈还款安排',
      address: fixture.address,
      plannedBy: { id: userIds.supervisor },
      confirmedAt: null,
      checkedInAt: null,
    });
    expect(data.collectors.map((c) => c.id).sort()).toEqual([...collectors].sort());
  });

  it('getOne, getList and getManyReference: by case, collector, status and window', async () => {
    expect((await supervisor.getOne('visits', { id: visit.id })).data).toEqual(visit);
    expect(
      await supervisor.getManyReference('visits', {
        ...listParams,
        sort: { field: 'windowStart', order: 'ASC' },
        target: 'caseId',
        id: fixture.caseId,
      }),
    ).toEqual({ data: [visit], total: 1 });

    const { data } = await supervisor.getList<VisitRecord>('visits', {
      ...listParams,
      filter: {
        collectorId: userIds.collector1,
        status: ['PLANNED'],
        windowFrom: fromNow(0),
        windowTo: fromNow(24 * 60),
      },
    });
    expect(data.map((v) => v.id)).toContain(visit.id);
    const later = await supervisor.getList('visits', {
      ...listParams,
      filter: { caseId: fixture.caseId, windowFrom: fromNow(3 * 60) },
    });
    expect(later.total).toBe(0);
    expect((await supervisor.getMany('visits', { ids: [visit.id, NO_SUCH_ID] })).data).toEqual([
      visit,
    ]);
  });

  it('confirmVisit, checkInVisit, recordVisitOutcome: the visit to COMPLETED', async () => {
    const confirmed = await supervisor.confirmVisit({
      visitId: visit.id,
      confirmedVia: '电话确认',
      confirmedById: userIds.supervisor,
    });
    expect(confirmed).toMatchObject({
      status: 'CONFIRMED',
      confirmedVia: '电话确认',
      confirmedBy: { id: userIds.supervisor },
      confirmedAt: expect.any(String),
    });

    const checkedIn = await supervisor.checkInVisit({
      visitId: visit.id,
      idShown: true,
      consentToEnter: true,
      latitude: 39.9042,
      longitude: 116.4074,
    });
    expect(checkedIn).toMatchObject({
      status: 'CHECKED_IN',
      idShown: true,
      consentToEnter: true,
      checkInLatitude: 39.9042,
      checkInLongitude: 116.4074,
      checkedInAt: expect.any(String),
    });

    const outcome = {
      visitId: visit.id,
      outcome: 'COMPLETED' as const,
      attitude: 'COOPERATIVE' as const,
      willingness: 'HIGH' as const,
      overdueReason: 'INCOME_LOSS' as const,
      negotiatedResult: '同意月底前还清逾期款',
      note: '借款人在家，面谈顺利',
    };
    const incomplete = await rejectionOf(supervisor.recordVisitOutcome(outcome));
    expect(incomplete.status).toBe(400);
    expect(body(incomplete).errors?.followUpDate).toBe('is required to complete a visit');

    const completed = await supervisor.recordVisitOutcome({
      ...outcome,
      followUpDate: shanghaiDate(7),
    });
    expect(completed).toMatchObject({
      id: visit.id,
      status: 'COMPLETED',
      attitude: 'COOPERATIVE',
      willingness: 'HIGH',
      overdueReason: 'INCOME_LOSS',
      negotiatedResult: '同意月底前还清逾期款',
      followUpDate: shanghaiDate(7),
      checkedOutAt: expect.any(String),
    });
  });

  it('confirmVisit: a visit that is over is a CONFLICT', async () => {
    const error = await rejectionOf(
      supervisor.confirmVisit({ visitId: visit.id, confirmedVia: '短信' }),
    );

    expect(error.status).toBe(409);
    expect(body(error).code).toBe('CONFLICT');
  });

  it('cancelVisit and rescheduleVisit', async () => {
    const { data: toCancel } = await schedule(fromNow(120), fromNow(180));
    const { data: toMove } = await schedule(fromNow(240), fromNow(300));
    const [windowStart, windowEnd] = [fromNow(24 * 60), fromNow(25 * 60)];

    const cancelled = await supervisor.cancelVisit({ visitId: toCancel.id, reason: '借款人出差' });
    const moved = await supervisor.rescheduleVisit({ visitId: toMove.id, windowStart, windowEnd });

    expect(cancelled).toMatchObject({ id: toCancel.id, status: 'CANCELLED', note: '借款人出差' });
    expect(moved.id).not.toBe(toMove.id);
    expect(moved).toMatchObject({
      status: 'PLANNED',
      windowStart,
      windowEnd,
      purpose: toMove.purpose,
      case: { id: fixture.caseId },
    });
    const { data: old } = await supervisor.getOne<VisitRecord>('visits', { id: toMove.id });
    expect(old.status).toBe('RESCHEDULED');
  });

  it('create: one collector is refused on collectorIds', async () => {
    const error = await rejectionOf(
      supervisor.create('visits', {
        data: {
          caseId: fixture.caseId,
          collectorIds: [userIds.collector1],
          windowStart: fromNow(60),
          windowEnd: fromNow(120),
          purpose: '面谈',
        },
      }),
    );

    expect(error.status).toBe(400);
    expect(body(error).errors?.collectorIds).toBe('a visit needs at least 2 collectors');
  });

  it('create: a window in the quiet hours is a POLICY_VIOLATION on windowStart', async () => {
    const noConsent = await freshCase();

    const error = await rejectionOf(
      schedule(shanghaiAt(1, 22, 30), shanghaiAt(1, 23, 30), noConsent.caseId),
    );

    expect(error.status).toBe(422);
    expect(body(error).rules?.map((r) => r.code)).toEqual(['QUIET_HOURS']);
    expect(body(error).field).toBe('windowStart');
    expect(body(error).errors?.windowStart).toMatch(
      /starts in quiet hours .*\. Allowed again from \d{4}-\d{2}-\d{2} 08:00 \(Asia\/Shanghai\)\.$/,
    );
  });
});

// ---- feedback -------------------------------------------------------------------------------

describe('feedback', () => {
  const rawCount = async (filter: Record<string, unknown>) =>
    (
      await raw<{ feedback: { totalCount: number } }>(
        'query ($filter: FeedbackFilter) { feedback(limit: 1, filter: $filter) { totalCount } }',
        { filter },
      )
    ).feedback.totalCount;

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    [
      'status and kind',
      { status: 'RECEIVED', kind: ['COMPLAINT', 'DISPUTE'] },
      { status: ['RECEIVED'], kind: ['COMPLAINT', 'DISPUTE'] },
    ],
    ['overdue', { overdue: true }, { overdue: true }],
    ['not overdue', { overdue: 'false' }, { overdue: false }],
  ])('getList: by %s, newest first', async (_name, filter, apiFilter) => {
    const result = await supervisor.getList<FeedbackRecord>('feedback', {
      ...listParams,
      pagination: { page: 1, perPage: 100 },
      sort: { field: 'createdAt', order: 'DESC' },
      filter,
    });

    expect(result.total).toBe(await rawCount(apiFilter));
    const created = result.data.map((f) => f.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    if (apiFilter.status) expect(result.data.every((f) => f.status === 'RECEIVED')).toBe(true);
  });

  it('getOne, getMany and getManyReference', async () => {
    const { data: rows } = await supervisor.getList<FeedbackRecord>('feedback', listParams);
    const last = rows[rows.length - 1]!;

    expect((await supervisor.getOne('feedback', { id: last.id })).data).toEqual(last);
    expect((await supervisor.getMany('feedback', { ids: [last.id, NO_SUCH_ID] })).data).toEqual([
      last,
    ]);
    const byCase = await supervisor.getManyReference<FeedbackRecord>('feedback', {
      ...listParams,
      target: 'caseId',
      id: last.case.id,
    });
    expect(byCase.data.map((f) => f.id)).toContain(last.id);
    expect(byCase.data.every((f) => f.case.id === last.case.id)).toBe(true);
    const error = await rejectionOf(supervisor.getOne('feedback', { id: NO_SUCH_ID }));
    expect(error.status).toBe(404);
  });

  it('update: acknowledges (updateFeedbackStatus); resolving needs a resolution; no way back', async () => {
    const { data } = await supervisor.getList<FeedbackRecord>('feedback', {
      ...listParams,
      filter: { status: ['RECEIVED'] },
    });
    const received = data[0]!;

    const { data: acknowledged } = await supervisor.update<FeedbackRecord>('feedback', {
      id: received.id,
      data: { ...received, status: 'ACKNOWLEDGED' },
      previousData: received,
    });
    expect(acknowledged).toMatchObject({
      id: received.id,
      status: 'ACKNOWLEDGED',
      acknowledgedAt: expect.any(String),
    });

    const unresolved = await rejectionOf(
      supervisor.update('feedback', {
        id: received.id,
        data: { status: 'RESOLVED' },
        previousData: acknowledged,
      }),
    );
    expect(unresolved.status).toBe(400);
    expect(body(unresolved).errors?.resolution).toBe('is required');

    const backwards = await rejectionOf(
      supervisor.update('feedback', {
        id: received.id,
        data: { status: 'RECEIVED' },
        previousData: acknowledged,
      }),
    );
    expect(backwards.status).toBe(409);
    expect(backwards.message).toMatch(/cannot move from ACKNOWLEDGED to RECEIVED/);
  });
});

// ---- users ----------------------------------------------------------------------------------

describe('users', () => {
  it('getList: by role, by display name', async () => {
    const result = await supervisor.getList<UserRecord>('users', {
      ...listParams,
      sort: { field: 'displayName', order: 'ASC' },
      filter: { role: ['COLLECTOR'], active: true },
    });

    expect(result.total).toBe(4);
    expect(result.data.map((u) => u.email).sort()).toEqual(
      [1, 2, 3, 4].map((n) => `collector${n}@psbc.demo`),
    );
    const names = result.data.map((u) => u.displayName);
    expect(names).toEqual([...names].sort());
    expect(result.data[0]).toMatchObject({
      role: 'COLLECTOR',
      active: true,
      institution: { code: 'PSBC' },
    });
  });

  it('getList: searches names and emails (q) here, as autocompletes ask', async () => {
    const { data: all } = await supervisor.getList<UserRecord>('users', listParams);
    const someone = all.find((u) => u.role === 'AUDITOR')!;

    const byName = await supervisor.getList<UserRecord>('users', {
      ...listParams,
      filter: { q: someone.displayName.slice(1) },
    });
    const byEmail = await supervisor.getList<UserRecord>('users', {
      ...listParams,
      pagination: { page: 1, perPage: 2 },
      filter: { q: 'COLLECTOR', active: true },
    });

    expect(byName.data.map((u) => u.id)).toContain(someone.id);
    expect(byName.data.every((u) => u.displayName.includes(someone.displayName.slice(1)))).toBe(
      true,
    );
    expect(byEmail.total).toBe(4);
    expect(byEmail.data).toHaveLength(2);
  });

  it('getOne, getMany and getManyReference', async () => {
    const { data } = await supervisor.getOne<UserRecord>('users', { id: userIds.collector1! });
    const many = await supervisor.getMany<UserRecord>('users', {
      ids: [userIds.collector1!, userIds.auditor!, NO_SUCH_ID],
    });
    const staff = await supervisor.getManyReference('users', {
      ...listParams,
      target: 'institutionId',
      id: institutionId,
    });

    expect(data).toMatchObject({ id: userIds.collector1, email: 'collector1@psbc.demo' });
    expect(many.data.map((u) => u.email).sort()).toEqual([
      'auditor@psbc.demo',
      'collector1@psbc.demo',
    ]);
    expect(staff.total).toBe(7);
  });

  it('create adds staff through createUser; update (de)activates through setUserActive', async () => {
    const { data: created } = await admin.create<UserRecord>('users', {
      data: {
        institutionId,
        email: 'dp-new-collector@psbc.demo',
        displayName: '数据层新员工',
        role: 'COLLECTOR',
        password: 'a-first-password-1',
      },
    });
    expect(created).toMatchObject({
      role: 'COLLECTOR',
      active: true,
      institution: { code: 'PSBC' },
    });
    const { data: off } = await admin.update<UserRecord>('users', {
      id: created.id,
      data: { active: false },
      previousData: created,
    });
    expect(off.active).toBe(false);
    const refused = await admin
      .create('users', {
        data: {
          institutionId,
          email: 'dp-short@psbc.demo',
          displayName: '短密码',
          role: 'COLLECTOR',
          password: 'short',
        },
      })
      .catch((error: HttpError) => error);
    expect((refused as HttpError).body).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'password',
    });
  });
});

// ---- institutions ---------------------------------------------------------------------------

describe('institutions', () => {
  it('getList and getMany: the lenders the user may see', async () => {
    const list = await admin.getList('institutions', listParams);
    const many = await admin.getMany('institutions', { ids: [institutionId, NO_SUCH_ID] });

    expect(list).toEqual({
      data: [{ id: institutionId, code: 'PSBC', name: '邮储银行', timeZone: 'Asia/Shanghai' }],
      total: 1,
    });
    expect(many.data).toEqual(list.data);
  });
});

// ---- partner apps ---------------------------------------------------------------------------

describe('partner apps', () => {
  let app: CreatedPartnerApp;
  const casesWithKey = async (key: string) => {
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({ query: '{ cases(limit: 1) { totalCount } }' }),
    });
    return (await response.json()) as {
      data?: unknown;
      errors?: { extensions: { code: string } }[];
    };
  };

  it('create: resolves to the app with its key, shown this once', async () => {
    const { data } = await admin.create<CreatedPartnerApp>('partnerApps', {
      data: { name: '核心系统同步', scopes: ['cases:read', 'contacts:write'] },
    });
    app = data;

    expect(data).toMatchObject({
      name: '核心系统同步',
      scopes: ['cases:read', 'contacts:write'],
      revokedAt: null,
      apiKey: expect.stringMatching(new RegExp(`^ark_${data.keyPrefix}_`)),
    });
    expect((await casesWithKey(data.apiKey)).data).toBeTruthy();

    const { data: listed } = await admin.getList('partnerApps', {
      ...listParams,
      sort: { field: 'createdAt', order: 'DESC' },
    });
    expect(listed[0]).toEqual(expect.objectContaining({ id: app.id, name: '核心系统同步' }));
    expect(listed[0]).not.toHaveProperty('apiKey');
  });

  it('rotatePartnerAppKey: a new key; the old one stops working', async () => {
    const rotated = await admin.rotatePartnerAppKey(app.id);

    expect(rotated.app.id).toBe(app.id);
    expect(rotated.apiKey).not.toBe(app.apiKey);
    expect((await casesWithKey(app.apiKey)).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect((await casesWithKey(rotated.apiKey)).data).toBeTruthy();
    app = { ...rotated.app, apiKey: rotated.apiKey };
  });

  it('revokePartnerApp: revoked, the key stops working', async () => {
    const revoked = await admin.revokePartnerApp(app.id);

    expect(revoked).toMatchObject({ id: app.id, revokedAt: expect.any(String) });
    expect((await casesWithKey(app.apiKey)).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('create: a scope partners cannot have is refused on that scope', async () => {
    const error = await rejectionOf(
      admin.create('partnerApps', { data: { name: 'x', scopes: ['audit:read'] } }),
    );

    expect(error.status).toBe(400);
    expect(body(error).errors?.['scopes.0']).toBe('"audit:read" is not a partner scope');
  });

  it('getList: a supervisor may not', async () => {
    const error = await rejectionOf(supervisor.getList('partnerApps', listParams));

    expect(error.status).toBe(403);
  });
});

// ---- audit trail ----------------------------------------------------------------------------

describe('audit events', () => {
  it("getList and getManyReference: a record's trail, newest first, by time", async () => {
    const fixture = await freshCase();
    const { data: before } = await supervisor.getOne<CaseDetail>('cases', { id: fixture.caseId });
    await supervisor.update('cases', {
      id: fixture.caseId,
      data: { priority: 5 },
      previousData: before,
    });

    const trail = await auditor.getManyReference<AuditEventRecord>('auditEvents', {
      ...listParams,
      sort: { field: 'sequence', order: 'DESC' },
      target: 'entityId',
      id: fixture.caseId,
    });
    const updates = await admin.getList<AuditEventRecord>('auditEvents', {
      ...listParams,
      sort: { field: 'occurredAt', order: 'DESC' },
      filter: { entityType: 'Case', entityId: fixture.caseId, action: 'case.update' },
    });
    const future = await auditor.getList('auditEvents', {
      ...listParams,
      filter: { entityId: fixture.caseId, from: fromNow(60) },
    });

    expect(trail.data.map((e) => e.action)).toEqual(['case.update', 'case.create']);
    expect(trail.data[0]!.sequence).toBeGreaterThan(trail.data[1]!.sequence);
    expect(trail.data[0]).toMatchObject({
      entityType: 'Case',
      entityId: fixture.caseId,
      actor: `user:${userIds.supervisor}`,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(updates.data.map((e) => e.id)).toEqual([trail.data[0]!.id]);
    expect(future.total).toBe(0);
  });

  it("verifyAuditChain: the institution's chain is intact", async () => {
    const report = await admin.verifyAuditChain(institutionId);

    expect(report).toMatchObject({ ok: true, brokenAtSequence: null, reason: null });
    expect(report.checked).toBeGreaterThan(100);
  });

  it('a supervisor may not read the trail', async () => {
    const error = await rejectionOf(supervisor.verifyAuditChain(institutionId));

    expect(error.status).toBe(403);
  });
});

// ---- plans and payments ---------------------------------------------------------------------

describe('repayment plans and payments', () => {
  let fixture: Fixture;
  let plan: RepaymentPlanRecord;
  const terms = () => ({
    kind: 'INSTALLMENT',
    total: '1000.00',
    installments: [
      { dueDate: shanghaiDate(1), amount: '600.00' },
      { dueDate: shanghaiDate(31), amount: '400.00' },
    ],
    note: '分两期还款',
  });

  beforeAll(async () => {
    fixture = await freshCase();
  });

  it('create: takes a plan (createRepaymentPlan); the case is PROMISED', async () => {
    const { data } = await supervisor.create<RepaymentPlanRecord>('repaymentPlans', {
      data: { caseId: fixture.caseId, ...terms() },
    });
    plan = data;

    expect(data).toMatchObject({
      case: { id: fixture.caseId },
      kind: 'INSTALLMENT',
      status: 'ACTIVE',
      hardship: false,
      totalAmount: '1000.00',
      paidAmount: '0.00',
      note: '分两期还款',
      createdBy: { id: userIds.supervisor },
    });
    expect(data.installments.map((i) => [i.sequence, i.dueDate, i.amount])).toEqual([
      [1, shanghaiDate(1), '600.00'],
      [2, shanghaiDate(31), '400.00'],
    ]);
    expect((await supervisor.getOne<CaseDetail>('cases', { id: fixture.caseId })).data.status).toBe(
      'PROMISED',
    );
  });

  it("getList and getManyReference: a case's plans, by status", async () => {
    expect(
      await supervisor.getManyReference('repaymentPlans', {
        ...listParams,
        target: 'caseId',
        id: fixture.caseId,
      }),
    ).toEqual({ data: [plan], total: 1 });
    const cancelled = await supervisor.getList('repaymentPlans', {
      ...listParams,
      filter: { caseId: fixture.caseId, status: ['CANCELLED'] },
    });
    expect(cancelled.total).toBe(0);
  });

  it('create: an installment the API refuses is named by its form path; a second plan is a CONFLICT', async () => {
    const other = await freshCase();
    const bad = terms();
    bad.installments[1]!.amount = '-5.00';

    const invalid = await rejectionOf(
      supervisor.create('repaymentPlans', { data: { caseId: other.caseId, ...bad } }),
    );
    const second = await rejectionOf(
      supervisor.create('repaymentPlans', { data: { caseId: fixture.caseId, ...terms() } }),
    );

    expect(invalid.status).toBe(400);
    expect(body(invalid).field).toBe('installments.1.amount');
    expect(body(invalid).errors?.['installments.1.amount']).toBe(
      'must be a positive whole number of fen',
    );
    expect(second.status).toBe(409);
    expect(second.message).toBe('the case already has an active plan; cancel it first');
  });

  let payment: PaymentRecord;
  const paidAt = fromNow(-5);

  it('payments create: records a payment (recordPayment), allocated to the first installment', async () => {
    const { data } = await supervisor.create<PaymentRecord>('payments', {
      data: {
        caseId: fixture.caseId,
        amount: '600.00',
        paidAt,
        channel: 'BANK_TRANSFER',
        externalRef: `TX-${fixture.loanNumber}`,
      },
    });
    payment = data;

    expect(data).toMatchObject({
      case: { id: fixture.caseId },
      amount: '600.00',
      paidAt,
      channel: 'BANK_TRANSFER',
      unallocatedAmount: '0.00',
      allocations: [{ installmentId: plan.installments[0]!.id, amount: '600.00' }],
      plan: { id: plan.id, status: 'ACTIVE' },
    });
    const { data: after } = await supervisor.getOne<CaseDetail>('cases', { id: fixture.caseId });
    expect(after.outstandingAmount).toBe('7400.00');
  });

  it('payments getList and getManyReference: by case, plan and time', async () => {
    expect(
      await supervisor.getManyReference('payments', {
        ...listParams,
        sort: { field: 'paidAt', order: 'DESC' },
        target: 'caseId',
        id: fixture.caseId,
      }),
    ).toEqual({ data: [payment], total: 1 });
    const byPlan = await supervisor.getList('payments', {
      ...listParams,
      filter: { planId: plan.id },
    });
    const later = await supervisor.getList('payments', {
      ...listParams,
      filter: { caseId: fixture.caseId, paidFrom: fromNow(0) },
    });
    expect(byPlan.data.map((p) => p.id)).toEqual([payment.id]);
    expect(later.total).toBe(0);
  });

  it('payments create: the same reference with other details is a CONFLICT on externalRef; too much is refused on amount', async () => {
    const conflict = await rejectionOf(
      supervisor.create('payments', {
        data: {
          caseId: fixture.caseId,
          amount: 100,
          paidAt,
          channel: 'BANK_TRANSFER',
          externalRef: `TX-${fixture.loanNumber}`,
        },
      }),
    );
    const tooMuch = await rejectionOf(
      supervisor.create('payments', {
        data: {
          caseId: fixture.caseId,
          amount: '99999.00',
          paidAt,
          channel: 'CASH',
          externalRef: `TX-${fixture.loanNumber}-2`,
        },
      }),
    );

    expect(conflict.status).toBe(409);
    expect(body(conflict).errors?.externalRef).toBe(
      'this external reference was already recorded with other details',
    );
    expect(tooMuch.status).toBe(400);
    expect(body(tooMuch).errors?.amount).toBe('is more than the outstanding balance');
  });

  it('cancelRepaymentPlan: cancelled with its reason; twice is a CONFLICT', async () => {
    const cancelled = await supervisor.cancelRepaymentPlan({
      planId: plan.id,
      reason: '借款人改为一次性结清',
    });

    expect(cancelled).toMatchObject({
      id: plan.id,
      status: 'CANCELLED',
      note: '借款人改为一次性结清',
      paidAmount: '600.00',
      closedAt: expect.any(String),
    });
    const again = await rejectionOf(
      supervisor.cancelRepaymentPlan({ planId: plan.id, reason: 'again' }),
    );
    expect(again.status).toBe(409);
  });
});

// ---- tasks, worklist, daily cycle -----------------------------------------------------------

describe('tasks', () => {
  it('getList, getManyReference, update (completeTask) and updateMany', async () => {
    const open = await supervisor.getList<TaskRecord>('tasks', {
      ...listParams,
      sort: { field: 'dueDate', order: 'ASC' },
      filter: { status: ['OPEN'] },
    });
    const { tasks } = await raw<{ tasks: { totalCount: number } }>(
      '{ tasks(limit: 1, filter: { status: [OPEN] }) { totalCount } }',
    );
    expect(open.total).toBe(tasks.totalCount);
    expect(open.total).toBeGreaterThanOrEqual(2);
    expect(open.data.every((t) => t.status === 'OPEN')).toBe(true);
    const due = open.data.map((t) => t.dueDate);
    expect(due).toEqual([...due].sort());
    const [first, second] = open.data as [TaskRecord, TaskRecord];

    const byCase = await supervisor.getManyReference<TaskRecord>('tasks', {
      ...listParams,
      target: 'caseId',
      id: first.case.id,
    });
    expect(byCase.data.map((t) => t.id)).toContain(first.id);
    const dueBy = await supervisor.getList('tasks', {
      ...listParams,
      filter: { status: 'OPEN', dueBy: first.dueDate },
    });
    expect(dueBy.data.every((t) => t.dueDate <= first.dueDate)).toBe(true);

    const { data: done } = await supervisor.update<TaskRecord>('tasks', {
      id: first.id,
      data: { ...first, status: 'DONE' },
      previousData: first,
    });
    expect(done).toMatchObject({ id: first.id, status: 'DONE', completedAt: expect.any(String) });

    const again = await rejectionOf(
      supervisor.update('tasks', { id: first.id, data: { status: 'DONE' }, previousData: done }),
    );
    expect(again.status).toBe(409);
    expect(again.message).toBe('the task is already DONE');

    expect(
      await supervisor.updateMany('tasks', { ids: [second.id], data: { status: 'DONE' } }),
    ).toEqual({ data: [second.id] });
  });
});

describe('worklist and the daily cycle', () => {
  it("myWorklist: the collector's cases by priority, each with its next action", async () => {
    const result = await collector.myWorklist({ pagination: { page: 1, perPage: 5 } });
    const { myWorklist } = await raw<{ myWorklist: { totalCount: number } }>(
      '{ myWorklist(limit: 1) { totalCount } }',
      {},
      COLLECTOR,
    );

    expect(result.total).toBe(myWorklist.totalCount);
    expect(result.data).toHaveLength(5);
    for (const item of result.data) {
      expect(item.id).toBe(item.case.id);
      expect(item.case.assignee?.id).toBe(userIds.collector1);
      expect(['SMS', 'PHONE', 'VISIT', 'LEGAL_REVIEW']).toContain(item.nextAction.kind);
      expect(item.priority.score).toBe(item.priority.factors.reduce((s, f) => s + f.points, 0));
    }
    const scores = result.data.map((item) => item.priority.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('runDailyCycle: an admin runs it; a supervisor may not', async () => {
    const refused = await rejectionOf(supervisor.runDailyCycle());
    const report = await admin.runDailyCycle();

    expect(refused.status).toBe(403);
    expect(report.institutions).toBe(1);
    expect(report.casesExamined).toBeGreaterThan(100);
    expect(Math.abs(Date.parse(report.at) - Date.now())).toBeLessThan(60_000);
  }, 60_000);
});

describe('errors', () => {
  it('without a session: UNAUTHENTICATED, which sends the user to the login page', async () => {
    const error = await rejectionOf(providerFor(undefined).getList('cases', listParams));

    expect(error.status).toBe(401);
    expect(body(error).code).toBe('UNAUTHENTICATED');
  });
});
