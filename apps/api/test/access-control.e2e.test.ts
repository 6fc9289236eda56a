import { type FieldNode, type OperationDefinitionNode, parse, validate } from 'graphql';
import { PARTNER_SCOPES } from '@arrears/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/db/seed.js';
import { graphqlSchema } from '../src/graphql/schema.js';
import { Borrower } from '../src/modules/borrower/borrower.entity.js';
import { AuditEvent } from '../src/modules/audit/audit-event.entity.js';
import { ThirdParty } from '../src/modules/borrower/third-party.entity.js';
import { Case } from '../src/modules/case/case.entity.js';
import { Contact } from '../src/modules/contact/contact.entity.js';
import { Feedback } from '../src/modules/feedback/feedback.entity.js';
import { Institution } from '../src/modules/institution/institution.entity.js';
import { PartnerApp } from '../src/modules/partner-app/partner-app.entity.js';
import { Task } from '../src/modules/task/task.entity.js';
import { User } from '../src/modules/user/user.entity.js';
import { VisitCollector } from '../src/modules/visit/visit-collector.entity.js';
import { Visit } from '../src/modules/visit/visit.entity.js';
import {
  clientOnOwnAddress,
  DEFAULT_LOGIN,
  DIALECTS,
  firstError,
  startTestApi,
  type GraphqlClient,
  type GraphqlResponse,
  type TestApi,
} from './harness.js';
import {
  freshNationalId,
  freshPhone,
  recentDaytime,
  shanghaiAt,
  shanghaiDate,
} from './fixtures.js';

/**
 * Who may call what, and see whose rows. Generated from the schema: every root field has an
 * entry in ROOT_FIELDS saying how to call it, and a test fails when the schema gains a root
 * field the table does not cover. With it: no protected field answers without credentials, an
 * actor of one bank aimed at another bank's ids is refused as if they did not exist (and its
 * rows stay as they were), collectors see only their own work, auditors write nothing, partner
 * keys carry only their scopes, and the session life cycle (login, lockout, refresh, logout)
 * behaves.
 */

// ---------------------------------------------------------------------------------------------
// Fixtures: the same set of rows in two institutions, made through the API by their own staff

/** Rows of one institution every probe can aim at. */
interface Target {
  institution: { id: string; code: string; name: string };
  supervisor: string;
  /** collector1 and collector2 of the institution. */
  collectors: [string, string];
  borrower: { id: string; fullName: string; nationalId: string; thirdPartyId: string };
  /** Assigned to collector1. */
  case: { id: string; loanNumber: string; version: number };
  contact: string;
  visits: { planned: string; confirmed: string; checkedIn: string };
  feedback: { id: string; receiptCode: string };
  partnerApp: { id: string; keyPrefix: string; name: string };
  /** An active promise on the case, partly paid. */
  plan: string;
  /** A cease request for e-mail, placed by hand. */
  hold: string;
  /** The hardship review a hardship request created. */
  task: string;
}

interface ProbeContext {
  /** Whose rows the probe aims at. */
  target: Target;
  /** The caller's own institution (the same as target outside the cross-tenant checks). */
  own: Target;
  api: TestApi;
}

type Variables = Record<string, unknown>;

/**
 * What an actor of institution A gets when it aims the field at institution B:
 * - refused: FORBIDDEN or NOT_FOUND, no data, nothing of B in the answer, B's rows unchanged;
 * - empty: a list filtered on B's rows is empty (or FORBIDDEN);
 * - own: the field takes no id of B; its answer holds nothing of B, B's rows unchanged;
 * - public: no sign-in needed (and no tenant: it is reached by a code or a login);
 * - session: ends the caller's own session; takes nothing to aim.
 */
type CrossTenant = 'refused' | 'empty' | 'own' | 'public' | 'session';

interface RootFieldCall {
  /** An operation that calls the field, and only it, at the root. */
  document: string;
  /** The variables of each probe; the first is the one the anonymous and auditor checks send. */
  probes: (c: ProbeContext) => Variables[] | Promise<Variables[]>;
  crossTenant: CrossTenant;
}

const borrowerInput = (institutionId: string, fullName = '越权探针') => ({
  institutionId,
  fullName,
  nationalId: freshNationalId(),
  phones: [freshPhone()],
  address: { province: '天津市', city: '天津市', district: '和平区', detail: '南京路1号' },
  thirdParties: [{ fullName: '探针亲属', relation: 'SPOUSE', phone: freshPhone() }],
});
let loanSerial = 0;
const caseInput = (institutionId: string, borrowerId: string, extra: Variables = {}) => {
  loanSerial += 1;
  return {
    institutionId,
    borrowerId,
    loanNumber: `AC-PROBE-${String(loanSerial).padStart(6, '0')}`,
    product: 'CREDIT_LOAN',
    principalAmount: '20000.00',
    outstandingAmount: '15000.00',
    overdueAmount: '2000.00',
    overdueSince: shanghaiDate(-40),
    ...extra,
  };
};
const visitWindow = (days: number) => ({
  windowStart: shanghaiAt(days, 10),
  windowEnd: shanghaiAt(days, 12),
});
const AT_THE_DOOR = { latitude: 39.9042, longitude: 116.4074, idShown: true, consentToEnter: true };
let paymentSerial = 0;
const paymentInput = (caseId: string) => {
  paymentSerial += 1;
  return {
    caseId,
    amount: '1.00',
    paidAt: recentDaytime(),
    channel: 'BANK_TRANSFER',
    externalRef: `AC-PAY-${String(paymentSerial).padStart(6, '0')}`,
  };
};
const FULL_VISIT_RECORD = {
  attitude: 'COOPERATIVE',
  willingness: 'HIGH',
  overdueReason: 'INCOME_LOSS',
  negotiatedResult: '同意分期',
  note: '探针记录',
  followUpDate: shanghaiDate(10),
};

const LOGIN = `mutation ($email: String!, $password: String!) {
  login(email: $email, password: $password) { token refreshToken expiresAt user { id email role } }
}`;
const REFRESH = `mutation ($token: String!) { refreshSession(refreshToken: $token) { token refreshToken user { id } } }`;
const ME = '{ me { id email role } }';

// ---------------------------------------------------------------------------------------------
// The table: every root field of the schema, how to call it, and what crossing tenants gives

