/**
 * The Chinese statutory holiday calendar (法定节假日 and 调休上班), from the npm package
 * `chinese-days`, in the shape the contact policy and the feedback SLA take.
 *
 * It reads the package's published data file (dist/chinese-days.json, documented in its
 * README) rather than its functions: those parse "YYYY-MM-DD" as UTC midnight and then read
 * the date back in the process's local zone, so on a server west of UTC (TZ=America/New_York)
 * every date comes back a day early. The data file is the same table, zone-free.
 */
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { ValidationError } from './errors.js';

/** Days off and make-up workdays, "YYYY-MM-DD", ascending. */
export interface StatutoryCalendar {
  /**
   * Every day off in the State Council's arrangement: the statutory days and the days moved
   * to join them, some on a weekend. Ordinary weekends are not listed.
   */
  holidays: string[];
  /** Make-up workdays (调休上班): a Saturday or Sunday that is a working day. */
  workdays: string[];
}

const table: { holidays: Record<string, string>; workdays: Record<string, string> } = data;

const HOLIDAYS = Object.keys(table.holidays).sort();
const WORKDAYS = Object.keys(table.workdays).sort();
const yearOf = (date: string) => Number(date.slice(0, 4));

/**
 * The years the installed `chinese-days` has an arrangement for (2004–2026 in 1.5.7), derived
 * from its data: the State Council publishes each year's arrangement late in the year before,
 * so a newer package adds a year.
 */
export const CHINESE_STATUTORY_YEARS: Readonly<{ from: number; to: number }> = Object.freeze({
  from: yearOf(HOLIDAYS[0] ?? '0000'),
  to: yearOf(HOLIDAYS[HOLIDAYS.length - 1] ?? '0000'),
});

/**
 * The statutory calendar of the years `fromYear`–`toYear` (inclusive). Add `blockHolidays`
 * to use it as a `ContactCalendar`.
 * @throws ValidationError for a year that is not an integer, a reversed range, or a year the
 * package has no arrangement for (a year without one would silently read as all working days).
 */
export function chineseStatutoryCalendar(fromYear: number, toYear: number): StatutoryCalendar {
  const { from, to } = CHINESE_STATUTORY_YEARS;
  for (const [field, year] of [
    ['fromYear', fromYear],
    ['toYear', toYear],
  ] as const) {
    if (!Number.isSafeInteger(year)) {
      throw new ValidationError(field, `must be an integer year, got ${year}`);
    }
    if (year < from || year > to) {
      throw new ValidationError(
        field,
        `the Chinese statutory calendar covers ${from}–${to}, not ${year}`,
      );
    }
  }
  if (toYear < fromYear) {
    throw new ValidationError('toYear', `must not be before fromYear (${fromYear}), got ${toYear}`);
  }
  const inRange = (date: string) => yearOf(date) >= fromYear && yearOf(date) <= toYear;
  return { holidays: HOLIDAYS.filter(inRange), workdays: WORKDAYS.filter(inRange) };
}
