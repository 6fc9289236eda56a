import { describe, expect, it } from 'vitest';

import {
  formatCount,
  formatDate,
  formatPercent,
  formatRatio,
  formatShortDate,
  formatYuanCompact,
  percentPoints,
  visitCompletionRate,
  visitTotal,
  yuanForChart,
} from './format';

describe('dashboard formats', () => {
  it('shows rates as percent with one decimal, and "—" when there is nothing to divide by', () => {
    expect(formatPercent(0.5327102803738317, 'zh-CN')).toBe('53.3%');
    expect(formatPercent(1, 'en')).toBe('100.0%');
    expect(formatPercent(0, 'en')).toBe('0.0%');
    expect(formatPercent(null, 'zh-CN')).toBe('—');
  });

  it('shows complaints per 1,000 contacts with two decimals at most', () => {
    expect(formatRatio(6.4254311802502535, 'en')).toBe('6.43');
    expect(formatRatio(null, 'en')).toBe('—');
    expect(formatCount(2957, 'zh-CN')).toBe('2,957');
  });

  it('plots money from its exact decimal string, through fen', () => {
    expect(yuanForChart('113172154.25')).toBe(113172154.25);
    expect(yuanForChart('0.10')).toBe(0.1);
    expect(yuanForChart('not money')).toBe(0);
  });

  it('writes axis ticks in yuan, compactly, per locale', () => {
    expect(formatYuanCompact(12_000, 'en')).toBe('¥12K');
    expect(formatYuanCompact(1_250_000, 'zh-CN')).toBe('¥125万');
    expect(formatYuanCompact(0, 'zh-CN')).toBe('¥0');
  });

  it('writes week starts and period ends as dates, the latter in the institution zone', () => {
    expect(formatShortDate('2026-03-02', 'en')).toBe('Mar 2');
    expect(formatShortDate('2026-03-02', 'zh-CN')).toBe('3月2日');
    // 2026-03-01T17:00Z is already 2 March in Shanghai.
    expect(formatDate('2026-03-01T17:00:00Z', 'zh-CN', 'Asia/Shanghai')).toBe('2026/03/02');
    expect(formatDate('2026-03-01T17:00:00Z', 'en', 'UTC')).toBe('03/01/2026');
  });

  it('counts visits and the completed share of those that are over', () => {
    const visits = { completed: 68, noShow: 17, cancelled: 13, rescheduled: 2, open: 5 };
    expect(visitTotal(visits)).toBe(105);
    expect(visitCompletionRate(visits)).toBeCloseTo(68 / 98);
    expect(visitCompletionRate({ ...visits, completed: 0, noShow: 0, cancelled: 0 })).toBeNull();
  });

  it('keeps a missing rate out of the chart instead of drawing it as zero', () => {
    expect(percentPoints(0.53271)).toBe(53.3);
    expect(percentPoints(null)).toBeNull();
  });
});
