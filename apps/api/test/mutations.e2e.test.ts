import { chineseStatutoryCalendar } from '@arrears/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/db/seed.js';
import { Borrower } from '../src/modules/borrower/borrower.entity.js';
import { ThirdParty } from '../src/modules/borrower/third-party.entity.js';
import { User } from '../src/modules/user/user.entity.js';
import {
  DEFAULT_LOGIN,
  DIALECTS,
  firstError,
  startTestApi,
  type GraphqlResponse,
  type TestApi,
} from './harness.js';
import {
  DAY,
  acknowledgeDeadlineProblem,
  freshNationalId,
  freshPhone,
  recentDaytime,
  shanghaiAt,
  shanghaiDate,
} from './fixtures.js';

/**
 * The write side: every mutation does what a supervisor or collector expects, refuses what the
 * rules forbid with a typed error naming the field, and a refusal leaves nothing behind.
 * Staff work signed in as a PSBC supervisor (the harness's default login); borrowers use the
 * public feedback mutation without credentials.
 */

function withWrongCheck(id: string): string {
  const check = id.charAt(17) === '0' ? '1' : '0';
  return id.slice(0, 17) + check;
}

const BORROWER_FIELDS =
  'id fullName nationalIdMasked phonesMasked emailMasked monthlyIncome address { province city district detail } thirdParties { fullName relation phoneMasked debtRelated }';
const CREATE_BORROWER = `mutation ($input: CreateBorrowerInput!) { createBorrower(input: $input) { ${BORROWER_FIELDS} } }`;
const CASE_FIELDS =
  'id loanNumber status stage dpd bucket version priority closeReason overdueSince outstandingAmount overdueAmount principalAmount assignee { id } borrower { id } lastContact { id } nextVisit { id }';
const CREATE_CASE = `mutation ($input: CreateCaseInput!) { createCase(input: $input) { ${CASE_FIELDS} } }`;
const UPDATE_CASE = `mutation ($input: UpdateCaseInput!) { updateCase(input: $input) { ${CASE_FIELDS} } }`;
const ASSIGN_CASE = `mutation ($input: AssignCaseInput!) { assignCase(input: $input) { ${CASE_FIELDS} } }`;
const GET_CASE = `query ($id: ID!) { case(id: $id) { ${CASE_FIELDS} } }`;
const LOG_CONTACT = `mutation ($input: LogContactInput!) { logContact(input: $input) { id channel result outcome occurredAt recordingRef madeBy { id } case { id status } } }`;
const VISIT_FIELDS =
  'id status address purpose windowStart windowEnd confirmedAt confirmedVia checkedInAt checkedOutAt attitude willingness overdueReason negotiatedResult note followUpDate collectors { id } case { id }';
const SCHEDULE_VISIT = `mutation ($input: ScheduleVisitInput!) { scheduleVisit(input: $input) { ${VISIT_FIELDS} } }`;
const CONFIRM_VISIT = `mutation ($input: ConfirmVisitInput!) { confirmVisit(input: $input) { ${VISIT_FIELDS} } }`;
const CHECK_IN_VISIT = `mutation ($input: CheckInVisitInput!) { checkInVisit(input: $input) { ${VISIT_FIELDS} } }`;
const RECORD_VISIT = `mutation ($input: RecordVisitOutcomeInput!) { recordVisitOutcome(input: $input) { ${VISIT_FIELDS} } }`;
const RECEIPT_FIELDS = 'receiptCode status submittedAt acknowledgeDueAt resolveDueAt closedAt';
const SUBMIT_FEEDBACK = `mutation ($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { ${RECEIPT_FIELDS} } }`;
const FEEDBACK_STATUS = `query ($code: String!) { feedbackStatus(receiptCode: $code) { ${RECEIPT_FIELDS} } }`;
const UPDATE_FEEDBACK = `mutation ($input: UpdateFeedbackStatusInput!) { updateFeedbackStatus(input: $input) { id status resolution acknowledgedAt closedAt } }`;

interface CaseOut {
  id: string;
  loanNumber: string;
  status: string;
  stage: string;
  dpd: number;
  bucket: string;
  version: number;
  priority: number;
  closeReason: string | null;
  overdueSince: string;
  outstandingAmount: string;
  overdueAmount: string;
  principalAmount: string;
  assignee: { id: string } | null;
  borrower: { id: string };
  lastContact: { id: string } | null;
  nextVisit: { id: string } | null;
}
interface VisitOut {
  id: string;
  status: string;
  address: string;
  collectors: { id: string }[];
  confirmedAt: string | null;
  confirmedVia: string | null;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  negotiatedResult: string | null;
  followUpDate: string | null;
}
interface Receipt {
  receiptCode: string;
  status: string;
  submittedAt: string;
  acknowledgeDueAt: string;
  resolveDueAt: string;
  closedAt: string | null;
}
interface Staff {
  id: string;
  role: string;
  institution: { id: string; code: string };
}

const REQUEST_TIMEOUT_MS = 8_000;

/**
 * GraphQL over HTTP like the harness's, but a request the server never answers fails its test
 * after a few seconds, and once one has, every later call fails at once: a deadlocked server
 * then costs seconds, not the whole suite's timeouts.
 */
