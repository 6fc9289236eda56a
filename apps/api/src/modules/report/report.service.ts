import {
  Bucket,
  ContactDirection,
  FeedbackKind,
  Money,
  RIGHT_PARTY_OUTCOMES,
  RepaymentPlanStatus,
  Role,
  ValidationError,
  VisitStatus,
  addDays,
  bucketForDpd,
  daysPastDue,
  localDate,
  reportRates,
  type ReportCounts,
} from '@arrears/domain';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { ForbiddenError } from '../../auth/errors.js';
import type { RequestContext } from '../../graphql/context.js';
import { findOrFail } from '../common/lookup.js';
import { Institution } from '../institution/institution.entity.js';
import { User } from '../user/user.entity.js';
import type { CollectionReport, ReportMetrics, VisitOutcomeCounts } from './report.types.js';

const DAY_MS = 86_400_000;
const MAX_DAYS = 366;

type Tally = ReportCounts & { visits: VisitOutcomeCounts };
type Stamp = string | number | Date;

const emptyTally = (): Tally => ({
  recoveredFen: 0,
  outstandingFen: 0,
  plansKept: 0,
  plansBroken: 0,
  borrowerCalls: 0,
  rightPartyContacts: 0,
  contacts: 0,
  complaints: 0,
  visits: { completed: 0, noShow: 0, cancelled: 0, rescheduled: 0, open: 0 },
});

/**
 * The collection report of the actor's institution (a collector: their own cases) over the
 * last `days` days. Each figure is summed per case in SQL, then folded by the case's bucket
 * now and its assignee; the rates come from the domain's `reportRates`.
 */
export class ReportService {
  async collectionReport(ctx: RequestContext, days: number): Promise<CollectionReport> {
    if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
      throw new ValidationError('days', `must be a whole number of days from 1 to ${MAX_DAYS}`);
    }
    if (ctx.actor.kind === 'anonymous' || ctx.actor.kind === 'system') {
      throw new ForbiddenError('reports belong to an institution');
    }
    const institution = await findOrFail(ctx.em, Institution, { id: ctx.actor.institutionId });
    const to = ctx.now;
    const from = new Date(to.getTime() - days * DAY_MS);
    const onlyAssignee =
      ctx.actor.kind === 'user' && ctx.actor.role === Role.COLLECTOR ? ctx.actor.id : null;
    const rows = await new ReportQueries(
      ctx.em as SqlEntityManager,
      institution.id,
      onlyAssignee,
      from,
      to,
    ).run();

    const total = emptyTally();
    const byBucket = new Map<Bucket, Tally>();
    const byCollector = new Map<string | null, Tally>();
    const caseSlices = new Map<string, Tally[]>();
    for (const c of rows.cases) {
      const bucket = bucketForDpd(
        Math.max(0, daysPastDue(c.overdue_since, to, institution.timeZone)),
      );
      const slices = [
        total,
        getOrCreate(byBucket, bucket, emptyTally),
        getOrCreate(byCollector, c.assignee_id, emptyTally),
      ];
      caseSlices.set(c.id, slices);
      for (const t of slices) t.outstandingFen += Number(c.outstanding_fen);
    }
    const add = (caseId: string, apply: (t: Tally) => void) =>
      caseSlices.get(caseId)?.forEach(apply);
    for (const p of rows.payments) add(p.case_id, (t) => (t.recoveredFen += Number(p.amount_fen)));
    for (const p of rows.plans) {
      add(p.case_id, (t) =>
        p.status === RepaymentPlanStatus.KEPT
          ? (t.plansKept += Number(p.n))
          : (t.plansBroken += Number(p.n)),
      );
    }
    for (const c of rows.contacts) {
      add(c.case_id, (t) => {
        t.contacts += Number(c.contacts);
        t.borrowerCalls += Number(c.borrower_calls);
        t.rightPartyContacts += Number(c.right_party);
      });
    }
    for (const f of rows.complaints) add(f.case_id, (t) => (t.complaints += Number(f.n)));
    for (const v of rows.visits) {
      const key = VISIT_OUTCOME_KEYS[v.status];
      if (key) add(v.case_id, (t) => (t.visits[key] += Number(v.n)));
    }

