import { type Api, shanghaiDate, shanghaiInstant } from './api';

/**
 * Picks the seed records each scenario works on. The seed is deterministic but dated relative
 * to today, so each picker asks the API for a record that fits instead of naming one; every
 * scenario takes a case the others do not touch.
 */

interface CaseRow {
  id: string;
  loanNumber: string;
  borrower: { fullName: string; phonesMasked: string[] };
  nextVisit: { id: string } | null;
}

interface Decision {
  allowed: boolean;
  nextAllowedAt: string | null;
  reasons: { code: string }[];
}

const CASES = `query ($filter: CaseFilter, $offset: Int) {
  cases(limit: 100, offset: $offset, filter: $filter) {
    nodes { id loanNumber borrower { fullName phonesMasked } nextVisit { id } }
  }
}`;

const CAN_CONTACT = `query ($caseId: ID!, $channel: PolicyChannel!, $at: DateTime) {
  canContact(caseId: $caseId, channel: $channel, at: $at) { allowed nextAllowedAt reasons { code } }
}`;

async function openCases(api: Api, offset: number): Promise<CaseRow[]> {
  const data = await api.query<{ cases: { nodes: CaseRow[] } }>(CASES, {
    filter: { status: ['IN_PROGRESS'] },
    offset,
  });
  return data.cases.nodes;
}

const decide = async (api: Api, caseId: string, channel: string, at: Date) =>
  (await api.query<{ canContact: Decision }>(CAN_CONTACT, { caseId, channel, at })).canContact;

export interface ContactFixture {
  caseId: string;
  loanNumber: string;
  /** Yesterday, `HH:MM` Shanghai: a call then falls in the quiet hours (22:00–08:00). */
  quietDate: string;
  quietTime: string;
  /** When the API says the quiet call could have been made instead. */
  nextAllowedAt: Date;
  /** Yesterday 10:00: a call then is allowed. */
  allowedDate: string;
  allowedTime: string;
}

/**
 * A case in progress whose borrower has one phone number (the form then needs no number), and
 * for which a call yesterday at 23:00 is refused for the quiet hours alone while one at 10:00
 * is allowed: the refusal the test sees does not depend on the time of day the suite runs.
 */
export async function caseForContact(api: Api, offset = 0): Promise<ContactFixture> {
  const yesterday = shanghaiDate(-1);
  const quiet = shanghaiInstant(yesterday, '23:00');
  const allowed = shanghaiInstant(yesterday, '10:00');
  for (const row of await openCases(api, offset)) {
    if (row.borrower.phonesMasked.length !== 1) continue;
    const atNight = await decide(api, row.id, 'PHONE', quiet);
    if (atNight.allowed || atNight.reasons.map((r) => r.code).join() !== 'QUIET_HOURS') continue;
    if (!atNight.nextAllowedAt) continue;
    if (!(await decide(api, row.id, 'PHONE', allowed)).allowed) continue;
    return {
      caseId: row.id,
      loanNumber: row.loanNumber,
      quietDate: yesterday,
      quietTime: '23:00',
      nextAllowedAt: new Date(atNight.nextAllowedAt),
      allowedDate: yesterday,
      allowedTime: '10:00',
    };
  }
  throw new Error('no seeded case fits the contact scenario');
}

export interface VisitFixture {
  caseId: string;
  loanNumber: string;
  /** Tomorrow, Shanghai. */
  date: string;
  start: string;
  end: string;
  collectors: [string, string];
}

/** A case in progress with no visit planned, that may be visited tomorrow 10:00–12:00. */
export async function caseForVisit(api: Api, offset = 200): Promise<VisitFixture> {
  const tomorrow = shanghaiDate(1);
  const collectors = await api.query<{ users: { nodes: { displayName: string }[] } }>(
    `{ users(limit: 10, filter: { role: [COLLECTOR], active: true }) { nodes { displayName } } }`,
  );
  const [first, second] = collectors.users.nodes.map((user) => user.displayName);
  if (!first || !second) throw new Error('the seed has fewer than two active collectors');
  for (const row of await openCases(api, offset)) {
    if (row.nextVisit) continue;
    const start = await decide(api, row.id, 'VISIT', shanghaiInstant(tomorrow, '10:00'));
    const end = await decide(api, row.id, 'VISIT', shanghaiInstant(tomorrow, '12:00'));
    if (!start.allowed || !end.allowed) continue;
    return {
      caseId: row.id,
      loanNumber: row.loanNumber,
      date: tomorrow,
      start: '10:00',
      end: '12:00',
      collectors: [first, second],
    };
  }
  throw new Error('no seeded case fits the visit scenario');
}

export interface ComplaintFixture {
  id: string;
  receiptCode: string;
  status: string;
  caseId: string;
  loanNumber: string;
}

/** A complaint under way (acknowledged or being investigated), which may now be resolved. */
export async function openComplaint(api: Api): Promise<ComplaintFixture> {
  const data = await api.query<{
    feedback: {
      nodes: {
        id: string;
        receiptCode: string;
        status: string;
        case: { id: string; loanNumber: string };
      }[];
    };
  }>(
    `{ feedback(limit: 20, filter: { kind: [COMPLAINT], status: [ACKNOWLEDGED, INVESTIGATING] }) {
        nodes { id receiptCode status case { id loanNumber } } } }`,
  );
  const complaint = data.feedback.nodes[0];
  if (!complaint) throw new Error('the seed has no open complaint');
  const { case: target, ...rest } = complaint;
  return { ...rest, caseId: target.id, loanNumber: target.loanNumber };
}
