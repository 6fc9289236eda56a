import { Money } from '@arrears/domain';

import type { ReportMetrics, VisitOutcomeCounts } from './reportResource';

/**
 * Numbers as the dashboard shows them, in the viewer's locale. Rates arrive as 0–1 or null
 * ("nothing to divide by", which is not zero) and show as "—"; money arrives as exact
 * decimal strings of yuan.
 */

export const NO_VALUE = '—';

/** 0.5327 → "53.3%". */
export const formatPercent = (rate: number | null | undefined, locale: string): string =>
  rate == null || !Number.isFinite(rate)
    ? NO_VALUE
    : new Intl.NumberFormat(locale, {
        style: 'percent',
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      }).format(rate);

/** 6.4254 → "6.43" (complaints per 1,000 contacts). */
export const formatRatio = (value: number | null | undefined, locale: string): string =>
  value == null || !Number.isFinite(value)
    ? NO_VALUE
    : new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);

/** 2957 → "2,957". */
export const formatCount = (value: number, locale: string): string =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);

/**
 * A decimal string of yuan as a number of yuan, for chart geometry only (bar heights, axis
 * scales): parsed through fen, so "0.10" + "0.20" plot as 0.3 exactly enough to draw. What a
 * person reads (tooltips, cards) is formatted from the string itself. Unparsable: 0.
 */
export const yuanForChart = (decimal: string): number => {
  try {
    return Money.parse(decimal).fen / 100;
  } catch {
    return 0;
  }
};

/** An axis tick: ¥1.2万 / ¥12K, no decimals to read at a glance. */
export const formatYuanCompact = (yuan: number, locale: string): string =>
  new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'CNY',
    currencyDisplay: 'narrowSymbol',
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  }).format(yuan);

/** A `LocalDate` ("2026-03-02", a week's Monday) as a short date: "03/02", "3月2日". */
export const formatShortDate = (localDate: string, locale: string): string => {
  const instant = new Date(`${localDate}T00:00:00Z`);
  if (Number.isNaN(instant.getTime())) return localDate;
  return new Intl.DateTimeFormat(locale, {
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(instant);
};

/** An instant as a date in `timeZone` (the institution's): the report period's ends. */
export const formatDate = (iso: string, locale: string, timeZone?: string): string => {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(instant);
  } catch {
    return new Intl.DateTimeFormat(locale, options).format(instant);
  }
};

/** The visit outcomes in the order the chart shows them, with their translation keys. */
export const VISIT_OUTCOMES = [
  { key: 'completed', label: 'enums.visitStatus.COMPLETED' },
  { key: 'noShow', label: 'enums.visitStatus.NO_SHOW' },
  { key: 'cancelled', label: 'enums.visitStatus.CANCELLED' },
  { key: 'rescheduled', label: 'enums.visitStatus.RESCHEDULED' },
  { key: 'open', label: 'dashboard.visits.open' },
] as const satisfies readonly { key: keyof VisitOutcomeCounts; label: string }[];

/** All visits of the period, whatever their outcome. */
export const visitTotal = (visits: VisitOutcomeCounts): number =>
  VISIT_OUTCOMES.reduce((sum, { key }) => sum + visits[key], 0);

/** Completed visits among those that are over (completed, no-show, cancelled); null: none yet. */
export const visitCompletionRate = ({ completed, noShow, cancelled }: VisitOutcomeCounts) => {
  const over = completed + noShow + cancelled;
  return over > 0 ? completed / over : null;
};

/** A rate as a chart value: percent points, null kept (the bar is left out, not drawn as 0). */
export const percentPoints = (rate: number | null): number | null =>
  rate == null ? null : Math.round(rate * 1000) / 10;

/** The three rates the bucket and collector charts compare, in percent points. */
export const rateSeries = (metrics: ReportMetrics) => ({
  recoveryRate: percentPoints(metrics.recoveryRate),
  promiseKeptRate: percentPoints(metrics.promiseKeptRate),
  rightPartyContactRate: percentPoints(metrics.rightPartyContactRate),
});
