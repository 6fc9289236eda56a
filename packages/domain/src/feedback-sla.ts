import { FeedbackStatus } from './enums.js';
import { ValidationError } from './errors.js';
import {
  addDays,
  isValidLocalDate,
  isValidTimeZone,
  startOfDay,
  wallOf,
  zonedInstant,
} from './time.js';

export interface FeedbackSla {
  /** Acknowledged by the end of this many business days after the day it came in (0: that day). */
  acknowledgeBusinessDays: number;
  /** Resolved within this many calendar days of coming in. */
  resolveDays: number;
}

/** Default service levels: acknowledge by the end of the next business day, resolve within 15 days. */
export const FEEDBACK_SLA: Readonly<FeedbackSla> = Object.freeze({
  acknowledgeBusinessDays: 1,
  resolveDays: 15,
});

export interface FeedbackDeadlineOptions {
  /** The institution's IANA zone: business days and calendar days are its local days. */
  timeZone: string;
  /** Holidays and make-up workdays ("YYYY-MM-DD"); without it only weekends are skipped. */
  calendar?: { holidays: string[]; workdays: string[] };
  sla?: FeedbackSla;
}

export interface FeedbackDeadlines {
  acknowledgeDueAt: Date;
  resolveDueAt: Date;
}

/** A calendar with no business day for ten years is a mistake, not a long holiday. */
const MAX_DAYS_SEARCHED = 3_660;
const MS_PER_MINUTE = 60_000;

/**
 * When feedback submitted at `submittedAt` must be acknowledged and resolved. Acknowledge: at
 * the end (the next local midnight) of the Nth business day after the day of submission, so
 * a Friday afternoon submission is due by the end of Monday. A business day is a weekday that
 * is not a holiday, or a make-up workday. Resolve: the same local time `resolveDays` days later.
 * @throws ValidationError on an invalid instant or zone, a malformed date or a bad SLA number.
 */
export function feedbackDeadlines(
  submittedAt: Date,
  options: FeedbackDeadlineOptions,
): FeedbackDeadlines {
  const ms = submittedAt.getTime();
  if (!Number.isFinite(ms)) throw new ValidationError('submittedAt', 'is not a valid instant');
  const { timeZone, calendar, sla = FEEDBACK_SLA } = options;
  if (!isValidTimeZone(timeZone)) {
    throw new ValidationError('timeZone', `unknown time zone "${timeZone}"`);
  }
  for (const key of ['acknowledgeBusinessDays', 'resolveDays'] as const) {
    const value = sla[key];
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new ValidationError(`sla.${key}`, `must be an integer ≥ 0, got ${value}`);
    }
  }
  for (const key of ['holidays', 'workdays'] as const) {
    const bad = calendar?.[key].find((d) => !isValidLocalDate(d));
    if (bad !== undefined) {
      throw new ValidationError(`calendar.${key}`, `not a date (YYYY-MM-DD): ${bad}`);
    }
  }
  const holidays = new Set(calendar?.holidays ?? []);
  const workdays = new Set(calendar?.workdays ?? []);
  const isBusinessDay = (date: string) => {
    if (workdays.has(date)) return true;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6 && !holidays.has(date);
  };

  const wall = wallOf(ms, timeZone);
  let day = wall.date;
  for (let left = sla.acknowledgeBusinessDays, i = 0; left > 0; ) {
    if (++i > MAX_DAYS_SEARCHED) {
      throw new ValidationError('calendar', 'has no business day in ten years');
    }
    day = addDays(day, 1);
    if (isBusinessDay(day)) left--;
  }
  const acknowledgeDueAt = startOfDay(addDays(day, 1), timeZone);

  // Same wall-clock minute N local days later (a daylight-saving change moves it an hour in UTC);
  // the seconds and milliseconds carry over as they were.
  const minute = Math.floor(wall.minutes);
  const withinMinute = ((ms % MS_PER_MINUTE) + MS_PER_MINUTE) % MS_PER_MINUTE;
  const resolveDueAt =
    zonedInstant(addDays(wall.date, sla.resolveDays), minute, timeZone) + withinMinute;

  return { acknowledgeDueAt: new Date(acknowledgeDueAt), resolveDueAt: new Date(resolveDueAt) };
}

/** Feedback is closed once resolved or rejected; only open feedback can miss a deadline. */
export function isFeedbackClosed(status: FeedbackStatus): boolean {
  return status === FeedbackStatus.RESOLVED || status === FeedbackStatus.REJECTED;
}
