/**
 * Calendar days as "YYYY-MM-DD" strings, and how an instant falls on a zone's calendar.
 * Local dates carry no time and no zone, so day arithmetic runs on UTC midnights, where no
 * daylight-saving shift can add or drop an hour.
 */
import { ValidationError } from './errors.js';

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for an IANA zone name Intl knows, such as "Asia/Shanghai". */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    wallFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The calendar date ("YYYY-MM-DD") of `instant` in `timeZone`. @throws RangeError on an unknown zone. */
export function localDate(instant: Date, timeZone: string): string {
  return wallOf(instant.getTime(), timeZone).date;
}

/** Midnight UTC of a local date, in ms; undefined unless it is a real calendar date. */
function utcMidnight(date: string): number | undefined {
  const match = LOCAL_DATE.exec(date);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const d = new Date(0);
  // Unlike Date.UTC, setUTCFullYear does not read years 0–99 as 1900–1999.
  d.setUTCFullYear(year, month - 1, day);
  // Date rolls 02-30 over into March; a real date comes back unchanged.
  const real =
    d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
  return real ? d.getTime() : undefined;
}

function requireUtcMidnight(date: string): number {
  const ms = utcMidnight(date);
  if (ms === undefined) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  return ms;
}

/** Strictly "YYYY-MM-DD" and a day that exists (no 2026-02-29). */
export function isValidLocalDate(s: string): boolean {
  return utcMidnight(s) !== undefined;
}

/** The date `days` calendar days after `date` (before, when negative). */
export function addDays(date: string, days: number): string {
  if (!Number.isSafeInteger(days)) throw new RangeError(`Days must be an integer, got ${days}`);
  const d = new Date(requireUtcMidnight(date) + days * MS_PER_DAY);
  const year = d.getUTCFullYear();
  // NaN too, when the shift leaves the range Date can represent at all.
  if (!(year >= 0 && year <= 9999)) {
    throw new RangeError(`${date} + ${days} days leaves years 0000–9999`);
  }
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/** Calendar days from `b` to `a`: positive when `a` is later. */
export function diffDays(a: string, b: string): number {
  return (requireUtcMidnight(a) - requireUtcMidnight(b)) / MS_PER_DAY;
}

// ---- Zoned wall time ----------------------------------------------------------------------
// Building a DateTimeFormat is far slower than using one, and DPD is computed per case in
// lists. Only zones Intl accepted are cached, so the map is bounded by the IANA database.

const wallFormatters = new Map<string, Intl.DateTimeFormat>();

function wallFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = wallFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    wallFormatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallParts(ms: number, timeZone: string): WallParts {
  const parts = wallFormatter(timeZone).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? NaN);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour') % 24,
    minute: get('minute'),
    second: get('second'),
  };
}

/** Local wall time of an instant: its date and the minutes since local midnight (fractional). */
export interface Wall {
  date: string;
  minutes: number;
}

export function wallOf(ms: number, timeZone: string): Wall {
  const p = wallParts(ms, timeZone);
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const subSecond = ms - Math.floor(ms / 1000) * 1000;
  return {
    date: `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}`,
    minutes: p.hour * 60 + p.minute + (p.second * 1000 + subSecond) / MS_PER_MINUTE,
  };
}

/** The zone's offset from UTC at an instant, in ms (local = UTC + offset). */
function offsetAt(ms: number, timeZone: string): number {
  const p = wallParts(ms, timeZone);
  const d = new Date(0);
  d.setUTCFullYear(p.year, p.month - 1, p.day);
  d.setUTCHours(p.hour, p.minute, p.second, 0);
  return d.getTime() - Math.floor(ms / 1000) * 1000;
}

function compareWall(a: Wall, b: Wall): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.minutes - b.minutes;
}

/**
 * The earliest instant whose local wall time is `minutes` past midnight of `date`; when that
 * wall time does not exist (a daylight-saving gap), the first instant after the gap.
 */
export function zonedInstant(date: string, minutes: number, timeZone: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  const asUtc = d.getTime() + minutes * MS_PER_MINUTE;
  const target: Wall = { date, minutes };
  const candidates = [
    ...new Set([
      asUtc - offsetAt(asUtc - MS_PER_DAY, timeZone),
      asUtc - offsetAt(asUtc, timeZone),
      asUtc - offsetAt(asUtc + MS_PER_DAY, timeZone),
    ]),
  ].sort((a, b) => a - b);
  const exact = candidates.find((c) => compareWall(wallOf(c, timeZone), target) === 0);
  if (exact !== undefined) return exact;
  // In a gap: search for the first instant whose wall time is at or after the target.
  let lo = candidates[0] ?? asUtc;
  let hi = candidates[candidates.length - 1] ?? asUtc;
  if (compareWall(wallOf(lo, timeZone), target) >= 0) return lo;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (compareWall(wallOf(mid, timeZone), target) >= 0) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The first instant of a local date in a zone. */
export function startOfDay(date: string, timeZone: string): number {
  return zonedInstant(date, 0, timeZone);
}

/** Clocks of phones, partner and core systems drift: an instant a minute ahead is still "now". */
export const CLOCK_SKEW_MS = 60_000;

/**
 * Refuses an instant reported as already happened (a call, a payment, a run) that lies in the
 * future of `now`, allowing for clock skew. `why` adds the consequence to the message.
 * @throws ValidationError naming `field`.
 */
export function assertNotInFuture(at: Date, now: Date, field: string, why?: string): void {
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new ValidationError(
      field,
      why ? `cannot be in the future: ${why}` : 'cannot be in the future',
    );
  }
}
