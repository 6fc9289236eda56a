import type { QBFilterQuery, SqlEntityManager } from '@mikro-orm/knex';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { dataScopeKey } from '../../auth/data-scope.js';
import { selectBound } from '../../db/bound-query.js';
import { QueryTemplates } from '../../db/query-templates.js';
import { entityColumns, type Projection } from '../../db/entity-columns.js';
import type { RequestContext } from '../../graphql/context.js';
import { LAST_CONTACT, NEXT_VISIT, type CaseRowsKey } from '../../graphql/loaders.js';
import type { PagePlan } from '../../graphql/pagination.js';
import { Borrower } from '../borrower/borrower.entity.js';
import { Contact } from '../contact/contact.entity.js';
import { Visit } from '../visit/visit.entity.js';
import { Case } from './case.entity.js';

/** The list's statements, built once per filter shape (see QueryTemplates). */
const templates = new QueryTemplates();

/**
 * What a case list shows (the GraphQL selection decides): the total, what it reads of each case,
 * and what of each case's borrower, last contact and next visit; a relation left out is not read.
 */
export interface CaseListShows {
  totalCount: boolean;
  case: Projection;
  borrower?: Projection;
  lastContact?: Projection;
  nextVisit?: Projection;
}

/**
 * One page of cases in ONE statement: the filtered, ordered page (tenant and collector filters
 * applied as the ORM applies them) with the filter's total as a sub-select, and joined to it
 * what the list shows: each case's borrower, its last contact and its next visit (an
 * index-backed top-1 per page row, not a pass over every contact of the page). The rows come
 * back as read views, not managed entities, and the joined ones prime the request's loaders, so
 * the field resolvers find them without another statement.
 */
export async function readCasePage(
  ctx: RequestContext,
  plan: PagePlan<Case>,
  shows: CaseListShows,
): Promise<{ cases: Case[]; total: number | null }> {
  const em = ctx.em as SqlEntityManager;
  const scope = `${em.getPlatform().constructor.name} ${dataScopeKey(em)}`;
  /** The count's values come first in the statement's text. */
  const countBindings: unknown[] = [];
  let countSelect: string | null = null;
  if (shows.totalCount) {
    // Its own sub-select, so PostgreSQL counts from an index: a window count over the page
    // query would read every matching row whole (200–370 ms against 4 ms for one bucket at L).
    const counted = await templates.build(`count ${scope}`, plan.filter, (where) =>
      em
        .createQueryBuilder(Case, 'n')
        .count()
        .where(where as QBFilterQuery<Case>),
    );
    countSelect = `(${counted.sql}) as page_total`;
    countBindings.push(...counted.bindings);
  }
  const inner = await templates.build(
    `page ${scope} ${JSON.stringify(plan.orderBy)} ${plan.limit} ${plan.offset}`,
    plan.where,
    (where) =>
      em
        .createQueryBuilder(Case, 'c')
        .select('c.*')
        .where(where as QBFilterQuery<Case>)
        .orderBy(plan.orderBy)
        .limit(plan.limit, plan.offset),
  );

  const meta = em.getMetadata().get(Case);
  // The cursor is made of the order keys: they are read whatever the query shows.
  const caseColumns = entityColumns(
    em,
    Case,
    'p',
    shows.case === 'all' ? 'all' : new Set([...shows.case, ...plan.keys.map((key) => key.prop)]),
  );
  const borrower = entityColumns(em, Borrower, 'b', shows.borrower);
  const lastContact = entityColumns(em, Contact, 'lc', shows.lastContact);
  const nextVisit = entityColumns(em, Visit, 'nv', shows.nextVisit);
  const order = plan.keys
    .map((key) => `p.${meta.properties[key.prop].fieldNames[0]} ${key.direction}`)
    .join(', ');
  // Each row's last contact and next visit are found by a top-1 sub-select per page row and
  // then joined by primary key. PostgreSQL would fold the page into the outer query and hash
  // the whole contact table against it; `offset 0` keeps the page a page (SQLite needs no fence
  // and has no bare OFFSET).
  const tops: string[] = [];
  const select = [caseColumns.select];
  const joins: string[] = [];
  /** The top-1 sub-selects' values: they come before the page's in the statement's text. */
  const bindings: unknown[] = [];
  if (countSelect) select.push(countSelect);
  if (shows.borrower) {
    select.push(borrower.select);
    joins.push(`join ${borrower.table} b on b.id = p.borrower_id`);
  }
  if (shows.lastContact) {
    tops.push(
      `(select k.id from ${lastContact.table} k where k.institution_id = p.institution_id ` +
        `and k.case_id = p.id order by ${LAST_CONTACT.order} limit 1) as last_contact_id`,
    );
    select.push(lastContact.select);
    joins.push(`left join ${lastContact.table} lc on lc.id = p.last_contact_id`);
  }
  if (shows.nextVisit) {
    const upcoming = NEXT_VISIT.condition(em, ctx.now);
    tops.push(
      `(select v.id from ${nextVisit.table} v where v.institution_id = p.institution_id ` +
        `and v.case_id = p.id and ${upcoming.sql} order by ${NEXT_VISIT.order} limit 1) as next_visit_id`,
    );
    bindings.push(...upcoming.params);
    select.push(nextVisit.select);
    joins.push(`left join ${nextVisit.table} nv on nv.id = p.next_visit_id`);
  }
  const fence = em.getPlatform() instanceof PostgreSqlPlatform ? ' offset 0' : '';
  const pageWithTops = `select ${['p.*', ...tops].join(', ')} from (${inner.sql}) p${fence}`;
  const rows = await selectBound<Record<string, unknown>>(
    em,
    `select ${select.join(', ')} from (${pageWithTops}) p ${joins.join(' ')} order by ${order}`,
    [...countBindings, ...bindings, ...inner.bindings],
  );

  const cases = rows.map((row) => {
    const found = caseColumns.view(row, shows.borrower ? { borrower: borrower.view(row)! } : {})!;
    const prime = (kind: CaseRowsKey['kind'], projection: Projection, row: object | null) =>
      ctx.loaders.primeRows({ kind, case: found, limit: 1, projection }, row ? [row] : []);
    if (shows.lastContact)
      prime('contacts', shows.lastContact, lastContact.view(row, { case: found }));
    if (shows.nextVisit)
      prime('upcomingVisits', shows.nextVisit, nextVisit.view(row, { case: found }));
    return found;
  });
  // No row carries the count when the page is empty: then it is counted on demand.
  const total = shows.totalCount && rows.length ? Number(rows[0]!.page_total) : null;
  return { cases, total };
}

/**
 * One case as a one-row page, joined with its borrower when the page shows it: one statement,
 * of the columns the page shows.
 * Its contacts, visits, feedback and plans come from the request's loaders, which read whatever
 * lists the query asks in one statement: a case page costs two.
 */
export async function readCaseDetail(
  ctx: RequestContext,
  id: string,
  shows: Pick<CaseListShows, 'case' | 'borrower'>,
): Promise<Case | null> {
  const { cases } = await readCasePage(
    ctx,
    {
      filter: { id },
      where: { id },
      keys: [{ prop: 'id', direction: 'ASC', kind: 'string' }],
      orderBy: { id: 'ASC' },
      limit: 1,
      offset: undefined,
    },
    { totalCount: false, ...shows },
  );
  return cases[0] ?? null;
}
