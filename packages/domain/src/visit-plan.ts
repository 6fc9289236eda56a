import { ValidationError } from './errors.js';

/** A visit is made by at least two collectors (PRODUCT.md: visits). */
export const MIN_VISIT_COLLECTORS = 2;
const MAX_VISIT_WINDOW_MS = 8 * 60 * 60 * 1000;

export interface VisitPlan {
  windowStart: Date;
  windowEnd: Date;
  collectorIds: readonly string[];
}

/** The form of a visit appointment; where and when it may happen is the policy check's job. */
export function assertVisitPlan(plan: VisitPlan, now: Date): void {
  if (plan.windowEnd.getTime() <= plan.windowStart.getTime()) {
    throw new ValidationError('windowEnd', 'must be after windowStart');
  }
  if (plan.windowEnd.getTime() - plan.windowStart.getTime() > MAX_VISIT_WINDOW_MS) {
    throw new ValidationError('windowEnd', 'a visit window is at most 8 hours');
  }
  if (plan.windowStart.getTime() < now.getTime()) {
    throw new ValidationError('windowStart', 'a visit is planned for the future');
  }
  const distinct = new Set(plan.collectorIds);
  if (distinct.size !== plan.collectorIds.length) {
    throw new ValidationError('collectorIds', 'lists the same collector twice');
  }
  if (distinct.size < MIN_VISIT_COLLECTORS) {
    throw new ValidationError(
      'collectorIds',
      `a visit needs at least ${MIN_VISIT_COLLECTORS} collectors`,
    );
  }
}

/** What a visit's record must hold before the visit can be COMPLETED (记录与反馈). */
export const VISIT_RECORD_FIELDS = [
  'attitude',
  'willingness',
  'overdueReason',
  'negotiatedResult',
  'note',
  'followUpDate',
] as const;

export type VisitRecord = Partial<Record<(typeof VISIT_RECORD_FIELDS)[number], string | null>>;

export function assertCompleteVisitRecord(record: VisitRecord): void {
  for (const field of VISIT_RECORD_FIELDS) {
    const value = record[field];
    if (value == null || value.trim() === '') {
      throw new ValidationError(field, 'is required to complete a visit');
    }
  }
}