    const collectors = await ctx.em.find(User, {
      id: { $in: [...byCollector.keys()].filter((id): id is string => id !== null) },
    });
    return {
      from,
      to,
      total: metrics(total),
      byBucket: Object.values(Bucket)
        .filter((bucket) => byBucket.has(bucket))
        .map((bucket) => ({ bucket, metrics: metrics(byBucket.get(bucket)!) })),
      byCollector: [...byCollector]
        .map(([id, tally]) => ({
          collector: collectors.find((u) => u.id === id) ?? null,
          metrics: metrics(tally),
        }))
        .sort((a, b) =>
          (a.collector?.displayName ?? '~').localeCompare(b.collector?.displayName ?? '~'),
        ),
      weekly: weekly(
        rows.paymentTimes,
        rows.contactTimes,
        from,
        to,
        institution.timeZone,
        caseSlices,
      ),
    };
  }
}

const VISIT_OUTCOME_KEYS: Partial<Record<string, keyof VisitOutcomeCounts>> = {
  [VisitStatus.COMPLETED]: 'completed',
  [VisitStatus.NO_SHOW]: 'noShow',
  [VisitStatus.CANCELLED]: 'cancelled',
  [VisitStatus.RESCHEDULED]: 'rescheduled',
  [VisitStatus.PLANNED]: 'open',
  [VisitStatus.CONFIRMED]: 'open',
  [VisitStatus.CHECKED_IN]: 'open',
};

function metrics(t: Tally): ReportMetrics {
  return {
    recovered: Money.ofFen(t.recoveredFen),
    outstanding: Money.ofFen(t.outstandingFen),
    promisesKept: t.plansKept,
    promisesBroken: t.plansBroken,
    borrowerCalls: t.borrowerCalls,
    rightPartyContacts: t.rightPartyContacts,
    contacts: t.contacts,
    complaints: t.complaints,
    visits: t.visits,
    ...reportRates(t),
  };
}

