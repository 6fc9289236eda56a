import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaseStage } from './enums.js';
import { ValidationError } from './errors.js';
import {
  DEFAULT_ESCALATION_LADDER,
  type EscalationLadder,
  assertLadder,
  escalatedStage,
  nextStage,
  stageForDpd,
  stageRank,
} from './escalation.js';

const { REMINDER, PHONE, VISIT, LEGAL } = CaseStage;
const STAGES = [REMINDER, PHONE, VISIT, LEGAL];

function refusal(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

// Any valid ladder: a non-empty ordered subset of the stages on ascending DPDs from 1.
const ladderArb: fc.Arbitrary<EscalationLadder> = fc
  .subarray(STAGES, { minLength: 1 })
  .chain((stages) =>
    fc
      .uniqueArray(fc.integer({ min: 2, max: 400 }), {
        minLength: stages.length - 1,
        maxLength: stages.length - 1,
      })
      .map((starts) =>
        [1, ...starts.sort((a, b) => a - b)].map((fromDpd, i) => ({
          fromDpd,
          stage: stages[i]!,
        })),
      ),
  );
const stageArb = fc.constantFrom(...STAGES);

describe('DEFAULT_ESCALATION_LADDER', () => {
  it('is valid, frozen data', () => {
    expect(() => assertLadder(DEFAULT_ESCALATION_LADDER)).not.toThrow();
    expect(Object.isFrozen(DEFAULT_ESCALATION_LADDER)).toBe(true);
    expect(Object.isFrozen(DEFAULT_ESCALATION_LADDER[0])).toBe(true);
  });
});

describe('stageForDpd', () => {
  it.each([
    [-3, REMINDER],
    [0, REMINDER],
    [1, REMINDER],
    [7, REMINDER],
    [8, PHONE],
    [30, PHONE],
    [31, VISIT],
    [90, VISIT],
    [91, LEGAL],
    [2000, LEGAL],
  ])('puts DPD %i at %s on the default ladder', (dpd, stage) => {
    expect(stageForDpd(dpd)).toBe(stage);
  });

  it('follows another ladder, which may skip stages', () => {
    const ladder: EscalationLadder = [
      { fromDpd: 1, stage: PHONE },
      { fromDpd: 61, stage: LEGAL },
    ];
    expect(stageForDpd(0, ladder)).toBe(PHONE);
    expect(stageForDpd(60, ladder)).toBe(PHONE);
    expect(stageForDpd(61, ladder)).toBe(LEGAL);
  });

  it.each([0.5, NaN, Infinity])('refuses DPD %s', (dpd) => {
    expect(() => stageForDpd(dpd)).toThrow(RangeError);
  });

  it('refuses a malformed ladder', () => {
    expect(() => stageForDpd(10, [])).toThrow(ValidationError);
  });

  it('never moves down as DPD grows', () => {
    fc.assert(
      fc.property(ladderArb, fc.nat(500), fc.nat(500), (ladder, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(stageRank(stageForDpd(low, ladder))).toBeLessThanOrEqual(
          stageRank(stageForDpd(high, ladder)),
        );
      }),
    );
  });

  it('gives each step its stage from its fromDpd on', () => {
    fc.assert(
      fc.property(ladderArb, (ladder) => {
        ladder.forEach((step, i) => {
          expect(stageForDpd(step.fromDpd, ladder)).toBe(step.stage);
          if (i > 0) expect(stageForDpd(step.fromDpd - 1, ladder)).toBe(ladder[i - 1]!.stage);
        });
      }),
    );
  });
});

describe('assertLadder', () => {
  it('accepts every generated ladder', () => {
    fc.assert(fc.property(ladderArb, (ladder) => assertLadder(ladder)));
  });

  it.each<[string, EscalationLadder, string, RegExp]>([
    ['an empty ladder', [], 'ladder', /at least one step/],
    [
      'a first step after DPD 1',
      [{ fromDpd: 8, stage: REMINDER }],
      'ladder[0].fromDpd',
      /starts at DPD 1, got 8/,
    ],
    [
      'a fractional DPD',
      [
        { fromDpd: 1, stage: REMINDER },
        { fromDpd: 7.5, stage: PHONE },
      ],
      'ladder[1].fromDpd',
      /whole number/,
    ],
    [
      'repeated DPDs',
      [
        { fromDpd: 1, stage: REMINDER },
        { fromDpd: 8, stage: PHONE },
        { fromDpd: 8, stage: VISIT },
      ],
      'ladder[2].fromDpd',
      /must be above ladder\[1\]\.fromDpd \(8\), got 8/,
    ],
    [
      'descending DPDs',
      [
        { fromDpd: 1, stage: REMINDER },
        { fromDpd: 31, stage: PHONE },
        { fromDpd: 8, stage: VISIT },
      ],
      'ladder[2].fromDpd',
      /must be above/,
    ],
    [
      'a repeated stage',
      [
        { fromDpd: 1, stage: REMINDER },
        { fromDpd: 8, stage: REMINDER },
      ],
      'ladder[1].stage',
      /higher stage than ladder\[0\]\.stage \(REMINDER\), got REMINDER/,
    ],
    [
      'a stage going down',
      [
        { fromDpd: 1, stage: VISIT },
        { fromDpd: 8, stage: PHONE },
      ],
      'ladder[1].stage',
      /higher stage/,
    ],
    [
      'an unknown stage',
      [{ fromDpd: 1, stage: 'COURT' as CaseStage }],
      'ladder[0].stage',
      /must be one of REMINDER, PHONE, VISIT, LEGAL, got "COURT"/,
    ],
  ])('refuses %s', (_name, ladder, field, message) => {
    const error = refusal(() => assertLadder(ladder));
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });
});

describe('stageRank and nextStage', () => {
  it('orders REMINDER < PHONE < VISIT < LEGAL', () => {
    expect(STAGES.map(stageRank)).toEqual([0, 1, 2, 3]);
  });

  it('moves one rung up and stays at LEGAL', () => {
    expect(nextStage(REMINDER)).toBe(PHONE);
    expect(nextStage(PHONE)).toBe(VISIT);
    expect(nextStage(VISIT)).toBe(LEGAL);
    expect(nextStage(LEGAL)).toBe(LEGAL);
  });

  it('refuses an unknown stage', () => {
    expect(() => stageRank('COURT' as CaseStage)).toThrow(RangeError);
    expect(() => nextStage('COURT' as CaseStage)).toThrow(RangeError);
  });
});

describe('escalatedStage', () => {
  it('climbs with the ladder', () => {
    expect(escalatedStage(REMINDER, 10)).toBe(PHONE);
    expect(escalatedStage(PHONE, 95)).toBe(LEGAL);
  });

  it('never moves a case down', () => {
    // Escalated to VISIT after a broken promise at DPD 12: stays there.
    expect(escalatedStage(VISIT, 12)).toBe(VISIT);
    expect(escalatedStage(LEGAL, 0)).toBe(LEGAL);
  });

  it('is the higher of the current stage and the ladder’s', () => {
    fc.assert(
      fc.property(stageArb, fc.nat(500), ladderArb, (current, dpd, ladder) => {
        const result = escalatedStage(current, dpd, ladder);
        const byLadder = stageForDpd(dpd, ladder);
        expect(stageRank(result)).toBe(Math.max(stageRank(current), stageRank(byLadder)));
      }),
    );
  });
});
