import { describe, expect, it } from 'vitest';
import { assertCompleteVisitRecord, assertVisitPlan } from './visit-plan.js';

const now = new Date('2026-03-02T01:00:00Z');
const start = new Date('2026-03-03T02:00:00Z');
const end = new Date('2026-03-03T03:30:00Z');

describe('assertVisitPlan', () => {
  it('accepts two collectors in a future window', () => {
    expect(() =>
      assertVisitPlan({ windowStart: start, windowEnd: end, collectorIds: ['a', 'b'] }, now),
    ).not.toThrow();
  });

  it('refuses a single collector', () => {
    expect(() =>
      assertVisitPlan({ windowStart: start, windowEnd: end, collectorIds: ['a'] }, now),
    ).toThrow(/^collectorIds: a visit needs at least 2 collectors/);
  });

  it('does not count the same collector twice', () => {
    expect(() =>
      assertVisitPlan({ windowStart: start, windowEnd: end, collectorIds: ['a', 'a'] }, now),
    ).toThrow(/^collectorIds:/);
  });

  it('refuses a window that ends before it starts, or lasts more than 8 hours', () => {
    expect(() =>
      assertVisitPlan({ windowStart: end, windowEnd: start, collectorIds: ['a', 'b'] }, now),
    ).toThrow(/^windowEnd:/);
    const late = new Date(start.getTime() + 9 * 3600_000);
    expect(() =>
      assertVisitPlan({ windowStart: start, windowEnd: late, collectorIds: ['a', 'b'] }, now),
    ).toThrow(/8 hours/);
  });

  it('refuses a window in the past', () => {
    expect(() =>
      assertVisitPlan(
        { windowStart: start, windowEnd: end, collectorIds: ['a', 'b'] },
        new Date('2026-03-04T00:00:00Z'),
      ),
    ).toThrow(/^windowStart:/);
  });
});

describe('assertCompleteVisitRecord', () => {
  const full = {
    attitude: 'COOPERATIVE',
    willingness: 'HIGH',
    overdueReason: 'INCOME_LOSS',
    negotiatedResult: '同意分期',
    note: '借款人在家',
    followUpDate: '2026-03-10',
  };

  it('accepts a full record', () => {
    expect(() => assertCompleteVisitRecord(full)).not.toThrow();
  });

  it.each(Object.keys(full))('names %s when it is missing or blank', (field) => {
    expect(() => assertCompleteVisitRecord({ ...full, [field]: null })).toThrow(
      new RegExp(`^${field}: is required`),
    );
    expect(() => assertCompleteVisitRecord({ ...full, [field]: '  ' })).toThrow(
      new RegExp(`^${field}: is required`),
    );
  });
});

describe('assertCompleteVisitRecord with fields left out', () => {
  it('names the first missing field', () => {
    expect(() => assertCompleteVisitRecord({ attitude: 'COOPERATIVE' })).toThrow(
      /^willingness: is required/,
    );
  });
});
