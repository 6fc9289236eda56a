import { useGetList, useLocation, useNavigate } from 'react-admin';

import { MAX_PAGE_SIZE } from '../dataProvider';
import type { VisitRecord } from '../dataProvider/types';
import { isLocalDate, type InstantRange } from './time';

/**
 * The visits whose window overlaps `range` (the API's `windowFrom`/`windowTo`), in the API's
 * order (by window start), optionally only one collector's. One page of the API's largest size:
 * `truncated` says when there were more.
 */
export const useVisitsBetween = (range: InstantRange, collectorId?: string) => {
  const { data, total, isPending, error } = useGetList<VisitRecord>('visits', {
    filter: {
      windowFrom: range.from,
      windowTo: range.to,
      ...(collectorId ? { collectorId } : {}),
    },
    pagination: { page: 1, perPage: MAX_PAGE_SIZE },
  });
  return {
    visits: data ?? [],
    isPending,
    error,
    truncated: total !== undefined && data !== undefined && total > data.length,
  };
};

/**
 * A view's day, kept in the address (`?date=2026-11-24`) so it can be linked and survives a
 * reload; `fallback` (today) when the address has none.
 */
export const useDateParam = (fallback: string): [string, (date: string) => void] => {
  const location = useLocation();
  const navigate = useNavigate();
  const params = new URLSearchParams(location.search);
  const value = params.get('date');
  const date = isLocalDate(value) ? value : fallback;
  const setDate = (next: string) => {
    const search = new URLSearchParams(location.search);
    if (next === fallback) search.delete('date');
    else search.set('date', next);
    const query = search.toString();
    navigate(`${location.pathname}${query ? `?${query}` : ''}`);
  };
  return [date, setDate];
};
