import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketForDpd, daysPastDue, dpdRangeOfBucket, overdueSinceBounds } from './delinquency.js';
import { Bucket } from './enums.js';
import { ValidationError } from './errors.js';
import { addDays, localDate } from './time.js';

describe('daysPastDue', () => {
  it('is 1 on the first overdue day and counts up from there', () => {
    const shanghaiNoon = (date: string) => new Date(`${date}T04:00:00Z`);
    expect(daysPastDue('2026-03-01', shanghaiNoon('2026-02-28'), 'Asia/Shanghai')).toBe(0);
    expect(daysPastDue('2026-03-01', shanghaiNoon('2026-03-01'), 'Asia/Shanghai')).toBe(1);
    expect(daysPastDue('2026-03-01', shanghaiNoon('2026-03-02'), 'Asia/Shanghai')).toBe(2);
    expect(daysPastDue('2026-03-01', shanghaiNoon('2026-03-31'), 'Asia/Shanghai')).toBe(31);
  });

  it('is 0 for every day before the loan is overdue', () => {
    expect(daysPastDue('2026-03-01', new Date('2025-12-01T04:00:00Z'), 'Asia/Shanghai')).toBe(0);
  });

  it('turns over at midnight in the given zone, not in UTC', () => {
    // 2026-03-01T16:30Z is 00:30 on 03-02 in Shanghai but still 16:30 on 03-01 in UTC.
    const at = new Date('2026-03-01T16:30:00Z');
    expect(daysPastDue('2026-03-01', at, 'Asia/Shanghai')).toBe(2);
    expect(daysPastDue('2026-03-01', at, 'UTC')).toBe(1);
    expect(daysPastDue('2026-03-02', at, 'Asia/Shanghai')).toBe(1);
    expect(daysPastDue('2026-03-02', at, 'UTC')).toBe(0);
    expect(daysPastDue('2026-03-01', new Date('2026-03-01T15:59:59Z'), 'Asia/Shanghai')).toBe(1);
  });

  it('counts days, not 24-hour periods, across a daylight-saving change', () => {
    // New York springs forward on 2026-03-08: that day lasts 23 hours.
    const ny = 'America/New_York';
    expect(daysPastDue('2026-03-08', new Date('2026-03-08T04:59:00Z'), ny)).toBe(0); // 23:59 EST on 03-07
    expect(daysPastDue('2026-03-08', new Date('2026-03-08T05:00:00Z'), ny)).toBe(1); // 00:00 EST
    expect(daysPastDue('2026-03-08', new Date('2026-03-09T03:59:00Z'), ny)).toBe(1); // 23:59 EDT
    expect(daysPastDue('2026-03-08', new Date('2026-03-09T04:00:00Z'), ny)).toBe(2); // 00:00 EDT
    // …and falls back on 2026-11-01, a 25-hour day.
    expect(daysPastDue('2026-11-01', new Date('2026-11-02T04:59:00Z'), ny)).toBe(1); // 23:59 EST
    expect(daysPastDue('2026-11-01', new Date('2026-11-02T05:00:00Z'), ny)).toBe(2);
  });
});

describe('bucketForDpd', () => {
  it.each([
    [0, 'CURRENT'],
    [1, 'M1'],
    [30, 'M1'],
    [31, 'M2'],
    [60, 'M2'],
    [61, 'M3'],
    [90, 'M3'],
    [91, 'M4'],
    [120, 'M4'],
    [121, 'M5'],
    [150, 'M5'],
    [151, 'M6_PLUS'],
    [10_000, 'M6_PLUS'],
  ])('DPD %i is %s', (dpd, bucket) => {
    expect(bucketForDpd(dpd)).toBe(bucket);
  });

  it.each([-1, 1.5, NaN])('refuses DPD %s', (dpd) => {
    expect(() => bucketForDpd(dpd)).toThrow(RangeError);
  });
});

describe('dpdRangeOfBucket', () => {
  it('gives the inclusive range of each bucket', () => {
    expect(dpdRangeOfBucket('CURRENT')).toEqual({ min: 0, max: 0 });
    expect(dpdRangeOfBucket('M1')).toEqual({ min: 1, max: 30 });
    expect(dpdRangeOfBucket('M5')).toEqual({ min: 121, max: 150 });
    expect(dpdRangeOfBucket('M6_PLUS')).toEqual({ min: 151, max: null });
  });

  it('agrees with bucketForDpd on every bucket', () => {
    for (const bucket of Object.values(Bucket)) {
      const { min, max } = dpdRangeOfBucket(bucket);
      expect(bucketForDpd(min)).toBe(bucket);
      if (max !== null) {
        expect(bucketForDpd(max)).toBe(bucket);
        expect(bucketForDpd(max + 1)).not.toBe(bucket);
      }
      if (min > 0) expect(bucketForDpd(min - 1)).not.toBe(bucket);
    }
  });
});

describe('overdueSinceBounds', () => {
  const at = new Date('2026-03-01T16:30:00Z'); // 2026-03-02 in Shanghai
  const tz = 'Asia/Shanghai';

  it('maps a DPD range to an overdueSince range', () => {
    // DPD 1 today means overdue since today; DPD 30 means since 29 days ago.
    expect(overdueSinceBounds(1, 30, at, tz)).toEqual({
      earliest: '2026-02-01',
      latest: '2026-03-02',
    });
    expect(overdueSinceBounds(31, null, at, tz)).toEqual({ earliest: null, latest: '2026-01-31' });
    expect(overdueSinceBounds(null, 90, at, tz)).toEqual({ earliest: '2025-12-03', latest: null });
    expect(overdueSinceBounds(null, null, at, tz)).toEqual({ earliest: null, latest: null });
  });

  it('selects not-yet-overdue cases for the CURRENT bucket', () => {
    const { min, max } = dpdRangeOfBucket('CURRENT');
    expect(overdueSinceBounds(min, max, at, tz)).toEqual({ earliest: '2026-03-03', latest: null });
  });

  it('gives an empty range when the minimum exceeds the maximum', () => {
    const { earliest, latest } = overdueSinceBounds(10, 5, at, tz);
    expect(earliest! > latest!).toBe(true);
  });

  it.each([
    [-1, null, 'dpdMin'],
    [null, 2.5, 'dpdMax'],
  ])('refuses bounds (%s, %s)', (dpdMin, dpdMax, field) => {
    const act = () => overdueSinceBounds(dpdMin, dpdMax, at, tz);
    expect(act).toThrow(ValidationError);
    expect(act).toThrow(new RegExp(`^${field}: `));
  });

  it('selects exactly the cases whose DPD is in range', () => {
    const zones = fc.constantFrom('Asia/Shanghai', 'UTC', 'America/New_York', 'Pacific/Kiritimati');
    const instant = fc
      .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) })
      .map((ms) => new Date(ms));
    const bound = fc.option(fc.integer({ min: 0, max: 400 }), { nil: null });
    fc.assert(
      fc.property(
        instant,
        zones,
        fc.integer({ min: -30, max: 500 }),
        bound,
        bound,
        (at, tz, back, min, max) => {
          const overdueSince = addDays(localDate(at, tz), -back);
          const dpd = daysPastDue(overdueSince, at, tz);
          const inRange = (min === null || dpd >= min) && (max === null || dpd <= max);
          const { earliest, latest } = overdueSinceBounds(min, max, at, tz);
          // YYYY-MM-DD strings order like the dates, as in SQL.
          const selected =
            (earliest === null || overdueSince >= earliest) &&
            (latest === null || overdueSince <= latest);
          expect(selected).toBe(inRange);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