function client(api: TestApi, headers: Record<string, string>) {
  let hung: string | null = null;
  const guard = <T>(what: string, work: Promise<T>): Promise<T> => {
    if (hung) return Promise.reject(new Error(`not sent: the server stopped answering at ${hung}`));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        hung = what;
        reject(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms to ${what}: the server hangs`));
      }, REQUEST_TIMEOUT_MS);
    });
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
  };
  const gql = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) => {
    const what = query.replace(/\s+/g, ' ').slice(0, 60);
    const controller = new AbortController();
    const request = fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
      signal: controller.signal,
    }).then((response) => response.json() as Promise<GraphqlResponse<T>>);
    return guard(what, request).catch((error: unknown) => {
      controller.abort();
      throw error;
    });
  };
  return {
    gql,
    async data<T = Record<string, unknown>>(
      query: string,
      variables?: Record<string, unknown>,
    ): Promise<T> {
      const result = await gql<T>(query, variables);
      if (result.errors?.length)
        throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
      return result.data as T;
    },
    /** Reads the database directly, under the same guard. */
    read: <T>(what: string, work: () => Promise<T>) => guard(what, Promise.resolve().then(work)),
  };
}

/** Signs in through the login mutation; the headers carry the access token. */
async function signIn(api: TestApi, email: string): Promise<Record<string, string>> {
  const { login } = await client(api, {}).data<{ login: { token: string } }>(
    'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
    { email, password: DEMO_PASSWORD },
  );
  return { authorization: `Bearer ${login.token}` };
}

/** The refusal's code and field, after checking the mutation returned no data. */
function refusal(result: GraphqlResponse<unknown>) {
  expect(result.data ?? null).toBeNull();
  return firstError(result);
}

describe.each(DIALECTS)('mutations on %s', (dialect) => {
  let api: TestApi;
  /** A PSBC supervisor. */
  let http: ReturnType<typeof client>;
  /** A KMB supervisor: staff of another institution. */
  let otherHttp: ReturnType<typeof client>;
  /** A borrower: no credentials. */
  let publicHttp: ReturnType<typeof client>;
  /** Every staff member of every institution, read from the database. */
  let staff: Staff[];
  let institutions: { id: string; code: string }[];
  /** The institution most tests work in, and another one. */
  let home: { id: string; code: string };
  let other: { id: string; code: string };

  const member = (institutionId: string, role: string, n = 0) =>
    staff.filter((u) => u.institution.id === institutionId && u.role === role)[n]!;

  const counts = async () => {
    const { borrowers, cases, contacts, visits, feedback } = await http.data<
      Record<string, { totalCount: number }>
    >(
      '{ borrowers { totalCount } cases { totalCount } contacts { totalCount } visits { totalCount } feedback { totalCount } }',
    );
    // Every institution's, so a write that slipped into another one shows too.
    const thirdParties = await http.read('count third parties', () =>
      api.orm.em.fork().count(ThirdParty, {}, { filters: false }),
    );
    return {
      borrowers: borrowers!.totalCount,
      cases: cases!.totalCount,
      contacts: contacts!.totalCount,
      visits: visits!.totalCount,
      feedback: feedback!.totalCount,
      thirdParties,
    };
  };

  const borrowerInput = (overrides: Record<string, unknown> = {}) => ({
    institutionId: home.id,
    fullName: '测试借款人',
    nationalId: freshNationalId(),
    phones: [freshPhone()],
    email: 'tester@example.com',
    monthlyIncome: '8000.50',
    address: {
      province: '北京市',
      city: '北京市',
      district: '朝阳区',
      detail: '建设路1号幸福家园2栋3单元401室',
    },
    thirdParties: [
      { fullName: '测试配偶', relation: 'SPOUSE', phone: freshPhone(), debtRelated: false },
    ],
    ...overrides,
  });

  const newBorrower = async (overrides: Record<string, unknown> = {}) =>
    (
      await http.data<{ createBorrower: { id: string } }>(CREATE_BORROWER, {
        input: borrowerInput(overrides),
      })
    ).createBorrower;

  let loanNumber = 0;
  const caseInput = (borrowerId: string, overrides: Record<string, unknown> = {}) => {
    loanNumber += 1;
    return {
      institutionId: home.id,
      borrowerId,
      loanNumber: `E2E-CL-2026-${String(loanNumber).padStart(6, '0')}`,
      product: 'CREDIT_LOAN',
      principalAmount: '50000.00',
      outstandingAmount: '42000.50',
      overdueAmount: '3000.05',
      overdueSince: shanghaiDate(-44),
      ...overrides,
    };
  };

  /** A fresh NEW case of a fresh borrower in the home institution. */
  const newCase = async (overrides: Record<string, unknown> = {}) => {
    const borrower = await newBorrower();
    return (
      await http.data<{ createCase: CaseOut }>(CREATE_CASE, {
        input: caseInput(borrower.id, overrides),
      })
    ).createCase;
  };

  beforeAll(async () => {
    api = await startTestApi(dialect, { seedScale: 0.02 });
    http = client(api, await signIn(api, DEFAULT_LOGIN));
    otherHttp = client(api, await signIn(api, 'supervisor@kmb.demo'));
    publicHttp = client(api, {});
    const users = await api.orm.em
      .fork()
      .find(User, {}, { filters: false, populate: ['institution'] });
    staff = users.map((u) => ({
      id: u.id,
      role: u.role,
      institution: { id: u.institution.id, code: u.institution.getEntity().code },
    }));
    institutions = [...new Map(staff.map((u) => [u.institution.id, u.institution])).values()];
    [home, other] = [
      institutions.find((i) => i.code === 'PSBC')!,
      institutions.find((i) => i.code === 'KMB')!,
    ];
    // The supervisor sees their own institution's staff, and only them.
    const { users: visible } = await http.data<{ users: { nodes: Staff[] } }>(
      '{ users(limit: 100) { nodes { id role institution { id code } } } }',
    );
    expect(new Set(visible.nodes.map((u) => u.id))).toEqual(
      new Set(staff.filter((u) => u.institution.id === home.id).map((u) => u.id)),
    );
  });
  // A server that hung keeps its connections; don't let closing it stall the run.
  afterAll(() =>
    Promise.race([api?.close(), new Promise((resolve) => setTimeout(resolve, 10_000))]),
  );

  describe('staff', () => {
    it('an admin adds a collector who can sign in, and deactivating them stops their sign-in', async () => {
      const admin = await api.as('admin@psbc.demo');
      const email = `new-collector-${dialect}@psbc.demo`;
      const password = 'a-first-password-1';
      const { createUser } = await admin.data<{ createUser: { id: string; role: string } }>(
        'mutation ($input: CreateUserInput!) { createUser(input: $input) { id role } }',
        {
          input: {
            institutionId: home.id,
            email,
            displayName: '新催收员',
            role: 'COLLECTOR',
            password,
          },
        },
      );
      expect(createUser.role).toBe('COLLECTOR');
      const login = () =>
        api
          .withHeaders({})
          .gql(
            'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
            { email, password },
          );
      expect((await login()).errors).toBeUndefined();
      const again = await admin.gql(
        'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }',
        {
          input: {
            institutionId: home.id,
            email,
            displayName: '重复',
            role: 'COLLECTOR',
            password,
          },
        },
      );
      expect(firstError(again).code).toBe('CONFLICT');
      const short = await admin.gql(
        'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }',
        {
          input: {
            institutionId: home.id,
            email: `short-${dialect}@psbc.demo`,
            displayName: '短密码',
            role: 'COLLECTOR',
            password: 'short',
          },
        },
      );
      expect(firstError(short)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
      await admin.data('mutation ($id: ID!) { setUserActive(id: $id, active: false) { id } }', {
        id: createUser.id,
      });
      expect(firstError(await login()).code).toBe('UNAUTHENTICATED');
    });
  });

  describe('createBorrower', () => {
    it('creates the borrower and shows personal data only masked', async () => {
      const input = borrowerInput({ phones: [freshPhone(), freshPhone()] });
      const { createBorrower: b } = await http.data<{
        createBorrower: Record<string, unknown> & { id: string };
      }>(CREATE_BORROWER, { input });
      const id = input.nationalId as string;
      const phones = input.phones as string[];
      expect(b).toMatchObject({
        fullName: '测试借款人',
        nationalIdMasked: `${id.slice(0, 3)}***********${id.slice(14)}`,
        phonesMasked: phones.map((p) => `${p.slice(0, 3)}****${p.slice(7)}`),
        emailMasked: 't***@example.com',
        monthlyIncome: '8000.50',
        address: input.address,
        thirdParties: [{ fullName: '测试配偶', relation: 'SPOUSE', debtRelated: false }],
      });
      expect(b.nationalIdMasked).toMatch(/^\d{3}\*{11}[\dX]{4}$/);
      const [thirdParty] = b.thirdParties as { phoneMasked: string }[];
      expect(thirdParty!.phoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
      expect(JSON.stringify(b)).not.toContain(id);
      for (const phone of phones) expect(JSON.stringify(b)).not.toContain(phone);
      // It is there to read back, and findable by its exact national ID.
      const { borrower } = await http.data<{ borrower: { id: string } }>(
        'query ($id: ID!) { borrower(id: $id) { id } }',
        { id: b.id },
      );
      expect(borrower.id).toBe(b.id);
      const found = await http.data<{ borrowers: { totalCount: number; nodes: { id: string }[] } }>(
        'query ($id: String!) { borrowers(filter: { nationalId: $id }) { totalCount nodes { id } } }',
        { id },
      );
      expect(found.borrowers).toEqual({ totalCount: 1, nodes: [{ id: b.id }] });
    });

    it('refuses invalid input naming the field, and writes nothing (not even third parties)', async () => {
      const before = await counts();
      const cases: [string, Record<string, unknown>, string | undefined][] = [
        [
          'national ID with a wrong check digit',
          { nationalId: withWrongCheck(freshNationalId()) },
          'nationalId',
        ],
        [
          'national ID of 17 characters',
          { nationalId: freshNationalId().slice(0, 17) },
          'nationalId',
        ],
        ['a phone that is not a mainland mobile', { phones: ['12345678901'] }, 'phones.0'],
        [
          'a second phone that is not a mainland mobile',
          { phones: [freshPhone(), '1381234567'] },
          'phones.1',
        ],
        [
          'a third party with a bad phone',
          {
            thirdParties: [
              { fullName: '甲', relation: 'FRIEND', phone: freshPhone() },
              { fullName: '乙', relation: 'FRIEND', phone: '010-1234567' },
            ],
          },
          'thirdParties.1.phone',
        ],
        ['an income with three decimals', { monthlyIncome: '12.345' }, undefined],
        ['an income that is a number, not a decimal string', { monthlyIncome: 12.5 }, undefined],
      ];
      for (const [what, overrides, field] of cases) {
        const error = refusal(await http.gql(CREATE_BORROWER, { input: borrowerInput(overrides) }));
        expect(error.code, what).toBe('BAD_USER_INPUT');
        if (field) expect(error.field, what).toBe(field);
      }
      expect(await counts()).toEqual(before);
    });

    it('refuses a second borrower with the same national ID in the institution (CONFLICT) and writes nothing', async () => {
      const input = borrowerInput();
      await http.data(CREATE_BORROWER, { input });
      const before = await counts();
      const again = await http.gql(CREATE_BORROWER, {
        input: {
          ...input,
          phones: [freshPhone()],
          thirdParties: [{ fullName: '丙', relation: 'PARENT', phone: freshPhone() }],
        },
      });
      expect(refusal(again).code).toBe('CONFLICT');
      expect(await counts()).toEqual(before);
    });

    it('refuses the same national ID sent twice at once: one is created, the other is a CONFLICT', async () => {
      const input = borrowerInput({ thirdParties: [] });
      const before = await counts();
      const results = await Promise.all([
        http.gql(CREATE_BORROWER, { input }),
        http.gql(CREATE_BORROWER, { input: { ...input, phones: [freshPhone()] } }),
      ]);
      const codes = results.map((r) => (r.errors ? firstError(r).code : 'OK')).sort();
      expect(codes).toEqual(['CONFLICT', 'OK']);
      expect((await counts()).borrowers).toBe(before.borrowers + 1);
    });

    it('accepts the same person at another institution, created by its own staff', async () => {
      const input = borrowerInput();
      await http.data(CREATE_BORROWER, { input });
      const elsewhere = await otherHttp.gql(CREATE_BORROWER, {
        input: { ...input, institutionId: other.id },
      });
      expect(elsewhere.errors).toBeUndefined();
    });

    it("refuses a borrower in another institution than the supervisor's, and writes nothing", async () => {
      const before = await counts();
      const foreignBefore = await http.read('count KMB borrowers', () =>
        api.orm.em.fork().count(Borrower, { institution: other.id }, { filters: false }),
      );
      const result = await http.gql(CREATE_BORROWER, {
        input: borrowerInput({ institutionId: other.id }),
      });
      expect(['NOT_FOUND', 'FORBIDDEN']).toContain(refusal(result).code);
      expect(await counts()).toEqual(before);
      expect(
        await http.read('count KMB borrowers', () =>
          api.orm.em.fork().count(Borrower, { institution: other.id }, { filters: false }),
        ),
      ).toBe(foreignBefore);
    });
  });

  describe('createCase', () => {
    it('creates a NEW case with exact amounts, and dpd, bucket and stage that follow overdueSince', async () => {
      const borrower = await newBorrower();
      // DPD is 1 on overdueSince: M1 = 1–30, M2 = 31–60 …; stages 1–7 reminder, 8–30 phone, 31–90 visit, 91+ legal.
      const expectations: [number, number, string, string][] = [
        [0, 1, 'M1', 'REMINDER'],
        [-6, 7, 'M1', 'REMINDER'],
        [-7, 8, 'M1', 'PHONE'],
        [-29, 30, 'M1', 'PHONE'],
        [-30, 31, 'M2', 'VISIT'],
        [-44, 45, 'M2', 'VISIT'],
        [-89, 90, 'M3', 'VISIT'],
        [-90, 91, 'M4', 'LEGAL'],
        [-200, 201, 'M6_PLUS', 'LEGAL'],
      ];
      for (const [offset, dpd, bucket, stage] of expectations) {
        const input = caseInput(borrower.id, { overdueSince: shanghaiDate(offset) });
        const { createCase: c } = await http.data<{ createCase: CaseOut }>(CREATE_CASE, { input });
        expect(c, `overdue since ${input.overdueSince}`).toMatchObject({
          loanNumber: input.loanNumber,
          status: 'NEW',
          version: 1,
          overdueSince: input.overdueSince,
          dpd,
          bucket,
          stage,
          principalAmount: '50000.00',
          outstandingAmount: '42000.50',
          overdueAmount: '3000.05',
          borrower: { id: borrower.id },
          assignee: null,
          lastContact: null,
          nextVisit: null,
        });
      }
    });

    it('stores the loan number in upper case, and assigns when asked', async () => {
      const borrower = await newBorrower();
      const collector = member(home.id, 'COLLECTOR');
      const input = caseInput(borrower.id, { assigneeId: collector.id });
      const { createCase: c } = await http.data<{ createCase: CaseOut }>(CREATE_CASE, {
        input: { ...input, loanNumber: input.loanNumber.toLowerCase() },
      });
      expect(c.loanNumber).toBe(input.loanNumber);
      expect(c.assignee).toEqual({ id: collector.id });
    });

    it('refuses what cannot be true, naming the field, and writes nothing', async () => {
      const borrower = await newBorrower();
      const foreign = (
        await otherHttp.data<{ createBorrower: { id: string } }>(CREATE_BORROWER, {
          input: borrowerInput({ institutionId: other.id }),
        })
      ).createBorrower;
      const before = await counts();
      const refusals: [string, Record<string, unknown>, string, string | undefined][] = [
        [
          'overdue more than outstanding',
          { outstandingAmount: '1000.00', overdueAmount: '1000.01' },
          'BAD_USER_INPUT',
          'overdueAmount',
        ],
        [
          'overdue since tomorrow',
          { overdueSince: shanghaiDate(1) },
          'BAD_USER_INPUT',
          'overdueSince',
        ],
        [
          'an amount with three decimals',
          { principalAmount: '100.001' },
          'BAD_USER_INPUT',
          undefined,
        ],
        ['a borrower of another institution', { borrowerId: foreign.id }, 'NOT_FOUND', undefined],
        [
          'an assignee of another institution',
          { assigneeId: member(other.id, 'COLLECTOR').id },
          'NOT_FOUND',
          undefined,
        ],
        [
          'an auditor as assignee',
          { assigneeId: member(home.id, 'AUDITOR').id },
          'BAD_USER_INPUT',
          'assigneeId',
        ],
      ];
      for (const [what, overrides, code, field] of refusals) {
        const error = refusal(
          await http.gql(CREATE_CASE, { input: caseInput(borrower.id, overrides) }),
        );
        expect(error.code, what).toBe(code);
        if (field) expect(error.field, what).toBe(field);
      }
      expect(await counts()).toEqual(before);
    });

    it('refuses a second case for the same loan number with CONFLICT, whatever its letter case', async () => {
      const borrower = await newBorrower();
      const input = caseInput(borrower.id);
      await http.data(CREATE_CASE, { input });
      const before = await counts();
      expect(refusal(await http.gql(CREATE_CASE, { input })).code).toBe('CONFLICT');
      expect(
        refusal(
          await http.gql(CREATE_CASE, {
            input: { ...input, loanNumber: input.loanNumber.toLowerCase() },
          }),
        ).code,
      ).toBe('CONFLICT');
      expect(await counts()).toEqual(before);
    });
  });

  describe('updateCase', () => {
    it('with the version read, saves the change and bumps the version', async () => {
      const c = await newCase();
      const { updateCase: updated } = await http.data<{ updateCase: CaseOut }>(UPDATE_CASE, {
        input: { id: c.id, version: c.version, priority: 77, status: 'IN_PROGRESS' },
      });
      expect(updated).toMatchObject({
        priority: 77,
        status: 'IN_PROGRESS',
        version: c.version + 1,
      });
      const { case: read } = await http.data<{ case: CaseOut }>(GET_CASE, { id: c.id });
      expect(read).toMatchObject({ priority: 77, status: 'IN_PROGRESS', version: c.version + 1 });
    });

    it('with a stale version, is a CONFLICT and changes nothing', async () => {
      const c = await newCase();
      await http.data(UPDATE_CASE, { input: { id: c.id, version: c.version, priority: 10 } });
      const stale = await http.gql(UPDATE_CASE, {
        input: { id: c.id, version: c.version, priority: 90 },
      });
      expect(refusal(stale).code).toBe('CONFLICT');
      const { case: read } = await http.data<{ case: CaseOut }>(GET_CASE, { id: c.id });
      expect(read).toMatchObject({ priority: 10, version: c.version + 1 });
    });

    it('refuses closing without a close reason, naming closeReason, and changes nothing', async () => {
      const c = await newCase();
      const error = refusal(
        await http.gql(UPDATE_CASE, {
          input: { id: c.id, version: c.version, status: 'CLOSED', priority: 50 },
        }),
      );
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'closeReason' });
      const { case: read } = await http.data<{ case: CaseOut }>(GET_CASE, { id: c.id });
      expect(read).toMatchObject({
        status: 'NEW',
        priority: c.priority,
        version: c.version,
        closeReason: null,
      });
    });

    it('two updates sent at once with the same version: one is saved, the other is a CONFLICT', async () => {
      const c = await newCase();
      const results = await Promise.all(
        [20, 80].map((priority) =>
          http.gql<{ updateCase: CaseOut }>(UPDATE_CASE, {
            input: { id: c.id, version: c.version, priority },
          }),
        ),
      );
      const codes = results.map((r) => (r.errors ? firstError(r).code : 'OK')).sort();
      expect(codes).toEqual(['CONFLICT', 'OK']);
      const saved = results.find((r) => !r.errors)!.data!.updateCase;
      const { case: read } = await http.data<{ case: CaseOut }>(GET_CASE, { id: c.id });
      expect(read).toMatchObject({ priority: saved.priority, version: c.version + 1 });
    });

    it('closes with a reason, and a closed case never reopens', async () => {
      const c = await newCase();
      const { updateCase: closed } = await http.data<{ updateCase: CaseOut }>(UPDATE_CASE, {
        input: { id: c.id, version: c.version, status: 'CLOSED', closeReason: 'PAID_IN_FULL' },
      });
      expect(closed).toMatchObject({ status: 'CLOSED', closeReason: 'PAID_IN_FULL' });
      const reopen = await http.gql(UPDATE_CASE, {
        input: { id: c.id, version: closed.version, status: 'IN_PROGRESS' },
      });
      expect(refusal(reopen).code).toBe('CONFLICT');
      const { case: read } = await http.data<{ case: CaseOut }>(GET_CASE, { id: c.id });
      expect(read).toMatchObject({ status: 'CLOSED', version: closed.version });
    });

    it('refuses a status move the state machine does not allow (NEW → PROMISED)', async () => {
      const c = await newCase();
      expect(
        refusal(
          await http.gql(UPDATE_CASE, {
            input: { id: c.id, version: c.version, status: 'PROMISED' },
          }),
        ).code,
      ).toBe('CONFLICT');
    });

    it('a closed case takes no more work: no assignment, contact or visit (CONFLICT)', async () => {
      const c = await newCase();
      await http.data(UPDATE_CASE, {
        input: { id: c.id, version: c.version, status: 'CLOSED', closeReason: 'SETTLED' },
      });
      const [a, b] = [member(home.id, 'COLLECTOR', 0), member(home.id, 'COLLECTOR', 1)];
      const before = await counts();
      const attempts: [string, string, Record<string, unknown>][] = [
        ['assign', ASSIGN_CASE, { caseId: c.id, assigneeId: a.id }],
        [
          'contact',
          LOG_CONTACT,
          { caseId: c.id, channel: 'SMS', result: 'DELIVERED', occurredAt: recentDaytime() },
        ],
        [
          'visit',
          SCHEDULE_VISIT,
          {
            caseId: c.id,
            collectorIds: [a.id, b.id],
            purpose: '面谈',
            windowStart: shanghaiAt(1, 10),
            windowEnd: shanghaiAt(1, 12),
          },
        ],
      ];
      for (const [what, mutation, input] of attempts) {
        expect(refusal(await http.gql(mutation, { input })).code, what).toBe('CONFLICT');
      }
      expect(await counts()).toEqual(before);
    });

    it('of an unknown case is NOT_FOUND', async () => {
      const result = await http.gql(UPDATE_CASE, {
        input: { id: '00000000-0000-7000-8000-000000000000', version: 1, priority: 1 },
      });
      expect(refusal(result).code).toBe('NOT_FOUND');
    });
  });

  describe('assignCase', () => {
    it('assigns to a collector of the same institution, and the assignee filter finds it', async () => {
      const c = await newCase();
      const collector = member(home.id, 'COLLECTOR', 1);
      const { assignCase } = await http.data<{ assignCase: CaseOut }>(ASSIGN_CASE, {
        input: { caseId: c.id, assigneeId: collector.id },
      });
      expect(assignCase.assignee).toEqual({ id: collector.id });
      const { cases } = await http.data<{ cases: { nodes: { id: string }[] } }>(
        'query ($a: ID!) { cases(filter: { assigneeId: $a }, limit: 100) { nodes { id } } }',
        { a: collector.id },
      );
      expect(cases.nodes.map((n) => n.id)).toContain(c.id);
      const { assignCase: unassigned } = await http.data<{ assignCase: CaseOut }>(ASSIGN_CASE, {
        input: { caseId: c.id, assigneeId: null },
      });
      expect(unassigned.assignee).toBeNull();
    });

    it('refuses a user of another institution (NOT_FOUND) and an auditor (BAD_USER_INPUT), keeping the assignee', async () => {
      const collector = member(home.id, 'COLLECTOR');
      const c = await newCase({ assigneeId: collector.id });
      const foreign = await http.gql(ASSIGN_CASE, {
        input: { caseId: c.id, assigneeId: member(other.id, 'COLLECTOR').id },
      });
      expect(refusal(foreign).code).toBe('NOT_FOUND');
      const auditor = await http.gql(ASSIGN_CASE, {
        input: { caseId: c.id, assigneeId: member(home.id, 'AUDITOR').id },
      });
      expect(refusal(auditor)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'assigneeId' });
      const { case: read } = await http.data<{ case: CaseOut }>(GET_CASE, { id: c.id });
      expect(read.assignee).toEqual({ id: collector.id });
    });
  });

  describe('logContact', () => {
    it('logs the contact, starts a NEW case, and becomes its lastContact', async () => {
      const c = await newCase();
      const collector = member(home.id, 'COLLECTOR');
      const occurredAt = recentDaytime();
      const { logContact } = await http.data<{
        logContact: {
          id: string;
          occurredAt: string;
          madeBy: { id: string };
          case: { id: string; status: string };
        };
      }>(LOG_CONTACT, {
        input: {
          caseId: c.id,
          channel: 'PHONE',
          result: 'CONVERSATION',
          outcome: 'PROMISE_TO_PAY',
          attitude: 'COOPERATIVE',
          recordingRef: 'rec-e2e-0001',
          madeById: collector.id,
          occurredAt,
          note: '承诺月底前还款',
        },
      });
      expect(Date.parse(logContact.occurredAt)).toBe(Date.parse(occurredAt));
      expect(logContact.madeBy).toEqual({ id: collector.id });
      expect(logContact.case).toEqual({ id: c.id, status: 'IN_PROGRESS' });
      const { case: read } = await http.data<{ case: CaseOut }>(GET_CASE, { id: c.id });
      expect(read.status).toBe('IN_PROGRESS');
      expect(read.lastContact).toEqual({ id: logContact.id });
      const { contacts } = await http.data<{ contacts: { totalCount: number } }>(
        'query ($id: ID!) { contacts(filter: { caseId: $id }) { totalCount } }',
        { id: c.id },
      );
      expect(contacts.totalCount).toBe(1);
    });

    it('records the signed-in person as its maker when no colleague is named', async () => {
      const c = await newCase();
      const { logContact } = await http.data<{ logContact: { madeBy: { id: string } | null } }>(
        LOG_CONTACT,
        {
          input: { caseId: c.id, channel: 'SMS', result: 'DELIVERED', occurredAt: recentDaytime() },
        },
      );
      expect(logContact.madeBy).toEqual({ id: member(home.id, 'SUPERVISOR').id });
    });

    it('refuses a record that cannot have happened, naming the field, and leaves the case as it was', async () => {
      const c = await newCase();
      const before = await counts();
      const base = { caseId: c.id, occurredAt: recentDaytime() };
      const refusals: [string, Record<string, unknown>, string][] = [
        ['an SMS has no conversation', { channel: 'SMS', result: 'CONVERSATION' }, 'result'],
        [
          'an answered call carries its recording',
          { channel: 'PHONE', result: 'ANSWERED' },
          'recordingRef',
        ],
        [
          'a conversation on the phone too',
          { channel: 'PHONE', result: 'CONVERSATION', recordingRef: '  ' },
          'recordingRef',
        ],
        [
          'a promise needs someone who answered',
          { channel: 'PHONE', result: 'NOT_ANSWERED', outcome: 'PROMISE_TO_PAY' },
          'outcome',
        ],
        [
          'not in the future',
          { channel: 'SMS', result: 'DELIVERED', occurredAt: shanghaiAt(1, 10) },
          'occurredAt',
        ],
      ];
      for (const [what, input, field] of refusals) {
        const error = refusal(await http.gql(LOG_CONTACT, { input: { ...base, ...input } }));
        expect(error, what).toMatchObject({ code: 'BAD_USER_INPUT', field });
      }
      expect(await counts()).toEqual(before);
      const { case: read } = await http.data<{ case: CaseOut }>(GET_CASE, { id: c.id });
      expect(read).toMatchObject({ status: 'NEW', lastContact: null, version: c.version });
    });

    it('on an unknown case is NOT_FOUND', async () => {
      const result = await http.gql(LOG_CONTACT, {
        input: {
          caseId: '00000000-0000-7000-8000-000000000000',
          channel: 'SMS',
          result: 'DELIVERED',
        },
      });
      expect(refusal(result).code).toBe('NOT_FOUND');
    });
  });

  describe('visits', () => {
    const window = () => ({ windowStart: shanghaiAt(1, 10), windowEnd: shanghaiAt(1, 12) });
    const plan = (
      caseId: string,
      collectorIds: string[],
      overrides: Record<string, unknown> = {},
    ) => ({
      caseId,
      collectorIds,
      purpose: '上门核实居住及收入情况，协商还款方案',
      plannedById: member(home.id, 'SUPERVISOR').id,
      ...window(),
      ...overrides,
    });
    const AT_THE_DOOR = {
      latitude: 30.2741,
      longitude: 120.1551,
      idShown: true,
      consentToEnter: true,
    };
    const FULL_RECORD = {
      attitude: 'COOPERATIVE',
      willingness: 'HIGH',
      overdueReason: 'INCOME_LOSS',
      negotiatedResult: '同意月底前一次性还清逾期款项',
      note: '借款人在家，出示工作证后进门面谈',
      followUpDate: shanghaiDate(10),
    };

    it('refuses a visit planned with fewer than two collectors, or with an outsider, or in the past', async () => {
      const c = await newCase();
      const [a, b] = [member(home.id, 'COLLECTOR', 0), member(home.id, 'COLLECTOR', 1)];
      const before = await counts();
      expect(refusal(await http.gql(SCHEDULE_VISIT, { input: plan(c.id, [a.id]) }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'collectorIds',
      });
      expect(
        refusal(await http.gql(SCHEDULE_VISIT, { input: plan(c.id, [a.id, a.id]) })),
      ).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'collectorIds',
      });
      const outsider = await http.gql(SCHEDULE_VISIT, {
        input: plan(c.id, [a.id, member(other.id, 'COLLECTOR').id]),
      });
      expect(['BAD_USER_INPUT', 'NOT_FOUND']).toContain(refusal(outsider).code);
      const auditor = await http.gql(SCHEDULE_VISIT, {
        input: plan(c.id, [a.id, member(home.id, 'AUDITOR').id]),
      });
      expect(refusal(auditor)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'collectorIds' });
      const past = await http.gql(SCHEDULE_VISIT, {
        input: plan(c.id, [a.id, b.id], {
          windowStart: shanghaiAt(-1, 10),
          windowEnd: shanghaiAt(-1, 12),
        }),
      });
      expect(refusal(past)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'windowStart' });
      expect(await counts()).toEqual(before);
      const { case: read } = await http.data<{ case: CaseOut }>(GET_CASE, { id: c.id });
      expect(read.nextVisit).toBeNull();
    });

    it('goes PLANNED → CONFIRMED → CHECKED_IN → COMPLETED, and completing needs the full record', async () => {
      const c = await newCase();
      const [a, b] = [member(home.id, 'COLLECTOR', 0), member(home.id, 'COLLECTOR', 1)];
      const { scheduleVisit: planned } = await http.data<{ scheduleVisit: VisitOut }>(
        SCHEDULE_VISIT,
        { input: plan(c.id, [a.id, b.id]) },
      );
      expect(planned.status).toBe('PLANNED');
      expect(planned.collectors.map((u) => u.id).sort()).toEqual([a.id, b.id].sort());
      expect(planned.address).toContain('建设路1号幸福家园');
      const { case: withVisit } = await http.data<{ case: CaseOut }>(GET_CASE, { id: c.id });
      expect(withVisit.nextVisit).toEqual({ id: planned.id });

      const { confirmVisit } = await http.data<{ confirmVisit: VisitOut }>(CONFIRM_VISIT, {
        input: { visitId: planned.id, confirmedVia: '电话确认', confirmedById: a.id },
      });
      expect(confirmVisit).toMatchObject({ status: 'CONFIRMED', confirmedVia: '电话确认' });
      expect(confirmVisit.confirmedAt).not.toBeNull();

      // At the door a quarter of an hour into tomorrow's window.
      api.setNow(new Date(Date.parse(window().windowStart) + 15 * 60_000));
      try {
        const { checkInVisit } = await http.data<{ checkInVisit: VisitOut }>(CHECK_IN_VISIT, {
          input: { visitId: planned.id, ...AT_THE_DOOR },
        });
        expect(checkInVisit.status).toBe('CHECKED_IN');
        expect(checkInVisit.checkedInAt).not.toBeNull();

        for (const missing of Object.keys(FULL_RECORD)) {
          const partial = Object.fromEntries(
            Object.entries(FULL_RECORD).filter(([k]) => k !== missing),
          );
          const result = await http.gql(RECORD_VISIT, {
            input: { visitId: planned.id, outcome: 'COMPLETED', ...partial },
          });
          expect(refusal(result), `without ${missing}`).toMatchObject({
            code: 'BAD_USER_INPUT',
            field: missing,
          });
        }
        const { visit: stillIn } = await http.data<{ visit: VisitOut }>(
          `query ($id: ID!) { visit(id: $id) { ${VISIT_FIELDS} } }`,
          { id: planned.id },
        );
        expect(stillIn).toMatchObject({
          status: 'CHECKED_IN',
          negotiatedResult: null,
          checkedOutAt: null,
        });

        const { recordVisitOutcome: done } = await http.data<{ recordVisitOutcome: VisitOut }>(
          RECORD_VISIT,
          {
            input: { visitId: planned.id, outcome: 'COMPLETED', ...FULL_RECORD },
          },
        );
        expect(done).toMatchObject({
          status: 'COMPLETED',
          negotiatedResult: FULL_RECORD.negotiatedResult,
          followUpDate: FULL_RECORD.followUpDate,
        });
        expect(done.checkedOutAt).not.toBeNull();
        const { case: after } = await http.data<{ case: CaseOut }>(GET_CASE, { id: c.id });
        expect(after.nextVisit).toBeNull();
      } finally {
        api.setNow(null);
      }
    });

    it('cannot complete a visit straight from PLANNED (CONFLICT) nor check in before the borrower confirmed', async () => {
      const c = await newCase();
      const [a, b] = [member(home.id, 'COLLECTOR', 2), member(home.id, 'COLLECTOR', 3)];
      const { scheduleVisit: planned } = await http.data<{ scheduleVisit: VisitOut }>(
        SCHEDULE_VISIT,
        { input: plan(c.id, [a.id, b.id]) },
      );
      const complete = await http.gql(RECORD_VISIT, {
        input: { visitId: planned.id, outcome: 'COMPLETED', ...FULL_RECORD },
      });
      expect(refusal(complete).code).toBe('CONFLICT');
      expect(
        refusal(await http.gql(CHECK_IN_VISIT, { input: { visitId: planned.id, ...AT_THE_DOOR } }))
          .code,
      ).toBe('CONFLICT');
      const { visit } = await http.data<{ visit: VisitOut }>(
        `query ($id: ID!) { visit(id: $id) { ${VISIT_FIELDS} } }`,
        { id: planned.id },
      );
      expect(visit).toMatchObject({ status: 'PLANNED', checkedInAt: null, negotiatedResult: null });
    });
  });

  describe('borrower feedback', () => {
    /** A seeded case of the home institution with its borrower's real national ID, read from the database. */
    async function seededCase() {
      const { cases } = await http.data<{
        cases: { nodes: { id: string; loanNumber: string; borrower: { id: string } }[] };
      }>(
        'query ($i: ID!) { cases(filter: { institutionId: $i }, first: 1) { nodes { id loanNumber borrower { id } } } }',
        { i: home.id },
      );
      const c = cases.nodes[0]!;
      const borrower = await http.read('read the borrower', () =>
        api.orm.em.fork().findOneOrFail(Borrower, { id: c.borrower.id }, { filters: false }),
      );
      return { ...c, nationalId: borrower.nationalId, phones: borrower.phones };
    }
    const submission = (loanNumber: string, verification: string, institutionCode = home.code) => ({
      institutionCode,
      caseReference: loanNumber,
      verification,
      kind: 'COMPLAINT',
      category: 'CONTACT_AT_NIGHT',
      message: '晚上十点多还接到催收电话，影响家人休息，请核实。',
      rating: 2,
    });

    it('gives a receipt for the right loan and verification, due in 1 business day and 15 days', async () => {
      const c = await seededCase();
      const sent = Date.now();
      const { submitFeedback: receipt } = await publicHttp.data<{ submitFeedback: Receipt }>(
        SUBMIT_FEEDBACK,
        {
          input: submission(c.loanNumber, c.nationalId.slice(-4)),
        },
      );
      expect(receipt.receiptCode).toMatch(/^FB[0-9A-Z]{10}$/);
      expect(receipt.status).toBe('RECEIVED');
      expect(receipt.closedAt).toBeNull();
      const submittedAt = Date.parse(receipt.submittedAt);
      expect(submittedAt).toBeGreaterThanOrEqual(sent - 1000);
      expect(submittedAt).toBeLessThanOrEqual(Date.now() + 1000);
      expect(
        acknowledgeDeadlineProblem(
          new Date(submittedAt),
          new Date(receipt.acknowledgeDueAt),
          chineseStatutoryCalendar(2025, 2026),
        ),
      ).toBeNull();
      expect(Date.parse(receipt.resolveDueAt) - submittedAt).toBe(15 * DAY);

      const { feedbackStatus } = await publicHttp.data<{ feedbackStatus: Receipt }>(
        FEEDBACK_STATUS,
        {
          code: receipt.receiptCode,
        },
      );
      expect(feedbackStatus).toEqual(receipt);
      // The supervisor sees it on the case.
      const { case: withFeedback } = await http.data<{
        case: { feedback: { receiptCode: string; status: string }[] };
      }>('query ($id: ID!) { case(id: $id) { feedback(last: 100) { receiptCode status } } }', {
        id: c.id,
      });
      expect(withFeedback.feedback).toContainEqual({
        receiptCode: receipt.receiptCode,
        status: 'RECEIVED',
      });
    });

    it('accepts the last 4 of a registered mobile, and a loan number or code typed in lower case', async () => {
      const c = await seededCase();
      const result = await publicHttp.gql<{ submitFeedback: Receipt }>(SUBMIT_FEEDBACK, {
        input: submission(
          c.loanNumber.toLowerCase(),
          c.phones[0]!.slice(-4),
          home.code.toLowerCase(),
        ),
      });
      expect(result.errors).toBeUndefined();
      expect(result.data!.submitFeedback.status).toBe('RECEIVED');
    });

    it('refuses a wrong verification, loan or institution with the same NOT_FOUND, and stores nothing', async () => {
      const c = await seededCase();
      const real = [c.nationalId, ...c.phones].map((v) => v.slice(-4));
      const wrong = ['0000', '1111', '2222', '3333'].find((v) => !real.includes(v))!;
      const before = await counts();
      const attempts = [
        submission(c.loanNumber, wrong),
        submission(`${c.loanNumber}9`, c.nationalId.slice(-4)),
        submission(c.loanNumber, c.nationalId.slice(-4), other.code),
      ];
      const messages = new Set<string>();
      for (const input of attempts) {
        const error = refusal(await publicHttp.gql(SUBMIT_FEEDBACK, { input }));
        expect(error.code).toBe('NOT_FOUND');
        messages.add(error.message);
      }
      // The same answer whatever was wrong, so the endpoint does not reveal which loans exist.
      expect(messages.size).toBe(1);
      expect(await counts()).toEqual(before);
    });

    it('an unknown receipt code is NOT_FOUND', async () => {
      expect(refusal(await publicHttp.gql(FEEDBACK_STATUS, { code: 'FB0000000000' })).code).toBe(
        'NOT_FOUND',
      );
    });

    it('moves RECEIVED → ACKNOWLEDGED → INVESTIGATING → RESOLVED, resolving needs a resolution, and RESOLVED is final', async () => {
      const c = await seededCase();
      const { submitFeedback: receipt } = await publicHttp.data<{ submitFeedback: Receipt }>(
        SUBMIT_FEEDBACK,
        {
          input: submission(c.loanNumber, c.nationalId.slice(-4)),
        },
      );
      const { feedback } = await http.data<{
        feedback: { nodes: { id: string; receiptCode: string }[] };
      }>(
        'query ($id: ID!) { feedback(filter: { caseId: $id }, limit: 100) { nodes { id receiptCode } } }',
        { id: c.id },
      );
      const id = feedback.nodes.find((f) => f.receiptCode === receipt.receiptCode)!.id;
      const supervisor = member(home.id, 'SUPERVISOR').id;
      const move = (status: string, resolution?: string) =>
        http.gql<{
          updateFeedbackStatus: {
            status: string;
            resolution: string | null;
            acknowledgedAt: string | null;
            closedAt: string | null;
          };
        }>(UPDATE_FEEDBACK, {
          input: { id, status, handledById: supervisor, ...(resolution ? { resolution } : {}) },
        });
      const statusOf = async () =>
        (
          await publicHttp.data<{ feedbackStatus: Receipt }>(FEEDBACK_STATUS, {
            code: receipt.receiptCode,
          })
        ).feedbackStatus;

      const acknowledged = await move('ACKNOWLEDGED');
      expect(acknowledged.data?.updateFeedbackStatus).toMatchObject({
        status: 'ACKNOWLEDGED',
        closedAt: null,
      });
      expect(acknowledged.data?.updateFeedbackStatus.acknowledgedAt).not.toBeNull();
      expect((await statusOf()).status).toBe('ACKNOWLEDGED');

      expect((await move('INVESTIGATING')).data?.updateFeedbackStatus.status).toBe('INVESTIGATING');
      expect(refusal(await move('RESOLVED'))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'resolution',
      });
      expect((await statusOf()).status).toBe('INVESTIGATING');

      const resolved = await move('RESOLVED', '经核查为外呼系统时区配置错误，已修正并向客户致歉。');
      expect(resolved.data?.updateFeedbackStatus).toMatchObject({
        status: 'RESOLVED',
        resolution: '经核查为外呼系统时区配置错误，已修正并向客户致歉。',
      });
      const closed = await statusOf();
      expect(closed.status).toBe('RESOLVED');
      expect(closed.closedAt).not.toBeNull();

      expect(refusal(await move('INVESTIGATING')).code).toBe('CONFLICT');
      expect((await statusOf()).status).toBe('RESOLVED');
    });
  });
});
