import type { EntityManager } from '@mikro-orm/core';
import { Borrower } from '../borrower/borrower.entity.js';
import { entitiesOf } from '../common/refs.js';
import { Institution } from '../institution/institution.entity.js';
import type { Case } from './case.entity.js';

/**
 * The institutions and borrowers of `cases`, by id: those the cases already carry as they are,
 * the others in one read per table. The policy and priority loaders judge a page of cases by
 * both.
 */
export async function institutionsAndBorrowers(
  em: EntityManager,
  cases: readonly Case[],
): Promise<{ institutions: Map<string, Institution>; borrowers: Map<string, Borrower> }> {
  const institutions = await entitiesOf(
    cases.map((c) => c.institution),
    (ids) => em.find(Institution, { id: { $in: ids } }),
  );
  const borrowers = await entitiesOf(
    cases.map((c) => c.borrower),
    (ids) => em.find(Borrower, { id: { $in: ids } }),
  );
  return { institutions, borrowers };
}
