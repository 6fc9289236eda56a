import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from './errors.js';
import {
  DEFAULT_PRIORITY_WEIGHTS,
  PRIORITY_FACTOR_CODES,
  type PriorityFactorCode,
  type PriorityInput,
  priorityScore,
} from './priority.js';

const BASE: PriorityInput = {
  outstandingFen: 5_200_000,
  dpd: 45,
  creditScore: 620,
  brokenPromises: 1,
  daysSinceLastContact: 5,
};

function points(
  input: PriorityInput,
  code: PriorityFactorCode,
  weights = DEFAULT_PRIORITY_WEIGHTS,
) {
  return priorityScore(input, weights).factors.find((f) => f.code === code)!.points;
}

function refusal(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

const inputArb: fc.Arbitrary<PriorityInput> = fc.record({
  outstandingFen: fc.integer({ min: 0, max: 100_000_000 }),
  dpd: fc.integer({ min: 0, max: 2_000 }),
  creditScore: fc.option(fc.integer({ min: 0, max: 1_000 }), { nil: null }),
  brokenPromises: fc.integer({ min: 0, max: 10 }),
  daysSinceLastContact: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
});

// Any split of 100 points over the five factors.
const weightsArb: fc.Arbitrary<Record<PriorityFactorCode, number>> = fc
  .array(fc.integer({ min: 0, max: 100 }), { minLength: 4, maxLength: 4 })
  .map((cuts) => {
    const bounds = [0, ...cuts.sort((a, b) => a - b), 100];
    return Object.fromEntries(
      PRIORITY_FACTOR_CODES.map((code, i) => [code, bounds[i + 1]! - bounds[i]!]),
    ) as Record<PriorityFactorCode, number>;
  });

describe('DEFAULT_PRIORITY_WEIGHTS', () => {
  it('adds up to 100 and covers every factor', () => {
    expect(Object.keys(DEFAULT_PRIORITY_WEIGHTS).sort()).toEqual([...PRIORITY_FACTOR_CODES].sort());
    expect(Object.values(DEFAULT_PRIORITY_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
  });
});

describe('priorityScore', () => {
  it('explains a worked example', () => {
    expect(priorityScore(BASE)).toEqual({
      score: 30,
      factors: [
        {
          code: 'AMOUNT',
          weight: 30,
          points: 8, // 30 × 52,000 / 200,000 = 7.8
          explanation: '¥52,000.00 outstanding (saturates at ¥200,000.00)',
        },
        {
          code: 'DPD',
          weight: 25,
          points: 6, // 25 × 45 / 180 = 6.25
          explanation: '45 days past due (saturates at 180)',
        },
        {
          code: 'RISK',
          weight: 15,
          points: 6, // 15 × (850 − 620) / 550 ≈ 6.27
          explanation: 'Credit score 620 (full points at 300 or below, none at 850 or above)',
        },
        {
          code: 'BROKEN_PROMISES',
          weight: 15,
          points: 5,
          explanation: '1 broken promise (saturates at 3)',
        },
        {
          code: 'CONTACT_RECENCY',
          weight: 15,
          points: 5, // 15 × 5 / 14 ≈ 5.36
          explanation: 'Last contacted 5 days ago (saturates at 14)',
        },
      ],
    });
  });

  it('gives nothing to a fresh, small, safe, recently contacted case', () => {
    const result = priorityScore({
      outstandingFen: 0,
      dpd: 0,
      creditScore: 850,
      brokenPromises: 0,
      daysSinceLastContact: 0,
    });
    expect(result.score).toBe(0);
    expect(result.factors.map((f) => f.explanation)).toEqual([
      '¥0.00 outstanding (saturates at ¥200,000.00)',
      '0 days past due (saturates at 180)',
      'Credit score 850 (full points at 300 or below, none at 850 or above)',
      '0 broken promises (saturates at 3)',
      'Last contacted today (saturates at 14 days)',
    ]);
  });

  it('gives everything once every factor saturates', () => {
    expect(
      priorityScore({
        outstandingFen: 20_000_000,
        dpd: 180,
        creditScore: 300,
        brokenPromises: 3,
        daysSinceLastContact: 14,
      }).score,
    ).toBe(100);
    expect(
      priorityScore({
        outstandingFen: 900_000_000,
        dpd: 2_000,
        creditScore: 120,
        brokenPromises: 9,
        daysSinceLastContact: null,
      }).score,
    ).toBe(100);
  });

  it('gives half the risk weight without a credit score', () => {
    const unknown = { ...BASE, creditScore: null };
    expect(points(unknown, 'RISK')).toBe(8); // 7.5 rounds half up
    expect(points({ ...unknown }, 'RISK', { ...DEFAULT_PRIORITY_WEIGHTS, RISK: 14, DPD: 26 })).toBe(
      7,
    );
    expect(priorityScore(unknown).factors[2]!.explanation).toBe(
      'No credit score: half the risk points',
    );
    // …the same as a score in the middle of the range.
    expect(points({ ...BASE, creditScore: 575 }, 'RISK')).toBe(8);
  });

  it('gives full recency points to a borrower never contacted', () => {
    const never = priorityScore({ ...BASE, daysSinceLastContact: null }).factors[4]!;
    expect(never).toEqual({
      code: 'CONTACT_RECENCY',
      weight: 15,
      points: 15,
      explanation: 'Never contacted',
    });
  });

  it('uses singular words for one', () => {
    const one = priorityScore({ ...BASE, dpd: 1, daysSinceLastContact: 1 });
    expect(one.factors[1]!.explanation).toBe('1 day past due (saturates at 180)');
    expect(one.factors[4]!.explanation).toBe('Last contacted 1 day ago (saturates at 14)');
  });

  it('follows other weights', () => {
    const weights = { AMOUNT: 100, DPD: 0, RISK: 0, BROKEN_PROMISES: 0, CONTACT_RECENCY: 0 };
    const result = priorityScore(BASE, weights);
    expect(result.score).toBe(26);
    expect(result.factors.map((f) => f.weight)).toEqual([100, 0, 0, 0, 0]);
  });

  it.each<[keyof PriorityInput, number]>([
    ['outstandingFen', -1],
    ['outstandingFen', 1.5],
    ['dpd', -1],
    ['dpd', NaN],
    ['creditScore', -5],
    ['brokenPromises', 0.5],
    ['daysSinceLastContact', -1],
  ])('refuses %s = %s', (field, value) => {
    expect(refusal(() => priorityScore({ ...BASE, [field]: value })).field).toBe(field);
  });

  it('refuses weights that are not whole, negative or do not add up to 100', () => {
    const w = DEFAULT_PRIORITY_WEIGHTS;
    expect(refusal(() => priorityScore(BASE, { ...w, DPD: 24.5, RISK: 15.5 })).field).toBe(
      'weights.DPD',
    );
    expect(refusal(() => priorityScore(BASE, { ...w, DPD: -5, AMOUNT: 60 })).field).toBe(
      'weights.DPD',
    );
    const error = refusal(() => priorityScore(BASE, { ...w, DPD: 26 }));
    expect(error.field).toBe('weights');
    expect(error.message).toBe('weights: must add up to 100, got 101');
  });

  it('keeps every factor an integer within its weight, and the score their sum', () => {
    fc.assert(
      fc.property(inputArb, weightsArb, (input, weights) => {
        const { score, factors } = priorityScore(input, weights);
        expect(factors.map((f) => f.code)).toEqual(PRIORITY_FACTOR_CODES);
        for (const f of factors) {
          expect(Number.isInteger(f.points)).toBe(true);
          expect(f.points).toBeGreaterThanOrEqual(0);
          expect(f.points).toBeLessThanOrEqual(f.weight);
          expect(f.weight).toBe(weights[f.code]);
          expect(f.explanation.length).toBeGreaterThan(0);
        }
        expect(score).toBe(factors.reduce((s, f) => s + f.points, 0));
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
      }),
    );
  });

  // Each case makes one input worse and checks its factor does not fall, nor any other move.
  const worse: [string, PriorityFactorCode, (i: PriorityInput, d: number) => PriorityInput][] = [
    [
      'more money outstanding',
      'AMOUNT',
      (i, d) => ({ ...i, outstandingFen: i.outstandingFen + d }),
    ],
    ['more days past due', 'DPD', (i, d) => ({ ...i, dpd: i.dpd + d })],
    [
      'a lower credit score',
      'RISK',
      (i, d) => ({
        ...i,
        creditScore: i.creditScore === null ? null : Math.max(0, i.creditScore - d),
      }),
    ],
    [
      'more broken promises',
      'BROKEN_PROMISES',
      (i, d) => ({ ...i, brokenPromises: i.brokenPromises + d }),
    ],
    [
      'longer since the last contact',
      'CONTACT_RECENCY',
      (i, d) => ({
        ...i,
        daysSinceLastContact: i.daysSinceLastContact === null ? null : i.daysSinceLastContact + d,
      }),
    ],
  ];

  it.each(worse)('never lowers the score for %s', (_name, code, worsen) => {
    fc.assert(
      fc.property(inputArb, weightsArb, fc.nat(1_000_000), (input, weights, delta) => {
        const before = priorityScore(input, weights);
        const after = priorityScore(worsen(input, delta), weights);
        const factor = (r: typeof before, c: PriorityFactorCode) =>
          r.factors.find((f) => f.code === c)!.points;
        expect(factor(after, code)).toBeGreaterThanOrEqual(factor(before, code));
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        for (const other of PRIORITY_FACTOR_CODES) {
          if (other !== code) expect(factor(after, other)).toBe(factor(before, other));
        }
      }),
    );
  });

  it('ranks never contacted at least as high as any recency, and an unknown score at the midpoint', () => {
    fc.assert(
      fc.property(inputArb, weightsArb, (input, weights) => {
        const never = points({ ...input, daysSinceLastContact: null }, 'CONTACT_RECENCY', weights);
        expect(never).toBe(weights.CONTACT_RECENCY);
        expect(points(input, 'CONTACT_RECENCY', weights)).toBeLessThanOrEqual(never);
        expect(points({ ...input, creditScore: null }, 'RISK', weights)).toBe(
          points({ ...input, creditScore: 575 }, 'RISK', weights),
        );
      }),
    );
  });
});
