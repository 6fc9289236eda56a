import { wallOf, zonedInstant } from '@arrears/domain';

/**
 * Date-time inputs in the institution's time zone. A browser's `datetime-local` input knows only
 * the viewer's own zone, so the forms keep the wall time as typed ("2026-03-01T22:30", read in
 * the case's institution's zone, the zone the collection rules judge by) and turn it into an
 * instant only when they submit.
 */

const WALL = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** The wall time of an instant in `timeZone`, as a `datetime-local` value ("YYYY-MM-DDTHH:mm"). */
export const toZonedWall = (instant: Date | string | number, timeZone: string): string => {
  const ms = new Date(instant).getTime();
  if (Number.isNaN(ms)) return '';
  const { date, minutes } = wallOf(ms, timeZone);
  const whole = Math.floor(minutes);
  return `${date}T${pad(Math.floor(whole / 60))}:${pad(whole % 60)}`;
};

/**
 * The instant a wall time in `timeZone` stands for, as ISO-8601; `undefined` when the value is
 * not a `datetime-local` value. A wall time skipped by a daylight-saving change becomes the first
 * instant after the gap.
 */
export const fromZonedWall = (wall: unknown, timeZone: string): string | undefined => {
  if (typeof wall !== 'string') return undefined;
  // Browsers may add seconds ("2026-03-01T22:30:00"); minutes are enough here.
  const match = WALL.exec(wall.slice(0, 16));
  if (!match) return undefined;
  const [, date = '', hours = '0', minutes = '0'] = match;
  const ms = zonedInstant(date, Number(hours) * 60 + Number(minutes), timeZone);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
};

/** Today's date in `timeZone`, "YYYY-MM-DD" (for date inputs' defaults and minimums). */
export const zonedToday = (timeZone: string, now: Date = new Date()): string =>
  wallOf(now.getTime(), timeZone).date;

/**
 * A form's "now" input: the wall time it started with, and the instant to send for what the user
 * left in it. Left as it was, the instant is `null` ("now" for the API, to the second, rather
 * than the minute the form opened); changed, it is the typed wall time in the zone.
 */
export const nowInput = (timeZone: string, now: Date = new Date()) => {
  const initial = toZonedWall(now, timeZone);
  return {
    initial,
    toInstant: (wall: unknown): string | null =>
      wall === initial ? null : (fromZonedWall(wall, timeZone) ?? null),
  };
};
