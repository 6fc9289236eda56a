import { describe, expect, it } from 'vitest';
import { ValidationError } from './errors.js';
import { RULE_PACKS, clockMinutes, tightenPack } from './rule-pack.js';

const CN = RULE_PACKS.CN;
const US = RULE_PACKS.US_REG_F;

function refusal(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('RULE_PACKS', () => {
  it('holds the CN numbers', () => {
    expect(CN).toMatchObject({
      code: 'CN',
      quietHours: { start: '22:00', end: '08:00' },
      maxUnansweredDialsPerNumberPerDay: 6,
      maxConversationsPerBorrowerPerDay: 3,
      maxCallAttemptsPerRollingDays: null,
      noCallAfterConversationDays: null,
      thirdPartyUnreachableAfterFailedAttempts: 3,
      recordRetentionYears: 5,
      visitMinCollectors: 2,
      hardshipPlanMaxYears: 5,
    });
  });

  it('holds the US Regulation F numbers', () => {
    expect(US).toMatchObject({
      code: 'US_REG_F',
      quietHours: { start: '21:00', end: '08:00' },
      maxCallAttemptsPerRollingDays: { attempts: 7, days: 7 },
      noCallAfterConversationDays: 7,
      recordRetentionYears: 3,
    });
  });

  it('is frozen data', () => {
    expect(Object.isFrozen(CN)).toBe(true);
    expect(Object.isFrozen(CN.quietHours)).toBe(true);
  });
});

describe('clockMinutes', () => {
  it('reads HH:MM', () => {
    expect(clockMinutes('00:00')).toBe(0);
    expect(clockMinutes('22:30')).toBe(1350);
  });
  it('refuses anything else, naming the field', () => {
    expect(() => clockMinutes('24:00', 'quietHours.start')).toThrow(/^quietHours.start:/);
    expect(() => clockMinutes('8:00')).toThrow(ValidationError);
  });
});

describe('tightenPack accepts tightening', () => {
  it('keeps the pack unchanged without overrides', () => {
    expect(tightenPack(CN, {})).toEqual(CN);
  });

  it('widens quiet hours', () => {
    expect(tightenPack(CN, { quietHours: { start: '21:00', end: '09:00' } }).quietHours).toEqual({
      start: '21:00',
      end: '09:00',
    });
    expect(tightenPack(CN, { quietHours: { start: '22:00', end: '08:00' } }).quietHours).toEqual(
      CN.quietHours,
    );
  });

  it('lowers the daily caps', () => {
    const pack = tightenPack(CN, {
      maxUnansweredDialsPerNumberPerDay: 4,
      maxConversationsPerBorrowerPerDay: 2,
    });
    expect(pack.maxUnansweredDialsPerNumberPerDay).toBe(4);
    expect(pack.maxConversationsPerBorrowerPerDay).toBe(2);
  });

  it('adds a cap the pack does not have', () => {
    const pack = tightenPack(CN, {
      maxCallAttemptsPerRollingDays: { attempts: 10, days: 7 },
      noCallAfterConversationDays: 1,
    });
    expect(pack.maxCallAttemptsPerRollingDays).toEqual({ attempts: 10, days: 7 });
    expect(pack.noCallAfterConversationDays).toBe(1);
    expect(tightenPack(US, { maxUnansweredDialsPerNumberPerDay: 3 })).toMatchObject({
      maxUnansweredDialsPerNumberPerDay: 3,
    });
  });

  it('lowers rolling attempts and lengthens the rolling window and the cooldown', () => {
    const pack = tightenPack(US, {
      maxCallAttemptsPerRollingDays: { attempts: 5, days: 10 },
      noCallAfterConversationDays: 10,
    });
    expect(pack.maxCallAttemptsPerRollingDays).toEqual({ attempts: 5, days: 10 });
    expect(pack.noCallAfterConversationDays).toBe(10);
  });

  it('raises the third-party threshold, retention and visit collectors; shortens hardship plans', () => {
    const pack = tightenPack(CN, {
      thirdPartyUnreachableAfterFailedAttempts: 5,
      recordRetentionYears: 7,
      visitMinCollectors: 3,
      hardshipPlanMaxYears: 3,
    });
    expect(pack).toMatchObject({
      thirdPartyUnreachableAfterFailedAttempts: 5,
      recordRetentionYears: 7,
      visitMinCollectors: 3,
      hardshipPlanMaxYears: 3,
    });
  });

  it('keeps code and version of the pack it tightens', () => {
    const pack = tightenPack(US, { recordRetentionYears: 4 });
    expect(pack.code).toBe('US_REG_F');
    expect(pack.version).toBe(US.version);
  });
});

describe('tightenPack refuses loosening, naming the field', () => {
  const cases: [string, Parameters<typeof tightenPack>[1], string][] = [
    [
      'later quiet-hours start',
      { quietHours: { start: '23:00', end: '08:00' } },
      'quietHours.start',
    ],
    ['earlier quiet-hours end', { quietHours: { start: '22:00', end: '07:00' } }, 'quietHours.end'],
    [
      'quiet hours not crossing midnight',
      { quietHours: { start: '01:00', end: '08:00' } },
      'quietHours',
    ],
    [
      'malformed quiet-hours start',
      { quietHours: { start: '2200', end: '08:00' } },
      'quietHours.start',
    ],
    [
      'more unanswered dials',
      { maxUnansweredDialsPerNumberPerDay: 7 },
      'maxUnansweredDialsPerNumberPerDay',
    ],
    [
      'no dial cap',
      { maxUnansweredDialsPerNumberPerDay: null },
      'maxUnansweredDialsPerNumberPerDay',
    ],
    [
      'more conversations',
      { maxConversationsPerBorrowerPerDay: 4 },
      'maxConversationsPerBorrowerPerDay',
    ],
    [
      'no conversation cap',
      { maxConversationsPerBorrowerPerDay: null },
      'maxConversationsPerBorrowerPerDay',
    ],
    [
      'a negative cap',
      { maxConversationsPerBorrowerPerDay: -1 },
      'maxConversationsPerBorrowerPerDay',
    ],
    [
      'a fractional cap',
      { maxUnansweredDialsPerNumberPerDay: 2.5 },
      'maxUnansweredDialsPerNumberPerDay',
    ],
    [
      'fewer third-party attempts',
      { thirdPartyUnreachableAfterFailedAttempts: 2 },
      'thirdPartyUnreachableAfterFailedAttempts',
    ],
    ['shorter retention', { recordRetentionYears: 4 }, 'recordRetentionYears'],
    ['fewer visit collectors', { visitMinCollectors: 1 }, 'visitMinCollectors'],
    ['longer hardship plans', { hardshipPlanMaxYears: 6 }, 'hardshipPlanMaxYears'],
    ['no hardship plans at all', { hardshipPlanMaxYears: 0 }, 'hardshipPlanMaxYears'],
  ];
  it.each(cases)('CN: %s', (_name, overrides, field) => {
    const error = refusal(() => tightenPack(CN, overrides));
    expect(error.field).toBe(field);
    expect(error.message.startsWith(`${field}:`)).toBe(true);
    expect(error.code).toBe('BAD_USER_INPUT');
  });

  const usCases: [string, Parameters<typeof tightenPack>[1], string][] = [
    [
      'later quiet-hours start',
      { quietHours: { start: '21:30', end: '08:00' } },
      'quietHours.start',
    ],
    [
      'more rolling attempts',
      { maxCallAttemptsPerRollingDays: { attempts: 8, days: 7 } },
      'maxCallAttemptsPerRollingDays.attempts',
    ],
    [
      'a shorter rolling window',
      { maxCallAttemptsPerRollingDays: { attempts: 7, days: 6 } },
      'maxCallAttemptsPerRollingDays.days',
    ],
    ['no rolling cap', { maxCallAttemptsPerRollingDays: null }, 'maxCallAttemptsPerRollingDays'],
    ['a shorter cooldown', { noCallAfterConversationDays: 6 }, 'noCallAfterConversationDays'],
    ['no cooldown', { noCallAfterConversationDays: null }, 'noCallAfterConversationDays'],
    ['shorter retention', { recordRetentionYears: 2 }, 'recordRetentionYears'],
  ];
  it.each(usCases)('US_REG_F: %s', (_name, overrides, field) => {
    expect(refusal(() => tightenPack(US, overrides)).field).toBe(field);
  });
});
