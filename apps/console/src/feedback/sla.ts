import { FeedbackStatus, isFeedbackClosed } from '@arrears/domain';

/** The part of a feedback record its service levels are judged on. */
export interface FeedbackSlaFields {
  status: FeedbackStatus;
  acknowledgeDueAt: string;
  resolveDueAt: string;
  acknowledgedAt: string | null;
  closedAt: string | null;
}

/**
 * Where one deadline stands:
 * - `met` / `metLate`: done on time / done after the deadline;
 * - `late`: not done and past the deadline;
 * - `dueSoon`: not done, due within `DUE_SOON_MS`;
 * - `pending`: not done, more time left.
 */
export type DeadlineState = 'met' | 'metLate' | 'late' | 'dueSoon' | 'pending';

/** A deadline this close is flagged before it is missed. */
export const DUE_SOON_MS = 24 * 60 * 60 * 1000;

const instant = (iso: string | null): number | undefined => {
  if (!iso) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
};

const openState = (due: number | undefined, now: number): DeadlineState => {
  if (due === undefined) return 'pending';
  if (now > due) return 'late';
  return due - now <= DUE_SOON_MS ? 'dueSoon' : 'pending';
};

const doneState = (done: number, due: number | undefined): DeadlineState =>
  due === undefined || done <= due ? 'met' : 'metLate';

/** The acknowledge deadline: met once anyone has handled the feedback (any move from RECEIVED). */
export const acknowledgeState = (feedback: FeedbackSlaFields, now: number): DeadlineState => {
  const due = instant(feedback.acknowledgeDueAt);
  const done =
    instant(feedback.acknowledgedAt) ??
    (isFeedbackClosed(feedback.status) ? instant(feedback.closedAt) : undefined);
  if (done !== undefined) return doneState(done, due);
  if (feedback.status !== FeedbackStatus.RECEIVED) return 'met';
  return openState(due, now);
};

/** The resolve deadline: met once the feedback is resolved or rejected. */
export const resolveState = (feedback: FeedbackSlaFields, now: number): DeadlineState => {
  const due = instant(feedback.resolveDueAt);
  if (isFeedbackClosed(feedback.status)) {
    const closed = instant(feedback.closedAt);
    return closed === undefined ? 'met' : doneState(closed, due);
  }
  return openState(due, now);
};

/**
 * Open feedback past a deadline it still has to meet, as the API's `overdue: true` filter
 * decides it: still RECEIVED after the acknowledge deadline, or unresolved after the resolve one.
 */
export const isFeedbackOverdue = (feedback: FeedbackSlaFields, now: number): boolean => {
  if (isFeedbackClosed(feedback.status)) return false;
  const acknowledgeDue = instant(feedback.acknowledgeDueAt);
  const resolveDue = instant(feedback.resolveDueAt);
  return (
    (feedback.status === FeedbackStatus.RECEIVED &&
      acknowledgeDue !== undefined &&
      now > acknowledgeDue) ||
    (resolveDue !== undefined && now > resolveDue)
  );
};

export type DurationUnit = 'days' | 'hours' | 'minutes';

/**
 * A span of time in its largest whole unit, for "3 days late" or "5 hours left"; under a
 * minute counts as one minute.
 */
export const roughDuration = (ms: number): { unit: DurationUnit; count: number } => {
  const minutes = Math.max(1, Math.floor(Math.abs(ms) / 60_000));
  if (minutes >= 24 * 60) return { unit: 'days', count: Math.floor(minutes / (24 * 60)) };
  if (minutes >= 60) return { unit: 'hours', count: Math.floor(minutes / 60) };
  return { unit: 'minutes', count: minutes };
};
