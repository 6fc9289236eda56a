import { describe, expect, it } from 'vitest';

import {
  boundDay,
  clockOf,
  dayBound,
  dayRange,
  formatLocalDate,
  formatWindow,
  isClockTime,
  isoWeekday,
  localDateOf,
  mondayOf,
  todayIn,
  weekOf,
  weekRange,
  zonedIso,
} from './time';

const SHANGHAI = 'Asia/Shanghai';
const NEW_YORK = 'America/New_York';

describe('days in the institution’s time zone', () => {
  it('takes today from the institution’s clock, not UTC', () => {
    // 17:30 UTC on the 23rd is already 01:30 on the 24th in Shanghai.
    const now = new Date('2026-11-23T17:30:00Z');
    expect(todayIn(SHANGHAI, now)).toBe('2026-11-24');
    expect(todayIn(NEW_YORK, now)).toBe('2026-11-23');
  });

  it('spans a day from its midnight to the next, in the zone', () => {
    expect(dayRange('2026-11-24', SHANGHAI)).toEqual({
      from: '2026-11-23T16:00:00.000Z',
      to: '2026-11-24T16:00:00.000Z',
    });
  });

  it('keeps a day whole across a daylight-saving change (a 25-hour day)', () => {
    const { from, to } = dayRange('2026-11-01', NEW_YORK);
    expect(from).toBe('2026-11-01T04:00:00.000Z');
    expect(to).toBe('2026-11-02T05:00:00.000Z');
  });

  it('reads an instant as the zone’s date and wall-clock time', () => {
    expect(localDateOf('2026-11-23T16:30:00Z', SHANGHAI)).toBe('2026-11-24');
    expect(clockOf('2026-11-23T16:30:00Z', SHANGHAI)).toBe('00:30');
    expect(clockOf('2026-11-24T03:05:59Z', SHANGHAI)).toBe('11:05');
  });

  it('turns a day and a wall-clock time into the instant they name in the zone', () => {
    expect(zonedIso('2026-11-24', '09:30', SHANGHAI)).toBe('2026-11-24T01:30:00.000Z');
    expect(zonedIso('2026-11-24', '09:30', NEW_YORK)).toBe('2026-11-24T14:30:00.000Z');
  });

  it('accepts only HH:MM wall-clock times', () => {
    expect(isClockTime('08:00')).toBe(true);
    expect(isClockTime('23:59')).toBe(true);
    expect(isClockTime('24:00')).toBe(false);
    expect(isClockTime('8:00')).toBe(false);
    expect(isClockTime(800)).toBe(false);
  });
});

describe('weeks', () => {
  it('run Monday to Sunday', () => {
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(weekOf('2026-11-26')).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
  });

  it('cross months and years', () => {
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
    expect(weekOf('2027-01-01').at(-1)).toBe('2027-01-03');
  });

  it('span Monday 00:00 to the next Monday 00:00 in the zone', () => {
    expect(weekRange('2026-11-26', SHANGHAI)).toEqual({
      from: '2026-11-22T16:00:00.000Z',
      to: '2026-11-29T16:00:00.000Z',
    });
  });
});

describe('formatWindow', () => {
  it('shows a window as its start and end times in the zone', () => {
    expect(formatWindow('2026-11-24T03:00:00Z', '2026-11-24T05:00:00Z', SHANGHAI)).toBe(
      '11:00–13:00',
    );
  });

  it('adds the end’s day when the window ends on another day', () => {
    expect(formatWindow('2026-11-24T15:00:00Z', '2026-11-24T17:00:00Z', SHANGHAI)).toBe(
      '23:00–11-25 01:00',
    );
  });
});

describe('formatLocalDate', () => {
  it('writes a calendar day in the locale, whatever the viewer’s zone', () => {
    expect(formatLocalDate('2026-11-24', 'en', { weekday: false })).toBe('11/24/2026');
    expect(formatLocalDate('2026-11-24', 'zh-CN', { weekday: false })).toBe('2026/11/24');
    expect(formatLocalDate('2026-11-24', 'en', { short: true })).toBe('11/24 Tue');
    expect(formatLocalDate('2026-11-24', 'zh-CN')).toBe('2026/11/24 周二');
  });
});

describe('day filters', () => {
  it('send a picked day as the instant it starts, or the next midnight for an upper bound', () => {
    expect(dayBound('2026-11-24', 'from', SHANGHAI)).toBe('2026-11-23T16:00:00.000Z');
    expect(dayBound('2026-11-24', 'to', SHANGHAI)).toBe('2026-11-24T16:00:00.000Z');
  });

  it('show the filter’s instant as the day it was picked as', () => {
    expect(boundDay('2026-11-23T16:00:00.000Z', 'from', SHANGHAI)).toBe('2026-11-24');
    expect(boundDay('2026-11-24T16:00:00.000Z', 'to', SHANGHAI)).toBe('2026-11-24');
    expect(boundDay(undefined, 'from', SHANGHAI)).toBe('');
    expect(boundDay('not a date', 'from', SHANGHAI)).toBe('');
  });

  it('round-trip any day', () => {
    for (const day of ['2026-01-01', '2026-03-08', '2026-11-01', '2026-12-31']) {
      for (const bound of ['from', 'to'] as const) {
        for (const zone of [SHANGHAI, NEW_YORK]) {
          expect(boundDay(dayBound(day, bound, zone), bound, zone)).toBe(day);
        }
      }
    }
  });
});