const ROOT_FIELDS: Record<'query' | 'mutation', Record<string, RootFieldCall>> = {
  query: {
    auditEvents: {
      document:
        'query ($filter: AuditEventFilter) { auditEvents(filter: $filter, limit: 100) { totalCount nodes { id actor action entityType entityId before after } } }',
      probes: ({ target }) => [
        { filter: { institutionId: target.institution.id } },
        { filter: { entityId: target.case.id } },
        { filter: { actor: `user:${target.supervisor}` } },
      ],
      crossTenant: 'empty',
    },
    borrower: {
      document: 'query ($id: ID!) { borrower(id: $id) { id fullName nationalIdMasked } }',
      probes: ({ target }) => [{ id: target.borrower.id }],
      crossTenant: 'refused',
    },
    borrowers: {
      document:
        'query ($filter: BorrowerFilter) { borrowers(filter: $filter, limit: 100) { totalCount nodes { id fullName } } }',
      probes: ({ target }) => [
        { filter: { institutionId: target.institution.id } },
        { filter: { nationalId: target.borrower.nationalId } },
        { filter: { search: target.borrower.fullName } },
      ],
      crossTenant: 'empty',
    },
    canContact: {
      document:
        'query ($caseId: ID!, $channel: PolicyChannel!) { canContact(caseId: $caseId, channel: $channel) { allowed reasons { code } nextAllowedAt } }',
      probes: ({ target }) => [
        { caseId: target.case.id, channel: 'PHONE' },
        { caseId: target.case.id, channel: 'VISIT' },
      ],
      crossTenant: 'refused',
    },
    case: {
      document: 'query ($id: ID!) { case(id: $id) { id loanNumber } }',
      probes: ({ target }) => [{ id: target.case.id }],
      crossTenant: 'refused',
    },
    cases: {
      document:
        'query ($filter: CaseFilter) { cases(filter: $filter, limit: 100) { totalCount nodes { id loanNumber } } }',
      probes: ({ target }) => [
        { filter: { institutionId: target.institution.id } },
        { filter: { assigneeId: target.collectors[0] } },
        { filter: { search: target.case.loanNumber } },
      ],
      crossTenant: 'empty',
    },
    contacts: {
      document:
        'query ($filter: ContactFilter) { contacts(filter: $filter, limit: 100) { totalCount nodes { id } } }',
      probes: ({ target }) => [
        { filter: { institutionId: target.institution.id } },
        { filter: { caseId: target.case.id } },
        { filter: { madeById: target.collectors[0] } },
      ],
      crossTenant: 'empty',
    },
    collectionReport: {
      document:
        '{ collectionReport(days: 90) { total { contacts recovered } byCollector { collector { id email } metrics { contacts } } } }',
      probes: () => [{}],
      crossTenant: 'own',
    },
    feedback: {
      document:
        'query ($filter: FeedbackFilter) { feedback(filter: $filter, limit: 100) { totalCount nodes { id receiptCode } } }',
      probes: ({ target }) => [
        { filter: { institutionId: target.institution.id } },
        { filter: { caseId: target.case.id } },
      ],
      crossTenant: 'empty',
    },
    feedbackStatus: {
      document:
        'query ($code: String!) { feedbackStatus(receiptCode: $code) { receiptCode status } }',
      probes: ({ target }) => [{ code: target.feedback.receiptCode }],
      crossTenant: 'public',
    },
    institutions: {
      document: '{ institutions(limit: 100) { totalCount nodes { id code name } } }',
      probes: () => [{}],
      crossTenant: 'own',
    },
    me: {
      document: ME,
      probes: () => [{}],
      crossTenant: 'own',
    },
    myWorklist: {
      document:
        '{ myWorklist(limit: 100) { totalCount nodes { case { id loanNumber } priority { score } nextAction { kind allowed at } } } }',
      probes: () => [{}],
      crossTenant: 'own',
    },
    partnerApps: {
      document:
        '{ partnerApps(limit: 100) { totalCount nodes { id name keyPrefix scopes revokedAt } } }',
      probes: () => [{}],
      crossTenant: 'own',
    },
    payments: {
      document:
        'query ($filter: PaymentFilter) { payments(filter: $filter, limit: 100) { totalCount nodes { id externalRef } } }',
      probes: ({ target }) => [
        { filter: { caseId: target.case.id } },
        { filter: { planId: target.plan } },
      ],
      crossTenant: 'empty',
    },
    repaymentPlans: {
      document:
        'query ($filter: RepaymentPlanFilter) { repaymentPlans(filter: $filter, limit: 100) { totalCount nodes { id status } } }',
      probes: ({ target }) => [{ filter: { caseId: target.case.id } }],
      crossTenant: 'empty',
    },
    tasks: {
      document:
        'query ($filter: TaskFilter) { tasks(filter: $filter, limit: 100) { totalCount nodes { id kind } } }',
      probes: ({ target }) => [{ filter: { caseId: target.case.id } }],
      crossTenant: 'empty',
    },
    users: {
      document:
        'query ($filter: UserFilter) { users(filter: $filter, limit: 100) { totalCount nodes { id email } } }',
      probes: ({ target }) => [{ filter: { institutionId: target.institution.id } }],
      crossTenant: 'empty',
    },
    verifyAuditChain: {
      document:
        'query ($id: ID!) { verifyAuditChain(institutionId: $id) { ok checked brokenAtSequence reason } }',
      probes: ({ target }) => [{ id: target.institution.id }],
      crossTenant: 'refused',
    },
    visit: {
      document: 'query ($id: ID!) { visit(id: $id) { id status address } }',
      probes: ({ target }) => [{ id: target.visits.planned }],
      crossTenant: 'refused',
    },
    visits: {
      document:
        'query ($filter: VisitFilter) { visits(filter: $filter, limit: 100) { totalCount nodes { id } } }',
      probes: ({ target }) => [
        { filter: { institutionId: target.institution.id } },
        { filter: { caseId: target.case.id } },
        { filter: { collectorId: target.collectors[0] } },
      ],
      crossTenant: 'empty',
    },
  },
  mutation: {
    assignCase: {
      document:
        'mutation ($input: AssignCaseInput!) { assignCase(input: $input) { id assignee { id } } }',
      probes: ({ target, own }) => [
        { input: { caseId: target.case.id, assigneeId: target.collectors[1] } },
        { input: { caseId: target.case.id, assigneeId: null } },
        // One's own case, handed to another institution's collector.
        { input: { caseId: own.case.id, assigneeId: target.collectors[1] } },
      ],
      crossTenant: 'refused',
    },
    cancelRepaymentPlan: {
      document:
        'mutation ($input: CancelRepaymentPlanInput!) { cancelRepaymentPlan(input: $input) { id status } }',
      probes: ({ target }) => [{ input: { planId: target.plan, reason: '越权探针' } }],
      crossTenant: 'refused',
    },
    cancelVisit: {
      document: 'mutation ($input: CancelVisitInput!) { cancelVisit(input: $input) { id status } }',
      probes: ({ target }) => [{ input: { visitId: target.visits.planned, reason: '越权探针' } }],
      crossTenant: 'refused',
    },
    checkInVisit: {
      document:
        'mutation ($input: CheckInVisitInput!) { checkInVisit(input: $input) { id status } }',
      probes: ({ target }) => [{ input: { visitId: target.visits.confirmed, ...AT_THE_DOOR } }],
      crossTenant: 'refused',
    },
    completeTask: {
      document: 'mutation ($id: ID!) { completeTask(id: $id) { id status } }',
      probes: ({ target }) => [{ id: target.task }],
      crossTenant: 'refused',
    },
    confirmVisit: {
      document:
        'mutation ($input: ConfirmVisitInput!) { confirmVisit(input: $input) { id status } }',
      probes: ({ target, own }) => [
        { input: { visitId: target.visits.planned, confirmedVia: '电话确认' } },
        {
          input: {
            visitId: own.visits.planned,
            confirmedVia: '电话确认',
            confirmedById: target.collectors[0],
          },
        },
      ],
      crossTenant: 'refused',
    },
    createBorrower: {
      document:
        'mutation ($input: CreateBorrowerInput!) { createBorrower(input: $input) { id fullName } }',
      probes: ({ target }) => [{ input: borrowerInput(target.institution.id) }],
      crossTenant: 'refused',
    },
    createCase: {
      document:
        'mutation ($input: CreateCaseInput!) { createCase(input: $input) { id loanNumber } }',
      probes: ({ target, own }) => [
        { input: caseInput(target.institution.id, target.borrower.id) },
        // A case of one's own institution for another's borrower, or with its collector.
        { input: caseInput(own.institution.id, target.borrower.id) },
        {
          input: caseInput(own.institution.id, own.borrower.id, {
            assigneeId: target.collectors[0],
          }),
        },
      ],
      crossTenant: 'refused',
    },
    createUser: {
      document: 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id email } }',
      probes: ({ target }) => [
        {
          input: {
            institutionId: target.institution.id,
            email: `probe-${target.institution.code.toLowerCase()}@example.com`,
            displayName: '越权探针',
            role: 'COLLECTOR',
            password: 'probe-password-123',
          },
        },
      ],
      crossTenant: 'refused',
    },
    createRepaymentPlan: {
      document:
        'mutation ($input: CreateRepaymentPlanInput!) { createRepaymentPlan(input: $input) { id status } }',
      probes: ({ target }) => [
        {
          input: {
            caseId: target.case.id,
            kind: 'PROMISE',
            total: '100.00',
            installments: [{ dueDate: shanghaiDate(7), amount: '100.00' }],
          },
        },
      ],
      crossTenant: 'refused',
    },
    createPartnerApp: {
      document:
        'mutation ($input: CreatePartnerAppInput!) { createPartnerApp(input: $input) { app { id name scopes } apiKey } }',
      probes: () => [{ input: { name: '越权探针应用', scopes: ['cases:read'] } }],
      crossTenant: 'own',
    },
    logContact: {
      document:
        'mutation ($input: LogContactInput!) { logContact(input: $input) { id case { id } } }',
      probes: ({ target, own }) => [
        {
          input: {
            caseId: target.case.id,
            channel: 'SMS',
            result: 'DELIVERED',
            occurredAt: recentDaytime(),
          },
        },
        {
          input: {
            caseId: own.case.id,
            channel: 'SMS',
            result: 'DELIVERED',
            occurredAt: recentDaytime(),
            madeById: target.collectors[0],
          },
        },
        {
          input: {
            caseId: own.case.id,
            channel: 'SMS',
            result: 'DELIVERED',
            occurredAt: recentDaytime(),
            thirdPartyId: target.borrower.thirdPartyId,
          },
        },
      ],
      crossTenant: 'refused',
    },
    login: {
      document: LOGIN,
      probes: () => [{ email: 'collector3@psbc.demo', password: DEMO_PASSWORD }],
      crossTenant: 'public',
    },
    logout: {
      document: 'mutation { logout }',
      probes: () => [{}],
      crossTenant: 'session',
    },
    placeHold: {
      document: 'mutation ($input: PlaceHoldInput!) { placeHold(input: $input) { id kind } }',
      probes: ({ target }) => [
        { input: { caseId: target.case.id, kind: 'DISPUTE', reason: '越权探针' } },
      ],
      crossTenant: 'refused',
    },
    recordContactConsent: {
      document:
        'mutation ($input: RecordContactConsentInput!) { recordContactConsent(input: $input) { id contactConsent { windowStart windowEnd } } }',
      probes: ({ target }) => [
        {
          input: {
            borrowerId: target.borrower.id,
            windowStart: '07:00',
            windowEnd: '23:00',
            evidence: 'rec://probe',
          },
        },
      ],
      crossTenant: 'refused',
    },
    recordPayment: {
      document:
        'mutation ($input: RecordPaymentInput!) { recordPayment(input: $input) { id externalRef } }',
      probes: ({ target }) => [{ input: paymentInput(target.case.id) }],
      crossTenant: 'refused',
    },
    recordVisitOutcome: {
      document:
        'mutation ($input: RecordVisitOutcomeInput!) { recordVisitOutcome(input: $input) { id status } }',
      probes: ({ target }) => [
        { input: { visitId: target.visits.checkedIn, outcome: 'COMPLETED', ...FULL_VISIT_RECORD } },
      ],
      crossTenant: 'refused',
    },
    refreshSession: {
      document: REFRESH,
      probes: async ({ api }) => {
        const { login } = await api
          .withHeaders({})
          .data<{ login: { refreshToken: string } }>(LOGIN, {
            email: 'collector3@psbc.demo',
            password: DEMO_PASSWORD,
          });
        return [{ token: login.refreshToken }];
      },
      crossTenant: 'public',
    },
    releaseHold: {
      document:
        'mutation ($input: ReleaseHoldInput!) { releaseHold(input: $input) { id releasedAt } }',
      probes: ({ target }) => [{ input: { holdId: target.hold, note: '越权探针' } }],
      crossTenant: 'refused',
    },
    rescheduleVisit: {
      document:
        'mutation ($input: RescheduleVisitInput!) { rescheduleVisit(input: $input) { id status } }',
      probes: ({ target }) => [{ input: { visitId: target.visits.planned, ...visitWindow(6) } }],
      crossTenant: 'refused',
    },
    revealBorrowerPII: {
      document:
        'mutation ($id: ID!, $reason: String!) { revealBorrowerPII(borrowerId: $id, reason: $reason) { nationalId phones } }',
      probes: ({ target }) => [{ id: target.borrower.id, reason: '核实借款人身份' }],
      crossTenant: 'refused',
    },
    revokePartnerApp: {
      document:
        'mutation ($input: PartnerAppKeyInput!) { revokePartnerApp(input: $input) { id revokedAt } }',
      probes: ({ target }) => [{ input: { id: target.partnerApp.id } }],
      crossTenant: 'refused',
    },
    rotatePartnerAppKey: {
      document:
        'mutation ($input: PartnerAppKeyInput!) { rotatePartnerAppKey(input: $input) { app { id keyPrefix } apiKey } }',
      probes: ({ target }) => [{ input: { id: target.partnerApp.id } }],
      crossTenant: 'refused',
    },
    runDailyCycle: {
      document:
        'mutation { runDailyCycle { institutions casesExamined stagesRaised plansKept plansBroken tasksCreated } }',
      probes: () => [{}],
      crossTenant: 'own',
    },
    scheduleVisit: {
      document:
        'mutation ($input: ScheduleVisitInput!) { scheduleVisit(input: $input) { id status } }',
      probes: ({ target, own }) => [
        {
          input: {
            caseId: target.case.id,
            collectorIds: target.collectors,
            purpose: '越权探针',
            ...visitWindow(5),
          },
        },
        {
          input: {
            caseId: own.case.id,
            collectorIds: own.collectors,
            purpose: '越权探针',
            plannedById: target.supervisor,
            ...visitWindow(5),
          },
        },
      ],
      crossTenant: 'refused',
    },
    setUserActive: {
      document: 'mutation ($id: ID!) { setUserActive(id: $id, active: false) { id active } }',
      probes: ({ target }) => [{ id: target.collectors[1] }],
      crossTenant: 'refused',
    },
    submitFeedback: {
      document:
        'mutation ($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { receiptCode status } }',
      probes: ({ target }) => [
        {
          input: {
            institutionCode: target.institution.code,
            caseReference: target.case.loanNumber,
            verification: target.borrower.nationalId.slice(-4),
            kind: 'SUGGESTION',
            category: 'SERVICE',
            message: '希望增加线上还款渠道。',
          },
        },
      ],
      crossTenant: 'public',
    },
    updateCase: {
      document:
        'mutation ($input: UpdateCaseInput!) { updateCase(input: $input) { id priority version } }',
      probes: ({ target }) => [
        { input: { id: target.case.id, version: target.case.version, priority: 99 } },
      ],
      crossTenant: 'refused',
    },
    withdrawContactConsent: {
      document:
        'mutation ($id: ID!) { withdrawContactConsent(borrowerId: $id) { id contactConsent { windowStart } } }',
      probes: ({ target }) => [{ id: target.borrower.id }],
      crossTenant: 'refused',
    },
    updateCollectionPolicy: {
      document:
        'mutation ($input: UpdateCollectionPolicyInput!) { updateCollectionPolicy(input: $input) { id } }',
      probes: ({ target }) => [
        { input: { institutionId: target.institution.id, holidayCalendar: true } },
      ],
      crossTenant: 'refused',
    },
    updateFeedbackStatus: {
      document:
        'mutation ($input: UpdateFeedbackStatusInput!) { updateFeedbackStatus(input: $input) { id status } }',
      probes: ({ target, own }) => [
        { input: { id: target.feedback.id, status: 'ACKNOWLEDGED' } },
        {
          input: { id: own.feedback.id, status: 'ACKNOWLEDGED', handledById: target.supervisor },
        },
      ],
      crossTenant: 'refused',
    },
  },
};

