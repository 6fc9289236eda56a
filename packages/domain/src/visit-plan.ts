import {
  type ContactDecision,
  type ContactReason,
  type ContactRequest,
  TIME_BASED_CONTACT_RULES,
  checkContact,
} from './contact-policy.js';
import { ValidationError } from './errors.js';
import { clockMinutes } from './rule-pack.js';
import { addDays, startOfDay, wallOf, zonedInstant } from './time.js';

/** A visit is made by at least two collectors (PRODUCT.md: visits). */
export const MIN_VISIT_COLLECTORS = 2;
const MAX_VISIT_WINDOW_MS = 8 * 60 * 60 * 1000;

export interface VisitPlan {
  windowStart: Date;
  windowEnd: Date;
  collectorIds: readonly string[];
}

/**
 * The form of a visit appointment; whether its window may happen is `checkVisitWindow`'s job.
 * `minCollectors` is the rule pack's `visitMinCollectors`.
 */
export function assertVisitPlan(
  plan: VisitPlan,
  now: Date,
  minCollectors: number = MIN_VISIT_COLLECTORS,
): void {
  if (!Number.isSafeInteger(minCollectors) || minCollectors < 1) {
    throw new ValidationError('minCollectors', `must be an integer ≥ 1, got ${minCollectors}`);
  }
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
  if (distinct.size < minCollectors) {
    throw new ValidationError('collectorIds', `a visit needs at least ${minCollectors} collectors`);
  }
}

// ---- The visit window under the contact policy -------------------------------------------

export type VisitWindowRequest = Omit<ContactRequest, 'channel' | 'at'> & {
  windowStart: Date;
  windowEnd: Date;
};

/** How far `nextAllowedAt` searches before giving up (a window longer than any allowed period). */
const MAX_STEPS = 1_000;

/** A daylight-saving change lengthens a local period by at most an hour. */
const DST_SLACK_MS = 60 * 60_000;

/** The longest window an allowed period holds, in wall-clock ms (one local day with the calendar on). */
function longestFit(allowedStart: number, allowedEnd: number, oneDay: boolean): number {
  let minutes: number;
  if (allowedStart === allowedEnd) minutes = oneDay ? 1440 : Infinity;
  else if (allowedStart < allowedEnd) minutes = allowedEnd - allowedStart;
  else if (oneDay) minutes = Math.max(1440 - allowedStart, allowedEnd);
  else minutes = 1440 - allowedStart + allowedEnd;
  return minutes * 60_000;
}

const isTimeBased = (reason: ContactReason) => TIME_BASED_CONTACT_RULES.includes(reason.code);

/**
 * May a visit take place over the whole of [windowStart, windowEnd]? The start must pass
 * `checkContact` as a VISIT; the window must end by the time the allowed period it starts in
 * ends (quiet hours, or the end of a consented window: ending exactly at 22:00 is fine); and
 * with the calendar on, it must end by the end of the local day it starts on, so the day the
 * calendar judged is the only day the visit touches. `nextAllowedAt` is the earliest start
 * ≥ windowStart at which a window of the same length passes all of that (null when a hold, a
 * refusal or the third-party lock blocks).
 * @throws ValidationError for an invalid or empty window, and whatever `checkContact` refuses.
 */
export function checkVisitWindow(request: VisitWindowRequest): ContactDecision {
  const { windowStart, windowEnd, ...rest } = request;
  const start = windowStart.getTime();
  const end = windowEnd.getTime();
  if (!Number.isFinite(start)) throw new ValidationError('windowStart', 'is not a valid instant');
  if (!Number.isFinite(end)) throw new ValidationError('windowEnd', 'is not a valid instant');
  if (end <= start) throw new ValidationError('windowEnd', 'must be after windowStart');
  const length = end - start;
  const { timeZone, pack, consentWindow, calendar } = rest;
  const check = (ms: number) => checkContact({ ...rest, channel: 'VISIT', at: new Date(ms) });

  // Validates the zone, the windows and the calendar before anything below reads them.
  const atStart = check(start);

  const allowed = consentWindow ?? { start: pack.quietHours.end, end: pack.quietHours.start };
  const allowedStart = clockMinutes(allowed.start);
  const allowedEnd = clockMinutes(allowed.end);
  const oneDay = calendar?.blockHolidays === true;

  /** When the allowed period holding `ms` (an allowed instant) ends; a whole-day consent never ends. */
  const periodEnd = (ms: number): number => {
    if (allowedStart === allowedEnd) return Infinity;
    const { date, minutes } = wallOf(ms, timeZone);
    const endsTomorrow = allowedStart > allowedEnd && minutes >= allowedStart;
    return zonedInstant(endsTomorrow ? addDays(date, 1) : date, allowedEnd, timeZone);
  };
  const dayEnd = (ms: number): number =>
    oneDay ? startOfDay(addDays(wallOf(ms, timeZone).date, 1), timeZone) : Infinity;

  const local = (ms: number) => {
    const { date, minutes } = wallOf(ms, timeZone);
    const m = Math.floor(minutes);
    const hhmm = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    return { date, hhmm };
  };
  const from = local(start);
  const to = local(end);
  const label = `The visit window ${from.date} ${from.hhmm}–${to.date === from.date ? '' : `${to.date} `}${to.hhmm} (${timeZone})`;
  const quiet = consentWindow
    ? `the hours outside the window the borrower consented to (${consentWindow.start}–${consentWindow.end})`
    : `quiet hours (no visits between ${pack.quietHours.start} and ${pack.quietHours.end})`;

  const reasons: ContactReason[] = atStart.reasons.map((r) => {
    if (r.code === 'QUIET_HOURS') return { code: r.code, message: `${label} starts in ${quiet}.` };
    if (r.code === 'HOLIDAY') {
      return {
        code: r.code,
        message: `${label} falls on ${from.date}, not a working day in the institution's calendar.`,
      };
    }
    return r;
  });
  const has = (code: ContactReason['code']) => reasons.some((r) => r.code === code);
  if (!has('QUIET_HOURS')) {
    const limit = periodEnd(start);
    if (end > limit) {
      reasons.push({
        code: 'QUIET_HOURS',
        message: `${label} runs past ${local(limit).hhmm}, into ${quiet}.`,
      });
    }
  }
  if (!has('HOLIDAY') && end > dayEnd(start)) {
    reasons.push({
      code: 'HOLIDAY',
      message: `${label} runs past midnight into ${local(dayEnd(start)).date}; with the institution's calendar on, a visit lies on one local day.`,
    });
  }

  if (reasons.length === 0) return { allowed: true, reasons, nextAllowedAt: windowStart };
  if (!reasons.every(isTimeBased)) return { allowed: false, reasons, nextAllowedAt: null };

  if (length > longestFit(allowedStart, allowedEnd, oneDay) + DST_SLACK_MS) {
    return { allowed: false, reasons, nextAllowedAt: null };
  }

  // Within one allowed period a later start only ends later, so each step jumps to the next
  // instant the start is allowed, or past the limit the window did not fit under.
  let s = start;
  for (let step = 0; step < MAX_STEPS; step++) {
    const decision = step === 0 ? atStart : check(s);
    if (!decision.allowed) {
      if (decision.nextAllowedAt === null) break;
      s = Math.max(decision.nextAllowedAt.getTime(), s + 1);
      continue;
    }
    const limit = Math.min(periodEnd(s), dayEnd(s));
    if (s + length <= limit) return { allowed: false, reasons, nextAllowedAt: new Date(s) };
    s = limit;
  }
  return { allowed: false, reasons, nextAllowedAt: null };
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