/** Recovered money and contacts per local week (Monday first), oldest first. */
function weekly(
  payments: { case_id: string; amount_fen: number | string; paid_at: Stamp }[],
  contacts: { case_id: string; occurred_at: Stamp }[],
  from: Date,
  to: Date,
  timeZone: string,
  inScope: Map<string, unknown>,
) {
  const mondayOf = (at: Stamp) => {
    const date = localDate(new Date(at), timeZone);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return addDays(date, -((weekday + 6) % 7));
  };
  const weeks = new Map<string, { recoveredFen: number; contacts: number }>();
  for (let week = mondayOf(from); week <= localDate(to, timeZone); week = addDays(week, 7)) {
    weeks.set(week, { recoveredFen: 0, contacts: 0 });
  }
  for (const p of payments) {
    const week = weeks.get(mondayOf(p.paid_at));
    if (week && inScope.has(p.case_id)) week.recoveredFen += Number(p.amount_fen);
  }
  for (const c of contacts) {
    const week = weeks.get(mondayOf(c.occurred_at));
    if (week && inScope.has(c.case_id)) week.contacts += 1;
  }
  return [...weeks].map(([weekStart, w]) => ({
    weekStart,
    recovered: Money.ofFen(w.recoveredFen),
    contacts: w.contacts,
  }));
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/**
 * The report's reads: raw SQL, so each carries the institution (and for a collector the
 * assignee) itself; row-level security on PostgreSQL stands behind it.
 */
class ReportQueries {
  constructor(
    private readonly em: SqlEntityManager,
    private readonly institutionId: string,
    private readonly assigneeId: string | null,
    private readonly from: Date,
    private readonly to: Date,
  ) {}

  async run() {
    const period = this.period();
    const cases = await this.query<{
      id: string;
      assignee_id: string | null;
      overdue_since: string;
      outstanding_fen: number | string;
    }>(
      'select k.id, k.assignee_id, k.overdue_since, k.outstanding_fen from collection_case k where SCOPE',
    );
    const payments = await this.query<{
      case_id: string;
      amount_fen: number | string;
      paid_at: Stamp;
    }>(
      'select p.case_id, p.amount_fen, p.paid_at from payment p join collection_case k on k.id = p.case_id ' +
        'where SCOPE and p.institution_id = k.institution_id and p.paid_at >= ? and p.paid_at <= ?',
      period,
    );
    const plans = await this.query<{ case_id: string; status: string; n: number | string }>(
      'select r.case_id, r.status, count(*) as n from repayment_plan r join collection_case k on k.id = r.case_id ' +
        'where SCOPE and r.institution_id = k.institution_id and r.status in (?, ?) ' +
        'and r.closed_at >= ? and r.closed_at <= ? group by r.case_id, r.status',
      [RepaymentPlanStatus.KEPT, RepaymentPlanStatus.BROKEN, ...period],
    );
    const rightParty = RIGHT_PARTY_OUTCOMES.map(() => '?').join(', ');
    const contacts = await this.query<{
      case_id: string;
      contacts: number | string;
      borrower_calls: number | string;
      right_party: number | string;
    }>(
      `select c.case_id, count(*) as contacts, ` +
        `sum(case when c.channel = 'PHONE' and c.third_party_id is null then 1 else 0 end) as borrower_calls, ` +
        `sum(case when c.channel = 'PHONE' and c.third_party_id is null and c.outcome in (${rightParty}) then 1 else 0 end) as right_party ` +
        'from contact c join collection_case k on k.id = c.case_id ' +
        'where SCOPE and c.institution_id = k.institution_id and c.direction = ? ' +
        'and c.occurred_at >= ? and c.occurred_at <= ? group by c.case_id',
      [ContactDirection.OUTBOUND, ...period],
      [...RIGHT_PARTY_OUTCOMES],
    );
    const complaints = await this.query<{ case_id: string; n: number | string }>(
      'select f.case_id, count(*) as n from feedback f join collection_case k on k.id = f.case_id ' +
        'where SCOPE and f.institution_id = k.institution_id and f.kind = ? ' +
        'and f.created_at >= ? and f.created_at <= ? group by f.case_id',
      [FeedbackKind.COMPLAINT, ...period],
    );
    const visits = await this.query<{ case_id: string; status: string; n: number | string }>(
      'select v.case_id, v.status, count(*) as n from visit v join collection_case k on k.id = v.case_id ' +
        'where SCOPE and v.institution_id = k.institution_id ' +
        'and v.window_start >= ? and v.window_start <= ? group by v.case_id, v.status',
      period,
    );
    const contactTimes = await this.query<{ case_id: string; occurred_at: Stamp }>(
      'select c.case_id, c.occurred_at from contact c join collection_case k on k.id = c.case_id ' +
        'where SCOPE and c.institution_id = k.institution_id and c.direction = ? ' +
        'and c.occurred_at >= ? and c.occurred_at <= ?',
      [ContactDirection.OUTBOUND, ...period],
    );
    return {
      cases,
      payments,
      plans,
      contacts,
      complaints,
      visits,
      paymentTimes: payments,
      contactTimes,
    };
  }

  private period(): unknown[] {
    const platform = this.em.getPlatform();
    return [platform.processDateProperty(this.from), platform.processDateProperty(this.to)];
  }

  /**
   * Runs `sql` with SCOPE standing for the case's institution (and, for a collector, its
   * assignee); `before` are the parameters of the select list, which come first.
   */
  private query<T>(sql: string, params: unknown[] = [], before: unknown[] = []): Promise<T[]> {
    const scope = this.assigneeId
      ? {
          sql: 'k.institution_id = ? and k.assignee_id = ?',
          params: [this.institutionId, this.assigneeId],
        }
      : { sql: 'k.institution_id = ?', params: [this.institutionId] };
    return this.em.execute<T[]>(sql.replace('SCOPE', scope.sql), [
      ...before,
      ...scope.params,
      ...params,
    ]);
  }
}
