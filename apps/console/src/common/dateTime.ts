/**
 * Formats an ISO-8601 instant for display as a date and a minute, in the given IANA time
 * zone (a case's institution's, so every viewer sees the time the rules judge by) and locale.
 * Input that is not a valid instant, or an unknown time zone, falls back to something safe.
 */
export const formatDateTime = (iso: string, locale: string, timeZone?: string): string => {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  };
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(instant);
  } catch {
    // An unknown time zone: show the instant in the viewer's own zone rather than nothing.
    return new Intl.DateTimeFormat(locale, options).format(instant);
  }
};
