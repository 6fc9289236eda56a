import type { Case } from '../case/case.entity.js';

/**
 * `(institution_id = ? and case_id in (…)) or …` for raw SQL over rows that hang off cases:
 * raw SQL is not filtered by the ORM, so it carries the tenancy itself, institution first so
 * the tenant-leading indexes serve it.
 */
export function casesCondition(cases: readonly Case[]): { sql: string; params: unknown[] } {
  const byInstitution = new Map<string, string[]>();
  for (const c of cases) {
    byInstitution.set(c.institution.id, [...(byInstitution.get(c.institution.id) ?? []), c.id]);
  }
  const clauses: string[] = [];
  const params: unknown[] = [];
  for (const [institutionId, ids] of byInstitution) {
    clauses.push(`(institution_id = ? and case_id in (${ids.map(() => '?').join(', ')}))`);
    params.push(institutionId, ...ids);
  }
  return { sql: clauses.join(' or '), params };
}
