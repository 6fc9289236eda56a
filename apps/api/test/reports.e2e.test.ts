import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startTestApi, type GraphqlClient, type TestApi } from './harness.js';
import { freshNationalId, freshPhone, recentDaytime, shanghaiDate } from './fixtures.js';

/**
 * The collection report counts what happened: each test takes the report, does a known
 * amount of work on a fresh case, and checks the report moved by exactly that much, in the
 * total, in the case's bucket and for its collector.
 */
const REPORT = /* GraphQL */ `
  query {
    collectionReport(days: 90) {
      total {
        ...metrics
      }
      byBucket {
        bucket
        metrics {
          ...metrics
        }
      }
      byCollector {
        collector {
          id
        }
        metrics {
          ...metrics
        }
      }
      weekly {
        weekStart
        recovered
        contacts
      }
    }
  }
  fragment metrics on ReportMetrics {
    recovered
    outstanding
    promisesKept
    promisesBroken
    borrowerCalls
    rightPartyContacts
    contacts
    complaints
    recoveryRate
    rightPartyContactRate
  }
`;

interface Metrics {
  recovered: string;
  outstanding: string;
  promisesKept: number;
  promisesBroken: number;
  borrowerCalls: number;
  rightPartyContacts: number;
  contacts: number;
  complaints: number;
  recoveryRate: number | null;
  rightPartyContactRate: number | null;
}
interface Report {
  total: Metrics;
  byBucket: { bucket: string; metrics: Metrics }[];
  byCollector: { collector: { id: string } | null; metrics: Metrics }[];
  weekly: { weekStart: string; recovered: string; contacts: number }[];
}

const fen = (decimal: string) => Math.round(Number(decimal) * 100);

