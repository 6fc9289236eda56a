import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHINESE_STATUTORY_YEARS, chineseStatutoryCalendar } from '@arrears/domain';
import type { MikroORM } from '@mikro-orm/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { DEMO_PASSWORD } from '../src/db/seed.js';
import { Case } from '../src/modules/case/case.entity.js';
import { CaseHold } from '../src/modules/hold/case-hold.entity.js';
import { RepaymentPlan } from '../src/modules/plan/repayment-plan.entity.js';
import { Task } from '../src/modules/task/task.entity.js';
import { User } from '../src/modules/user/user.entity.js';
import { Visit } from '../src/modules/visit/visit.entity.js';
import { secretsFrom } from '../src/security/secrets.js';
import { createApiServer, type ApiServer } from '../src/server.js';
import {
  DIALECTS,
  clientOnOwnAddress,
  firstError,
  startTestApi,
  type GraphqlClient,
  type GraphqlResponse,
  type TestApi,
} from './harness.js';
import { DAY, freshNationalId, freshPhone, shanghaiDate } from './fixtures.js';

/**
 * The collection workflow of PRODUCT.md end to end over HTTP: visits by appointment, negotiated
 * plans, payments, the daily strategy run and the worklist, borrower feedback with its service
 * levels, and the institution's collection policy. Every test works on fresh borrowers and cases
 * of PSBC, so the seeded slice never decides an outcome.
 *
 * Time: quiet hours, visit windows, "not in the future" and SLA deadlines are all judged at the
 * request's instant. Beside the harness's API, each dialect runs a second server on the same
 * database whose business clock the test sets (`createApiServer`'s `clock`, "tests move it to
 * reach a boundary without waiting"): a visit is checked in during its window, a promise is taken
 * in the past so that it can break, feedback arrives on a Friday — whatever the time of day the
 * suite runs. Nothing is written to the database behind the API's back.
 */

// ---- time and money, computed here, independently of the API -----------------------------

const SHANGHAI_MS = 8 * 3600_000;

/** The instant of local `hhmm` on `date` in Asia/Shanghai (no daylight saving there). */
function shanghai(date: string, hhmm: string): string {
  return new Date(`${date}T${hhmm}:00+08:00`).toISOString();
}

/** The Asia/Shanghai calendar date of an instant. */
function shanghaiDay(instant: string | number): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant;
  return new Date(ms + SHANGHAI_MS).toISOString().slice(0, 10);
}

function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** The same day `years` later; 29 February becomes 28 February. */
function plusYears(date: string, years: number): string {
  const [y, m, d] = date.split('-') as [string, string, string];
  const shifted = `${Number(y) + years}-${m}-${d}`;
  return new Date(`${shifted}T00:00:00Z`).toISOString().startsWith(shifted)
    ? shifted
    : `${Number(y) + years}-02-28`;
}

function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Fen from an exact decimal string ("1234.50"), without floats. */
function fen(amount: string): number {
  const [whole, cents = ''] = amount.split('.') as [string, string?];
  return Number(whole) * 100 + Number(cents.padEnd(2, '0'));
}

function yuan(amountFen: number): string {
  return `${Math.floor(amountFen / 100)}.${String(amountFen % 100).padStart(2, '0')}`;
}

/** The field an error names, with list indexes as path steps: `installments[1].amount` → `installments.1.amount`. */
function fieldPath(field: unknown): string {
  return String(field).replace(/\[(\d+)\]/g, '.$1');
}

/** The refusal's code and field, after checking the mutation returned no data. */
function refusal(result: GraphqlResponse<unknown>) {
  expect(result.data ?? null).toBeNull();
  return firstError(result);
}

// ---- a second server on the same database, with a business clock the test sets ---------------

const REQUEST_TIMEOUT_MS = 15_000;

/** GraphQL over HTTP to `url`, optionally from a loopback address of its own (rate limits are per address). */
function httpClient(
  url: string,
  headers: Record<string, string> = {},
  localAddress?: string,
): GraphqlClient {
  const { port } = new URL(url);
  const gql = <T>(query: string, variables?: Record<string, unknown>) =>
    new Promise<GraphqlResponse<T>>((resolve, reject) => {
      const body = JSON.stringify({ query, variables });
      const request = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/graphql',
          method: 'POST',
          localAddress,
          timeout: REQUEST_TIMEOUT_MS,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...headers,
          },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => {
            try {
              resolve(JSON.parse(text) as GraphqlResponse<T>);
            } catch {
              reject(new Error(`not JSON (HTTP ${response.statusCode}): ${text}`));
            }
          });
        },
      );
      request.on('timeout', () =>
        request.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)),
      );
      request.on('error', reject);
      request.end(body);
    });
  return {
    gql,
    async data<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
      const result = await gql<T>(query, variables);
      if (result.errors?.length)
        throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
      return result.data as T;
    },
  };
}

interface ClockedApi {
  /** Requests from now on are judged at this instant. */
  set(instant: string): void;
  /** Back to real time. */
  reset(): void;
  as(email: string): Promise<GraphqlClient>;
  /** No credentials, from a loopback address of its own. */
  anonymous(): GraphqlClient;
  close(): Promise<void>;
}

let ownAddress = 100;
async function startClockedApi(orm: MikroORM): Promise<ClockedApi> {
  let now: number | null = null;
  const server: ApiServer = await createApiServer(
    loadConfig({}),
    orm,
    secretsFrom(randomBytes(32)),
    () => new Date(now ?? Date.now()),
  );
  const { url } = await server.listen(0);
  const signedIn = new Map<string, Promise<GraphqlClient>>();
  return {
    set: (instant) => {
      now = Date.parse(instant);
    },
    reset: () => {
      now = null;
    },
    as(email) {
      let found = signedIn.get(email);
      if (!found) {
        found = httpClient(url)
          .data<{ login: { token: string } }>(
            'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
            { email, password: DEMO_PASSWORD },
          )
          .then(({ login }) => httpClient(url, { authorization: `Bearer ${login.token}` }));
        signedIn.set(email, found);
      }
      return found;
    },
    anonymous() {
      ownAddress = ownAddress >= 250 ? 100 : ownAddress + 1;
      return httpClient(url, {}, `127.0.0.${ownAddress}`);
    },
    close: () => server.stop(),
  };
}

// ---- GraphQL documents ------------------------------------------------------------------------

const CREATE_BORROWER =
  'mutation ($input: CreateBorrowerInput!) { createBorrower(input: $input) { id } }';
const CREATE_CASE = 'mutation ($input: CreateCaseInput!) { createCase(input: $input) { id } }';
const INSTALLMENT_FIELDS = 'id sequence dueDate amount paidAmount';
const PLAN_FIELDS = `id kind status hardship totalAmount paidAmount closedAt note installments { ${INSTALLMENT_FIELDS} }`;
const CASE_FIELDS = `id loanNumber status stage dpd priority closeReason outstandingAmount overdueAmount hardshipRequestedAt assignee { id } nextVisit { id } plans { ${PLAN_FIELDS} } holds { id kind reason releasedAt source }`;
const GET_CASE = `query ($id: ID!) { case(id: $id) { ${CASE_FIELDS} } }`;
const CONTACTABILITY =
  'query ($id: ID!) { case(id: $id) { contactability { channel allowed nextAllowedAt reasons { code } } } }';
const ALL_HOLDS =
  'query ($id: ID!) { case(id: $id) { holds(includeReleased: true) { id kind releasedAt releaseNote } } }';
const PRIORITY_SCORE =
  'query ($id: ID!) { case(id: $id) { priority priorityScore { score factors { code points weight explanation } } } }';
const CREATE_PLAN = `mutation ($input: CreateRepaymentPlanInput!) { createRepaymentPlan(input: $input) { ${PLAN_FIELDS} case { id status } } }`;
const CANCEL_PLAN = `mutation ($input: CancelRepaymentPlanInput!) { cancelRepaymentPlan(input: $input) { ${PLAN_FIELDS} } }`;
const PAYMENT_FIELDS =
  'id amount paidAt channel externalRef unallocatedAmount allocations { installmentId amount } plan { id status } case { id status closeReason outstandingAmount }';
const RECORD_PAYMENT = `mutation ($input: RecordPaymentInput!) { recordPayment(input: $input) { ${PAYMENT_FIELDS} } }`;
const PAYMENTS_OF_CASE =
  'query ($id: ID!) { payments(filter: { caseId: $id }, limit: 100) { totalCount nodes { id } } }';
const VISIT_FIELDS =
  'id status address purpose windowStart windowEnd confirmedAt confirmedVia checkedInAt checkInLatitude checkInLongitude idShown consentToEnter checkedOutAt attitude willingness overdueReason negotiatedResult note followUpDate collectors { id } case { id }';
const GET_VISIT = `query ($id: ID!) { visit(id: $id) { ${VISIT_FIELDS} } }`;
const VISITS_OF_CASE =
  'query ($id: ID!) { visits(filter: { caseId: $id }, limit: 100) { totalCount nodes { id status } } }';
const SCHEDULE_VISIT = `mutation ($input: ScheduleVisitInput!) { scheduleVisit(input: $input) { ${VISIT_FIELDS} } }`;
const CONFIRM_VISIT = `mutation ($input: ConfirmVisitInput!) { confirmVisit(input: $input) { ${VISIT_FIELDS} } }`;
const CHECK_IN_VISIT = `mutation ($input: CheckInVisitInput!) { checkInVisit(input: $input) { ${VISIT_FIELDS} } }`;
const RECORD_VISIT = `mutation ($input: RecordVisitOutcomeInput!) { recordVisitOutcome(input: $input) { ${VISIT_FIELDS} } }`;
const CANCEL_VISIT = `mutation ($input: CancelVisitInput!) { cancelVisit(input: $input) { ${VISIT_FIELDS} } }`;
const RESCHEDULE_VISIT = `mutation ($input: RescheduleVisitInput!) { rescheduleVisit(input: $input) { ${VISIT_FIELDS} } }`;
const RUN_DAILY_CYCLE =
  'mutation ($at: DateTime) { runDailyCycle(at: $at) { at institutions casesExamined stagesRaised prioritiesChanged plansKept plansBroken tasksCreated } }';
const TASKS_OF_CASE =
  'query ($id: ID!) { tasks(filter: { caseId: $id }, limit: 100) { totalCount nodes { id kind status dueDate note assignee { id } case { id } } } }';
const WORKLIST =
  'query ($limit: Int, $offset: Int!) { myWorklist(limit: $limit, offset: $offset) { totalCount nodes { case { id status stage assignee { id } } priority { score factors { code points } } nextAction { kind allowed at reasons { code } } } } }';
const RECEIPT_FIELDS = 'receiptCode status submittedAt acknowledgeDueAt resolveDueAt closedAt';
const SUBMIT_FEEDBACK = `mutation ($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { ${RECEIPT_FIELDS} } }`;
const FEEDBACK_OF_CASE =
  'query ($id: ID!, $overdue: Boolean) { feedback(filter: { caseId: $id, overdue: $overdue }, limit: 100) { totalCount nodes { id receiptCode status } } }';
const UPDATE_FEEDBACK =
  'mutation ($input: UpdateFeedbackStatusInput!) { updateFeedbackStatus(input: $input) { id status } }';
const NUMBERS =
  'quietHoursStart quietHoursEnd maxUnansweredDialsPerNumberPerDay maxConversationsPerBorrowerPerDay maxCallAttemptsPerRollingDays { attempts days } noCallAfterConversationDays thirdPartyUnreachableAfterFailedAttempts recordRetentionYears visitMinCollectors hardshipPlanMaxYears';
const POLICY_FIELDS = `rulePack version holidayCalendar numbers { ${NUMBERS} } overrides { ${NUMBERS} } escalationLadder { fromDpd stage }`;
const INSTITUTION_POLICIES = `{ institutions(limit: 100) { nodes { id code collectionPolicy { ${POLICY_FIELDS} } } } }`;
const UPDATE_POLICY = `mutation ($input: UpdateCollectionPolicyInput!) { updateCollectionPolicy(input: $input) { id code collectionPolicy { ${POLICY_FIELDS} } } }`;

// ---- shapes read back -------------------------------------------------------------------------

