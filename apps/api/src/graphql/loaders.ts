import type { EntityManager } from '@mikro-orm/core';
import type { EntityDictionary, EntityName } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { VisitStatus, type PriorityInput } from '@arrears/domain';
import DataLoader from 'dataloader';
import { Borrower } from '../modules/borrower/borrower.entity.js';
import { ThirdParty } from '../modules/borrower/third-party.entity.js';
import { Case } from '../modules/case/case.entity.js';
import { Contact } from '../modules/contact/contact.entity.js';
import { Feedback } from '../modules/feedback/feedback.entity.js';
import { casesCondition } from '../modules/common/case-conditions.js';
import { CaseHold } from '../modules/hold/case-hold.entity.js';
import { Institution } from '../modules/institution/institution.entity.js';
import { institutionZones } from '../modules/institution/institution-zones.js';
import { Installment } from '../modules/plan/installment.entity.js';
import { RepaymentPlan } from '../modules/plan/repayment-plan.entity.js';
import { loadPolicyFacts, type PolicyFacts } from '../modules/policy/policy-facts.js';
import { loadPriorityInputs } from '../modules/strategy/priority-inputs.js';
import { User } from '../modules/user/user.entity.js';
import { VisitCollector } from '../modules/visit/visit-collector.entity.js';
import { Visit } from '../modules/visit/visit.entity.js';

/** A case's last contact: the newest by when it happened. */
export const LAST_CONTACT = { order: 'occurred_at desc, id desc' } as const;

/** The order of a case's recent rows, newest first. */
export const RECENT_ORDER = {
  contacts: LAST_CONTACT.order,
  visits: 'window_start desc, id desc',
  feedback: 'created_at desc, id desc',
  plans: 'created_at desc, id desc',
} as const;

/** A case's next visit: the earliest planned or confirmed one that has not ended. */
export const NEXT_VISIT = {
  order: 'window_start asc, id asc',
  condition: (em: EntityManager, now: Date) => ({
    sql: `status in (?, ?) and window_end >= ?`,
    params: [VisitStatus.PLANNED, VisitStatus.CONFIRMED, em.getPlatform().processDateProperty(now)],
  }),
};

/**
 * Per-request batching for every relation a list can ask for, so a page of N rows costs
 * a fixed number of statements whatever N is. Built once per request: nothing leaks
 * between requests or tenants.
 */
