import {
  ContactDirection,
  ContactOutcome,
  type ContactChannel,
  type ContactHistoryEntry,
  type ContactResult,
} from '@arrears/domain';
import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { blindIndex } from '../../security/field-encryption.js';
import { Borrower } from '../borrower/borrower.entity.js';
import type { Case } from '../case/case.entity.js';
import { CaseHold } from '../hold/case-hold.entity.js';
import { Institution } from '../institution/institution.entity.js';

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
  holdsInForce: CaseHold[];
  /** Outbound contacts with the borrower or their third parties, on any of the borrower's cases. */
  history: (ContactHistoryEntry & { caseId: string; outcome: ContactOutcome | null })[];
}

interface HistoryRow {
  case_id: string;
  borrower_id: string;
  occurred_at: string | number | Date;
  channel: ContactChannel;
  result: ContactResult;
  outcome: ContactOutcome | null;
  third_party_id: string | null;
  dialed_number_index: string | null;
}

/**
 * The facts for several cases in four statements whatever their number. The history is read
 * with its own SQL because it must count every collector's and partner's contacts with the
 * borrower, including those on cases the actor cannot see: the rows are reduced to the
 * fields the rule needs and never become entities of the request.
 */
export async function loadPolicyFacts(
  em: EntityManager,
  cases: readonly Case[],
  at: Date,
): Promise<Map<string, PolicyFacts>> {
  const facts = new Map<string, PolicyFacts>();
  if (cases.length === 0) return facts;
  const institutions = await em.find(Institution, {
    id: { $in: [...new Set(cases.map((c) => c.institution.id))] },
  });
  const borrowers = await em.find(Borrower, {
    id: { $in: [...new Set(cases.map((c) => c.borrower.id))] },
  });
  // The holds in force at `at`: a contact logged after the fact is judged by the holds of its
  // moment. Any collector on the case's work (a colleague at a visit) is bound by them.
  const holds = await em.find(
    CaseHold,
    {
      case: { $in: cases.map((c) => c.id) },
      placedAt: { $lte: at },
      $or: [{ releasedAt: null }, { releasedAt: { $gt: at } }],
    },
    { orderBy: { placedAt: 'ASC', id: 'ASC' }, filters: { collectorScope: false } },
  );
  const history = await historyOf(em as SqlEntityManager, borrowers, at);
  for (const target of cases) {
    const borrower = borrowers.find((b) => b.id === target.borrower.id);
    const institution = institutions.find((i) => i.id === target.institution.id);
    if (!borrower || !institution) continue;
    facts.set(target.id, {
      target,
      institution,
      borrower,
      holdsInForce: holds.filter((h) => h.case.id === target.id),
      history: history.get(borrower.id) ?? [],
    });
  }
  return facts;
}

async function historyOf(
  em: SqlEntityManager,
  borrowers: readonly Borrower[],
  at: Date,
): Promise<Map<string, PolicyFacts['history']>> {
  const byBorrower = new Map<string, PolicyFacts['history']>();
  if (borrowers.length === 0) return byBorrower;
  const platform = em.getPlatform();
  const clauses: string[] = [];
  const params: unknown[] = [];
  for (const b of borrowers) {
    clauses.push('(c.institution_id = ? and k.borrower_id = ?)');
    params.push(b.institution.id, b.id);
  }
  const rows = await em.execute<HistoryRow[]>(
    'select c.case_id, k.borrower_id, c.occurred_at, c.channel, c.result, c.outcome, ' +
      'c.third_party_id, c.dialed_number_index from contact c ' +
      'join collection_case k on k.id = c.case_id and k.institution_id = c.institution_id ' +
      `where (${clauses.join(' or ')}) and c.direction = ? and c.occurred_at >= ? and c.occurred_at <= ? ` +
      'order by c.occurred_at, c.id',
    [
      ...params,
      ContactDirection.OUTBOUND,
      platform.processDateProperty(new Date(at.getTime() - HISTORY_DAYS * DAY_MS)),
      // To the end of the local day too: the per-day caps count the whole day.
      platform.processDateProperty(new Date(at.getTime() + DAY_MS)),
    ],
  );
  for (const row of rows) {
    const list = byBorrower.get(row.borrower_id) ?? [];
    list.push({
      caseId: row.case_id,
      at: new Date(row.occurred_at),
      channel: row.channel,
      result: row.result,
      outcome: row.outcome,
      personKind: row.third_party_id ? 'THIRD_PARTY' : 'BORROWER',
      ...(row.dialed_number_index !== null && { phoneNumber: row.dialed_number_index }),
    });
    byBorrower.set(row.borrower_id, list);
  }
  return byBorrower;
}

/**
 * 失联 by the numbers: every phone of the borrower was last dialled with a wrong-number
 * outcome (a borrower with no phone at all cannot be reached by phone either).
 */
export function borrowerNumbersInvalid(facts: PolicyFacts): boolean {
  return facts.borrower.phones.every((phone) => {
    const index = blindIndex(phone);
    const last = facts.history
      .filter((h) => h.channel === 'PHONE' && h.phoneNumber === index)
      .at(-1);
    return last?.outcome === ContactOutcome.WRONG_NUMBER;
  });
}