interface InstallmentOut {
  id: string;
  sequence: number;
  dueDate: string;
  amount: string;
  paidAmount: string;
}
interface PlanOut {
  id: string;
  kind: string;
  status: string;
  hardship: boolean;
  totalAmount: string;
  paidAmount: string;
  closedAt: string | null;
  note: string | null;
  installments: InstallmentOut[];
  case?: { id: string; status: string };
}
interface HoldOut {
  id: string;
  kind: string;
  reason: string;
  releasedAt: string | null;
  releaseNote?: string | null;
  source?: string;
}
interface CaseOut {
  id: string;
  loanNumber: string;
  status: string;
  stage: string;
  dpd: number;
  priority: number;
  closeReason: string | null;
  outstandingAmount: string;
  overdueAmount: string;
  hardshipRequestedAt: string | null;
  assignee: { id: string } | null;
  nextVisit: { id: string } | null;
  plans: PlanOut[];
  holds: HoldOut[];
}
interface Contactability {
  channel: string;
  allowed: boolean;
  nextAllowedAt: string | null;
  reasons: { code: string }[];
}
interface PaymentOut {
  id: string;
  amount: string;
  paidAt: string;
  externalRef: string;
  unallocatedAmount: string;
  allocations: { installmentId: string; amount: string }[];
  plan: { id: string; status: string } | null;
  case: { id: string; status: string; closeReason: string | null; outstandingAmount: string };
}
interface VisitOut {
  id: string;
  status: string;
  address: string;
  purpose: string;
  windowStart: string;
  windowEnd: string;
  confirmedAt: string | null;
  confirmedVia: string | null;
  checkedInAt: string | null;
  checkInLatitude: number | null;
  checkInLongitude: number | null;
  idShown: boolean | null;
  consentToEnter: boolean | null;
  checkedOutAt: string | null;
  attitude: string | null;
  willingness: string | null;
  overdueReason: string | null;
  negotiatedResult: string | null;
  note: string | null;
  followUpDate: string | null;
  collectors: { id: string }[];
  case: { id: string };
}
interface CycleReport {
  at: string;
  institutions: number;
  casesExamined: number;
  stagesRaised: number;
  prioritiesChanged: number;
  plansKept: number;
  plansBroken: number;
  tasksCreated: number;
}
interface TaskOut {
  id: string;
  kind: string;
  status: string;
  dueDate: string;
  note: string;
  assignee: { id: string } | null;
  case: { id: string };
}
interface WorklistItem {
  case: { id: string; status: string; stage: string; assignee: { id: string } | null };
  priority: { score: number; factors: { code: string; points: number }[] };
  nextAction: { kind: string; allowed: boolean; at: string | null; reasons: { code: string }[] };
}
interface Receipt {
  receiptCode: string;
  status: string;
  submittedAt: string;
  acknowledgeDueAt: string;
  resolveDueAt: string;
  closedAt: string | null;
}
interface Numbers {
  quietHoursStart: string | null;
  quietHoursEnd: string | null;
  maxUnansweredDialsPerNumberPerDay: number | null;
  maxConversationsPerBorrowerPerDay: number | null;
  maxCallAttemptsPerRollingDays: { attempts: number; days: number } | null;
  noCallAfterConversationDays: number | null;
  thirdPartyUnreachableAfterFailedAttempts: number | null;
  recordRetentionYears: number | null;
  visitMinCollectors: number | null;
  hardshipPlanMaxYears: number | null;
}
interface PolicyOut {
  rulePack: string;
  version: string;
  holidayCalendar: boolean;
  numbers: Numbers;
  overrides: Numbers;
  escalationLadder: { fromDpd: number; stage: string }[];
}

/** The CN default pack of PRODUCT.md ("Rules the system enforces"). */
const CN_NUMBERS: Numbers = {
  quietHoursStart: '22:00',
  quietHoursEnd: '08:00',
  maxUnansweredDialsPerNumberPerDay: 6,
  maxConversationsPerBorrowerPerDay: 3,
  maxCallAttemptsPerRollingDays: null,
  noCallAfterConversationDays: null,
  thirdPartyUnreachableAfterFailedAttempts: 3,
  recordRetentionYears: 5,
  visitMinCollectors: 2,
  hardshipPlanMaxYears: 5,
};
const NO_OVERRIDES: Numbers = {
  quietHoursStart: null,
  quietHoursEnd: null,
  maxUnansweredDialsPerNumberPerDay: null,
  maxConversationsPerBorrowerPerDay: null,
  maxCallAttemptsPerRollingDays: null,
  noCallAfterConversationDays: null,
  thirdPartyUnreachableAfterFailedAttempts: null,
  recordRetentionYears: null,
  visitMinCollectors: null,
  hardshipPlanMaxYears: null,
};
/** PRODUCT.md: DPD 1–7 reminder, 8–30 phone, 31–90 visit eligible, 90+ legal review. */
const DEFAULT_LADDER = [
  { fromDpd: 1, stage: 'REMINDER' },
  { fromDpd: 8, stage: 'PHONE' },
  { fromDpd: 31, stage: 'VISIT' },
  { fromDpd: 91, stage: 'LEGAL' },
];
const STAGE_ACTION: Record<string, string> = {
  REMINDER: 'SMS',
  PHONE: 'PHONE',
  VISIT: 'VISIT',
  LEGAL: 'LEGAL_REVIEW',
};
const PRIORITY_FACTORS = ['AMOUNT', 'DPD', 'RISK', 'BROKEN_PROMISES', 'CONTACT_RECENCY'];

const FULL_RECORD = {
  attitude: 'COOPERATIVE',
  willingness: 'HIGH',
  overdueReason: 'INCOME_LOSS',
  negotiatedResult: '同意五日内还款五千元',
  note: '两名催收员出示工作证，借款人同意在门口面谈',
};

