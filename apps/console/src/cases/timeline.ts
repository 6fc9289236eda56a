import type {
  AuditEventRecord,
  ContactRecord,
  FeedbackRecord,
  HoldRecord,
  PaymentRecord,
  RepaymentPlanRecord,
  VisitRecord,
} from '../dataProvider/types';

/**
 * The case page's single timeline: everything that happened on a case, newest first, in one
 * list. A record that went through several steps (a visit planned, confirmed, checked in,
 * completed) gives one entry per step, each at the moment it happened.
 */

interface Entry<K extends string, E extends string, R> {
  /** Unique in the timeline: `<kind>:<id>:<event>`. */
  key: string;
  kind: K;
  event: E;
  /** ISO-8601 instant. */
  at: string;
  record: R;
}

export type VisitEvent =
  | 'planned'
  | 'confirmed'
  | 'checkedIn'
  | 'completed'
  | 'noShow'
  | 'cancelled'
  | 'rescheduled';
export type PlanEvent = 'created' | 'kept' | 'broken' | 'cancelled';
export type FeedbackEvent = 'received' | 'acknowledged' | 'resolved' | 'rejected';
export type HoldEvent = 'placed' | 'released';

export type TimelineEntry =
  | Entry<'contact', 'logged', ContactRecord>
  | Entry<'visit', VisitEvent, VisitRecord>
  | Entry<'plan', PlanEvent, RepaymentPlanRecord>
  | Entry<'payment', 'received', PaymentRecord>
  | Entry<'feedback', FeedbackEvent, FeedbackRecord>
  | Entry<'hold', HoldEvent, HoldRecord>
  | Entry<'audit', 'recorded', AuditEventRecord>;

export type TimelineKind = TimelineEntry['kind'];

export const TIMELINE_KINDS: readonly TimelineKind[] = [
  'contact',
  'visit',
  'plan',
  'payment',
  'feedback',
  'hold',
  'audit',
];

export interface TimelineSources {
  contacts?: readonly ContactRecord[] | undefined;
  visits?: readonly VisitRecord[] | undefined;
  plans?: readonly RepaymentPlanRecord[] | undefined;
  payments?: readonly PaymentRecord[] | undefined;
  feedback?: readonly FeedbackRecord[] | undefined;
  holds?: readonly HoldRecord[] | undefined;
  auditEvents?: readonly AuditEventRecord[] | undefined;
}

const time = (iso: string): number => new Date(iso).getTime();

const VISIT_END: Partial<Record<VisitRecord['status'], VisitEvent>> = {
  COMPLETED: 'completed',
  NO_SHOW: 'noShow',
  CANCELLED: 'cancelled',
  RESCHEDULED: 'rescheduled',
};

const PLAN_END: Partial<Record<RepaymentPlanRecord['status'], PlanEvent>> = {
  KEPT: 'kept',
  BROKEN: 'broken',
  CANCELLED: 'cancelled',
};

const FEEDBACK_END: Partial<Record<FeedbackRecord['status'], FeedbackEvent>> = {
  RESOLVED: 'resolved',
  REJECTED: 'rejected',
};

/** An entry before it has its key, at a time that may not have come (a step not taken). */
type Draft = TimelineEntry extends infer E
  ? E extends TimelineEntry
    ? Omit<E, 'key' | 'at'> & { at: string | null | undefined }
    : never
  : never;

/** Merges the case's records into one list, newest first (ties: the later step first). */
export const buildTimeline = (sources: TimelineSources): TimelineEntry[] => {
  const entries: TimelineEntry[] = [];
  const add = (entry: Draft) => {
    if (!entry.at || Number.isNaN(time(entry.at))) return;
    const id = (entry.record as { id: string }).id;
    entries.push({ ...entry, key: `${entry.kind}:${id}:${entry.event}` } as TimelineEntry);
  };

  for (const record of sources.contacts ?? []) {
    add({ kind: 'contact', event: 'logged', at: record.occurredAt, record });
  }
  for (const record of sources.visits ?? []) {
    add({ kind: 'visit', event: 'planned', at: record.createdAt, record });
    add({ kind: 'visit', event: 'confirmed', at: record.confirmedAt, record });
    add({ kind: 'visit', event: 'checkedIn', at: record.checkedInAt, record });
    const end = VISIT_END[record.status];
    if (end) {
      const at =
        end === 'completed' || end === 'noShow'
          ? (record.checkedOutAt ?? record.updatedAt)
          : record.updatedAt;
      add({ kind: 'visit', event: end, at, record });
    }
  }
  for (const record of sources.plans ?? []) {
    add({ kind: 'plan', event: 'created', at: record.createdAt, record });
    const end = PLAN_END[record.status];
    if (end) add({ kind: 'plan', event: end, at: record.closedAt ?? record.updatedAt, record });
  }
  for (const record of sources.payments ?? []) {
    add({ kind: 'payment', event: 'received', at: record.paidAt, record });
  }
  for (const record of sources.feedback ?? []) {
    add({ kind: 'feedback', event: 'received', at: record.createdAt, record });
    add({ kind: 'feedback', event: 'acknowledged', at: record.acknowledgedAt, record });
    const end = FEEDBACK_END[record.status];
    if (end) add({ kind: 'feedback', event: end, at: record.closedAt ?? record.updatedAt, record });
  }
  for (const record of sources.holds ?? []) {
    add({ kind: 'hold', event: 'placed', at: record.placedAt, record });
    add({ kind: 'hold', event: 'released', at: record.releasedAt, record });
  }
  for (const record of sources.auditEvents ?? []) {
    add({ kind: 'audit', event: 'recorded', at: record.occurredAt, record });
  }

  // Stable: entries at the same instant keep the later step (added later) first.
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => time(b.entry.at) - time(a.entry.at) || b.index - a.index)
    .map(({ entry }) => entry);
};

/** Only the entries of the kinds that are switched on. */
export const filterTimeline = (
  entries: readonly TimelineEntry[],
  kinds: ReadonlySet<TimelineKind>,
): TimelineEntry[] => entries.filter((entry) => kinds.has(entry.kind));

/** One field an audit event changed, with its values before and after. */
export interface AuditChange {
  field: string;
  before: unknown;
  after: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The fields whose values differ between an audit event's `before` and `after`, in `after`'s order. */
export const auditChanges = (before: unknown, after: unknown): AuditChange[] => {
  const was = isObject(before) ? before : {};
  const is = isObject(after) ? after : {};
  const fields = [...new Set([...Object.keys(is), ...Object.keys(was)])];
  return fields
    .filter((field) => JSON.stringify(was[field]) !== JSON.stringify(is[field]))
    .map((field) => ({ field, before: was[field], after: is[field] }));
};