/** Fields anyone may call without signing in. */
const PUBLIC_FIELDS = ['feedbackStatus', 'login', 'refreshSession', 'submitFeedback'];

const ENTRIES = (['query', 'mutation'] as const).flatMap((operation) =>
  Object.entries(ROOT_FIELDS[operation]).map(([name, call]) => ({ operation, name, call })),
);
const entry = (name: string) => ENTRIES.find((e) => e.name === name)!;

// ---------------------------------------------------------------------------------------------
// Helpers

/** The answer holds no data: null, or null for every root field asked for. */
function expectNoData(result: GraphqlResponse<unknown>, what: string): void {
  const data = result.data as Record<string, unknown> | null | undefined;
  if (data == null) return;
  for (const [field, value] of Object.entries(data)) expect(value, `${what}: ${field}`).toBeNull();
}

/** Every string a set of variables carries (an id sent may be echoed in "… not found"). */
function sentStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(sentStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(sentStrings);
  return [];
}

/** What of institution B must never show in an answer to A. */
function markers(t: Target): string[] {
  return [
    t.institution.id,
    t.institution.name,
    t.supervisor,
    ...t.collectors,
    t.borrower.id,
    t.borrower.fullName,
    t.borrower.nationalId,
    t.borrower.thirdPartyId,
    t.case.id,
    t.case.loanNumber,
    t.contact,
    ...Object.values(t.visits),
    t.feedback.id,
    t.feedback.receiptCode,
    t.partnerApp.id,
    t.partnerApp.keyPrefix,
    t.partnerApp.name,
    t.plan,
    t.hold,
    t.task,
  ];
}

function expectNothingOf(
  t: Target,
  result: GraphqlResponse<unknown>,
  variables: Variables,
  what: string,
): void {
  let text = JSON.stringify(result);
  for (const sent of sentStrings(variables).filter((s) => s.length >= 8))
    text = text.split(sent).join('<sent>');
  for (const marker of markers(t)) expect(text, `${what} shows ${marker}`).not.toContain(marker);
}

interface Connection {
  totalCount: number;
  nodes: { id: string }[];
}

