import {
  ContactDirection,
  RepaymentPlanStatus,
  daysPastDue,
  diffDays,
  localDate,
  type PriorityInput,
} from '@arrears/domain';
import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import type { Case } from '../case/case.entity.js';
import { casesCondition } from '../common/case-conditions.js';
import { institutionsAndBorrowers } from '../case/case-parties.js';

/**
 * The facts behind each case's priority score, in at most four statements whatever the number
 * of cases: their institutions and borrowers (unless the cases came with them), the last
 * outbound contact and the broken plans.
 * Counted across every collector, like the contact policy's history.
 */
export async function loadPriorityInputs(
  em: EntityManager,
  cases: readonly Case[],
  at: Date,
): Promise<Map<string, PriorityInput>> {
  const inputs = new Map<string, PriorityInput>();
  if (cases.length === 0) return inputs;
  const { institutions, borrowers } = await institutionsAndBorrowers(em, cases);
  const sql = em as SqlEntityManager;
  const platform = sql.getPlatform();
  const where = casesCondition(cases);
  const lastContacts = await sql.execute<{ case_id: string; last_at: string | number | Date }[]>(
    `select case_id, max(occurred_at) as last_at from contact where (${where.sql}) ` +
      'and direction = ? and occurred_at <= ? group by case_id',
    [...where.params, ContactDirection.OUTBOUND, platform.processDateProperty(at)],
  );
  const broken = await sql.execute<{ case_id: string; broken: number | string }[]>(
    `select case_id, count(*) as broken from repayment_plan where (${where.sql}) and status = ? group by case_id`,
    [...where.params, RepaymentPlanStatus.BROKEN],
  );
  for (const target of cases) {
    const institution = institutions.get(target.institution.id);
    if (!institution) continue;
    const today = localDate(at, institution.timeZone);
    const last = lastContacts.find((row) => row.case_id === target.id);
    inputs.set(target.id, {
      outstandingFen: target.outstandingFen,
      dpd: Math.max(0, daysPastDue(target.overdueSince, at, institution.timeZone)),
      creditScore: borrowers.get(target.borrower.id)?.creditScore ?? null,
      brokenPromises: Number(broken.find((row) => row.case_id === target.id)?.broken ?? 0),
      daysSinceLastContact: last
        ? Math.max(0, diffDays(today, localDate(new Date(last.last_at), institution.timeZone)))
        : null,
    });
  }
  return inputs;
}
