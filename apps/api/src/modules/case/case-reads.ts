import { raw } from '@mikro-orm/core';
import type { QBFilterQuery, SqlEntityManager } from '@mikro-orm/knex';
import { selectBound } from '../../db/bound-query.js';
import { entityColumns } from '../../db/entity-columns.js';
import { readUnion, type UnionPart } from '../../db/union-read.js';
import type { RequestContext } from '../../graphql/context.js';
import { LAST_CONTACT, NEXT_VISIT, RECENT_ORDER } from '../../graphql/loaders.js';
import type { PagePlan } from '../../graphql/pagination.js';
import { Borrower } from '../borrower/borrower.entity.js';
import { Contact } from '../contact/contact.entity.js';
import { Feedback } from '../feedback/feedback.entity.js';
import { RepaymentPlan } from '../plan/repayment-plan.entity.js';
import { Visit } from '../visit/visit.entity.js';
import { Case } from './case.entity.js';

/** What a case list shows beyond the cases' own columns (the GraphQL selection decides). */
export interface CaseListShows {
  totalCount: boolean;
  borrower: boolean;
  lastContact: boolean;
  nextVisit: boolean;
}

/**
 * One page of cases in ONE statement: the filtered, ordered page (tenant and collector filters
 * applied as the ORM applies them) with the total as a window count, and joined to it what the
 * list shows: each case's borrower, its last contact and its next visit (an index-backed top-1
 * per page row, not a pass over every contact of the page). The joined rows prime the request's
 * loaders, so the field resolvers find them without another statement. The total is only known
 * here when no cursor narrows the filter; else it is null and counted on demand.
 */
export async function readCasePage(
  ctx: RequestContext,
  plan: PagePlan<Case>,
  shows: CaseListShows,
): Promise<{ cases: Case[]; total: number | null }> {
  const em = ctx.em as SqlEntityManager;
  const countHere = shows.totalCount && plan.countsWholeFilter;
  const page = em
    .createQueryBuilder(Case, 'c')
    .select('c.*')
    .where(plan.where as QBFilterQuery<Case>)
    .orderBy(plan.orderBy)
    .limit(plan.limit, plan.offset);
  if (countHere) page.addSelect(raw('count(*) over () as page_total'));
  await page.applyFilters();
  const inner = page.toQuery()._sql;

  const caseColumns = entityColumns(em, Case, 'p');
  const borrower = entityColumns(em, Borrower, 'b');
  const lastContact = entityColumns(em, Contact, 'lc');
  const nextVisit = entityColumns(em, Visit, 'nv');
  const meta = em.getMetadata().get(Case);
  const order = plan.keys
    .map((key) => `p.${meta.properties[key.prop].fieldNames[0]} ${key.direction}`)
    .join(', ');
  const select = [caseColumns.select];
  const joins: string[] = [];
  const bindings: unknown[] = [...inner.bindings];
  if (countHere) select.push('p.page_total');
  if (shows.borrower) {
    select.push(borrower.select);
    joins.push(`join ${borrower.table} b on b.id = p.borrower_id`);
  }
  if (shows.lastContact) {
    select.push(lastContact.select);
    joins.push(
      `left join ${lastContact.table} lc on lc.id = (select k.id from ${lastContact.table} k ` +
        `where k.institution_id = p.institution_id and k.case_id = p.id order by ${LAST_CONTACT.order} limit 1)`,
    );
  }
  if (shows.nextVisit) {
    const upcoming = NEXT_VISIT.condition(em, ctx.now);
    select.push(nextVisit.select);
    joins.push(
      `left join ${nextVisit.table} nv on nv.id = (select v.id from ${nextVisit.table} v ` +
        `where v.institution_id = p.institution_id and v.case_id = p.id and ${upcoming.sql} ` +
        `order by ${NEXT_VISIT.order} limit 1)`,
    );
    bindings.push(...upcoming.params);
  }
  const rows = await selectBound<Record<string, unknown>>(
    em,
    `select ${select.join(', ')} from (${inner.sql}) p ${joins.join(' ')} order by ${order}`,
    bindings,
  );

  const cases = rows.map((row) => {
    // The borrower first: the case's reference to it is then already loaded.
    if (shows.borrower) borrower.read(row);
    const found = caseColumns.read(row)!;
    if (shows.lastContact) ctx.loaders.lastContact.prime(found, lastContact.read(row));
    if (shows.nextVisit) ctx.loaders.nextVisit.prime(found, nextVisit.read(row));
    return found;
  });
  // No row carries the count when the page is empty: only the first page knows that means 0.
  const total = !countHere
    ? null
    : rows.length
      ? Number(rows[0]!.page_total)
      : plan.offset
        ? null
        : 0;
  return { cases, total };
}

/** What a case page shows: its borrower, and how many of each recent list (null: not shown). */
export interface CaseDetailShows {
  borrower: boolean;
  contacts: number | null;
  visits: number | null;
  feedback: number | null;
  plans: boolean;
}

/**
 * One case with what its page shows in TWO statements: the case joined with its borrower, then
 * its recent contacts, visits, feedback and plans together (readUnion). The lists prime the
 * request's loaders, which the field resolvers then answer from.
 */
export async function readCaseDetail(
  ctx: RequestContext,
  id: string,
  shows: CaseDetailShows,
): Promise<Case | null> {
  const found = await ctx.em.findOne(
    Case,
    { id },
    shows.borrower ? { populate: ['borrower'] as never, strategy: 'joined' } : {},
  );
  if (!found) return null;
  const ofCase = {
    where: 'institution_id = ? and case_id = ?',
    params: [found.institution.id, id],
  };
  const lists: { part: UnionPart<object>; prime: (rows: object[]) => void }[] = [];
  const recent = <T extends object>(
    entity: new () => T,
    alias: string,
    order: string,
    limit: number | null,
    prime: (rows: T[]) => void,
  ) =>
    lists.push({
      part: { columns: entityColumns(ctx.em, entity, alias), ...ofCase, order, limit },
      prime: prime as (rows: object[]) => void,
    });
  const { loaders } = ctx;
  if (shows.contacts != null) {
    const n = shows.contacts;
    recent(Contact, 'k', RECENT_ORDER.contacts, n, (rows) =>
      loaders.recentContacts(n).prime(found, rows),
    );
  }
  if (shows.visits != null) {
    const n = shows.visits;
    recent(Visit, 'v', RECENT_ORDER.visits, n, (rows) =>
      loaders.recentVisits(n).prime(found, rows),
    );
  }
  if (shows.feedback != null) {
    const n = shows.feedback;
    recent(Feedback, 'f', RECENT_ORDER.feedback, n, (rows) =>
      loaders.recentFeedback(n).prime(found, rows),
    );
  }
  if (shows.plans) {
    recent(RepaymentPlan, 'r', RECENT_ORDER.plans, null, (rows) =>
      loaders.plans.prime(found, rows),
    );
  }
  const rows = await readUnion(
    ctx.em,
    lists.map((l) => l.part),
  );
  lists.forEach((list, i) => list.prime(rows[i]!));
  return found;
}
