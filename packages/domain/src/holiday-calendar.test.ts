import { describe, expect, it } from 'vitest';
import { ValidationError } from './errors.js';
import { CHINESE_STATUTORY_YEARS, chineseStatutoryCalendar } from './holiday-calendar.js';
import { addDays, isValidLocalDate } from './time.js';

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const isWeekend = (date: string) => weekday(date) === 0 || weekday(date) === 6;

describe('CHINESE_STATUTORY_YEARS', () => {
  it('is 2004–2026 for chinese-days 1.5.7', () => {
    expect(CHINESE_STATUTORY_YEARS).toEqual({ from: 2004, to: 2026 });
  });

  it('has an arrangement for every year in between (New Year’s Day is always a day off)', () => {
    const { from, to } = CHINESE_STATUTORY_YEARS;
    for (let year = from; year <= to; year++) {
      expect(chineseStatutoryCalendar(year, year).holidays).toContain(`${year}-01-01`);
    }
  });
});

describe('chineseStatutoryCalendar', () => {
  const cal2025 = chineseStatutoryCalendar(2025, 2025);
  const cal2026 = chineseStatutoryCalendar(2026, 2026);

  it('lists National Day 2025 (Oct 1–8, merged with Mid-autumn) as days off', () => {
    for (let d = '2025-10-01'; d <= '2025-10-08'; d = addDays(d, 1)) {
      expect(cal2025.holidays).toContain(d);
    }
    expect(cal2025.holidays).not.toContain('2025-10-09');
  });

  it('lists the make-up workdays of 2025: Sunday Sep 28 and Saturday Oct 11 among them', () => {
    expect(cal2025.workdays).toEqual([
      '2025-01-26',
      '2025-02-08',
      '2025-04-27',
      '2025-09-28',
      '2025-10-11',
    ]);
    expect(weekday('2025-09-28')).toBe(0);
  });

  it('lists Spring Festival 2026 (Feb 15–23) with its make-up Saturdays Feb 14 and Feb 28', () => {
    const spring = cal2026.holidays.filter((d) => d >= '2026-02-01' && d <= '2026-02-28');
    expect(spring).toEqual([
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
    ]);
    expect(cal2026.workdays).toEqual(expect.arrayContaining(['2026-02-14', '2026-02-28']));
  });

  it('leaves ordinary weekends out of both lists', () => {
    // 2026-03-07/08: a Saturday and Sunday with no holiday near.
    for (const d of ['2026-03-07', '2026-03-08']) {
      expect(isWeekend(d)).toBe(true);
      expect(cal2026.holidays).not.toContain(d);
      expect(cal2026.workdays).not.toContain(d);
    }
  });

  it('gives sorted, valid, disjoint dates, make-up workdays only on weekends', () => {
    const all = chineseStatutoryCalendar(CHINESE_STATUTORY_YEARS.from, CHINESE_STATUTORY_YEARS.to);
    for (const list of [all.holidays, all.workdays]) {
      expect(list.every(isValidLocalDate)).toBe(true);
      expect([...list].sort()).toEqual(list);
      expect(new Set(list).size).toBe(list.length);
    }
    expect(all.workdays.every(isWeekend)).toBe(true);
    expect(all.holidays.filter((d) => all.workdays.includes(d))).toEqual([]);
  });

  it('covers exactly the years asked for', () => {
    const both = chineseStatutoryCalendar(2025, 2026);
    expect(both.holidays[0]).toBe('2025-01-01');
    expect(both.holidays.at(-1)).toBe('2026-10-07');
    expect(both.holidays).toEqual([...cal2025.holidays, ...cal2026.holidays]);
    expect(both.workdays).toEqual([...cal2025.workdays, ...cal2026.workdays]);
  });

  it('returns fresh arrays a caller may change', () => {
    chineseStatutoryCalendar(2026, 2026).holidays.push('2026-12-25');
    expect(chineseStatutoryCalendar(2026, 2026).holidays).not.toContain('2026-12-25');
  });

  it('refuses a year outside the package’s data, a reversed range and a non-integer', () => {
    expect(() => chineseStatutoryCalendar(2003, 2026)).toThrow(/^fromYear: .*2004–2026/);
    expect(() => chineseStatutoryCalendar(2026, 2027)).toThrow(/^toYear: .*2004–2026/);
    expect(() => chineseStatutoryCalendar(2026, 2025)).toThrow(/^toYear: must not be before/);
    expect(() => chineseStatutoryCalendar(2025.5, 2026)).toThrow(/^fromYear: must be an integer/);
    expect(() => chineseStatutoryCalendar(NaN, 2026)).toThrow(ValidationError);
  });
});
