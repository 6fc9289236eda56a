import { useCallback } from 'react';
import { useLocaleState } from 'react-admin';

import { formatDateTime } from '../common/dateTime';

/** Formats instants in the given (institution's) time zone and the user's locale. */
export const useFormatTime = (timeZone: string | undefined): ((iso: string) => string) => {
  const [locale] = useLocaleState();
  return useCallback((iso: string) => formatDateTime(iso, locale, timeZone), [locale, timeZone]);
};

/** Joins items as a list reads in the user's language: 甲、乙、丙 or A, B, C. */
export const useListFormat = (): ((items: readonly string[]) => string) => {
  const [locale] = useLocaleState();
  return useCallback(
    (items: readonly string[]) =>
      new Intl.ListFormat(locale, { type: 'conjunction', style: 'narrow' }).format(items),
    [locale],
  );
};
