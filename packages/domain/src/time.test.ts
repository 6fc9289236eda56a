import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, diffDays, isValidLocalDate, isValidTimeZone, localDate } from './time.js';

describe('isValidTimeZone', () => {
  it.each(['Asia/Shanghai', 'America/New_York', 'UTC', 'Asia/Urumqi'])('accepts %s', (tz) => {
    expect(isValidTimeZone(tz)).toBe(true);
  });

  it.each(['', 'Asia/Beijing', 'Mars/Olympus', 'GMT+25', 'Asia/Shanghai '])('rejects %j', (tz) => {
    expect(isValidTimeZone(tz)).toBe(false);
  });
});

describe('localDate', () => {
  it('puts an instant on the calendar of the zone', () => {
    const instant = new Date('2026-03-01T16:30:00Z');
    expect(localDate(instant, 'UTC')).toBe('2026-03-01');
    expect(localDate(instant, 'Asia/Shanghai')).toBe('2026-03-02');
    expect(localDate(instant, 'America/New_York')).toBe('2026-03-01');
  });

  it('turns the day at local midnight', () => {
    expect(localDate(new Date('2026-03-01T15:59:59.999Z'), 'Asia/Shanghai')).toBe('2026-03-01');
    expect(localDate(new Date('2026-03-01T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-03-02');
  });

  it('follows daylight saving time', () => {
    // New York is UTC−5 in winter and UTC−4 from 2026-03-08.
    expect(localDate(new Date('2026-03-08T04:59:00Z'), 'America/New_York')).toBe('2026-03-07');
    expect(localDate(new Date('2026-03-08T05:00:00Z'), 'America/New_York')).toBe('2026-03-08');
    expect(localDate(new Date('2026-03-10T03:59:00Z'), 'America/New_York')).toBe('2026-03-09');
    expect(localDate(new Date('2026-03-10T04:00:00Z'), 'America/New_York')).toBe('2026-03-10');
  });

  it('pads early years to four digits', () => {
    expect(localDate(new Date('0099-12-31T12:00:00Z'), 'UTC')).toBe('0099-12-31');
  });

  it('refuses an unknown zone', () => {
    expect(() => localDate(new Date(), 'Asia/Beijing')).toThrow(RangeError);
  });
});

describe('isValidLocalDate', () => {
  it.each(['2026-03-01', '2024-02-29', '2000-02-29', '1900-01-01', '0001-01-01', '9999-12-31'])(
    'accepts %s',
    (s) => {
      expect(isValidLocalDate(s)).toBe(true);
    },
  );

  it.each([
    '2026-02-29',
    '1900-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-1-01',
    '26-01-01',
    '2026/01/01',
    '20260101',
    '2026-01-01T00:00:00Z',
    ' 2026-01-01',
    '',
  ])('rejects %j', (s) => {
    expect(isValidLocalDate(s)).toBe(false);
  });
});

describe('addDays and diffDays', () => {
  it('crosses months, leap days and years', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-03-01', 0)).toBe('2026-03-01');
    expect(addDays('0100-01-01', -1)).toBe('0099-12-31');
  });

  it('counts calendar days, not 24-hour periods, across a DST change', () => {
    expect(diffDays('2026-03-09', '2026-03-07')).toBe(2);
    expect(diffDays('2026-11-02', '2026-10-31')).toBe(2);
  });

  it('is signed: a − b', () => {
    expect(diffDays('2026-03-02', '2026-03-01')).toBe(1);
    expect(diffDays('2026-03-01', '2026-03-02')).toBe(-1);
    expect(diffDays('2025-01-01', '2024-01-01')).toBe(366);
  });

  it('refuses malformed input', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-03-01', 0.5)).toThrow(RangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => diffDays('2026-03-01', 'yesterday')).toThrow(RangeError);
  });

  it('are inverse: diffDays(addDays(d, n), d) = n', () => {
    // Years 0300–7400, so a shift of up to ±100,000 days (~274 years) stays within 0000–9999.
    const date = fc.integer({ min: 0, max: 2_600_000 }).map((n) => addDays('0300-01-01', n));
    fc.assert(
      fc.property(date, fc.integer({ min: -100_000, max: 100_000 }), (d, n) => {
        const later = addDays(d, n);
        expect(isValidLocalDate(later)).toBe(true);
        expect(diffDays(later, d)).toBe(n);
        expect(addDays(later, -n)).toBe(d);
      }),
    );
  });
});