describe.each(DIALECTS)('collection workflow on %s', (dialect) => {
  let api: TestApi;
  /** The harness's default client: a PSBC supervisor. */
  let supervisor: GraphqlClient;
  let admin: GraphqlClient;
  let clocked: ClockedApi;
  let home: { id: string; code: string };
  let other: { id: string; code: string };
  let staff: { id: string; role: string; institutionId: string }[];

  const member = (institutionId: string, role: string, n = 0) =>
    staff.filter((u) => u.institutionId === institutionId && u.role === role)[n]!;
  const idOf = async (client: GraphqlClient) =>
    (await client.data<{ me: { id: string } }>('{ me { id } }')).me.id;

  let loanSerial = 0;
  /** A fresh borrower and case in PSBC (created now, through the harness's API). */
  const newCase = async (
    overrides: Record<string, unknown> = {},
  ): Promise<CaseOut & { nationalId: string }> => {
    const nationalId = freshNationalId();
    const { createBorrower: borrower } = await supervisor.data<{ createBorrower: { id: string } }>(
      CREATE_BORROWER,
      {
        input: {
          institutionId: home.id,
          fullName: '流程测试',
          nationalId,
          phones: [freshPhone()],
          address: {
            province: '云南省',
            city: '昆明市',
            district: '五华区',
            detail: '人民路8号锦绣小区3栋2单元502室',
          },
        },
      },
    );
    loanSerial += 1;
    const { createCase } = await supervisor.data<{ createCase: { id: string } }>(CREATE_CASE, {
      input: {
        institutionId: home.id,
        borrowerId: borrower.id,
        loanNumber: `WF-${dialect.slice(0, 2).toUpperCase()}-${Date.now()}-${String(loanSerial).padStart(4, '0')}`,
        product: 'CREDIT_LOAN',
        principalAmount: '50000.00',
        outstandingAmount: '42000.50',
        overdueAmount: '3000.05',
        overdueSince: shanghaiDate(-44),
        ...overrides,
      },
    });
    return { ...(await readCase(createCase.id)), nationalId };
  };
  const readCase = async (id: string, client: GraphqlClient = supervisor) =>
    (await client.data<{ case: CaseOut }>(GET_CASE, { id })).case;

  beforeAll(async () => {
    api = await startTestApi(dialect, { seedScale: 0.02 });
    supervisor = api;
    admin = await api.as('admin@psbc.demo');
    clocked = await startClockedApi(api.orm);
    const users = await api.orm.em
      .fork()
      .find(User, {}, { filters: false, populate: ['institution'] });
    staff = users.map((u) => ({ id: u.id, role: u.role, institutionId: u.institution.id }));
    const codes = new Map(users.map((u) => [u.institution.getEntity().code, u.institution.id]));
    home = { id: codes.get('PSBC')!, code: 'PSBC' };
    other = { id: codes.get('KMB')!, code: 'KMB' };
  });
  afterEach(() => clocked?.reset());
  afterAll(async () => {
    await clocked?.close();
    await api?.close();
  });

  // ---- 1. visits ------------------------------------------------------------------------------

  describe('visits (上门催收)', () => {
    /** A day in the past that the clocked server relives, so check-in can fall inside a window. */
    const D = shanghaiDate(-2);
    const visitInput = (caseId: string, collectorIds: string[], start: string, end: string) => ({
      caseId,
      collectorIds,
      purpose: '上门核实收入情况，协商还款方案',
      windowStart: start,
      windowEnd: end,
    });
    const checkIn = (visitId: string, overrides: Record<string, unknown> = {}) => ({
      visitId,
      latitude: 25.0406,
      longitude: 102.7122,
      idShown: true,
      consentToEnter: false,
      ...overrides,
    });
    const pair = () => [member(home.id, 'COLLECTOR', 0).id, member(home.id, 'COLLECTOR', 1).id];

    it('needs at least two collectors of the case institution, a future window and no quiet hours; a refusal writes nothing', async () => {
      const c = await newCase();
      const [a, b] = pair() as [string, string];
      const tomorrow = shanghaiDate(1);
      const ok = [shanghai(tomorrow, '10:00'), shanghai(tomorrow, '12:00')] as const;
      const refusals: [string, Record<string, unknown>, string, string | undefined][] = [
        ['one collector', visitInput(c.id, [a], ...ok), 'BAD_USER_INPUT', 'collectorIds'],
        [
          'the same collector twice',
          visitInput(c.id, [a, a], ...ok),
          'BAD_USER_INPUT',
          'collectorIds',
        ],
        [
          'a collector of another bank',
          visitInput(c.id, [a, member(other.id, 'COLLECTOR').id], ...ok),
          'BAD_USER_INPUT',
          'collectorIds',
        ],
        [
          'a supervisor is not a collector',
          visitInput(c.id, [a, member(home.id, 'SUPERVISOR').id], ...ok),
          'BAD_USER_INPUT',
          'collectorIds',
        ],
        [
          'a window in the past',
          visitInput(
            c.id,
            [a, b],
            shanghai(shanghaiDate(-1), '10:00'),
            shanghai(shanghaiDate(-1), '12:00'),
          ),
          'BAD_USER_INPUT',
          'windowStart',
        ],
        [
          'a window that ends before it starts',
          visitInput(c.id, [a, b], ok[1], ok[0]),
          'BAD_USER_INPUT',
          'windowEnd',
        ],
        [
          'a window in the early morning quiet hours',
          visitInput(c.id, [a, b], shanghai(tomorrow, '06:30'), shanghai(tomorrow, '07:30')),
          'POLICY_VIOLATION',
          undefined,
        ],
        [
          'a window that runs past 22:00',
          visitInput(c.id, [a, b], shanghai(tomorrow, '21:00'), shanghai(tomorrow, '22:30')),
          'POLICY_VIOLATION',
          undefined,
        ],
      ];
      for (const [what, input, code, field] of refusals) {
        const result = await supervisor.gql(SCHEDULE_VISIT, { input });
        const error = refusal(result);
        expect(error.code, what).toBe(code);
        if (field) expect(error.field, what).toBe(field);
        if (code === 'POLICY_VIOLATION') {
          const rules = (result.errors![0]!.extensions?.rules ?? []) as { code: string }[];
          expect(
            rules.map((r) => r.code),
            what,
          ).toContain('QUIET_HOURS');
        }
      }
      const { visits } = await supervisor.data<{ visits: { totalCount: number } }>(VISITS_OF_CASE, {
        id: c.id,
      });
      expect(visits.totalCount).toBe(0);
      expect((await readCase(c.id)).nextVisit).toBeNull();
    });

    it('goes PLANNED → CONFIRMED → CHECKED_IN → COMPLETED by appointment, with the check-in and the full record, and the negotiated promise shows on the case', async () => {
      const c = await newCase();
      const [a, b] = pair() as [string, string];
      const sup = await clocked.as('supervisor@psbc.demo');
      const at = (hhmm: string) => shanghai(D, hhmm);
      clocked.set(at('09:00'));
      const { scheduleVisit: planned } = await sup.data<{ scheduleVisit: VisitOut }>(
        SCHEDULE_VISIT,
        { input: visitInput(c.id, [a, b], at('10:00'), at('12:00')) },
      );
      expect(planned).toMatchObject({
        status: 'PLANNED',
        windowStart: at('10:00'),
        windowEnd: at('12:00'),
        confirmedAt: null,
        checkedInAt: null,
      });
      expect(planned.collectors.map((u) => u.id).sort()).toEqual([a, b].sort());
      expect(planned.address).toBe('云南省昆明市五华区人民路8号锦绣小区3栋2单元502室');

      // Nothing happens at the door before the borrower agreed to the appointment.
      expect(
        refusal(await sup.gql(CHECK_IN_VISIT, { input: checkIn(planned.id) })).code,
        'check-in while PLANNED',
      ).toBe('CONFLICT');
      for (const outcome of ['COMPLETED', 'NO_SHOW']) {
        const result = await sup.gql(RECORD_VISIT, {
          input: { visitId: planned.id, outcome, ...FULL_RECORD, followUpDate: plusDays(D, 7) },
        });
        expect(refusal(result).code, `${outcome} while PLANNED`).toBe('CONFLICT');
      }

      // The appointment (预约上门): how it was agreed, by whom, when.
      const { confirmVisit: confirmed } = await sup.data<{ confirmVisit: VisitOut }>(
        CONFIRM_VISIT,
        { input: { visitId: planned.id, confirmedVia: '电话确认', confirmedById: a } },
      );
      expect(confirmed).toMatchObject({
        status: 'CONFIRMED',
        confirmedVia: '电话确认',
        confirmedAt: at('09:00'),
      });
      // The schema has no field for who confirmed; it is stored.
      const stored = await api.orm.em
        .fork()
        .findOneOrFail(Visit, { id: planned.id }, { filters: false });
      expect(stored.confirmedBy?.id).toBe(a);
      expect(
        refusal(
          await sup.gql(CONFIRM_VISIT, {
            input: { visitId: planned.id, confirmedVia: '短信回复' },
          }),
        ).code,
        'confirming twice',
      ).toBe('CONFLICT');
      expect(
        refusal(
          await sup.gql(RECORD_VISIT, {
            input: {
              visitId: planned.id,
              outcome: 'COMPLETED',
              ...FULL_RECORD,
              followUpDate: plusDays(D, 7),
            },
          }),
        ).code,
        'COMPLETED without a check-in',
      ).toBe('CONFLICT');

      // Check-in: not long before the window, not without ID, not in the future, on the map.
      expect(refusal(await sup.gql(CHECK_IN_VISIT, { input: checkIn(planned.id) }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'at',
      });
      clocked.set(at('10:30'));
      expect(
        refusal(await sup.gql(CHECK_IN_VISIT, { input: checkIn(planned.id, { idShown: false }) })),
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idShown' });
      expect(
        refusal(await sup.gql(CHECK_IN_VISIT, { input: checkIn(planned.id, { at: at('10:45') }) })),
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'at' });
      expect(
        refusal(await sup.gql(CHECK_IN_VISIT, { input: checkIn(planned.id, { latitude: 95 }) })),
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'latitude' });
      expect(
        (await sup.data<{ visit: VisitOut }>(GET_VISIT, { id: planned.id })).visit,
      ).toMatchObject({ status: 'CONFIRMED', checkedInAt: null });

      const { checkInVisit: inside } = await sup.data<{ checkInVisit: VisitOut }>(CHECK_IN_VISIT, {
        input: checkIn(planned.id),
      });
      expect(inside).toMatchObject({
        status: 'CHECKED_IN',
        checkedInAt: at('10:30'),
        checkInLatitude: 25.0406,
        checkInLongitude: 102.7122,
        idShown: true,
        consentToEnter: false,
      });
      expect(
        refusal(await sup.gql(CHECK_IN_VISIT, { input: checkIn(planned.id) })).code,
        'checking in twice',
      ).toBe('CONFLICT');

      // COMPLETED needs the whole record (记录与反馈).
      clocked.set(at('11:40'));
      const record = { ...FULL_RECORD, followUpDate: plusDays(D, 7) };
      for (const missing of Object.keys(record)) {
        const partial = Object.fromEntries(Object.entries(record).filter(([k]) => k !== missing));
        const result = await sup.gql(RECORD_VISIT, {
          input: { visitId: planned.id, outcome: 'COMPLETED', ...partial },
        });
        expect(refusal(result), `without ${missing}`).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: missing,
        });
      }
      // A plan that cannot be taken refuses the whole outcome: the visit stays checked in.
      const tooLate = await sup.gql(RECORD_VISIT, {
        input: {
          visitId: planned.id,
          outcome: 'COMPLETED',
          ...record,
          plan: {
            kind: 'PROMISE',
            total: '5000.00',
            installments: [{ dueDate: plusDays(D, 31), amount: '5000.00' }],
          },
        },
      });
      const tooLateError = refusal(tooLate);
      expect(tooLateError.code).toBe('BAD_USER_INPUT');
      expect(fieldPath(tooLateError.field)).toBe('plan.installments.0.dueDate');
      expect(
        (await sup.data<{ visit: VisitOut }>(GET_VISIT, { id: planned.id })).visit,
      ).toMatchObject({ status: 'CHECKED_IN', negotiatedResult: null, checkedOutAt: null });
      expect((await readCase(c.id)).plans).toEqual([]);

      const { recordVisitOutcome: done } = await sup.data<{ recordVisitOutcome: VisitOut }>(
        RECORD_VISIT,
        {
          input: {
            visitId: planned.id,
            outcome: 'COMPLETED',
            ...record,
            plan: {
              kind: 'PROMISE',
              total: '5000.00',
              installments: [{ dueDate: plusDays(D, 5), amount: '5000.00' }],
              note: '上门协商达成',
            },
          },
        },
      );
      expect(done).toMatchObject({
        status: 'COMPLETED',
        ...record,
        checkedInAt: at('10:30'),
        checkedOutAt: at('11:40'),
      });
      const after = await readCase(c.id);
      expect(after.status).toBe('PROMISED');
      expect(after.plans).toHaveLength(1);
      expect(after.plans[0]).toMatchObject({
        kind: 'PROMISE',
        status: 'ACTIVE',
        hardship: false,
        totalAmount: '5000.00',
        paidAmount: '0.00',
        installments: [
          { sequence: 1, dueDate: plusDays(D, 5), amount: '5000.00', paidAmount: '0.00' },
        ],
      });

      // COMPLETED is final.
      expect(
        refusal(await sup.gql(CANCEL_VISIT, { input: { visitId: planned.id, reason: '取消' } }))
          .code,
      ).toBe('CONFLICT');
      expect(
        refusal(
          await sup.gql(RESCHEDULE_VISIT, {
            input: {
              visitId: planned.id,
              windowStart: at('14:00'),
              windowEnd: at('15:00'),
            },
          }),
        ).code,
      ).toBe('CONFLICT');
    });

    it('refuses a check-in outside the window, but takes one recorded afterwards at a time inside it', async () => {
      const c = await newCase();
      const sup = await clocked.as('supervisor@psbc.demo');
      const at = (hhmm: string) => shanghai(D, hhmm);
      clocked.set(at('09:00'));
      const { scheduleVisit: v } = await sup.data<{ scheduleVisit: VisitOut }>(SCHEDULE_VISIT, {
        input: visitInput(c.id, pair(), at('14:00'), at('16:00')),
      });
      await sup.data(CONFIRM_VISIT, { input: { visitId: v.id, confirmedVia: '短信回复' } });

      clocked.set(at('12:00'));
      expect(refusal(await sup.gql(CHECK_IN_VISIT, { input: checkIn(v.id) }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'at',
      });
      clocked.set(at('16:30'));
      expect(refusal(await sup.gql(CHECK_IN_VISIT, { input: checkIn(v.id) }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'at',
      });
      expect(
        refusal(await sup.gql(CHECK_IN_VISIT, { input: checkIn(v.id, { at: at('16:01') }) })),
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'at' });
      const { checkInVisit } = await sup.data<{ checkInVisit: VisitOut }>(CHECK_IN_VISIT, {
        input: checkIn(v.id, { at: at('14:10'), consentToEnter: true }),
      });
      expect(checkInVisit).toMatchObject({
        status: 'CHECKED_IN',
        checkedInAt: at('14:10'),
        consentToEnter: true,
      });
      // Leaving before arriving is not a record.
      const backwards = await sup.gql(RECORD_VISIT, {
        input: {
          visitId: v.id,
          outcome: 'COMPLETED',
          ...FULL_RECORD,
          followUpDate: plusDays(D, 3),
          checkedOutAt: at('14:00'),
        },
      });
      expect(refusal(backwards)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'checkedOutAt' });
    });

    it('a dispute put on hold after the appointment stops the collectors at the door (POLICY_VIOLATION HOLD_DISPUTE)', async () => {
      const c = await newCase();
      const sup = await clocked.as('supervisor@psbc.demo');
      const at = (hhmm: string) => shanghai(D, hhmm);
      clocked.set(at('09:00'));
      const { scheduleVisit: v } = await sup.data<{ scheduleVisit: VisitOut }>(SCHEDULE_VISIT, {
        input: visitInput(c.id, pair(), at('10:00'), at('12:00')),
      });
      await sup.data(CONFIRM_VISIT, { input: { visitId: v.id, confirmedVia: '电话确认' } });
      clocked.set(at('09:30'));
      await sup.data('mutation ($input: PlaceHoldInput!) { placeHold(input: $input) { id } }', {
        input: { caseId: c.id, kind: 'DISPUTE', reason: '借款人来电称金额有误' },
      });
      clocked.set(at('10:30'));
      const result = await sup.gql(CHECK_IN_VISIT, { input: checkIn(v.id) });
      expect(refusal(result).code).toBe('POLICY_VIOLATION');
      const rules = (result.errors![0]!.extensions?.rules ?? []) as { code: string }[];
      expect(rules.map((r) => r.code)).toContain('HOLD_DISPUTE');
      expect((await sup.data<{ visit: VisitOut }>(GET_VISIT, { id: v.id })).visit).toMatchObject({
        status: 'CONFIRMED',
        checkedInAt: null,
      });
    });

    it('refuses to confirm an appointment once its window has started (CONFLICT); it can be rescheduled instead', async () => {
      const c = await newCase();
      const sup = await clocked.as('supervisor@psbc.demo');
      const at = (hhmm: string) => shanghai(D, hhmm);
      clocked.set(at('09:00'));
      const { scheduleVisit: v } = await sup.data<{ scheduleVisit: VisitOut }>(SCHEDULE_VISIT, {
        input: visitInput(c.id, pair(), at('10:00'), at('12:00')),
      });
      clocked.set(at('10:05'));
      expect(
        refusal(
          await sup.gql(CONFIRM_VISIT, { input: { visitId: v.id, confirmedVia: '电话确认' } }),
        ).code,
      ).toBe('CONFLICT');
      expect((await sup.data<{ visit: VisitOut }>(GET_VISIT, { id: v.id })).visit).toMatchObject({
        status: 'PLANNED',
        confirmedAt: null,
        confirmedVia: null,
      });
      const { rescheduleVisit: next } = await sup.data<{ rescheduleVisit: VisitOut }>(
        RESCHEDULE_VISIT,
        { input: { visitId: v.id, windowStart: at('15:00'), windowEnd: at('17:00') } },
      );
      expect(next).toMatchObject({ status: 'PLANNED', windowStart: at('15:00') });
      const { confirmVisit } = await sup.data<{ confirmVisit: VisitOut }>(CONFIRM_VISIT, {
        input: { visitId: next.id, confirmedVia: '电话确认' },
      });
      expect(confirmVisit.status).toBe('CONFIRMED');
    });

    it('a confirmed visit nobody opened is a NO_SHOW, which negotiates nothing and is final', async () => {
      const c = await newCase();
      const sup = await clocked.as('supervisor@psbc.demo');
      const at = (hhmm: string) => shanghai(D, hhmm);
      clocked.set(at('09:00'));
      const { scheduleVisit: v } = await sup.data<{ scheduleVisit: VisitOut }>(SCHEDULE_VISIT, {
        input: visitInput(c.id, pair(), at('10:00'), at('11:00')),
      });
      await sup.data(CONFIRM_VISIT, { input: { visitId: v.id, confirmedVia: '电话确认' } });
      clocked.set(at('11:30'));
      const withPlan = await sup.gql(RECORD_VISIT, {
        input: {
          visitId: v.id,
          outcome: 'NO_SHOW',
          note: '无人应门',
          plan: {
            kind: 'PROMISE',
            total: '100.00',
            installments: [{ dueDate: plusDays(D, 3), amount: '100.00' }],
          },
        },
      });
      expect(refusal(withPlan)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'plan' });
      const { recordVisitOutcome } = await sup.data<{ recordVisitOutcome: VisitOut }>(
        RECORD_VISIT,
        { input: { visitId: v.id, outcome: 'NO_SHOW', note: '无人应门' } },
      );
      expect(recordVisitOutcome).toMatchObject({ status: 'NO_SHOW', note: '无人应门' });
      expect(refusal(await sup.gql(CHECK_IN_VISIT, { input: checkIn(v.id) })).code).toBe(
        'CONFLICT',
      );
      expect((await readCase(c.id)).plans).toEqual([]);
    });

    it('rescheduling leaves the old visit RESCHEDULED and plans a new one with the same collectors; cancelling ends it', async () => {
      const c = await newCase();
      const [a, b] = pair() as [string, string];
      const [d1, d2] = [shanghaiDate(1), shanghaiDate(2)];
      const { scheduleVisit: first } = await supervisor.data<{ scheduleVisit: VisitOut }>(
        SCHEDULE_VISIT,
        {
          input: {
            ...visitInput(c.id, [a, b], shanghai(d1, '10:00'), shanghai(d1, '12:00')),
            address: '云南省昆明市五华区人民路8号锦绣小区门口',
          },
        },
      );
      await supervisor.data(CONFIRM_VISIT, {
        input: { visitId: first.id, confirmedVia: '电话确认' },
      });
      const { rescheduleVisit: second } = await supervisor.data<{ rescheduleVisit: VisitOut }>(
        RESCHEDULE_VISIT,
        {
          input: {
            visitId: first.id,
            windowStart: shanghai(d2, '14:00'),
            windowEnd: shanghai(d2, '16:00'),
          },
        },
      );
      expect(second.id).not.toBe(first.id);
      expect(second).toMatchObject({
        status: 'PLANNED',
        windowStart: shanghai(d2, '14:00'),
        windowEnd: shanghai(d2, '16:00'),
        address: first.address,
        purpose: first.purpose,
        // A new appointment is agreed anew.
        confirmedAt: null,
        case: { id: c.id },
      });
      expect(second.collectors.map((u) => u.id).sort()).toEqual([a, b].sort());
      const { visit: old } = await supervisor.data<{ visit: VisitOut }>(GET_VISIT, {
        id: first.id,
      });
      expect(old).toMatchObject({ status: 'RESCHEDULED', windowStart: shanghai(d1, '10:00') });
      expect((await readCase(c.id)).nextVisit).toEqual({ id: second.id });

      // A rescheduled visit is final; a bad new window refuses and changes nothing.
      const again = await supervisor.gql(RESCHEDULE_VISIT, {
        input: {
          visitId: first.id,
          windowStart: shanghai(d2, '10:00'),
          windowEnd: shanghai(d2, '11:00'),
        },
      });
      expect(refusal(again).code).toBe('CONFLICT');
      const past = await supervisor.gql(RESCHEDULE_VISIT, {
        input: {
          visitId: second.id,
          windowStart: shanghai(shanghaiDate(-1), '10:00'),
          windowEnd: shanghai(shanghaiDate(-1), '11:00'),
        },
      });
      expect(refusal(past)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'windowStart' });
      const { visits } = await supervisor.data<{
        visits: { totalCount: number; nodes: { id: string; status: string }[] };
      }>(VISITS_OF_CASE, { id: c.id });
      expect(visits.totalCount).toBe(2);
      expect(visits.nodes.find((v) => v.id === second.id)?.status).toBe('PLANNED');

      expect(
        refusal(await supervisor.gql(CANCEL_VISIT, { input: { visitId: second.id, reason: ' ' } })),
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
      const { cancelVisit } = await supervisor.data<{ cancelVisit: VisitOut }>(CANCEL_VISIT, {
        input: { visitId: second.id, reason: '借款人已到网点面谈' },
      });
      expect(cancelVisit).toMatchObject({ status: 'CANCELLED', note: '借款人已到网点面谈' });
      expect((await readCase(c.id)).nextVisit).toBeNull();
      expect(
        refusal(
          await supervisor.gql(CANCEL_VISIT, { input: { visitId: second.id, reason: '再次' } }),
        ).code,
      ).toBe('CONFLICT');
      expect(
        refusal(
          await supervisor.gql(CONFIRM_VISIT, {
            input: { visitId: second.id, confirmedVia: '电话确认' },
          }),
        ).code,
      ).toBe('CONFLICT');
    });
  });

  // ---- 2. repayment plans -----------------------------------------------------------------------

  describe('repayment plans', () => {
    const today = () => shanghaiDate(0);
    const terms = (
      caseId: string,
      kind: string,
      schedule: [string, string][],
      extra: Record<string, unknown> = {},
    ) => ({
      caseId,
      kind,
      total: yuan(schedule.reduce((sum, [, amount]) => sum + fen(amount), 0)),
      installments: schedule.map(([dueDate, amount]) => ({ dueDate, amount })),
      ...extra,
    });

    it('takes a PROMISE, an INSTALLMENT plan and an EXTENSION whose amounts add up to the total; the case shows it and is PROMISED', async () => {
      const cases: [string, [string, string][]][] = [
        ['PROMISE', [[shanghaiDate(10), '3000.05']]],
        [
          'INSTALLMENT',
          [
            [shanghaiDate(7), '1000.00'],
            [shanghaiDate(37), '1000.00'],
            [shanghaiDate(67), '1000.50'],
          ],
        ],
        ['EXTENSION', [[shanghaiDate(60), '42000.50']]],
      ];
      for (const [kind, schedule] of cases) {
        const c = await newCase();
        const { createRepaymentPlan: plan } = await supervisor.data<{
          createRepaymentPlan: PlanOut;
        }>(CREATE_PLAN, { input: terms(c.id, kind, schedule, { note: `${kind} 测试` }) });
        expect(plan, kind).toMatchObject({
          kind,
          status: 'ACTIVE',
          hardship: false,
          totalAmount: yuan(schedule.reduce((s, [, a]) => s + fen(a), 0)),
          paidAmount: '0.00',
          closedAt: null,
          case: { id: c.id, status: 'PROMISED' },
        });
        expect(
          plan.installments.map((i) => [i.sequence, i.dueDate, i.amount, i.paidAmount]),
          kind,
        ).toEqual(schedule.map(([date, amount], i) => [i + 1, date, amount, '0.00']));
        const read = await readCase(c.id);
        expect(read.status).toBe('PROMISED');
        expect(read.plans.map((p) => p.id)).toEqual([plan.id]);
      }
    });

    it('refuses a malformed plan with BAD_USER_INPUT naming the field, and writes nothing', async () => {
      const c = await newCase();
      const t = today();
      const refusals: [string, Record<string, unknown>, string][] = [
        [
          'amounts that do not add up to the total',
          terms(
            c.id,
            'INSTALLMENT',
            [
              [shanghaiDate(5), '100.00'],
              [shanghaiDate(35), '100.00'],
            ],
            { total: '300.00' },
          ),
          'installments',
        ],
        [
          'a zero installment',
          terms(
            c.id,
            'INSTALLMENT',
            [
              [shanghaiDate(5), '100.00'],
              [shanghaiDate(35), '0.00'],
            ],
            { total: '100.00' },
          ),
          'installments.1.amount',
        ],
        [
          'due dates out of order',
          terms(c.id, 'INSTALLMENT', [
            [shanghaiDate(35), '100.00'],
            [shanghaiDate(5), '100.00'],
          ]),
          'installments.1.dueDate',
        ],
        [
          'the same due date twice',
          terms(c.id, 'INSTALLMENT', [
            [shanghaiDate(5), '100.00'],
            [shanghaiDate(5), '100.00'],
          ]),
          'installments.1.dueDate',
        ],
        [
          'a first due date in the past',
          terms(c.id, 'INSTALLMENT', [
            [shanghaiDate(-1), '100.00'],
            [shanghaiDate(30), '100.00'],
          ]),
          'installments.0.dueDate',
        ],
        [
          'a promise due yesterday',
          terms(c.id, 'PROMISE', [[shanghaiDate(-1), '100.00']]),
          'installments.0.dueDate',
        ],
        [
          'a promise in two payments',
          terms(c.id, 'PROMISE', [
            [shanghaiDate(5), '100.00'],
            [shanghaiDate(10), '100.00'],
          ]),
          'installments',
        ],
        [
          'an extension in two payments',
          terms(c.id, 'EXTENSION', [
            [shanghaiDate(5), '100.00'],
            [shanghaiDate(10), '100.00'],
          ]),
          'installments',
        ],
        [
          'an installment plan of one installment',
          terms(c.id, 'INSTALLMENT', [[shanghaiDate(5), '100.00']]),
          'installments',
        ],
        [
          'an installment plan of 61 installments',
          terms(
            c.id,
            'INSTALLMENT',
            Array.from({ length: 61 }, (_, i) => [plusDays(t, i + 1), '10.00'] as [string, string]),
          ),
          'installments',
        ],
        [
          'a promise due in 31 days',
          terms(c.id, 'PROMISE', [[plusDays(t, 31), '100.00']]),
          'installments.0.dueDate',
        ],
        [
          'an installment plan running a year and a day',
          terms(c.id, 'INSTALLMENT', [
            [plusDays(t, 30), '100.00'],
            [plusDays(plusYears(t, 1), 1), '100.00'],
          ]),
          'installments.1.dueDate',
        ],
        [
          'a hardship plan running five years and a day',
          terms(
            c.id,
            'INSTALLMENT',
            [
              [plusDays(t, 30), '100.00'],
              [plusDays(t, 60), '100.00'],
              [plusDays(plusYears(t, 5), 1), '100.00'],
            ],
            { hardship: true },
          ),
          'installments.2.dueDate',
        ],
        [
          'a hardship promise (only installment plans are hardship plans)',
          terms(c.id, 'PROMISE', [[shanghaiDate(5), '100.00']], { hardship: true }),
          'hardship',
        ],
        [
          'more than the outstanding balance',
          terms(c.id, 'PROMISE', [[shanghaiDate(5), '42000.51']]),
          'total',
        ],
      ];
      for (const [what, input, field] of refusals) {
        const error = refusal(await supervisor.gql(CREATE_PLAN, { input }));
        expect(error.code, what).toBe('BAD_USER_INPUT');
        expect(fieldPath(error.field), `${what} (field ${String(error.field)})`).toBe(field);
      }
      const read = await readCase(c.id);
      expect(read).toMatchObject({ status: 'NEW', plans: [], holds: [] });
    });

    it('takes the longest terms allowed: a promise in 30 days, an installment plan over 1 year, a hardship plan over 5 years', async () => {
      const c = await newCase();
      const t = today();
      const accepted: [string, Record<string, unknown>][] = [
        ['promise in 30 days', terms(c.id, 'PROMISE', [[plusDays(t, 30), '100.00']])],
        ['promise due today', terms(c.id, 'PROMISE', [[t, '100.00']])],
        [
          'installments over 1 year',
          terms(c.id, 'INSTALLMENT', [
            [plusDays(t, 30), '100.00'],
            [plusYears(t, 1), '100.00'],
          ]),
        ],
        [
          'hardship installments over 5 years',
          terms(
            c.id,
            'INSTALLMENT',
            [
              [plusDays(t, 30), '100.00'],
              [plusYears(t, 5), '100.00'],
            ],
            { hardship: true },
          ),
        ],
      ];
      for (const [what, input] of accepted) {
        const result = await supervisor.gql<{ createRepaymentPlan: PlanOut }>(CREATE_PLAN, {
          input,
        });
        expect(result.errors, what).toBeUndefined();
        // One ACTIVE plan per case: cancel it to try the next.
        await supervisor.data(CANCEL_PLAN, {
          input: { planId: result.data!.createRepaymentPlan.id, reason: '测试下一种期限' },
        });
      }
      expect((await readCase(c.id)).plans.map((p) => p.status)).toEqual(
        accepted.map(() => 'CANCELLED'),
      );
    });

    it('allows one ACTIVE plan per case: a second is a CONFLICT until the first is cancelled', async () => {
      const c = await newCase();
      const { createRepaymentPlan: first } = await supervisor.data<{
        createRepaymentPlan: PlanOut;
      }>(CREATE_PLAN, { input: terms(c.id, 'PROMISE', [[shanghaiDate(10), '500.00']]) });
      const second = await supervisor.gql(CREATE_PLAN, {
        input: terms(c.id, 'EXTENSION', [[shanghaiDate(20), '800.00']]),
      });
      expect(refusal(second).code).toBe('CONFLICT');
      expect((await readCase(c.id)).plans.map((p) => p.id)).toEqual([first.id]);

      expect(
        refusal(await supervisor.gql(CANCEL_PLAN, { input: { planId: first.id, reason: '' } })),
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
      const { cancelRepaymentPlan: cancelled } = await supervisor.data<{
        cancelRepaymentPlan: PlanOut;
      }>(CANCEL_PLAN, { input: { planId: first.id, reason: '借款人要求改为延期' } });
      expect(cancelled.status).toBe('CANCELLED');
      expect(cancelled.closedAt).not.toBeNull();
      expect(
        refusal(await supervisor.gql(CANCEL_PLAN, { input: { planId: first.id, reason: '再次' } }))
          .code,
      ).toBe('CONFLICT');
      const { createRepaymentPlan: replacement } = await supervisor.data<{
        createRepaymentPlan: PlanOut;
      }>(CREATE_PLAN, { input: terms(c.id, 'EXTENSION', [[shanghaiDate(20), '800.00']]) });
      expect(replacement.status).toBe('ACTIVE');
      const read = await readCase(c.id);
      expect(read.plans.map((p) => [p.id, p.status]).sort()).toEqual(
        [
          [first.id, 'CANCELLED'],
          [replacement.id, 'ACTIVE'],
        ].sort(),
      );
    });

    it('a hardship plan holds the case (HARDSHIP_PLAN, contact refused with HOLD_HARDSHIP) until the plan is cancelled', async () => {
      const c = await newCase();
      const { createRepaymentPlan: plan } = await supervisor.data<{
        createRepaymentPlan: PlanOut;
      }>(CREATE_PLAN, {
        input: terms(
          c.id,
          'INSTALLMENT',
          [
            [shanghaiDate(30), '10000.00'],
            [plusYears(shanghaiDate(0), 3), '32000.50'],
          ],
          { hardship: true, note: '失业，困难分期' },
        ),
      });
      expect(plan).toMatchObject({ hardship: true, status: 'ACTIVE' });
      const held = await readCase(c.id);
      expect(held.status).toBe('ON_HOLD');
      expect(held.holds).toHaveLength(1);
      expect(held.holds[0]).toMatchObject({
        kind: 'HARDSHIP_PLAN',
        releasedAt: null,
        source: 'PLAN',
      });
      expect(held.holds[0]!.reason).not.toBe('');
      const { case: refused } = await supervisor.data<{
        case: { contactability: Contactability[] };
      }>(CONTACTABILITY, { id: c.id });
      expect(refused.contactability.length).toBeGreaterThan(0);
      for (const channel of refused.contactability) {
        expect(channel.allowed, channel.channel).toBe(false);
        expect(
          channel.reasons.map((r) => r.code),
          channel.channel,
        ).toContain('HOLD_HARDSHIP');
        // Only the plan ending lifts it: no moment to wait for.
        expect(channel.nextAllowedAt, channel.channel).toBeNull();
      }

      // Lifted with its plan only: not by hand, and none placed by hand.
      expect(
        refusal(
          await supervisor.gql(
            'mutation ($input: ReleaseHoldInput!) { releaseHold(input: $input) { id } }',
            { input: { holdId: held.holds[0]!.id, note: '手工解除' } },
          ),
        ).code,
      ).toBe('CONFLICT');
      expect(
        refusal(
          await supervisor.gql(
            'mutation ($input: PlaceHoldInput!) { placeHold(input: $input) { id } }',
            { input: { caseId: c.id, kind: 'HARDSHIP_PLAN', reason: '手工困难暂停' } },
          ),
        ),
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });

      await supervisor.data(CANCEL_PLAN, { input: { planId: plan.id, reason: '借款人恢复工作' } });
      const lifted = await readCase(c.id);
      expect(lifted.holds).toEqual([]);
      expect(lifted.status).toBe('IN_PROGRESS');
      const { case: history } = await supervisor.data<{ case: { holds: HoldOut[] } }>(ALL_HOLDS, {
        id: c.id,
      });
      expect(history.holds).toHaveLength(1);
      expect(history.holds[0]!.releasedAt).not.toBeNull();
      expect(history.holds[0]!.releaseNote).toBeTruthy();
      const { case: open } = await supervisor.data<{ case: { contactability: Contactability[] } }>(
        CONTACTABILITY,
        { id: c.id },
      );
      for (const channel of open.contactability) {
        expect(
          channel.reasons.map((r) => r.code),
          channel.channel,
        ).not.toContain('HOLD_HARDSHIP');
      }
    });
  });

  // ---- 3. payments ------------------------------------------------------------------------------

  describe('payments', () => {
    const paidAt = () => new Date(Date.now() - 5 * 60_000).toISOString();
    const ref = () => `WF-TX-${randomUUID()}`;
    const pay = (caseId: string, amount: string, extra: Record<string, unknown> = {}) => ({
      caseId,
      amount,
      channel: 'BANK_TRANSFER',
      externalRef: ref(),
      paidAt: paidAt(),
      ...extra,
    });

    it('is idempotent by external reference: the same details give the same payment and reduce the balance once; other details are a CONFLICT', async () => {
      const c = await newCase();
      const input = pay(c.id, '1000.00');
      const { recordPayment: first } = await supervisor.data<{ recordPayment: PaymentOut }>(
        RECORD_PAYMENT,
        { input },
      );
      expect(first).toMatchObject({
        amount: '1000.00',
        externalRef: input.externalRef,
        plan: null,
        unallocatedAmount: '1000.00',
        allocations: [],
        case: { id: c.id, outstandingAmount: '41000.50' },
      });
      const { recordPayment: retry } = await supervisor.data<{ recordPayment: PaymentOut }>(
        RECORD_PAYMENT,
        { input },
      );
      expect(retry.id).toBe(first.id);
      const conflicts: [string, Record<string, unknown>][] = [
        ['another amount', { ...input, amount: '1000.01' }],
        ['another time', { ...input, paidAt: new Date(Date.now() - DAY).toISOString() }],
        ['another channel', { ...input, channel: 'ALIPAY' }],
      ];
      for (const [what, changed] of conflicts) {
        expect(refusal(await supervisor.gql(RECORD_PAYMENT, { input: changed })).code, what).toBe(
          'CONFLICT',
        );
      }
      const elsewhere = await newCase();
      expect(
        refusal(await supervisor.gql(RECORD_PAYMENT, { input: { ...input, caseId: elsewhere.id } }))
          .code,
        'another case',
      ).toBe('CONFLICT');
      expect((await readCase(c.id)).outstandingAmount).toBe('41000.50');
      expect((await readCase(elsewhere.id)).outstandingAmount).toBe('42000.50');
      const { payments } = await supervisor.data<{ payments: { totalCount: number } }>(
        PAYMENTS_OF_CASE,
        { id: c.id },
      );
      expect(payments.totalCount).toBe(1);
    });

    it('fills the installments in due order, lowers the balance, and keeps the plan once it is paid in full', async () => {
      const c = await newCase();
      const { createRepaymentPlan: plan } = await supervisor.data<{
        createRepaymentPlan: PlanOut;
      }>(CREATE_PLAN, {
        input: {
          caseId: c.id,
          kind: 'INSTALLMENT',
          total: '6000.00',
          installments: [
            { dueDate: shanghaiDate(7), amount: '1000.00' },
            { dueDate: shanghaiDate(37), amount: '2000.00' },
            { dueDate: shanghaiDate(67), amount: '3000.00' },
          ],
        },
      });
      const [i1, i2, i3] = plan.installments.map((i) => i.id) as [string, string, string];
      const paid = async () =>
        (await readCase(c.id)).plans
          .find((p) => p.id === plan.id)!
          .installments.map((i) => i.paidAmount);

      const { recordPayment: p1 } = await supervisor.data<{ recordPayment: PaymentOut }>(
        RECORD_PAYMENT,
        { input: pay(c.id, '1500.00') },
      );
      expect(p1.plan).toEqual({ id: plan.id, status: 'ACTIVE' });
      expect(p1.allocations).toEqual([
        { installmentId: i1, amount: '1000.00' },
        { installmentId: i2, amount: '500.00' },
      ]);
      expect(p1.unallocatedAmount).toBe('0.00');
      expect(await paid()).toEqual(['1000.00', '500.00', '0.00']);
      expect((await readCase(c.id)).outstandingAmount).toBe('40500.50');

      const { recordPayment: p2 } = await supervisor.data<{ recordPayment: PaymentOut }>(
        RECORD_PAYMENT,
        { input: pay(c.id, '3000.00', { channel: 'WECHAT_PAY' }) },
      );
      expect(p2.allocations).toEqual([
        { installmentId: i2, amount: '1500.00' },
        { installmentId: i3, amount: '1500.00' },
      ]);
      expect(await paid()).toEqual(['1000.00', '2000.00', '1500.00']);
      let read = await readCase(c.id);
      expect(read.outstandingAmount).toBe('37500.50');
      expect(read.plans[0]).toMatchObject({ status: 'ACTIVE', paidAmount: '4500.00' });
      expect(read.status).toBe('PROMISED');

      // More than the plan asks for: the plan takes its rest, the balance takes it all.
      const { recordPayment: p3 } = await supervisor.data<{ recordPayment: PaymentOut }>(
        RECORD_PAYMENT,
        { input: pay(c.id, '2000.00', { channel: 'CASH' }) },
      );
      expect(p3.allocations).toEqual([{ installmentId: i3, amount: '1500.00' }]);
      expect(p3.unallocatedAmount).toBe('500.00');
      expect(p3.plan).toEqual({ id: plan.id, status: 'KEPT' });
      read = await readCase(c.id);
      expect(read.outstandingAmount).toBe('35500.50');
      expect(read.plans[0]).toMatchObject({ status: 'KEPT', paidAmount: '6000.00' });
      expect(read.plans[0]!.closedAt).not.toBeNull();
      expect(read.plans[0]!.installments.map((i) => i.paidAmount)).toEqual([
        '1000.00',
        '2000.00',
        '3000.00',
      ]);
      // Kept: the case goes back to work, still open.
      expect(read.status).toBe('IN_PROGRESS');
    });

    it('paying the whole balance closes the case PAID_IN_FULL; a closed case takes no more payments or plans', async () => {
      const c = await newCase({ outstandingAmount: '3000.00', overdueAmount: '3000.00' });
      const { createRepaymentPlan: plan } = await supervisor.data<{
        createRepaymentPlan: PlanOut;
      }>(CREATE_PLAN, {
        input: {
          caseId: c.id,
          kind: 'PROMISE',
          total: '3000.00',
          installments: [{ dueDate: shanghaiDate(10), amount: '3000.00' }],
        },
      });
      await supervisor.data(RECORD_PAYMENT, { input: pay(c.id, '1000.00') });
      let read = await readCase(c.id);
      expect(read).toMatchObject({ status: 'PROMISED', outstandingAmount: '2000.00' });
      const { recordPayment: last } = await supervisor.data<{ recordPayment: PaymentOut }>(
        RECORD_PAYMENT,
        { input: pay(c.id, '2000.00') },
      );
      expect(last.case).toMatchObject({
        status: 'CLOSED',
        closeReason: 'PAID_IN_FULL',
        outstandingAmount: '0.00',
      });
      read = await readCase(c.id);
      expect(read).toMatchObject({
        status: 'CLOSED',
        closeReason: 'PAID_IN_FULL',
        outstandingAmount: '0.00',
        overdueAmount: '0.00',
      });
      expect(read.plans.find((p) => p.id === plan.id)?.status).toBe('KEPT');
      expect(refusal(await supervisor.gql(RECORD_PAYMENT, { input: pay(c.id, '1.00') })).code).toBe(
        'CONFLICT',
      );
      expect(
        refusal(
          await supervisor.gql(CREATE_PLAN, {
            input: {
              caseId: c.id,
              kind: 'PROMISE',
              total: '1.00',
              installments: [{ dueDate: shanghaiDate(3), amount: '1.00' }],
            },
          }),
        ).code,
      ).toBe('CONFLICT');
    });

    it('refuses more than the outstanding balance, nothing, or a payment from the future (BAD_USER_INPUT), and records nothing', async () => {
      const c = await newCase({ outstandingAmount: '500.00', overdueAmount: '500.00' });
      const refusals: [string, Record<string, unknown>, string][] = [
        ['more than the balance', pay(c.id, '500.01'), 'amount'],
        ['nothing', pay(c.id, '0.00'), 'amount'],
        [
          'paid tomorrow',
          pay(c.id, '10.00', { paidAt: new Date(Date.now() + DAY).toISOString() }),
          'paidAt',
        ],
      ];
      for (const [what, input, field] of refusals) {
        const error = refusal(await supervisor.gql(RECORD_PAYMENT, { input }));
        expect(error.code, what).toBe('BAD_USER_INPUT');
        expect(fieldPath(error.field), what).toBe(field);
      }
      expect(
        (
          await supervisor.data<{ payments: { totalCount: number } }>(PAYMENTS_OF_CASE, {
            id: c.id,
          })
        ).payments.totalCount,
      ).toBe(0);
      expect(await readCase(c.id)).toMatchObject({ status: 'NEW', outstandingAmount: '500.00' });
    });
  });

  // ---- 4. strategy ------------------------------------------------------------------------------

  describe('strategy', () => {
    /** What a run could change, read straight from the database for the whole institution. */
    const snapshot = async () => {
      const em = api.orm.em.fork();
      const where = { institution: home.id };
      const options = { filters: false, orderBy: { id: 'ASC' } } as const;
      const [cases, plans, tasks, holds] = await Promise.all([
        em.find(Case, where, options),
        em.find(RepaymentPlan, where, options),
        em.find(Task, where, options),
        em.find(CaseHold, where, options),
      ]);
      return {
        cases: cases.map((c) => [c.id, c.stage, c.status, c.priority, c.version, +c.updatedAt]),
        plans: plans.map((p) => [p.id, p.status, p.version, p.closedAt && +p.closedAt]),
        tasks: tasks.map((t) => [t.id, t.kind, t.status, t.dueDate]),
        holds: holds.map((h) => [h.id, h.releasedAt && +h.releasedAt]),
      };
    };
    const openCasesOfHome = () =>
      api.orm.em
        .fork()
        .count(Case, { institution: home.id, status: { $ne: 'CLOSED' } }, { filters: false });

    it('runDailyCycle (admin) is idempotent: a second run at the same instant reports no change and changes nothing', async () => {
      // A fresh case: createCase leaves its priority at 0 while it scores at least the 15
      // "never contacted" points, so the first run surely changes something.
      const c = await newCase();
      const at = new Date(Date.now() - 60_000).toISOString();
      const { runDailyCycle: first } = await admin.data<{ runDailyCycle: CycleReport }>(
        RUN_DAILY_CYCLE,
        { at },
      );
      expect(first).toMatchObject({ at, institutions: 1 });
      expect(first.casesExamined).toBe(await openCasesOfHome());
      expect(first.prioritiesChanged).toBeGreaterThanOrEqual(1);
      const { case: scored } = await supervisor.data<{
        case: { priority: number; priorityScore: { score: number } };
      }>(PRIORITY_SCORE, { id: c.id });
      // The run stored the score the case shows.
      expect(scored.priority).toBe(scored.priorityScore.score);

      const before = await snapshot();
      const { runDailyCycle: second } = await admin.data<{ runDailyCycle: CycleReport }>(
        RUN_DAILY_CYCLE,
        { at },
      );
      expect(second).toEqual({
        at,
        institutions: 1,
        casesExamined: first.casesExamined,
        stagesRaised: 0,
        prioritiesChanged: 0,
        plansKept: 0,
        plansBroken: 0,
        tasksCreated: 0,
      });
      expect(await snapshot()).toEqual(before);
    });

    it('only an admin runs the cycle (collector and supervisor FORBIDDEN), and never for an instant in the future', async () => {
      const collector = await api.as('collector1@psbc.demo');
      expect(refusal(await collector.gql(RUN_DAILY_CYCLE, {})).code).toBe('FORBIDDEN');
      expect(refusal(await supervisor.gql(RUN_DAILY_CYCLE, {})).code).toBe('FORBIDDEN');
      const future = await admin.gql(RUN_DAILY_CYCLE, {
        at: new Date(Date.now() + 3600_000).toISOString(),
      });
      expect(refusal(future)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'at' });
    });

    it('a promise still unpaid 3 days after its due date breaks on the next run: the case climbs a rung, is ESCALATED and gets a BROKEN_PROMISE task', async () => {
      // The promise is taken ten days ago, through the clocked server (the API refuses a due
      // date in the past, rightly); the cycle then judges it at instants that have passed.
      const due = shanghaiDate(-10);
      const collector = await idOf(await api.as('collector3@psbc.demo'));
      // Overdue since 20 days ago: DPD 21 today, PHONE stage (8–30).
      const c = await newCase({ overdueSince: shanghaiDate(-20), assigneeId: collector });
      expect(c.stage).toBe('PHONE');
      const sup = await clocked.as('supervisor@psbc.demo');
      clocked.set(shanghai(due, '10:00'));
      const { createRepaymentPlan: plan } = await sup.data<{ createRepaymentPlan: PlanOut }>(
        CREATE_PLAN,
        {
          input: {
            caseId: c.id,
            kind: 'PROMISE',
            total: '2000.00',
            installments: [{ dueDate: due, amount: '2000.00' }],
          },
        },
      );
      // Part of it arrives a day late, within the grace period: not kept, not broken either.
      clocked.set(shanghai(plusDays(due, 1), '12:00'));
      const { recordPayment } = await sup.data<{ recordPayment: PaymentOut }>(RECORD_PAYMENT, {
        input: {
          caseId: c.id,
          amount: '1500.00',
          channel: 'ALIPAY',
          externalRef: `WF-TX-${randomUUID()}`,
          paidAt: shanghai(plusDays(due, 1), '11:00'),
        },
      });
      expect(recordPayment.plan).toEqual({ id: plan.id, status: 'ACTIVE' });
      clocked.reset();

      const planStatus = async () =>
        (await readCase(c.id)).plans.find((p) => p.id === plan.id)!.status;
      // Due + 3 grace days: the last day the borrower may still pay.
      const lastDay = shanghai(plusDays(due, 3), '23:00');
      await admin.data(RUN_DAILY_CYCLE, { at: lastDay });
      expect(await planStatus()).toBe('ACTIVE');
      expect((await readCase(c.id)).status).toBe('PROMISED');

      const dayAfter = shanghai(plusDays(due, 4), '00:30');
      const { runDailyCycle: report } = await admin.data<{ runDailyCycle: CycleReport }>(
        RUN_DAILY_CYCLE,
        { at: dayAfter },
      );
      expect(report.plansBroken).toBeGreaterThanOrEqual(1);
      expect(report.tasksCreated).toBeGreaterThanOrEqual(1);
      const broken = await readCase(c.id);
      expect(broken.plans.find((p) => p.id === plan.id)).toMatchObject({
        status: 'BROKEN',
        paidAmount: '1500.00',
      });
      expect(broken).toMatchObject({ stage: 'VISIT', status: 'ESCALATED' });
      const { tasks } = await supervisor.data<{ tasks: { totalCount: number; nodes: TaskOut[] } }>(
        TASKS_OF_CASE,
        { id: c.id },
      );
      expect(tasks.nodes).toHaveLength(1);
      expect(tasks.nodes[0]).toMatchObject({
        kind: 'BROKEN_PROMISE',
        status: 'OPEN',
        dueDate: plusDays(due, 4),
        assignee: { id: collector },
        case: { id: c.id },
      });
      // The broken promise now counts in the case's priority.
      const { case: scored } = await supervisor.data<{
        case: { priorityScore: { factors: { code: string; points: number }[] } };
      }>(PRIORITY_SCORE, { id: c.id });
      expect(
        scored.priorityScore.factors.find((f) => f.code === 'BROKEN_PROMISES')!.points,
      ).toBeGreaterThan(0);

      // The same run again: nothing breaks twice, no second task, no second rung.
      const { runDailyCycle: again } = await admin.data<{ runDailyCycle: CycleReport }>(
        RUN_DAILY_CYCLE,
        { at: dayAfter },
      );
      expect(again).toMatchObject({ plansBroken: 0, tasksCreated: 0, stagesRaised: 0 });
      expect(
        (await supervisor.data<{ tasks: { totalCount: number } }>(TASKS_OF_CASE, { id: c.id }))
          .tasks.totalCount,
      ).toBe(1);
      expect((await readCase(c.id)).stage).toBe('VISIT');
    });

    it('case.priorityScore is a 0–100 score whose five factors add up to it, and a bigger, older debt scores higher', async () => {
      const small = await newCase({
        outstandingAmount: '800.00',
        overdueAmount: '800.00',
        overdueSince: shanghaiDate(0),
      });
      const big = await newCase({
        principalAmount: '300000.00',
        outstandingAmount: '250000.00',
        overdueAmount: '20000.00',
        overdueSince: shanghaiDate(-200),
      });
      const scores: Record<string, { score: number; factors: Record<string, number> }> = {};
      for (const c of [small, big]) {
        const { case: read } = await supervisor.data<{
          case: {
            priorityScore: {
              score: number;
              factors: { code: string; points: number; weight: number; explanation: string }[];
            };
          };
        }>(PRIORITY_SCORE, { id: c.id });
        const { score, factors } = read.priorityScore;
        expect(Number.isInteger(score)).toBe(true);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
        expect(factors.map((f) => f.code).sort()).toEqual([...PRIORITY_FACTORS].sort());
        expect(factors.reduce((sum, f) => sum + f.points, 0)).toBe(score);
        expect(factors.reduce((sum, f) => sum + f.weight, 0)).toBe(100);
        for (const f of factors) {
          expect(f.points, f.code).toBeGreaterThanOrEqual(0);
          expect(f.points, f.code).toBeLessThanOrEqual(f.weight);
          expect(f.explanation, f.code).not.toBe('');
        }
        scores[c.id] = {
          score,
          factors: Object.fromEntries(factors.map((f) => [f.code, f.points])),
        };
      }
      const [s, b] = [scores[small.id]!, scores[big.id]!];
      expect(b.score).toBeGreaterThan(s.score);
      expect(b.factors.AMOUNT).toBeGreaterThan(s.factors.AMOUNT!);
      expect(b.factors.DPD).toBeGreaterThan(s.factors.DPD!);
    });

    it("myWorklist lists only the collector's open cases, highest score first, each with the action its stage calls for", async () => {
      const me = await api.as('collector4@psbc.demo');
      const myId = await idOf(me);
      const someoneElse = member(home.id, 'COLLECTOR', 0).id;
      expect(someoneElse).not.toBe(myId);
      const mine: Record<string, CaseOut> = {};
      for (const [stage, since] of [
        ['REMINDER', 0],
        ['PHONE', -10],
        ['VISIT', -40],
        ['LEGAL', -120],
      ] as const) {
        const c = await newCase({ overdueSince: shanghaiDate(since), assigneeId: myId });
        expect(c.stage).toBe(stage);
        mine[c.id] = c;
      }
      // A case on a hardship plan: on the list, but nothing may be done now.
      const held = await newCase({ overdueSince: shanghaiDate(-15), assigneeId: myId });
      await supervisor.data(CREATE_PLAN, {
        input: {
          caseId: held.id,
          kind: 'INSTALLMENT',
          hardship: true,
          total: '42000.50',
          installments: [
            { dueDate: shanghaiDate(30), amount: '20000.00' },
            { dueDate: shanghaiDate(395), amount: '22000.50' },
          ],
        },
      });
      // Closed, and someone else's: not on the list.
      const closed = await newCase({
        assigneeId: myId,
        outstandingAmount: '100.00',
        overdueAmount: '100.00',
      });
      await supervisor.data(RECORD_PAYMENT, {
        input: {
          caseId: closed.id,
          amount: '100.00',
          channel: 'CARD',
          externalRef: `WF-TX-${randomUUID()}`,
          paidAt: new Date(Date.now() - 60_000).toISOString(),
        },
      });
      const notMine = await newCase({ assigneeId: someoneElse });

      const before = Date.now();
      const { myWorklist } = await me.data<{
        myWorklist: { totalCount: number; nodes: WorklistItem[] };
      }>(WORKLIST, { limit: 100, offset: 0 });
      const after = Date.now();

      const { cases: open } = await supervisor.data<{
        cases: { totalCount: number; nodes: { id: string }[] };
      }>(
        'query ($me: ID!) { cases(filter: { assigneeId: $me, status: [NEW, IN_PROGRESS, PROMISED, ON_HOLD, ESCALATED] }, limit: 100) { totalCount nodes { id } } }',
        { me: myId },
      );
      expect(myWorklist.totalCount).toBe(open.totalCount);
      expect(new Set(myWorklist.nodes.map((n) => n.case.id))).toEqual(
        new Set(open.nodes.map((n) => n.id)),
      );
      const ids = myWorklist.nodes.map((n) => n.case.id);
      for (const id of [...Object.keys(mine), held.id]) expect(ids).toContain(id);
      expect(ids).not.toContain(closed.id);
      expect(ids).not.toContain(notMine.id);

      const scores = myWorklist.nodes.map((n) => n.priority.score);
      expect(scores).toEqual([...scores].sort((x, y) => y - x));
      for (const { case: c, priority, nextAction } of myWorklist.nodes) {
        expect(c.assignee, c.id).toEqual({ id: myId });
        expect(c.status, c.id).not.toBe('CLOSED');
        expect(
          priority.factors.reduce((sum, f) => sum + f.points, 0),
          c.id,
        ).toBe(priority.score);
        expect(nextAction.kind, `${c.id} at stage ${c.stage}`).toBe(STAGE_ACTION[c.stage]);
        if (nextAction.allowed) {
          expect(nextAction.reasons, c.id).toEqual([]);
          const at = Date.parse(nextAction.at!);
          expect(at, c.id).toBeGreaterThanOrEqual(before);
          expect(at, c.id).toBeLessThanOrEqual(after);
        } else {
          expect(nextAction.reasons.length, c.id).toBeGreaterThan(0);
          if (nextAction.at !== null)
            expect(Date.parse(nextAction.at), c.id).toBeGreaterThan(before);
        }
      }
      const byId = new Map(myWorklist.nodes.map((n) => [n.case.id, n]));
      for (const c of Object.values(mine)) {
        expect(byId.get(c.id)!.nextAction.kind, c.stage).toBe(STAGE_ACTION[c.stage]);
      }
      // A legal review is desk work: always allowed, now.
      const legal = Object.values(mine).find((c) => c.stage === 'LEGAL')!;
      expect(byId.get(legal.id)!.nextAction).toMatchObject({ kind: 'LEGAL_REVIEW', allowed: true });
      const onHold = byId.get(held.id)!.nextAction;
      expect(onHold).toMatchObject({ kind: 'PHONE', allowed: false, at: null });
      expect(onHold.reasons.map((r) => r.code)).toContain('HOLD_HARDSHIP');

      // Pages are slices of the same order.
      const { myWorklist: page } = await me.data<{
        myWorklist: { totalCount: number; nodes: WorklistItem[] };
      }>(WORKLIST, { limit: 2, offset: 1 });
      expect(page.totalCount).toBe(myWorklist.totalCount);
      expect(page.nodes.map((n) => n.priority.score)).toEqual(scores.slice(1, 3));
    });

    it('a partner app cannot ask for a worklist (FORBIDDEN): a worklist belongs to a person', async () => {
      const { createPartnerApp } = await admin.data<{ createPartnerApp: { apiKey: string } }>(
        'mutation { createPartnerApp(input: { name: "worklist probe", scopes: ["cases:read"] }) { apiKey } }',
      );
      const partner = api.withHeaders({ 'x-api-key': createPartnerApp.apiKey });
      // The key works for what it was granted…
      expect(
        (await partner.gql('{ cases(first: 1) { totalCount } }')).errors,
        'the key reads cases',
      ).toBeUndefined();
      // …but a worklist is a person's.
      expect(refusal(await partner.gql(WORKLIST, { limit: 10, offset: 0 })).code).toBe('FORBIDDEN');
    });
  });

  // ---- 5. borrower feedback ---------------------------------------------------------------------

  describe('borrower feedback', () => {
    const submission = (
      c: { loanNumber: string; nationalId: string },
      kind: string,
      category: string,
    ) => ({
      institutionCode: home.code,
      caseReference: c.loanNumber,
      verification: c.nationalId.slice(-4),
      kind,
      category,
      message:
        kind === 'HARDSHIP' ? '本人失业三个月，申请困难分期还款。' : '希望能提供线上还款渠道。',
    });

    /** Business days as the CN pack counts them: weekdays, less statutory holidays, plus make-up workdays. */
    const businessDay = (() => {
      const years = CHINESE_STATUTORY_YEARS;
      const calendar = chineseStatutoryCalendar(years.from, years.to);
      const holidays = new Set(calendar.holidays);
      const workdays = new Set(calendar.workdays);
      return (date: string) =>
        workdays.has(date) || (weekday(date) !== 0 && weekday(date) !== 6 && !holidays.has(date));
    })();

    it('submitFeedback is public and gives a receipt; a HARDSHIP request flags the case and creates a HARDSHIP_REVIEW task due with the acknowledgement', async () => {
      const collector = await idOf(await api.as('collector2@psbc.demo'));
      const c = await newCase({ assigneeId: collector });
      const borrower = clientOnOwnAddress(api);
      const sent = Date.now();
      const { submitFeedback: receipt } = await borrower.data<{ submitFeedback: Receipt }>(
        SUBMIT_FEEDBACK,
        { input: submission(c, 'HARDSHIP', 'OTHER') },
      );
      expect(receipt.receiptCode).toMatch(/^FB[0-9A-Z]{10}$/);
      expect(receipt).toMatchObject({ status: 'RECEIVED', closedAt: null });
      const submittedAt = Date.parse(receipt.submittedAt);
      expect(submittedAt).toBeGreaterThanOrEqual(sent - 1000);
      expect(submittedAt).toBeLessThanOrEqual(Date.now() + 1000);

      // Acknowledge by the end (Shanghai midnight) of the first business day after the day it came in.
      const acknowledgeDue = Date.parse(receipt.acknowledgeDueAt);
      expect((acknowledgeDue + SHANGHAI_MS) % DAY).toBe(0);
      const deadlineDay = shanghaiDay(acknowledgeDue - 1);
      const submittedDay = shanghaiDay(submittedAt);
      expect(deadlineDay > submittedDay).toBe(true);
      expect(businessDay(deadlineDay), `${deadlineDay} is a business day`).toBe(true);
      for (let d = plusDays(submittedDay, 1); d < deadlineDay; d = plusDays(d, 1)) {
        expect(businessDay(d), `${d} before the deadline is not a business day`).toBe(false);
      }
      // Resolve within 15 days (Shanghai keeps no daylight saving).
      expect(Date.parse(receipt.resolveDueAt) - submittedAt).toBe(15 * DAY);

      const read = await readCase(c.id);
      expect(read.hardshipRequestedAt).toBe(receipt.submittedAt);
      const { tasks } = await supervisor.data<{ tasks: { nodes: TaskOut[] } }>(TASKS_OF_CASE, {
        id: c.id,
      });
      const reviews = tasks.nodes.filter((t) => t.kind === 'HARDSHIP_REVIEW');
      expect(reviews).toHaveLength(1);
      expect(reviews[0]).toMatchObject({ status: 'OPEN', assignee: { id: collector } });
      expect(reviews[0]!.note).toContain(receipt.receiptCode);
      // The supervisor finds it among the feedback of the case.
      const { feedback } = await supervisor.data<{
        feedback: { nodes: { receiptCode: string; status: string }[] };
      }>(FEEDBACK_OF_CASE, { id: c.id });
      expect(feedback.nodes).toEqual([
        expect.objectContaining({ receiptCode: receipt.receiptCode, status: 'RECEIVED' }),
      ]);
      // The review is due on the day the acknowledgement is due (by its end), not the day after.
      expect(reviews[0]!.dueDate).toBe(deadlineDay);
    });

    it('the acknowledgement is due by the end of the next business day in Asia/Shanghai: a Friday submission by the end of Monday', async () => {
      // Instants the clocked server relives; 2026's statutory arrangement: 1–7 October off,
      // Saturday 10 October a make-up workday.
      const cases: [string, string, string][] = [
        ['Friday afternoon', '2026-11-20T15:00:00+08:00', '2026-11-24T00:00:00+08:00'],
        ['Friday late evening', '2026-11-20T23:30:00+08:00', '2026-11-24T00:00:00+08:00'],
        ['Saturday', '2026-11-21T10:00:00+08:00', '2026-11-24T00:00:00+08:00'],
        ['Thursday', '2026-11-19T10:00:00+08:00', '2026-11-21T00:00:00+08:00'],
        // Sunday 16:30 UTC is already Monday in Shanghai: due by the end of Tuesday.
        ['Monday just after midnight', '2026-11-16T00:30:00+08:00', '2026-11-18T00:00:00+08:00'],
        ['the eve of National Day', '2026-09-30T10:00:00+08:00', '2026-10-09T00:00:00+08:00'],
        [
          'the Friday before a make-up Saturday',
          '2026-10-09T10:00:00+08:00',
          '2026-10-11T00:00:00+08:00',
        ],
      ];
      for (const [what, submitted, due] of cases) {
        const c = await newCase();
        clocked.set(submitted);
        const { submitFeedback: receipt } = await clocked
          .anonymous()
          .data<{ submitFeedback: Receipt }>(SUBMIT_FEEDBACK, {
            input: submission(c, 'SUGGESTION', 'SERVICE'),
          });
        expect(receipt.submittedAt, what).toBe(new Date(submitted).toISOString());
        expect(receipt.acknowledgeDueAt, what).toBe(new Date(due).toISOString());
        expect(receipt.resolveDueAt, what).toBe(
          new Date(Date.parse(submitted) + 15 * DAY).toISOString(),
        );
      }
    });

    it('feedback(filter: { overdue: true }) lists the open feedback past a deadline, and no longer once it is handled', async () => {
      const c = await newCase();
      // Twenty days ago: both deadlines passed. Twelve days ago: at least the acknowledgement's. Now: none.
      const submittedAt = [Date.now() - 20 * DAY, Date.now() - 12 * DAY];
      const receipts: Receipt[] = [];
      for (const at of submittedAt) {
        clocked.set(new Date(at).toISOString());
        receipts.push(
          (
            await clocked.anonymous().data<{ submitFeedback: Receipt }>(SUBMIT_FEEDBACK, {
              input: submission(c, 'SUGGESTION', 'SERVICE'),
            })
          ).submitFeedback,
        );
      }
      clocked.reset();
      receipts.push(
        (
          await clientOnOwnAddress(api).data<{ submitFeedback: Receipt }>(SUBMIT_FEEDBACK, {
            input: submission(c, 'SUGGESTION', 'SERVICE'),
          })
        ).submitFeedback,
      );
      const [old, recent, fresh] = receipts as [Receipt, Receipt, Receipt];
      expect(Date.parse(old.resolveDueAt)).toBeLessThan(Date.now());
      expect(Date.parse(recent.acknowledgeDueAt)).toBeLessThan(Date.now());
      expect(Date.parse(recent.resolveDueAt)).toBeGreaterThan(Date.now());

      const listed = async (overdue: boolean) => {
        const { feedback } = await supervisor.data<{
          feedback: { totalCount: number; nodes: { id: string; receiptCode: string }[] };
        }>(FEEDBACK_OF_CASE, { id: c.id, overdue });
        return feedback.nodes.map((f) => f.receiptCode).sort();
      };
      const ids = async () => {
        const { feedback } = await supervisor.data<{
          feedback: { nodes: { id: string; receiptCode: string }[] };
        }>(FEEDBACK_OF_CASE, { id: c.id });
        return new Map(feedback.nodes.map((f) => [f.receiptCode, f.id]));
      };
      const idOfReceipt = await ids();
      const move = (receipt: Receipt, status: string, resolution?: string) =>
        supervisor.data(UPDATE_FEEDBACK, {
          input: {
            id: idOfReceipt.get(receipt.receiptCode),
            status,
            ...(resolution ? { resolution } : {}),
          },
        });

      expect(await listed(true)).toEqual([old.receiptCode, recent.receiptCode].sort());
      expect(await listed(false)).toEqual([fresh.receiptCode]);

      // Acknowledged: the recent one is on time again; the old one is still past its resolve date.
      await move(recent, 'ACKNOWLEDGED');
      await move(old, 'ACKNOWLEDGED');
      expect(await listed(true)).toEqual([old.receiptCode]);
      await move(old, 'INVESTIGATING');
      await move(old, 'RESOLVED', '已增加线上还款渠道并回复借款人。');
      expect(await listed(true)).toEqual([]);
      expect(await listed(false)).toEqual(receipts.map((r) => r.receiptCode).sort());
    });
  });

  // ---- 6. institution policy --------------------------------------------------------------------

  describe('institution collection policy', () => {
    const policyOf = async (client: GraphqlClient, code = 'PSBC') => {
      const { institutions } = await client.data<{
        institutions: { nodes: { id: string; code: string; collectionPolicy: PolicyOut }[] };
      }>(INSTITUTION_POLICIES);
      return institutions.nodes.find((i) => i.code === code)!.collectionPolicy;
    };
    // Whatever a test changes, PSBC goes back to the pack as seeded.
    afterEach(async () => {
      await admin.data(UPDATE_POLICY, {
        input: { institutionId: home.id, rulePack: 'CN', overrides: {}, escalationLadder: [] },
      });
    });

    it('institution.collectionPolicy shows the CN pack numbers, no overrides and the default ladder', async () => {
      const policy = await policyOf(supervisor);
      expect(policy).toMatchObject({
        rulePack: 'CN',
        numbers: CN_NUMBERS,
        overrides: NO_OVERRIDES,
        escalationLadder: DEFAULT_LADDER,
      });
      expect(policy.version).not.toBe('');
    });

    it('an admin tightens the numbers: saved, shown in overrides, and in force (a visit then needs three collectors)', async () => {
      const { updateCollectionPolicy } = await admin.data<{
        updateCollectionPolicy: { collectionPolicy: PolicyOut };
      }>(UPDATE_POLICY, {
        input: {
          institutionId: home.id,
          overrides: {
            quietHoursStart: '21:00',
            quietHoursEnd: '08:30',
            maxUnansweredDialsPerNumberPerDay: 4,
            maxConversationsPerBorrowerPerDay: 2,
            recordRetentionYears: 7,
            visitMinCollectors: 3,
            hardshipPlanMaxYears: 3,
          },
        },
      });
      const tightened = {
        quietHoursStart: '21:00',
        quietHoursEnd: '08:30',
        maxUnansweredDialsPerNumberPerDay: 4,
        maxConversationsPerBorrowerPerDay: 2,
        recordRetentionYears: 7,
        visitMinCollectors: 3,
        hardshipPlanMaxYears: 3,
      };
      expect(updateCollectionPolicy.collectionPolicy).toMatchObject({
        rulePack: 'CN',
        numbers: { ...CN_NUMBERS, ...tightened },
        overrides: { ...NO_OVERRIDES, ...tightened },
      });
      // Saved: everyone reads it back.
      expect((await policyOf(supervisor)).overrides).toEqual({ ...NO_OVERRIDES, ...tightened });

      const c = await newCase();
      const tomorrow = shanghaiDate(1);
      const twoCollectors = await supervisor.gql(SCHEDULE_VISIT, {
        input: {
          caseId: c.id,
          collectorIds: [member(home.id, 'COLLECTOR', 0).id, member(home.id, 'COLLECTOR', 1).id],
          purpose: '上门协商',
          windowStart: shanghai(tomorrow, '10:00'),
          windowEnd: shanghai(tomorrow, '11:00'),
        },
      });
      expect(refusal(twoCollectors)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'collectorIds',
      });
      const fourYears = await supervisor.gql(CREATE_PLAN, {
        input: {
          caseId: c.id,
          kind: 'INSTALLMENT',
          hardship: true,
          total: '200.00',
          installments: [
            { dueDate: shanghaiDate(30), amount: '100.00' },
            { dueDate: plusYears(shanghaiDate(0), 4), amount: '100.00' },
          ],
        },
      });
      const error = refusal(fourYears);
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(fieldPath(error.field)).toBe('installments.1.dueDate');
    });

    it('refuses loosening with BAD_USER_INPUT naming the field, and saves nothing; a supervisor or another bank may not change it', async () => {
      const before = await policyOf(supervisor);
      const loosenings: [string, Record<string, unknown>, RegExp][] = [
        [
          'more unanswered dials',
          { maxUnansweredDialsPerNumberPerDay: 7 },
          /^overrides\.maxUnansweredDialsPerNumberPerDay$/,
        ],
        [
          'more conversations',
          { maxConversationsPerBorrowerPerDay: 4 },
          /^overrides\.maxConversationsPerBorrowerPerDay$/,
        ],
        [
          'quiet hours starting later',
          { quietHoursStart: '23:00', quietHoursEnd: '08:00' },
          /^overrides\.quietHoursStart$/,
        ],
        [
          'quiet hours ending earlier',
          { quietHoursStart: '22:00', quietHoursEnd: '07:00' },
          /^overrides\.quietHoursEnd$/,
        ],
        ['one collector at the door', { visitMinCollectors: 1 }, /^overrides\.visitMinCollectors$/],
        ['longer hardship plans', { hardshipPlanMaxYears: 6 }, /^overrides\.hardshipPlanMaxYears$/],
        ['shorter retention', { recordRetentionYears: 3 }, /^overrides\.recordRetentionYears$/],
        [
          'third parties sooner',
          { thirdPartyUnreachableAfterFailedAttempts: 2 },
          /^overrides\.thirdPartyUnreachableAfterFailedAttempts$/,
        ],
      ];
      for (const [what, overrides, field] of loosenings) {
        const error = refusal(
          await admin.gql(UPDATE_POLICY, { input: { institutionId: home.id, overrides } }),
        );
        expect(error.code, what).toBe('BAD_USER_INPUT');
        expect(fieldPath(error.field), `${what} (field ${String(error.field)})`).toMatch(field);
      }
      expect(await policyOf(supervisor)).toEqual(before);

      const tighten = { institutionId: home.id, overrides: { visitMinCollectors: 3 } };
      expect(refusal(await supervisor.gql(UPDATE_POLICY, { input: tighten })).code).toBe(
        'FORBIDDEN',
      );
      const otherAdmin = await api.as('admin@kmb.demo');
      expect(['FORBIDDEN', 'NOT_FOUND']).toContain(
        refusal(await otherAdmin.gql(UPDATE_POLICY, { input: tighten })).code,
      );
      expect(await policyOf(supervisor)).toEqual(before);
    });

    it('validates the escalation ladder (from DPD 1, ascending), saves a valid one, and an empty one restores the default', async () => {
      const ladders: [string, { fromDpd: number; stage: string }[], RegExp][] = [
        [
          'not starting at DPD 1',
          [
            { fromDpd: 2, stage: 'REMINDER' },
            { fromDpd: 8, stage: 'PHONE' },
          ],
          /^escalationLadder\.0\.fromDpd$/,
        ],
        [
          'DPD not ascending',
          [
            { fromDpd: 1, stage: 'REMINDER' },
            { fromDpd: 31, stage: 'PHONE' },
            { fromDpd: 8, stage: 'VISIT' },
          ],
          /^escalationLadder\.2\.fromDpd$/,
        ],
        [
          'stages not ascending',
          [
            { fromDpd: 1, stage: 'PHONE' },
            { fromDpd: 8, stage: 'REMINDER' },
          ],
          /^escalationLadder\.1\.stage$/,
        ],
      ];
      for (const [what, escalationLadder, field] of ladders) {
        const error = refusal(
          await admin.gql(UPDATE_POLICY, { input: { institutionId: home.id, escalationLadder } }),
        );
        expect(error.code, what).toBe('BAD_USER_INPUT');
        expect(fieldPath(error.field), `${what} (field ${String(error.field)})`).toMatch(field);
      }
      expect((await policyOf(supervisor)).escalationLadder).toEqual(DEFAULT_LADDER);

      const custom = [
        { fromDpd: 1, stage: 'REMINDER' },
        { fromDpd: 15, stage: 'PHONE' },
        { fromDpd: 61, stage: 'VISIT' },
        { fromDpd: 121, stage: 'LEGAL' },
      ];
      const { updateCollectionPolicy } = await admin.data<{
        updateCollectionPolicy: { collectionPolicy: PolicyOut };
      }>(UPDATE_POLICY, { input: { institutionId: home.id, escalationLadder: custom } });
      expect(updateCollectionPolicy.collectionPolicy.escalationLadder).toEqual(custom);
      expect((await policyOf(supervisor)).escalationLadder).toEqual(custom);
      await admin.data(UPDATE_POLICY, { input: { institutionId: home.id, escalationLadder: [] } });
      expect((await policyOf(supervisor)).escalationLadder).toEqual(DEFAULT_LADDER);
    });
  });
});