describe.each(DIALECTS)('access control on %s', (dialect) => {
  let api: TestApi;
  /** PSBC, the institution the actors belong to, and KMB, the one they aim at. */
  let psbc: Target;
  let kmb: Target;
  /** An API key of PSBC with every partner scope. */
  let partnerKey: string;

  /** Straight from the database: one institution's rows, for before/after comparisons. */
  async function snapshot(t: Target) {
    const em = api.orm.em.fork();
    const where = { institution: t.institution.id };
    const unscoped = { filters: false } as const;
    const [borrowers, thirdParties, cases, contacts, visits, feedback, apps, users] =
      await Promise.all([
        em.count(Borrower, where, unscoped),
        em.count(ThirdParty, where, unscoped),
        em.find(Case, where, { ...unscoped, orderBy: { id: 'asc' } }),
        em.count(Contact, where, unscoped),
        em.find(Visit, where, { ...unscoped, orderBy: { id: 'asc' } }),
        em.find(Feedback, where, { ...unscoped, orderBy: { id: 'asc' } }),
        em.find(PartnerApp, where, { ...unscoped, orderBy: { id: 'asc' } }),
        em.count(User, where, unscoped),
      ]);
    return {
      borrowers,
      thirdParties,
      contacts,
      users,
      cases: cases.map((c) => [
        c.id,
        c.version,
        c.status,
        c.priority,
        c.assignee?.id ?? null,
        c.updatedAt.getTime(),
      ]),
      visits: visits.map((v) => [
        v.id,
        v.status,
        v.confirmedAt?.getTime() ?? null,
        v.checkedInAt?.getTime() ?? null,
      ]),
      feedback: feedback.map((f) => [f.id, f.status, f.acknowledgedAt?.getTime() ?? null]),
      apps: apps.map((a) => [a.id, a.keyPrefix, a.revokedAt?.getTime() ?? null]),
    };
  }

  /** One institution's set of rows, made through the API by its own supervisor and admin. */
  async function makeTarget(code: string): Promise<Target> {
    const domain = `${code.toLowerCase()}.demo`;
    const supervisor = await api.as(`supervisor@${domain}`);
    const admin = await api.as(`admin@${domain}`);
    const em = api.orm.em.fork();
    const institution = await em.findOneOrFail(Institution, { code }, { filters: false });
    const staff = await em.find(User, { institution }, { filters: false });
    const userId = (local: string) => staff.find((u) => u.email === `${local}@${domain}`)!.id;
    const collectors: [string, string] = [userId('collector1'), userId('collector2')];

    const input = borrowerInput(institution.id, `探针${code}借款人`);
    const { createBorrower: borrower } = await supervisor.data<{
      createBorrower: { id: string; fullName: string };
    }>(
      'mutation ($input: CreateBorrowerInput!) { createBorrower(input: $input) { id fullName } }',
      {
        input,
      },
    );
    const thirdParty = await em.findOneOrFail(
      ThirdParty,
      { borrower: borrower.id },
      { filters: false },
    );
    const { createCase: created } = await supervisor.data<{
      createCase: { id: string; loanNumber: string };
    }>('mutation ($input: CreateCaseInput!) { createCase(input: $input) { id loanNumber } }', {
      input: caseInput(institution.id, borrower.id, {
        assigneeId: collectors[0],
        loanNumber: `AC-${code}-000001`,
      }),
    });
    const { logContact: contact } = await supervisor.data<{ logContact: { id: string } }>(
      'mutation ($input: LogContactInput!) { logContact(input: $input) { id } }',
      {
        input: {
          caseId: created.id,
          channel: 'SMS',
          result: 'DELIVERED',
          occurredAt: recentDaytime(),
          madeById: collectors[0],
        },
      },
    );
    const schedule = async (days: number) =>
      (
        await supervisor.data<{ scheduleVisit: { id: string } }>(
          'mutation ($input: ScheduleVisitInput!) { scheduleVisit(input: $input) { id } }',
          {
            input: {
              caseId: created.id,
              collectorIds: collectors,
              purpose: '上门核实',
              ...visitWindow(days),
            },
          },
        )
      ).scheduleVisit.id;
    const [planned, confirmed, checkedIn] = [
      await schedule(1),
      await schedule(2),
      await schedule(3),
    ];
    for (const visitId of [confirmed, checkedIn])
      await supervisor.data(
        'mutation ($input: ConfirmVisitInput!) { confirmVisit(input: $input) { id } }',
        { input: { visitId, confirmedVia: '电话确认' } },
      );
    // At the door a quarter of an hour into its window.
    api.setNow(new Date(Date.parse(visitWindow(3).windowStart) + 15 * 60_000));
    try {
      await supervisor.data(
        'mutation ($input: CheckInVisitInput!) { checkInVisit(input: $input) { id } }',
        { input: { visitId: checkedIn, ...AT_THE_DOOR } },
      );
    } finally {
      api.setNow(null);
    }
    const { createRepaymentPlan: plan } = await supervisor.data<{
      createRepaymentPlan: { id: string };
    }>(
      'mutation ($input: CreateRepaymentPlanInput!) { createRepaymentPlan(input: $input) { id } }',
      {
        input: {
          caseId: created.id,
          kind: 'PROMISE',
          total: '500.00',
          installments: [{ dueDate: shanghaiDate(10), amount: '500.00' }],
        },
      },
    );
    await supervisor.data(
      'mutation ($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }',
      { input: paymentInput(created.id) },
    );
    const { placeHold: hold } = await supervisor.data<{ placeHold: { id: string } }>(
      'mutation ($input: PlaceHoldInput!) { placeHold(input: $input) { id } }',
      {
        input: {
          caseId: created.id,
          kind: 'CEASE_CHANNEL',
          channel: 'EMAIL',
          reason: '借款人要求停止邮件联系',
        },
      },
    );
    const { submitFeedback } = await api.withHeaders({}).data<{
      submitFeedback: { receiptCode: string };
    }>('mutation ($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { receiptCode } }', {
      input: {
        institutionCode: code,
        caseReference: created.loanNumber,
        verification: input.nationalId.slice(-4),
        kind: 'COMPLAINT',
        category: 'CONTACT_AT_NIGHT',
        message: '夜间接到催收短信。',
      },
    });
    const feedback = await em.findOneOrFail(
      Feedback,
      { receiptCode: submitFeedback.receiptCode },
      { filters: false },
    );
    await api
      .withHeaders({})
      .data(
        'mutation ($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { receiptCode } }',
        {
          input: {
            institutionCode: code,
            caseReference: created.loanNumber,
            verification: input.nationalId.slice(-4),
            kind: 'HARDSHIP',
            category: 'OTHER',
            message: '近期失业，申请困难分期。',
          },
        },
      );
    const task = await em.findOneOrFail(
      Task,
      { case: created.id, kind: 'HARDSHIP_REVIEW' },
      { filters: false },
    );
    const appName = `${code}核心系统`;
    const { createPartnerApp } = await admin.data<{
      createPartnerApp: { app: { id: string; keyPrefix: string } };
    }>(
      'mutation ($input: CreatePartnerAppInput!) { createPartnerApp(input: $input) { app { id keyPrefix } } }',
      { input: { name: appName, scopes: ['cases:read', 'contacts:write'] } },
    );
    const { case: current } = await supervisor.data<{ case: { version: number } }>(
      'query ($id: ID!) { case(id: $id) { version } }',
      { id: created.id },
    );
    return {
      institution: { id: institution.id, code, name: institution.name },
      supervisor: userId('supervisor'),
      collectors,
      borrower: {
        id: borrower.id,
        fullName: borrower.fullName,
        nationalId: input.nationalId,
        thirdPartyId: thirdParty.id,
      },
      case: { id: created.id, loanNumber: created.loanNumber, version: current.version },
      contact: contact.id,
      visits: { planned, confirmed, checkedIn },
      feedback: { id: feedback.id, receiptCode: submitFeedback.receiptCode },
      partnerApp: { ...createPartnerApp.app, name: appName },
      plan: plan.id,
      hold: hold.id,
      task: task.id,
    };
  }

  beforeAll(async () => {
    api = await startTestApi(dialect, { seedScale: 0.03 });
    psbc = await makeTarget('PSBC');
    kmb = await makeTarget('KMB');
    const admin = await api.as('admin@psbc.demo');
    const { createPartnerApp } = await admin.data<{ createPartnerApp: { apiKey: string } }>(
      'mutation ($input: CreatePartnerAppInput!) { createPartnerApp(input: $input) { apiKey } }',
      { input: { name: 'PSBC 全权限接口', scopes: [...PARTNER_SCOPES] } },
    );
    partnerKey = createPartnerApp.apiKey;
  });
  afterAll(() => api?.close());

  // -------------------------------------------------------------------------------------------

  describe('the table covers the schema', () => {
    it('has an entry for every root query and mutation, and none the schema lacks', async () => {
      const schema = await graphqlSchema();
      expect(Object.keys(ROOT_FIELDS.query).sort()).toEqual(
        Object.keys(schema.getQueryType()!.getFields()).sort(),
      );
      expect(Object.keys(ROOT_FIELDS.mutation).sort()).toEqual(
        Object.keys(schema.getMutationType()?.getFields() ?? {}).sort(),
      );
      for (const name of PUBLIC_FIELDS) expect(entry(name)?.call.crossTenant, name).toBe('public');
      expect(ENTRIES.filter((e) => e.call.crossTenant === 'public').map((e) => e.name)).toEqual(
        expect.arrayContaining(PUBLIC_FIELDS),
      );
      expect(ENTRIES.filter((e) => e.call.crossTenant === 'public')).toHaveLength(
        PUBLIC_FIELDS.length,
      );
    });

    it.each(ENTRIES.map((e) => [e.name, e] as const))(
      "%s's document is valid and calls that field alone",
      async (name, { operation, call }) => {
        const schema = await graphqlSchema();
        const document = parse(call.document);
        expect(validate(schema, document)).toEqual([]);
        const [op, ...more] = document.definitions as OperationDefinitionNode[];
        expect(more).toHaveLength(0);
        expect(op!.operation).toBe(operation);
        const fields = op!.selectionSet.selections as FieldNode[];
        expect(fields.map((f) => f.name.value)).toEqual([name]);
      },
    );
  });

  // -------------------------------------------------------------------------------------------

  describe('without credentials', () => {
    const protectedFields = ENTRIES.filter((e) => !PUBLIC_FIELDS.includes(e.name));

    it.each(protectedFields.map((e) => [e.name, e] as const))(
      '%s is UNAUTHENTICATED and changes nothing',
      async (name, { call, operation }) => {
        const [variables] = await call.probes({ target: psbc, own: psbc, api });
        const before = operation === 'mutation' ? await snapshot(psbc) : null;
        const result = await api.withHeaders({}).gql(call.document, variables);
        expect(firstError(result).code, JSON.stringify(result.errors)).toBe('UNAUTHENTICATED');
        expectNoData(result, name);
        if (before) expect(await snapshot(psbc)).toEqual(before);
      },
    );

    it.each(PUBLIC_FIELDS)('%s answers without credentials', async (name) => {
      const { call } = entry(name);
      const [variables] = await call.probes({ target: psbc, own: psbc, api });
      const result = await api
        .withHeaders({})
        .gql<Record<string, unknown>>(call.document, variables);
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      expect(result.data?.[name]).toBeTruthy();
    });

    it('credentials that do not check out count as none: UNAUTHENTICATED', async () => {
      for (const headers of [
        { authorization: 'Bearer not-a-token' } as Record<string, string>,
        { authorization: 'Bearer ark_000000000000_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' },
        { 'x-api-key': 'ark_not_a_key' },
        { 'x-api-key': `${partnerKey.slice(0, -1)}${partnerKey.endsWith('A') ? 'B' : 'A'}` },
      ]) {
        const result = await api.withHeaders(headers).gql(entry('cases').call.document);
        expect(firstError(result).code, JSON.stringify(headers)).toBe('UNAUTHENTICATED');
        expectNoData(result, JSON.stringify(headers));
      }
    });
  });

  // -------------------------------------------------------------------------------------------

  describe('across institutions: PSBC staff and partner aimed at KMB rows', () => {
    /** The PSBC actors: a supervisor, an admin and a partner app holding every scope. */
    const actors = async (): Promise<[string, GraphqlClient][]> => [
      [DEFAULT_LOGIN, await api.as(DEFAULT_LOGIN)],
      ['admin@psbc.demo', await api.as('admin@psbc.demo')],
      ['partner (all scopes)', api.withHeaders({ 'x-api-key': partnerKey })],
    ];

    it.each(
      ENTRIES.filter((e) => e.call.crossTenant === 'refused').map((e) => [e.name, e] as const),
    )(
      '%s with KMB ids is FORBIDDEN or NOT_FOUND, answers nothing of KMB and changes nothing',
      async (name, { call, operation }) => {
        const probes = await call.probes({ target: kmb, own: psbc, api });
        const kmbAudit = () =>
          api.orm.em
            .fork()
            .count(AuditEvent, { institution: kmb.institution.id }, { filters: false });
        const auditBefore = await kmbAudit();
        let notFound = 0;
        for (const [who, client] of await actors()) {
          for (const variables of probes) {
            const what = `${name} as ${who} with ${JSON.stringify(variables)}`;
            const before =
              operation === 'mutation' ? [await snapshot(kmb), await snapshot(psbc)] : null;
            const result = await client.gql(call.document, variables);
            const { code } = firstError(result);
            expect(
              ['FORBIDDEN', 'NOT_FOUND'],
              `${what}: ${JSON.stringify(result.errors)}`,
            ).toContain(code);
            if (code === 'NOT_FOUND') notFound += 1;
            expectNoData(result, what);
            expectNothingOf(kmb, result, variables, what);
            if (before) expect([await snapshot(kmb), await snapshot(psbc)], what).toEqual(before);
          }
        }
        // Nothing happened at KMB, so its audit trail has nothing new either.
        expect(await kmbAudit(), `${name}: KMB audit events`).toBe(auditBefore);
        // At least one actor held the permission, so the refusal came from the data scope.
        expect(notFound, `${name}: some actor got past the permission check`).toBeGreaterThan(0);
      },
    );

    it.each(ENTRIES.filter((e) => e.call.crossTenant === 'empty').map((e) => [e.name, e] as const))(
      '%s filtered on KMB rows is an empty list',
      async (name, { call }) => {
        const probes = await call.probes({ target: kmb, own: psbc, api });
        let empty = 0;
        for (const [who, client] of await actors()) {
          for (const variables of probes) {
            const what = `${name} as ${who} with ${JSON.stringify(variables)}`;
            const result = await client.gql<Record<string, Connection>>(call.document, variables);
            expectNothingOf(kmb, result, variables, what);
            if (result.errors) {
              expect(firstError(result).code, what).toBe('FORBIDDEN');
              continue;
            }
            expect(result.data![name], what).toEqual({ totalCount: 0, nodes: [] });
            empty += 1;
          }
        }
        expect(empty, `${name}: some actor could read the list`).toBeGreaterThan(0);
        // The same probes aimed at PSBC's own rows do find them: the filters are not just broken.
        // (The admin reads every list, the audit trail included.)
        const admin = await api.as('admin@psbc.demo');
        for (const variables of await call.probes({ target: psbc, own: psbc, api })) {
          const own = await admin.data<Record<string, Connection>>(call.document, variables);
          expect(own[name]!.totalCount, JSON.stringify(variables)).toBeGreaterThan(0);
        }
      },
    );

    it.each(ENTRIES.filter((e) => e.call.crossTenant === 'own').map((e) => [e.name, e] as const))(
      '%s answers with PSBC rows only and changes nothing at KMB',
      async (name, { call, operation }) => {
        const probes = await call.probes({ target: kmb, own: psbc, api });
        let answered = 0;
        for (const [who, client] of await actors()) {
          for (const variables of probes) {
            const what = `${name} as ${who}`;
            const before = operation === 'mutation' ? await snapshot(kmb) : null;
            const result = await client.gql<Record<string, unknown>>(call.document, variables);
            expectNothingOf(kmb, result, variables, what);
            if (before) expect(await snapshot(kmb), what).toEqual(before);
            if (result.errors) {
              expect(firstError(result).code, what).toBe('FORBIDDEN');
              continue;
            }
            if (result.data?.[name]) answered += 1;
          }
        }
        expect(answered, `${name}: some actor got an answer`).toBeGreaterThan(0);
      },
    );

    it('institutions is PSBC alone; partnerApps are PSBC apps; createPartnerApp makes a PSBC app', async () => {
      const admin = await api.as('admin@psbc.demo');
      const { institutions } = await admin.data<{ institutions: Connection }>(
        entry('institutions').call.document,
      );
      expect(institutions.nodes.map((n) => n.id)).toEqual([psbc.institution.id]);
      const { partnerApps } = await admin.data<{ partnerApps: Connection }>(
        entry('partnerApps').call.document,
      );
      const own = await api.orm.em
        .fork()
        .find(PartnerApp, { institution: psbc.institution.id }, { filters: false });
      expect(new Set(partnerApps.nodes.map((n) => n.id))).toEqual(new Set(own.map((a) => a.id)));
      const { createPartnerApp } = await admin.data<{ createPartnerApp: { app: { id: string } } }>(
        entry('createPartnerApp').call.document,
        { input: { name: '归属检查', scopes: ['cases:read'] } },
      );
      const app = await api.orm.em
        .fork()
        .findOneOrFail(PartnerApp, { id: createPartnerApp.app.id }, { filters: false });
      expect(app.institution.id).toBe(psbc.institution.id);
    });
  });

  // -------------------------------------------------------------------------------------------

  describe('collectors see and work only their own cases', () => {
    let collector1: GraphqlClient;
    let c1: string;
    let c2: string;
    /** A PSBC case assigned to collector2, with a visit collector1 is not on. */
    let theirs: { id: string; version: number; loanNumber: string };
    let theirVisit: string;
    /** Another case of collector2's, with a visit collector1 is on (a pair visits together). */
    let shared: { id: string; version: number; loanNumber: string };
    let sharedVisit: string;

    beforeAll(async () => {
      collector1 = await api.as('collector1@psbc.demo');
      [c1, c2] = psbc.collectors;
      const supervisor = await api.as(DEFAULT_LOGIN);
      const colleagueCase = async (name: string) => {
        const { createBorrower } = await supervisor.data<{ createBorrower: { id: string } }>(
          entry('createBorrower').call.document,
          { input: borrowerInput(psbc.institution.id, name) },
        );
        const { createCase } = await supervisor.data<{
          createCase: { id: string; version: number; loanNumber: string };
        }>(
          'mutation ($input: CreateCaseInput!) { createCase(input: $input) { id version loanNumber } }',
          { input: caseInput(psbc.institution.id, createBorrower.id, { assigneeId: c2 }) },
        );
        return createCase;
      };
      const visit = async (caseId: string, collectorIds: string[]) =>
        (
          await supervisor.data<{ scheduleVisit: { id: string } }>(
            entry('scheduleVisit').call.document,
            { input: { caseId, collectorIds, purpose: '上门', ...visitWindow(4) } },
          )
        ).scheduleVisit.id;
      const c3 = (
        await api.orm.em
          .fork()
          .findOneOrFail(User, { email: 'collector3@psbc.demo' }, { filters: false })
      ).id;
      theirs = await colleagueCase('同事的借款人');
      theirVisit = await visit(theirs.id, [c2, c3]);
      shared = await colleagueCase('同行的借款人');
      sharedVisit = await visit(shared.id, [c1, c2]);
    });

    it("reads their own case, and a colleague's case is NOT_FOUND", async () => {
      const own = await collector1.gql(entry('case').call.document, { id: psbc.case.id });
      expect(own.errors).toBeUndefined();
      const result = await collector1.gql(entry('case').call.document, { id: theirs.id });
      expect(firstError(result).code).toBe('NOT_FOUND');
      expectNoData(result, 'case');
      const visit = await collector1.gql(entry('visit').call.document, { id: theirVisit });
      expect(firstError(visit).code).toBe('NOT_FOUND');
      for (const [list, filter] of [
        ['cases', { search: theirs.loanNumber }],
        ['contacts', { caseId: theirs.id }],
        ['visits', { caseId: theirs.id }],
        ['feedback', { caseId: theirs.id }],
      ] as const) {
        const { [list]: page } = await collector1.data<Record<string, Connection>>(
          entry(list).call.document,
          { filter },
        );
        expect(page, list).toEqual({ totalCount: 0, nodes: [] });
      }
    });

    /** The writes a collector might try on a colleague's case; each must be refused. */
    const writesOn = (target: { id: string; version: number }): [string, Variables][] => [
      ['updateCase', { input: { id: target.id, version: target.version, priority: 1 } }],
      [
        'logContact',
        {
          input: {
            caseId: target.id,
            channel: 'SMS',
            result: 'DELIVERED',
            occurredAt: recentDaytime(),
          },
        },
      ],
      [
        'scheduleVisit',
        {
          input: { caseId: target.id, collectorIds: [c1, c2], purpose: '抢单', ...visitWindow(6) },
        },
      ],
      ['assignCase', { input: { caseId: target.id, assigneeId: c1 } }],
    ];
    async function expectWritesRefused(writes: [string, Variables][]): Promise<void> {
      const before = await snapshot(psbc);
      for (const [name, variables] of writes) {
        const result = await collector1.gql(entry(name).call.document, variables);
        expect(['NOT_FOUND', 'FORBIDDEN'], `${name}: ${JSON.stringify(result)}`).toContain(
          firstError(result).code,
        );
        expectNoData(result, name);
      }
      expect(await snapshot(psbc)).toEqual(before);
    }

    it("cannot write to a colleague's case (NOT_FOUND or FORBIDDEN), which stays as it was", async () => {
      await expectWritesRefused([
        ...writesOn(theirs),
        ['confirmVisit', { input: { visitId: theirVisit, confirmedVia: '电话确认' } }],
      ]);
    });

    // The brief's rule: a case assigned to a colleague is neither readable nor writable, even when
    // the collector accompanies the colleague on one of its visits (the visit shows its case).
    it("a colleague's case they accompany on a visit is still NOT_FOUND, and not writable", async () => {
      const read = await collector1.gql(entry('case').call.document, { id: shared.id });
      expect(firstError(read).code, JSON.stringify(read)).toBe('NOT_FOUND');
      expectNoData(read, 'case');
      const { cases } = await collector1.data<{ cases: Connection }>(entry('cases').call.document, {
        filter: { search: shared.loanNumber },
      });
      expect(cases).toEqual({ totalCount: 0, nodes: [] });
      await expectWritesRefused(writesOn(shared));
    });

    it('can write to their own case (the refusals above are not a blanket no)', async () => {
      const supervisor = await api.as(DEFAULT_LOGIN);
      const { createBorrower } = await supervisor.data<{ createBorrower: { id: string } }>(
        entry('createBorrower').call.document,
        { input: borrowerInput(psbc.institution.id, '自己的借款人') },
      );
      const { createCase: mine } = await supervisor.data<{
        createCase: { id: string; version: number };
      }>('mutation ($input: CreateCaseInput!) { createCase(input: $input) { id version } }', {
        input: caseInput(psbc.institution.id, createBorrower.id, { assigneeId: c1 }),
      });
      const { updateCase } = await collector1.data<{ updateCase: { priority: number } }>(
        entry('updateCase').call.document,
        { input: { id: mine.id, version: mine.version, priority: 42 } },
      );
      expect(updateCase.priority).toBe(42);
    });

    it('cannot assign cases, not even their own (FORBIDDEN)', async () => {
      const before = await snapshot(psbc);
      for (const input of [
        { caseId: psbc.case.id, assigneeId: c2 },
        { caseId: psbc.case.id, assigneeId: null },
      ]) {
        const result = await collector1.gql(entry('assignCase').call.document, { input });
        expect(firstError(result).code).toBe('FORBIDDEN');
        expectNoData(result, 'assignCase');
      }
      expect(await snapshot(psbc)).toEqual(before);
    });

    /** Every row of a list, by offset pages. */
    async function all(client: GraphqlClient, list: string, fields = 'id'): Promise<string[]> {
      const ids: string[] = [];
      for (let offset = 0; ; offset += 100) {
        const page = await client.data<
          Record<string, { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean } }>
        >(
          `query ($offset: Int) { ${list}(offset: $offset, limit: 100) { nodes { ${fields} } pageInfo { hasNextPage } } }`,
          { offset },
        );
        ids.push(...page[list]!.nodes.map((n) => n.id));
        if (!page[list]!.pageInfo.hasNextPage) return ids;
      }
    }

    // Under the rule of the brief: a collector's case list is the cases assigned to them, not
    // those of a colleague they only accompany on a visit.
    it('cases lists exactly the cases assigned to them', async () => {
      const em = api.orm.em.fork();
      const assigned = await em.find(Case, { assignee: c1 }, { filters: false });
      const institution = await em.count(
        Case,
        { institution: psbc.institution.id },
        { filters: false },
      );
      const listed = await all(collector1, 'cases');
      expect(new Set(listed)).toEqual(new Set(assigned.map((c) => c.id)));
      expect(listed.length).toBeGreaterThan(0);
      expect(listed.length).toBeLessThan(institution);
    });

    it('visits lists exactly the visits they are on', async () => {
      const em = api.orm.em.fork();
      const on = await em.find(VisitCollector, { user: c1 }, { filters: false });
      const institution = await em.count(
        Visit,
        { institution: psbc.institution.id },
        { filters: false },
      );
      const listed = await all(collector1, 'visits');
      expect(new Set(listed)).toEqual(new Set(on.map((vc) => vc.visit.id)));
      expect(listed).not.toContain(theirVisit);
      expect(listed.length).toBeGreaterThan(0);
      expect(listed.length).toBeLessThan(institution);
    });

    it('contacts and feedback list only those on their cases', async () => {
      const em = api.orm.em.fork();
      const onTheirCases = { case: { assignee: c1 } };
      const mine = {
        contacts: await em.find(Contact, onTheirCases, { filters: false }),
        feedback: await em.find(Feedback, onTheirCases, { filters: false }),
      };
      for (const list of ['contacts', 'feedback'] as const) {
        const listed = await all(collector1, list);
        expect(new Set(listed), list).toEqual(new Set(mine[list].map((row) => row.id)));
        expect(listed.length, list).toBeGreaterThan(0);
      }
    });

    it('a visit they are on shows its case, even when a colleague holds the case', async () => {
      const one = await collector1.gql<{ visit: { id: string; case: { id: string } } }>(
        'query ($id: ID!) { visit(id: $id) { id case { id } } }',
        { id: sharedVisit },
      );
      expect(one.errors, JSON.stringify(one.errors)).toBeUndefined();
      expect(one.data!.visit).toEqual({ id: sharedVisit, case: { id: shared.id } });
      // The worklist of visits, with their cases, answers as a whole.
      const page = await collector1.gql<{
        visits: { nodes: { id: string; case: { id: string } }[] };
      }>('{ visits(limit: 100) { nodes { id case { id } } } }');
      expect(page.errors, JSON.stringify(page.errors)).toBeUndefined();
      expect(page.data!.visits.nodes.map((v) => v.id)).toContain(sharedVisit);
    });
  });

  // -------------------------------------------------------------------------------------------

  describe('auditors read and never write', () => {
    it('reads cases: the whole institution and nothing else', async () => {
      const auditor = await api.as('auditor@psbc.demo');
      const { cases } = await auditor.data<{ cases: Connection }>(
        '{ cases(limit: 1) { totalCount nodes { id } } }',
      );
      const own = await api.orm.em
        .fork()
        .count(Case, { institution: psbc.institution.id }, { filters: false });
      expect(cases.totalCount).toBe(own);
    });

    const writes = ENTRIES.filter(
      (e) => e.operation === 'mutation' && !['public', 'session'].includes(e.call.crossTenant),
    );
    it.each(writes.map((e) => [e.name, e] as const))(
      '%s is FORBIDDEN and changes nothing',
      async (name, { call }) => {
        const auditor = await api.as('auditor@psbc.demo');
        const [variables] = await call.probes({ target: psbc, own: psbc, api });
        const before = await snapshot(psbc);
        const result = await auditor.gql(call.document, variables);
        expect(firstError(result).code, JSON.stringify(result.errors)).toBe('FORBIDDEN');
        expectNoData(result, name);
        expect(await snapshot(psbc)).toEqual(before);
      },
    );
  });

  // -------------------------------------------------------------------------------------------

  describe('partner apps carry only their scopes', () => {
    const CREATE = entry('createPartnerApp').call.document;
    const ROTATE = entry('rotatePartnerAppKey').call.document;
    const REVOKE = entry('revokePartnerApp').call.document;
    const CASES = '{ cases(limit: 100) { totalCount nodes { id } } }';

    /** A key as X-Api-Key, and the same key as a bearer token. */
    const keyHeaders = (key: string): Record<string, string>[] => [
      { 'x-api-key': key },
      { authorization: `Bearer ${key}` },
    ];

    async function newApp(name: string, scopes: string[]) {
      const admin = await api.as('admin@psbc.demo');
      const { createPartnerApp } = await admin.data<{
        createPartnerApp: { app: { id: string; name: string; scopes: string[] }; apiKey: string };
      }>(CREATE, { input: { name, scopes } });
      return createPartnerApp;
    }

    it('a cases:read key reads its institution cases, by X-Api-Key or as a bearer token', async () => {
      const { app, apiKey } = await newApp('只读同步', ['cases:read']);
      expect(app.scopes).toEqual(['cases:read']);
      const own = await api.orm.em
        .fork()
        .count(Case, { institution: psbc.institution.id }, { filters: false });
      for (const headers of keyHeaders(apiKey)) {
        const partner = api.withHeaders(headers);
        const { cases } = await partner.data<{ cases: Connection }>(CASES);
        expect(cases.totalCount).toBe(own);
        const elsewhere = await partner.data<{ cases: Connection }>(entry('cases').call.document, {
          filter: { institutionId: kmb.institution.id },
        });
        expect(elsewhere.cases).toEqual({ totalCount: 0, nodes: [] });
      }
    });

    it('a cases:read key cannot log a contact nor read contacts (FORBIDDEN)', async () => {
      const { apiKey } = await newApp('只读不写', ['cases:read']);
      const partner = api.withHeaders({ 'x-api-key': apiKey });
      const before = await snapshot(psbc);
      const log = await partner.gql(entry('logContact').call.document, {
        input: {
          caseId: psbc.case.id,
          channel: 'SMS',
          result: 'DELIVERED',
          occurredAt: recentDaytime(),
        },
      });
      expect(firstError(log).code).toBe('FORBIDDEN');
      expectNoData(log, 'logContact');
      const read = await partner.gql(entry('contacts').call.document, {});
      expect(firstError(read).code).toBe('FORBIDDEN');
      expectNoData(read, 'contacts');
      expect(await snapshot(psbc)).toEqual(before);
    });

    it('the key is shown once: the partnerApps list and its type have no key', async () => {
      const { app, apiKey } = await newApp('一次性密钥', ['cases:read']);
      expect(apiKey).toMatch(/^ark_/);
      const admin = await api.as('admin@psbc.demo');
      type TypeRef = { kind: string; ofType: TypeRef | null };
      const { __type } = await admin.data<{
        __type: { fields: { name: string; type: TypeRef }[] };
      }>(
        '{ __type(name: "PartnerApp") { fields { name type { kind ofType { kind ofType { kind ofType { kind } } } } } } }',
      );
      const fields = __type.fields.map((f) => f.name);
      for (const secret of ['apiKey', 'key', 'keyHash', 'secret'])
        expect(fields).not.toContain(secret);
      const leaf = (t: TypeRef): string => (t.ofType ? leaf(t.ofType) : t.kind);
      const scalars = __type.fields
        .filter((f) => ['SCALAR', 'ENUM'].includes(leaf(f.type)))
        .map((f) => f.name);
      const listed = await admin.gql(
        `{ partnerApps(limit: 100) { nodes { ${scalars.join(' ')} } } }`,
      );
      expect(listed.errors).toBeUndefined();
      expect(JSON.stringify(listed)).toContain(app.id);
      expect(JSON.stringify(listed)).not.toContain(apiKey);
      expect(JSON.stringify(listed)).not.toContain(apiKey.slice(-20));
    });

    it('after rotation the old key is UNAUTHENTICATED and the new one works', async () => {
      const { app, apiKey: oldKey } = await newApp('轮换密钥', ['cases:read']);
      const admin = await api.as('admin@psbc.demo');
      const { rotatePartnerAppKey } = await admin.data<{
        rotatePartnerAppKey: { app: { id: string }; apiKey: string };
      }>(ROTATE, { input: { id: app.id } });
      expect(rotatePartnerAppKey.app.id).toBe(app.id);
      expect(rotatePartnerAppKey.apiKey).not.toBe(oldKey);
      const old = await api.withHeaders({ 'x-api-key': oldKey }).gql(CASES);
      expect(firstError(old).code).toBe('UNAUTHENTICATED');
      expectNoData(old, 'cases');
      const fresh = await api.withHeaders({ 'x-api-key': rotatePartnerAppKey.apiKey }).gql(CASES);
      expect(fresh.errors).toBeUndefined();
    });

    it('after revocation the key is UNAUTHENTICATED, and a revoked app cannot be rotated back', async () => {
      const { app, apiKey } = await newApp('吊销密钥', ['cases:read']);
      expect((await api.withHeaders({ 'x-api-key': apiKey }).gql(CASES)).errors).toBeUndefined();
      const admin = await api.as('admin@psbc.demo');
      const { revokePartnerApp } = await admin.data<{
        revokePartnerApp: { id: string; revokedAt: string | null };
      }>(REVOKE, { input: { id: app.id } });
      expect(revokePartnerApp.revokedAt).not.toBeNull();
      for (const headers of keyHeaders(apiKey)) {
        const result = await api.withHeaders(headers).gql(CASES);
        expect(firstError(result).code).toBe('UNAUTHENTICATED');
        expectNoData(result, 'cases');
      }
      const rotate = await admin.gql(ROTATE, { input: { id: app.id } });
      expect(firstError(rotate).code).toBe('NOT_FOUND');
    });

    it('only admins manage partner apps (a supervisor is FORBIDDEN)', async () => {
      const supervisor = await api.as(DEFAULT_LOGIN);
      for (const [document, variables] of [
        [CREATE, { input: { name: '主管无权', scopes: ['cases:read'] } }],
        [ROTATE, { input: { id: psbc.partnerApp.id } }],
        [REVOKE, { input: { id: psbc.partnerApp.id } }],
        [entry('partnerApps').call.document, {}],
      ] as const) {
        const result = await supervisor.gql(document, variables);
        expect(firstError(result).code, document).toBe('FORBIDDEN');
        expectNoData(result, document);
      }
    });

    it('refuses a scope that is not a partner scope, naming it', async () => {
      const admin = await api.as('admin@psbc.demo');
      const result = await admin.gql(CREATE, {
        input: { name: '越权范围', scopes: ['cases:read', 'partners:manage'] },
      });
      expect(firstError(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'scopes.1' });
    });
  });

  // -------------------------------------------------------------------------------------------

  describe('unmasked personal data', () => {
    const REVEAL = entry('revealBorrowerPII').call.document;
    const auditedReveals = () =>
      api.orm.em
        .fork()
        .count(
          AuditEvent,
          { entityId: psbc.borrower.id, action: 'borrower.revealPii' },
          { filters: false },
        );

    it('a supervisor reveals a borrower of their own institution, and the reveal is audited', async () => {
      const supervisor = await api.as(DEFAULT_LOGIN);
      const before = await auditedReveals();
      const { revealBorrowerPII } = await supervisor.data<{
        revealBorrowerPII: { nationalId: string; phones: string[] };
      }>(REVEAL, { id: psbc.borrower.id, reason: '核实借款人身份' });
      expect(revealBorrowerPII.nationalId).toBe(psbc.borrower.nationalId);
      expect(await auditedReveals()).toBe(before + 1);
    });

    it.each(['admin@psbc.demo', 'collector1@psbc.demo'])(
      '%s may not reveal it (FORBIDDEN), and no reveal is audited',
      async (email) => {
        const client = await api.as(email);
        const before = await auditedReveals();
        const result = await client.gql(REVEAL, { id: psbc.borrower.id, reason: '核实借款人身份' });
        expect(firstError(result).code).toBe('FORBIDDEN');
        expectNoData(result, email);
        expect(JSON.stringify(result)).not.toContain(psbc.borrower.nationalId);
        expect(await auditedReveals()).toBe(before);
      },
    );
  });

  describe('signing in and out', () => {
    type Session = {
      token: string;
      refreshToken: string;
      expiresAt: string;
      user: { id: string; email: string; role: string };
    };
    /** Each test signs in from a machine of its own (see clientOnOwnAddress). */
    const machine = () => clientOnOwnAddress(api);
    const login = (from: GraphqlClient, email: string, password = DEMO_PASSWORD) =>
      from.gql<{ login: Session }>(LOGIN, { email, password });
    const bearer = (token: string) => api.withHeaders({ authorization: `Bearer ${token}` });

    it('a wrong password is UNAUTHENTICATED with the same message as an unknown email', async () => {
      const from = machine();
      const wrong = await login(from, 'collector3@lsb.demo', 'not-the-password');
      const unknown = await login(from, 'nobody@lsb.demo', 'not-the-password');
      expect(firstError(wrong).code).toBe('UNAUTHENTICATED');
      expect(firstError(unknown).code).toBe('UNAUTHENTICATED');
      expect(firstError(wrong).message).toBe(firstError(unknown).message);
      expectNoData(wrong, 'login');
      expectNoData(unknown, 'login');
      // One mistake does not lock the account.
      const right = await login(from, 'collector3@lsb.demo');
      expect(right.errors, JSON.stringify(right.errors)).toBeUndefined();
    });

    it('five wrong passwords lock the account: the right one is then refused, as for an unknown email', async () => {
      const from = machine();
      /** Five wrong passwords, then the demo password: the six answers, digits left out. */
      const attempt = async (email: string) => {
        const answers: { code: unknown; message: string }[] = [];
        for (let i = 0; i < 5; i += 1) {
          const result = await login(from, email, `wrong-${i}`);
          expectNoData(result, email);
          answers.push(firstError(result));
        }
        const locked = await login(from, email);
        expectNoData(locked, `${email} after five failures`);
        answers.push(firstError(locked));
        return answers.map(({ code, message }) => ({
          code,
          message: message.replace(/\d+/g, '#'),
        }));
      };
      const real = await attempt('collector4@lsb.demo');
      for (const answer of real.slice(0, 5)) expect(answer.code).toBe('UNAUTHENTICATED');
      // Locked: refused even with the right password (a lockout, or a per-account rate limit).
      expect(['UNAUTHENTICATED', 'RATE_LIMITED']).toContain(real[5]!.code);
      // The same answers an address nobody has gets: the lock does not tell that the account exists.
      expect(await attempt('nobody-here@lsb.demo')).toEqual(real);
      // The lock is the account's: a colleague still signs in.
      const colleague = await login(machine(), 'collector2@lsb.demo');
      expect(colleague.errors, JSON.stringify(colleague.errors)).toBeUndefined();
    });

    it('me is the signed-in user', async () => {
      const { data, errors } = await login(machine(), 'auditor@xbgs.demo');
      expect(errors, JSON.stringify(errors)).toBeUndefined();
      const session = data!.login;
      const user = await api.orm.em
        .fork()
        .findOneOrFail(User, { email: 'auditor@xbgs.demo' }, { filters: false });
      expect(session.user).toEqual({ id: user.id, email: user.email, role: 'AUDITOR' });
      expect(Date.parse(session.expiresAt)).toBeGreaterThan(Date.now());
      const me = await bearer(session.token).data<{
        me: { id: string; email: string; role: string; institution: { code: string } };
      }>('{ me { id email role institution { code } } }');
      expect(me.me).toEqual({
        id: user.id,
        email: 'auditor@xbgs.demo',
        role: 'AUDITOR',
        institution: { code: 'XBGS' },
      });
    });

    it('login answers with the user and their institution', async () => {
      const result = await machine().gql<{
        login: { user: { email: string; institution: { code: string } } };
      }>(
        'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token user { email institution { code } } } }',
        { email: 'supervisor@hscz.demo', password: DEMO_PASSWORD },
      );
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      expect(result.data!.login.user).toEqual({
        email: 'supervisor@hscz.demo',
        institution: { code: 'HSCZ' },
      });
    });

    it('refreshSession rotates: the new pair works, the old refresh token is refused on second use', async () => {
      const from = machine();
      const { data, errors } = await login(from, 'collector3@hscz.demo');
      expect(errors, JSON.stringify(errors)).toBeUndefined();
      const first = data!.login;
      const refreshed = await from.data<{
        refreshSession: { token: string; refreshToken: string; user: { id: string } };
      }>(REFRESH, { token: first.refreshToken });
      expect(refreshed.refreshSession.refreshToken).not.toBe(first.refreshToken);
      expect(refreshed.refreshSession.user.id).toBe(first.user.id);
      const me = await bearer(refreshed.refreshSession.token).data<{ me: { id: string } }>(ME);
      expect(me.me.id).toBe(first.user.id);
      const reused = await from.gql(REFRESH, { token: first.refreshToken });
      expect(firstError(reused).code).toBe('UNAUTHENTICATED');
      expectNoData(reused, 'refreshSession');
      const next = await from.gql(REFRESH, { token: refreshed.refreshSession.refreshToken });
      expect(next.errors, JSON.stringify(next.errors)).toBeUndefined();
    });

    it('a refresh token that was never issued is UNAUTHENTICATED', async () => {
      const result = await machine().gql(REFRESH, { token: 'x'.repeat(43) });
      expect(firstError(result).code).toBe('UNAUTHENTICATED');
      expectNoData(result, 'refreshSession');
    });

    it('logout ends the session: its access token and its refresh token stop working', async () => {
      const from = machine();
      const { data, errors } = await login(from, 'collector4@hscz.demo');
      expect(errors, JSON.stringify(errors)).toBeUndefined();
      const session = data!.login;
      const signedIn = bearer(session.token);
      expect((await signedIn.data<{ me: { id: string } }>(ME)).me.id).toBe(session.user.id);
      expect(await signedIn.data<{ logout: boolean }>('mutation { logout }')).toEqual({
        logout: true,
      });
      for (const document of [ME, entry('cases').call.document]) {
        const after = await signedIn.gql(document, {});
        expect(firstError(after).code, document).toBe('UNAUTHENTICATED');
        expectNoData(after, document);
      }
      const refresh = await from.gql(REFRESH, { token: session.refreshToken });
      expect(firstError(refresh).code).toBe('UNAUTHENTICATED');
      expectNoData(refresh, 'refreshSession');
      // Other users' sessions are untouched.
      expect((await (await api.as(DEFAULT_LOGIN)).gql(ME)).errors).toBeUndefined();
    });
  });
});
