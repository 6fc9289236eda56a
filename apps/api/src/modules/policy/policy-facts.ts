import {
  ContactDirection,
  ContactOutcome,
  type ContactChannel,
  type ContactHistoryEntry,
  type ContactHold,
  type ContactResult,
  type HoldKind,
  type PolicyChannel,
} from '@arrears/domain';
import type { EntityManager } from '@mikro-orm/core';
import { selectBound } from '../../db/bound-query.js';
import { blindIndex } from '../../security/field-encryption.js';
import type { Borrower } from '../borrower/borrower.entity.js';
import { institutionsAndBorrowers } from '../case/case-parties.js';
import type { Case } from '../case/case.entity.js';
import type { Institution } from '../institution/institution.entity.js';

/**
 * How far back the contact history reaches. Every cap and cool-down of both packs looks at
 * most 7 days back; the third-party unlock counts consecutive failures, and a run older than
 * this window counts short, which only ever keeps third parties locked longer.
 */
export const HISTORY_DAYS = 30;
const DAY_MS = 86_400_000;

/** What the policy check needs to know about one case at one instant. */
export interface PolicyFacts {
  target: Case;
  institution: Institution;
  borrower: Borrower;
  /** Holds in force at the instant judged. */
  holdsInForce: ContactHold[];
  /** Outbound contacts with the borrower or their third parties, on any of the borrower's cases. */
  history: (ContactHistoryEntry & { caseId: string; outcome: ContactOutcome | null })[];
  /** Every number of the borrower is known wrong (失联); worked out once, asked per channel. */
  borrowerUnreachable: boolean;
}

/** One row of the facts statement: a contact of the history, or a hold in force. */
interface FactRow {
  fact: 'contact' | 'hold';
  id: string;
  case_id: string;
  borrower_id: string | null;
  occurred_at: string | number | Date;
  channel: string | null;
  result: ContactResult | null;
  outcome: ContactOutcome | null;
  third_party_id: string | null;
  dialed_number_index: string | null;
  hold_kind: HoldKind | null;
}

/**
 * The facts for several cases in at most three statements whatever their number, and in one
 * when the cases came with their institution and borrower (a joined `populate`). Contact
 * history and holds are read by one statement of their own SQL: the history must count every
 * collector's and partner's contacts with the borrower, including those on cases the actor
 * cannot see, and any collector on the case's work is bound by its holds; the rows are reduced
 * to the fields the rules need and never become entities of the request.
 */
export async function loadPolicyFacts(
  em: EntityManager,
  cases: readonly Case[],
  at: Date,
): Promise<Map<string, PolicyFacts>> {
  const facts = new Map<string, PolicyFacts>();
  if (cases.length === 0) return facts;
  const { institutions, borrowers } = await institutionsAndBorrowers(em, cases);
  const { holds, history } = await historyAndHolds(em, cases, [...borrowers.values()], at);
  for (const target of cases) {
    const borrower = borrowers.get(target.borrower.id);
    const institution = institutions.get(target.institution.id);
    if (!borrower || !institution) continue;
    const contacts = history.get(borrower.id) ?? [];
    facts.set(target.id, {
      target,
      institution,
      borrower,
      holdsInForce: holds.get(target.id) ?? [],
      history: contacts,
      borrowerUnreachable: numbersAllWrong(borrower, contacts),
    });
  }
  return facts;
}

/** Contact history and holds in one round trip: a `union all` of the two, told apart by `fact`. */
async function historyAndHolds(
  em: EntityManager,
  cases: readonly Case[],
  borrowers: readonly Borrower[],
  at: Date,
): Promise<{ holds: Map<string, ContactHold[]>; history: Map<string, PolicyFacts['history']> }> {
  // Raw SQL passes no ORM filter: each branch names its institutions itself.
  const branches: string[] = [];
  const params: unknown[] = [];
  if (borrowers.length > 0) {
    branches.push(
      "select 'contact' as fact, c.id, c.case_id, k.borrower_id, c.occurred_at, c.channel, " +
        'c.result, c.outcome, c.third_party_id, c.dialed_number_index, null as hold_kind ' +
        'from contact c ' +
        'join collection_case k on k.id = c.case_id and k.institution_id = c.institution_id ' +
        `where (${borrowers.map(() => '(c.institution_id = ? and k.borrower_id = ?)').join(' or ')}) ` +
        'and c.direction = ? and c.occurred_at >= ? and c.occurred_at <= ?',
    );
    params.push(
      ...borrowers.flatMap((b) => [b.institution.id, b.id]),
      ContactDirection.OUTBOUND,
      new Date(at.getTime() - HISTORY_DAYS * DAY_MS),
      // To the end of the local day too: the per-day caps count the whole day.
      new Date(at.getTime() + DAY_MS),
    );
  }
  // The holds in force at `at`: a contact logged after the fact is judged by the holds of its
  // moment. Any collector on the case's work (a colleague at a visit) is bound by them.
  branches.push(
    "select 'hold' as fact, h.id, h.case_id, null as borrower_id, h.placed_at as occurred_at, " +
      'h.channel, null as result, null as outcome, null as third_party_id, ' +
      'null as dialed_number_index, h.kind as hold_kind from case_hold h ' +
      `where (${cases.map(() => '(h.institution_id = ? and h.case_id = ?)').join(' or ')}) ` +
      'and h.placed_at <= ? and (h.released_at is null or h.released_at > ?)',
  );
  params.push(...cases.flatMap((c) => [c.institution.id, c.id]), at, at);
  // Bound and named: planning this union (row-level security on three tables) cost PostgreSQL
  // 0.4 ms on every write it judged.
  const rows = await selectBound<FactRow>(
    em,
    `${branches.join(' union all ')} order by fact, occurred_at, id`,
    params,
  );
  const holds = new Map<string, ContactHold[]>();
  const history = new Map<string, PolicyFacts['history']>();
  for (const row of rows) {
    if (row.fact === 'hold') {
      const list = holds.get(row.case_id) ?? [];
      list.push({
        kind: row.hold_kind!,
        ...(row.channel !== null && { channel: row.channel as PolicyChannel }),
      });
      holds.set(row.case_id, list);
    } else {
      const list = history.get(row.borrower_id!) ?? [];
      list.push({
        caseId: row.case_id,
        at: new Date(row.occurred_at),
        channel: row.channel as ContactChannel,
        result: row.result!,
        outcome: row.outcome,
        personKind: row.third_party_id ? 'THIRD_PARTY' : 'BORROWER',
        ...(row.dialed_number_index !== null && { phoneNumber: row.dialed_number_index }),
      });
      history.set(row.borrower_id!, list);
    }
  }
  return { holds, history };
}

/**
 * 失联 by the numbers: every phone of the borrower was last dialled with a wrong-number
 * outcome (a borrower with no phone at all cannot be reached by phone either).
 */
function numbersAllWrong(borrower: Borrower, history: PolicyFacts['history']): boolean {
  return borrower.phones.every((phone) => {
    const index = blindIndex(phone);
    const last = history.filter((h) => h.channel === 'PHONE' && h.phoneNumber === index).at(-1);
    return last?.outcome === ContactOutcome.WRONG_NUMBER;
  });
}
