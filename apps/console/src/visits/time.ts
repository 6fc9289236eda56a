import { addDays, localDate, wallOf, zonedInstant } from '@arrears/domain';

/**
 * Calendar arithmetic for the visit screens, always in the institution's time zone: a visit
 * "today" or "this week" is judged by the bank's clock, never the browser's. Local dates are
 * "YYYY-MM-DD" and wall-clock times "HH:MM"; instants are ISO-8601 strings as the API sends them.
 */

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a wall-clock time "HH:MM" between 00:00 and 23:59. */
export const isClockTime = (value: unknown): value is string =>
  typeof value === 'string' && CLOCK.test(value);

/** True for a "YYYY-MM-DD" string (not checked against the calendar). */
export const isLocalDate = (value: unknown): value is string =>
  typeof value === 'string' && LOCAL_DATE.test(value);

/** Minutes since midnight of "HH:MM". */
export const clockMinutes = (clock: string): number => {
  const match = CLOCK.exec(clock);
  if (!match) throw new RangeError(`Not a time of day (HH:MM): ${clock}`);
  return Number(match[1]) * 60 + Number(match[2]);
};

/** Today's date in the zone. */
export const todayIn = (timeZone: string, now: Date = new Date()): string =>
  localDate(now, timeZone);

/** The date an instant falls on in the zone. */
export const localDateOf = (iso: string, timeZone: string): string =>
  localDate(new Date(iso), timeZone);

/** The wall-clock time ("HH:MM") of an instant in the zone. */
export const clockOf = (iso: string, timeZone: string): string => {
  const minutes = Math.floor(wallOf(Date.parse(iso), timeZone).minutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
};

/** The instant a local date and wall-clock time name in the zone, as ISO-8601. */
export const zonedIso = (date: string, clock: string, timeZone: string): string =>
  new Date(zonedInstant(date, clockMinutes(clock), timeZone)).toISOString();

/** The first instant of a local date in the zone. */
export const startOfLocalDay = (date: string, timeZone: string): string =>
  zonedIso(date, '00:00', timeZone);

export interface InstantRange {
  /** Inclusive. */
  from: string;
  /** Exclusive. */
  to: string;
}

/** A local day as the instants it spans (from its midnight to the next one). */
export const dayRange = (date: string, timeZone: string): InstantRange => ({
  from: startOfLocalDay(date, timeZone),
  to: startOfLocalDay(addDays(date, 1), timeZone),
});

/** ISO weekday of a local date: 1 for Monday … 7 for Sunday. */
export const isoWeekday = (date: string): number => {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
};

/** The Monday of the week a local date is in. */
export const mondayOf = (date: string): string => addDays(date, 1 - isoWeekday(date));

/** The seven dates, Monday to Sunday, of the week a date is in. */
export const weekOf = (date: string): string[] => {
  const monday = mondayOf(date);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
};

/** The week a date is in, Monday 00:00 to the next Monday 00:00 in the zone. */
export const weekRange = (date: string, timeZone: string): InstantRange => {
  const monday = mondayOf(date);
  return {
    from: startOfLocalDay(monday, timeZone),
    to: startOfLocalDay(addDays(monday, 7), timeZone),
  };
};

/**
 * A visit window as people read it: "11:00–13:00" when both ends fall on `date` (or on the
 * same day, when no date is given), else with the end's date too ("23:00–11-24 01:00").
 */
export const formatWindow = (windowStart: string, windowEnd: string, timeZone: string): string => {
  const startDate = localDateOf(windowStart, timeZone);
  const endDate = localDateOf(windowEnd, timeZone);
  const end =
    endDate === startDate
      ? clockOf(windowEnd, timeZone)
      : `${endDate.slice(5)} ${clockOf(windowEnd, timeZone)}`;
  return `${clockOf(windowStart, timeZone)}–${end}`;
};

/**
 * A filter input's day ("YYYY-MM-DD") as the instant a `…From` filter takes (its midnight) or
 * a `…To` filter takes (the next midnight, since the API's upper bounds are exclusive).
 */
export const dayBound = (date: unknown, bound: 'from' | 'to', timeZone: string): unknown => {
  if (!isLocalDate(date)) return date;
  return startOfLocalDay(bound === 'from' ? date : addDays(date, 1), timeZone);
};

/** The reverse of `dayBound`: the day a filter's instant stands for, for the date input. */
export const boundDay = (iso: unknown, bound: 'from' | 'to', timeZone: string): string => {
  if (typeof iso !== 'string' || iso === '') return '';
  if (isLocalDate(iso)) return iso;
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return '';
  // An exclusive upper bound at midnight stands for the day before it.
  const day = localDate(new Date(instant), timeZone);
  return bound === 'from' ? day : addDays(day, -1);
};

/**
 * A local date as the locale writes it, then its weekday ("2026/11/24 周二", "11/24/2026 Tue");
 * with `short`, without the year. The date is a calendar day, so it is formatted in UTC, where
 * it is exact.
 */
export const formatLocalDate = (
  date: string,
  locale: string,
  { weekday = true, short = false }: { weekday?: boolean; short?: boolean } = {},
): string => {
  if (!isLocalDate(date)) return date;
  const day = new Date(`${date}T00:00:00Z`);
  const written = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    ...(short ? {} : { year: 'numeric' }),
    month: '2-digit',
    day: '2-digit',
  }).format(day);
  if (!weekday) return written;
  const name = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short' }).format(day);
  return `${written} ${name}`;
};