// ---- the nightly run as an operator starts it ---------------------------------------------------

describe('daily-cycle CLI (node dist/modules/strategy/daily-cycle-cli.js)', () => {
  const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
  const CLI = path.join(DIST, 'modules/strategy/daily-cycle-cli.js');
  const SEED = path.join(DIST, 'db/seed-cli.js');
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arrears-cycle-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = (script: string, args: string[], env: Record<string, string>) =>
    new Promise<{ code: number | null; output: string }>((resolve) => {
      let output = '';
      const child = spawn(process.execPath, [script, ...args], {
        env: { ...process.env, NODE_ENV: '', ...env },
        stdio: 'pipe',
      });
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('exit', (code) => resolve({ code, output }));
    });
  const reports = (output: string) =>
    Object.fromEntries(
      [...output.matchAll(/^\[daily-cycle\] (\w+): (\{.*\})$/gm)].map((m) => [
        m[1]!,
        JSON.parse(m[2]!) as CycleReport,
      ]),
    );

  it('is the package script `daily-cycle`, runs every institution, and a second run at the same --at changes nothing', async () => {
    const pkg = JSON.parse(
      fs.readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8'),
    ) as { scripts: Record<string, string> };
    expect(pkg.scripts['daily-cycle']).toBe('node dist/modules/strategy/daily-cycle-cli.js');

    // A scratch SQLite file with the demo data, seeded by the built seeder under one key.
    const env = {
      DATABASE_URL: `sqlite:${path.join(dir, 'cycle.sqlite')}`,
      ARREARS_DATA_KEY: randomBytes(32).toString('base64'),
    };
    const seeded = await run(SEED, [], env);
    expect(seeded.code, seeded.output).toBe(0);

    const at = new Date(Date.now() - 60_000).toISOString();
    const first = await run(CLI, ['--at', at], env);
    expect(first.code, first.output).toBe(0);
    const firstReports = reports(first.output);
    expect(Object.keys(firstReports).sort()).toEqual(['HSCZ', 'KMB', 'LSB', 'PSBC', 'XBGS']);
    for (const [code, report] of Object.entries(firstReports)) {
      expect(report.at, code).toBe(at);
      expect(report.institutions, code).toBe(1);
      expect(report.casesExamined, code).toBeGreaterThan(0);
    }

    const second = await run(CLI, ['--at', at], env);
    expect(second.code, second.output).toBe(0);
    for (const [code, report] of Object.entries(reports(second.output))) {
      expect(report, code).toEqual({
        ...firstReports[code],
        stagesRaised: 0,
        prioritiesChanged: 0,
        plansKept: 0,
        plansBroken: 0,
        tasksCreated: 0,
      });
    }

    const future = await run(CLI, ['--at', new Date(Date.now() + DAY).toISOString()], env);
    expect(future.code).not.toBe(0);
    expect(future.output).toMatch(/cannot be in the future/);
    const garbage = await run(CLI, ['--at', 'yesterday-ish'], env);
    expect(garbage.code).not.toBe(0);
    expect(garbage.output).toMatch(/--at/);
  }, 120_000);
});
