import { isValidTimeZone } from '@arrears/domain';

/** The zone the API defaults every institution to. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** A zone Intl knows, else the default one. */
export const safeTimeZone = (timeZone: string | null | undefined): string =>
  timeZone && isValidTimeZone(timeZone) ? timeZone : DEFAULT_TIME_ZONE;

/** A date and a time to the minute, on the 24-hour clock. */
const TO_THE_MINUTE: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};

/**
 * An ISO-8601 instant as "2026-03-01 22:30" in `timeZone` (the viewer's when none is given, UTC
 * when Intl does not know it), with the zone it is written in: sortable, and the same in any
 * locale. Undefined when `iso` is not an instant.
 */
export const sortableDateTime = (
  iso: string,
  timeZone?: string,
): { text: string; timeZone: string } | undefined => {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return undefined;
  const format = (zone: string | undefined) => {
    const parts = new Intl.DateTimeFormat('en-US', {
      ...TO_THE_MINUTE,
      timeZone: zone,
    }).formatToParts(instant);
    const part = (type: Intl.DateTimeFormatPartTypes) =>
      parts.find((p) => p.type === type)?.value ?? '';
    return {
      text: `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`,
      timeZone: zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    };
  };
  try {
    return format(timeZone);
  } catch {
    return format('UTC');
  }
};

/**
 * Formats an ISO-8601 instant for display as a date and a minute, in the given IANA time
 * zone (a case's institution's, so every viewer sees the time the rules judge by) and locale.
 * Input that is not a valid instant, or an unknown time zone, falls back to something safe.
 */
export const formatDateTime = (iso: string, locale: string, timeZone?: string): string => {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(locale, { ...TO_THE_MINUTE, timeZone }).format(instant);
  } catch {
    // An unknown time zone: show the instant in the viewer's own zone rather than nothing.
    return new Intl.DateTimeFormat(locale, TO_THE_MINUTE).format(instant);
  }
};