export function createLoaders(em: EntityManager, now: Date) {
  const sql = em as SqlEntityManager;
  const perCase = <T>(load: (cases: readonly Case[]) => Promise<Map<string, T>>) =>
    new DataLoader<Case, T, string>(
      async (cases) => {
        const found = await load(cases);
        return cases.map((c) => found.get(c.id) as T);
      },
      { cacheKeyFn: (c) => c.id },
    );
  const recentPerCase = new Map<string, DataLoader<Case, unknown[], string>>();
  /** The newest `limit` rows of `entity` for each case, ordered by `orderSql`. */
  const recentLoader = <T extends object>(
    entity: EntityName<T>,
    orderSql: string,
    limit: number,
  ) => {
    const key = `${String((entity as { name: string }).name)}:${limit}`;
    let loader = recentPerCase.get(key);
    if (!loader) {
      loader = perCase(async (cases) => {
        const groups = await topPerCase(sql, entity, cases, { orderSql, perCase: limit });
        return new Map(cases.map((c) => [c.id, (groups.get(c.id) ?? []) as unknown[]]));
      }) as DataLoader<Case, unknown[], string>;
      recentPerCase.set(key, loader);
    }
    return loader as unknown as DataLoader<Case, T[], string>;
  };

  return {
    institution: byId(em, Institution),
    /** An institution's time zone, from the process-wide cache. */
    timeZone: new DataLoader<string, string>(async (ids) => {
      const zones = await institutionZones(em, ids);
      return ids.map((id) => zones.get(id) ?? new Error(`institution ${id} is not visible`));
    }),
    user: byId(em, User),
    borrower: byId(em, Borrower),
    case: byId(em, Case),
    /**
     * A collector on a colleague's visit needs the loan it is about, though the case itself
     * stays out of their lists: still the actor's institution, not only their own cases.
     */
    caseOfVisit: byId(em, Case, { filters: { collectorScope: false } }),
    thirdParty: byId(em, ThirdParty),
    lastContact: perCase(async (cases) => {
      const groups = await topPerCase(sql, Contact, cases, {
        orderSql: LAST_CONTACT.order,
        perCase: 1,
      });
      return new Map([...groups].map(([id, rows]) => [id, rows[0] ?? null]));
    }),
    nextVisit: perCase(async (cases) => {
      const groups = await topPerCase(sql, Visit, cases, {
        orderSql: NEXT_VISIT.order,
        perCase: 1,
        where: NEXT_VISIT.condition(em, now),
      });
      return new Map([...groups].map(([id, rows]) => [id, rows[0] ?? null]));
    }),
    recentContacts: (limit: number) => recentLoader(Contact, RECENT_ORDER.contacts, limit),
    recentVisits: (limit: number) => recentLoader(Visit, RECENT_ORDER.visits, limit),
    recentFeedback: (limit: number) => recentLoader(Feedback, RECENT_ORDER.feedback, limit),
    /** What the contact policy needs per case, judged at the request's instant. */
    policyFacts: perCase<PolicyFacts>((cases) => loadPolicyFacts(em, cases, now)),
    priorityInputs: perCase<PriorityInput>((cases) => loadPriorityInputs(em, cases, now)),
    /** Every hold of each case, open and released, newest first. */
    holds: perCase(async (cases) => {
      const rows = await em.find(
        CaseHold,
        { case: { $in: cases.map((c) => c.id) } },
        { orderBy: { placedAt: 'DESC', id: 'DESC' } },
      );
      return new Map(cases.map((c) => [c.id, rows.filter((h) => h.case.id === c.id)]));
    }),
    plan: byId(em, RepaymentPlan),
    plans: perCase(async (cases) => {
      const rows = await em.find(
        RepaymentPlan,
        { case: { $in: cases.map((c) => c.id) } },
        { orderBy: { createdAt: 'DESC', id: 'DESC' } },
      );
      return new Map(cases.map((c) => [c.id, rows.filter((p) => p.case.id === c.id)]));
    }),
    installments: new DataLoader<string, Installment[]>(async (planIds) => {
      const rows = await em.find(
        Installment,
        { plan: { $in: [...planIds] } },
        { orderBy: { sequence: 'ASC' } },
      );
      return planIds.map((id) => rows.filter((r) => r.plan.id === id));
    }),
    thirdParties: new DataLoader<string, ThirdParty[]>(async (borrowerIds) => {
      const rows = await em.find(
        ThirdParty,
        { borrower: { $in: [...borrowerIds] } },
        { orderBy: { createdAt: 'ASC', id: 'ASC' } },
      );
      return borrowerIds.map((id) => rows.filter((r) => r.borrower.id === id));
    }),
    visitCollectors: new DataLoader<string, User[]>(async (visitIds) => {
      const rows = await em.find(
        VisitCollector,
        { visit: { $in: [...visitIds] } },
        { populate: ['user'], strategy: 'joined' },
      );
      return visitIds.map((id) =>
        rows.filter((r) => r.visit.id === id).map((r) => r.user.getEntity()),
      );
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Loads entities by id, skipping those the request has already loaded. */
function byId<T extends { id: string }>(
  em: EntityManager,
  entity: EntityName<T>,
  options: { filters?: Record<string, boolean> } = {},
) {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await em.find(entity, { id: { $in: [...ids] } } as never, options as never);
    const found = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

/**
 * The first `perCase` rows per case in one statement (a window function, portable across
 * SQLite and PostgreSQL). Conditions lead with institution_id so the tenant-first indexes serve it.
 */
async function topPerCase<T extends object>(
  em: SqlEntityManager,
  entity: EntityName<T>,
  cases: readonly Case[],
  options: { orderSql: string; perCase: number; where?: { sql: string; params: unknown[] } },
): Promise<Map<string, T[]>> {
  const groups = new Map<string, T[]>();
  if (cases.length === 0) return groups;
  const table = em.getMetadata().get(entity).tableName;
  const scope = casesCondition(cases);
  const extra = options.where ? ` and ${options.where.sql}` : '';
  const rows = await em.execute<Record<string, unknown>[]>(
    `select t.* from ${table} t join (` +
      `select id, row_number() over (partition by case_id order by ${options.orderSql}) as rn ` +
      `from ${table} where (${scope.sql})${extra}` +
      `) ranked on ranked.id = t.id where ranked.rn <= ? order by t.case_id, ranked.rn`,
    [...scope.params, ...(options.where?.params ?? []), options.perCase],
  );
  for (const row of rows) {
    const entityRow = em.map(entity, row as EntityDictionary<T>);
    const caseId = row.case_id as string;
    const list = groups.get(caseId) ?? [];
    list.push(entityRow);
    groups.set(caseId, list);
  }
  return groups;
}
