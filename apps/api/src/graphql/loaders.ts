import type { EntityManager } from '@mikro-orm/core';
import type { EntityName } from '@mikro-orm/core';
import { VisitStatus, type PriorityInput } from '@arrears/domain';
import DataLoader from 'dataloader';
import { entityColumns, projectionKey, type Projection } from '../db/entity-columns.js';
import { readUnion, type UnionPart } from '../db/union-read.js';
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

/** A case's next visit: the earliest planned or confirmed one that has not ended. */
export const NEXT_VISIT = {
  order: 'window_start asc, id asc',
  condition: (em: EntityManager, now: Date) => ({
    sql: `status in (?, ?) and window_end >= ?`,
    params: [VisitStatus.PLANNED, VisitStatus.CONFIRMED, em.getPlatform().processDateProperty(now)],
  }),
};

/** A list of rows that hang off a case: its table, its order and any condition of its own. */
interface CaseRowsDefinition {
  entity: new () => object;
  order: string;
  condition?: (em: EntityManager, now: Date) => { sql: string; params: unknown[] };
}

/** The lists of rows that hang off a case. */
const CASE_ROWS = {
  contacts: { entity: Contact, order: LAST_CONTACT.order },
  visits: { entity: Visit, order: 'window_start desc, id desc' },
  upcomingVisits: { entity: Visit, order: NEXT_VISIT.order, condition: NEXT_VISIT.condition },
  feedback: { entity: Feedback, order: 'created_at desc, id desc' },
  plans: { entity: RepaymentPlan, order: 'created_at desc, id desc' },
} satisfies Record<string, CaseRowsDefinition>;

/** One case's list: which, how many (null: all), of which case, which columns. */
export interface CaseRowsKey {
  kind: keyof typeof CASE_ROWS;
  limit: number | null;
  case: Case;
  projection: Projection;
}

type CaseRow<K extends CaseRowsKey['kind']> = InstanceType<(typeof CASE_ROWS)[K]['entity']>;

/**
 * Per-request batching for every relation a list can ask for, so a page of N rows costs
 * a fixed number of statements whatever N is. Built once per request: nothing leaks
 * between requests or tenants.
 */
export function createLoaders(em: EntityManager, now: Date) {
  const perCase = <T>(load: (cases: readonly Case[]) => Promise<Map<string, T>>) =>
    new DataLoader<Case, T, string>(
      async (cases) => {
        const found = await load(cases);
        return cases.map((c) => found.get(c.id) as T);
      },
      { cacheKeyFn: (c) => c.id },
    );
  /**
   * Every list of rows under a case asked for in one tick (a page's last contacts and next
   * visits, a case page's contacts, visits, feedback and plans), whatever their kind and
   * length, read together in one statement.
   */
  const caseRows = new DataLoader<CaseRowsKey, object[], string>(
    async (keys) => {
      const groups = new Map<
        string,
        { kind: CaseRowsKey['kind']; limit: number | null; projection: Projection; cases: Case[] }
      >();
      for (const key of keys) {
        const group = groupKey(key);
        const found = groups.get(group) ?? {
          kind: key.kind,
          limit: key.limit,
          projection: key.projection,
          cases: [],
        };
        found.cases.push(key.case);
        groups.set(group, found);
      }
      const parts = [...groups.values()].map((group, i): UnionPart<object> => {
        const rows: CaseRowsDefinition = CASE_ROWS[group.kind];
        const scope = casesCondition(group.cases);
        const extra = rows.condition?.(em, now);
        return {
          columns: entityColumns(em, rows.entity, `t${i}`, group.projection),
          where: extra ? `(${scope.sql}) and ${extra.sql}` : scope.sql,
          params: [...scope.params, ...(extra?.params ?? [])],
          order: rows.order,
          limit: group.limit,
        };
      });
      const lists = await readUnion(em, parts);
      const found = new Map<string, object[]>();
      [...groups.keys()].forEach((group, i) => {
        for (const row of lists[i]!) {
          const key = `${group}:${(row as { case: { id: string } }).case.id}`;
          found.set(key, [...(found.get(key) ?? []), row]);
        }
      });
      return keys.map((key) => found.get(caseRowsKey(key)) ?? []);
    },
    { cacheKeyFn: caseRowsKey },
  );
  /** Lists a statement already read with their case (see `primeRows`), by `caseRowsKey`. */
  const primed = new Map<string, object[]>();
  const rowsOf = <K extends CaseRowsKey['kind']>(
    kind: K,
    target: Case,
    limit: number | null,
    projection: Projection = 'all',
  ) => {
    const key = { kind, limit, case: target, projection };
    return (primed.get(caseRowsKey(key)) ?? caseRows.load(key)) as
      | CaseRow<K>[]
      | Promise<CaseRow<K>[]>;
  };
  const first = <T>(rows: T[] | Promise<T[]>) =>
    rows instanceof Promise ? rows.then((r) => r[0] ?? null) : (rows[0] ?? null);

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
    /**
     * A case's list of `kind`, its first `limit` rows (null: all): synchronously when a
     * statement already read it, so a page's rows complete without a promise per field.
     */
    rowsOf,
    /** Gives `rowsOf` a list read with its case, e.g. the last contact joined to a page's row. */
    primeRows: (key: CaseRowsKey, rows: object[]) => {
      primed.set(caseRowsKey(key), rows);
    },
    lastContact: (c: Case, projection?: Projection) => first(rowsOf('contacts', c, 1, projection)),
    nextVisit: (c: Case, projection?: Projection) =>
      first(rowsOf('upcomingVisits', c, 1, projection)),
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

/** The lists read together as one part of the statement: same kind, length and columns. */
function groupKey(key: CaseRowsKey): string {
  return `${key.kind}:${key.limit ?? ''}:${projectionKey(key.projection)}`;
}

function caseRowsKey(key: CaseRowsKey): string {
  return `${groupKey(key)}:${key.case.id}`;
}
