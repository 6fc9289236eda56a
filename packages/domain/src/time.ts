/**
 * Calendar days as "YYYY-MM-DD" strings, and how an instant falls on a zone's calendar.
 * Local dates carry no time and no zone, so day arithmetic runs on UTC midnights, where no
 * daylight-saving shift can add or drop an hour.
 */

const MS_PER_DAY = 86_400_000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Building a DateTimeFormat is far slower than using one, and DPD is computed per case in
// lists. Only zones Intl accepted are cached, so the map is bounded by the IANA database.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True for an IANA zone name Intl knows, such as "Asia/Shanghai". */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The calendar date ("YYYY-MM-DD") of `instant` in `timeZone`. @throws RangeError on an unknown zone. */
export function localDate(instant: Date, timeZone: string): string {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
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
