import { addDays, isValidLocalDate, localDate, startOfDay } from '@arrears/domain';

/**
 * The audit list's day filters. The API filters by instants (`from` inclusive, `to`
 * exclusive); people pick days, and a day is the institution's local day. These turn a
 * picked day into the instant the filter holds, and back for the date input.
 */

const isDay = (value: unknown): value is string =>
  typeof value === 'string' && isValidLocalDate(value);

const toDay = (value: unknown, timeZone: string, shiftMs = 0): string => {
  if (typeof value !== 'string' || value === '') return '';
  if (isDay(value)) return value;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? '' : localDate(new Date(ms + shiftMs), timeZone);
};

/** "From" day → the first instant of that local day, as ISO-8601; blank stays blank. */
export const parseFromDay = (day: unknown, timeZone: string): string | null =>
  isDay(day) ? new Date(startOfDay(day, timeZone)).toISOString() : null;

/** "To" day (inclusive) → the first instant of the next local day, the API's exclusive bound. */
export const parseToDay = (day: unknown, timeZone: string): string | null =>
  isDay(day) ? new Date(startOfDay(addDays(day, 1), timeZone)).toISOString() : null;

/** A `from` instant → the local day the date input shows. */
export const formatFromDay = (value: unknown, timeZone: string): string => toDay(value, timeZone);

/** A `to` instant (exclusive) → the last local day it includes. */
export const formatToDay = (value: unknown, timeZone: string): string => toDay(value, timeZone, -1);