describe.each(DIALECTS)('collection report on %s', (dialect) => {
  let api: TestApi;
  let supervisor: GraphqlClient;
  let institutionId: string;
  let collectorId: string;

  beforeAll(async () => {
    api = await startTestApi(dialect, { seedScale: 0.02 });
    supervisor = await api.as('supervisor@psbc.demo');
    const { users } = await supervisor.data<{
      users: { nodes: { id: string; email: string; institution: { id: string } }[] };
    }>('{ users(limit: 100) { nodes { id email institution { id } } } }');
    const collector = users.nodes.find((u) => u.email === 'collector1@psbc.demo')!;
    collectorId = collector.id;
    institutionId = collector.institution.id;
  });
  afterAll(() => api?.close());

  const report = async (client: GraphqlClient = supervisor) =>
    (await client.data<{ collectionReport: Report }>(REPORT)).collectionReport;

  /** A case of PSBC, 40 days past due (bucket M2), assigned to collector1. */
  async function freshCase(): Promise<string> {
    const { createBorrower } = await supervisor.data<{ createBorrower: { id: string } }>(
      'mutation ($input: CreateBorrowerInput!) { createBorrower(input: $input) { id } }',
      {
        input: {
          institutionId,
          fullName: '报表测试',
          nationalId: freshNationalId(),
          phones: [freshPhone()],
          address: { province: '天津市', city: '天津市', district: '和平区', detail: '南京路1号' },
        },
      },
    );
    const { createCase } = await supervisor.data<{
      createCase: { id: string; loanNumber: string };
    }>('mutation ($input: CreateCaseInput!) { createCase(input: $input) { id loanNumber } }', {
      input: {
        institutionId,
        borrowerId: createBorrower.id,
        loanNumber: `RPT-${Date.now()}-${Math.floor(Math.random() * 1e6)}`,
        product: 'CREDIT_LOAN',
        principalAmount: '20000.00',
        outstandingAmount: '10000.00',
        overdueAmount: '3000.00',
        overdueSince: shanghaiDate(-39),
        assigneeId: collectorId,
      },
    });
    return createCase.id;
  }

  const bucket = (r: Report, name: string) => r.byBucket.find((b) => b.bucket === name)!.metrics;
  const mine = (r: Report) => r.byCollector.find((c) => c.collector?.id === collectorId)!.metrics;

  it('counts calls, right-party contacts and contacts, in the total, the bucket and for the collector', async () => {
    const caseId = await freshCase();
    const before = await report();
    const log = (input: Record<string, unknown>) =>
      supervisor.data('mutation ($input: LogContactInput!) { logContact(input: $input) { id } }', {
        input: { caseId, occurredAt: recentDaytime(), ...input },
      });
    await log({ channel: 'PHONE', result: 'NOT_ANSWERED' });
    await log({
      channel: 'PHONE',
      result: 'CONVERSATION',
      outcome: 'RIGHT_PARTY',
      recordingRef: 'rec://report/1',
    });
    await log({ channel: 'SMS', result: 'DELIVERED' });
    const after = await report();
    for (const [what, b, a] of [
      ['total', before.total, after.total],
      ['M2', bucket(before, 'M2'), bucket(after, 'M2')],
      ['collector1', mine(before), mine(after)],
    ] as const) {
      expect(a.borrowerCalls - b.borrowerCalls, what).toBe(2);
      expect(a.rightPartyContacts - b.rightPartyContacts, what).toBe(1);
      expect(a.contacts - b.contacts, what).toBe(3);
    }
    expect(after.total.rightPartyContactRate).toBeCloseTo(
      after.total.rightPartyContacts / after.total.borrowerCalls,
    );
    const weekContacts = (r: Report) => r.weekly.reduce((sum, w) => sum + w.contacts, 0);
    expect(weekContacts(after) - weekContacts(before)).toBe(3);
    expect(weekContacts(after)).toBe(after.total.contacts);
  });

  it('counts money recovered and a kept promise, and the recovery rate follows', async () => {
    const caseId = await freshCase();
    const before = await report();
    await supervisor.data(
      'mutation ($input: CreateRepaymentPlanInput!) { createRepaymentPlan(input: $input) { id } }',
      {
        input: {
          caseId,
          kind: 'PROMISE',
          total: '1500.00',
          installments: [{ dueDate: shanghaiDate(5), amount: '1500.00' }],
        },
      },
    );
    await supervisor.data(
      'mutation ($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }',
      {
        input: {
          caseId,
          amount: '1500.00',
          paidAt: recentDaytime(),
          channel: 'BANK_TRANSFER',
          externalRef: `RPT-PAY-${caseId}`,
        },
      },
    );
    const after = await report();
    for (const [what, b, a] of [
      ['total', before.total, after.total],
      ['M2', bucket(before, 'M2'), bucket(after, 'M2')],
      ['collector1', mine(before), mine(after)],
    ] as const) {
      expect(fen(a.recovered) - fen(b.recovered), what).toBe(150_000);
      expect(a.promisesKept - b.promisesKept, what).toBe(1);
      // What came back is no longer owed.
      expect(fen(a.outstanding) - fen(b.outstanding), what).toBe(-150_000);
    }
    const { recovered, outstanding, recoveryRate } = after.total;
    expect(recoveryRate).toBeCloseTo(fen(recovered) / (fen(recovered) + fen(outstanding)));
  });

  it('counts a complaint', async () => {
    const caseId = await freshCase();
    const { case: c } = await supervisor.data<{
      case: { loanNumber: string; borrower: { id: string } };
    }>('query ($id: ID!) { case(id: $id) { loanNumber borrower { id } } }', { id: caseId });
    // The borrower verifies with the last four of their national ID.
    const { revealBorrowerPII } = await supervisor.data<{
      revealBorrowerPII: { nationalId: string };
    }>(
      'mutation ($id: ID!) { revealBorrowerPII(borrowerId: $id, reason: "报表测试核对身份") { nationalId } }',
      { id: c.borrower.id },
    );
    const before = await report();
    await api
      .withHeaders({})
      .data(
        'mutation ($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { receiptCode } }',
        {
          input: {
            institutionCode: 'PSBC',
            caseReference: c.loanNumber,
            verification: revealBorrowerPII.nationalId.slice(-4),
            kind: 'COMPLAINT',
            category: 'SERVICE',
            message: '客服回复太慢。',
          },
        },
      );
    const after = await report();
    expect(after.total.complaints - before.total.complaints).toBe(1);
    expect(mine(after).complaints - mine(before).complaints).toBe(1);
  });

  it('gives a collector their own cases only, and refuses a period it cannot cover', async () => {
    const collector = await api.as('collector1@psbc.demo');
    const own = await report(collector);
    expect(own.byCollector.map((c) => c.collector?.id)).toEqual([collectorId]);
    const all = await report();
    expect(own.total.contacts).toBe(mine(all).contacts);
    const tooLong = await supervisor.gql('{ collectionReport(days: 400) { total { contacts } } }');
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'days',
    });
  });
});
