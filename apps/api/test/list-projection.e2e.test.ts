import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DIALECTS, startTestApi, type TestApi } from './harness.js';

/**
 * The case list reads the columns its query shows (issue 6: lean projections on hot reads).
 * What a computed field reads is declared beside its resolver; a field declared wrong would
 * answer from a column the page never read, so every field is checked alone against a read of
 * whole rows.
 */

/** Each field of a contact, as a row's last contact and in a case page's list. */
const CONTACT_FIELDS = [
  'attitude',
  'channel',
  'direction',
  'result',
  'outcome',
  'note',
  'recordingRef',
  'occurredAt',
  'createdAt',
  'case { id }',
  'thirdParty { id }',
  'madeBy { id }',
];

/** Each field of a list row, alone, with what it shows of a related row. */
const ROW_FIELDS = [
  'loanNumber',
  'product',
  'status',
  'stage',
  'closeReason',
  'overdueSince',
  'priority',
  'nextAction',
  'nextActionAt',
  'hardshipRequestedAt',
  'version',
  'createdAt',
  'updatedAt',
  'dpd',
  'bucket',
  'principalAmount',
  'outstandingAmount',
  'overdueAmount',
  'institution { id code }',
  'assignee { id }',
  'contacts(last: 2) { id }',
  'visits(last: 2) { id }',
  'feedback(last: 2) { id }',
  ...[
    'fullName',
    'employer',
    'creditScore',
    'timeZone',
    'nationalIdMasked',
    'phonesMasked',
    'emailMasked',
    'monthlyIncome',
    'address { province city district detail }',
    'contactConsent { windowStart windowEnd evidence recordedAt }',
    'thirdParties { id }',
  ].map((field) => `borrower { ${field} }`),
  ...CONTACT_FIELDS.map((field) => `lastContact { ${field} }`),
  ...[
    'status',
    'purpose',
    'address',
    'windowStart',
    'windowEnd',
    'confirmedAt',
    'confirmedVia',
    'checkedInAt',
    'note',
    'willingness',
    'case { id }',
    'plannedBy { id }',
    'confirmedBy { id }',
    'collectors { id }',
  ].map((field) => `nextVisit { ${field} }`),
];

/** Each field of a case page's lists, alone. */
const PAGE_LIST_FIELDS = [
  ...CONTACT_FIELDS.map((field) => `contacts(last: 5) { ${field} }`),
  ...['status', 'purpose', 'windowStart', 'note', 'case { id }', 'collectors { id }'].map(
    (field) => `visits(last: 5) { ${field} }`,
  ),
  ...[
    'kind',
    'category',
    'status',
    'message',
    'rating',
    'receiptCode',
    'acknowledgeDueAt',
    'resolution',
    'case { id }',
  ].map((field) => `feedback(last: 5) { ${field} }`),
  ...[
    'kind',
    'status',
    'hardship',
    'note',
    'version',
    'totalAmount',
    'paidAmount',
    'installments { id }',
    'case { id }',
    'createdBy { id }',
  ].map((field) => `plans { ${field} }`),
];

const ORDER = 'orderBy: [{ field: DPD, direction: DESC }]';
type Rows = { cases: { nodes: Record<string, unknown>[] } };

describe.each(DIALECTS)('case list projection on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect, { seedScale: 0.1 });
  });
  afterAll(() => api?.close());

  /** The SQL of the statements `work` runs. */
  async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
    // Every statement, the ORM's and the hand-written reads', passes through it (and its logger).
    const connection = api.orm.em.getConnection() as unknown as {
      executeQuery(sql: string, ...rest: unknown[]): Promise<unknown>;
    };
    const spy = vi.spyOn(connection, 'executeQuery');
    try {
      await work();
      return spy.mock.calls.map((call) => String(call[0]));
    } finally {
      spy.mockRestore();
    }
  }

  it('reads the columns the query shows, and those of a computed field it asks', async () => {
    const [lean] = await statementsOf(async () => {
      const result = await api.gql(
        `{ cases(limit: 5, ${ORDER}) { nodes { id loanNumber borrower { fullName } lastContact { channel } } } }`,
      );
      expect(result.errors).toBeUndefined();
    });
    expect(lean).toContain('loan_number');
    expect(lean).toContain('full_name');
    expect(lean).toContain('channel');
    // Not shown: amounts, the borrower's encrypted identity, the contact's notes, the visit.
    for (const column of [
      'principal_fen',
      'next_action',
      'national_id',
      'recording_ref',
      'window_start',
    ])
      expect(lean).not.toContain(column);

    const [amounts] = await statementsOf(async () => {
      const result = await api.gql(
        `{ cases(limit: 5, ${ORDER}) { nodes { id principalAmount dpd } } }`,
      );
      expect(result.errors).toBeUndefined();
    });
    expect(amounts).toContain('principal_fen');
    expect(amounts).toContain('overdue_since');
    expect(amounts).not.toContain('outstanding_fen');
  });

  it('answers each field alone as a read of whole rows does', async () => {
    // priorityScore declares no reads, so asking it makes the page read whole rows.
    const whole = await api.gql<Rows>(
      `{ cases(limit: 50, ${ORDER}) { nodes { id priorityScore { score } ${ROW_FIELDS.join(' ')} } } }`,
    );
    expect(whole.errors).toBeUndefined();
    const reference = whole.data!.cases.nodes;
    // The page must show the relations it checks, or comparing them proves nothing.
    expect(reference.some((row) => row.lastContact !== null)).toBe(true);
    expect(reference.some((row) => row.nextVisit !== null)).toBe(true);
    for (const field of ROW_FIELDS) {
      const alone = await api.gql<Rows>(`{ cases(limit: 50, ${ORDER}) { nodes { id ${field} } } }`);
      expect(alone.errors, field).toBeUndefined();
      // Each row alone is a part of the same row read whole.
      expect(reference, field).toMatchObject(alone.data!.cases.nodes);
    }
  });

  it('answers each field of a case page’s lists alone as a read of all of them does', async () => {
    // Cases with plans and feedback, so each list has rows to compare.
    const cases = await api.gql<Rows>(
      `{ cases(limit: 100, ${ORDER}) { nodes { id plans { id } feedback { id } } } }`,
    );
    expect(cases.errors).toBeUndefined();
    const busy = cases.data!.cases.nodes.filter(
      (row) => (row.plans as unknown[]).length && (row.feedback as unknown[]).length,
    );
    expect(busy.length).toBeGreaterThan(0);
    const page = (fields: string) =>
      api.gql<{ case: Record<string, unknown> }>(
        `query ($id: ID!) { case(id: $id) { id ${fields} } }`,
        { id: busy[0]!.id },
      );
    const whole = await page(PAGE_LIST_FIELDS.join(' '));
    expect(whole.errors).toBeUndefined();
    for (const field of PAGE_LIST_FIELDS) {
      const alone = await page(field);
      expect(alone.errors, field).toBeUndefined();
      expect(whole.data!.case, field).toMatchObject(alone.data!.case);
    }
  });
});
