import {
  assertLadder,
  RULE_PACKS,
  tightenPack,
  ValidationError,
  type RulePackCode,
  type RulePackOverrides,
} from '@arrears/domain';
import { describe, expect, it } from 'vitest';

import {
  CAP_FIELDS,
  MINIMUM_FIELDS,
  packValue,
  policyErrors,
  toFormValues,
  toPolicyChanges,
  type PolicyFormValues,
} from './policyForm';
import type { CollectionPolicyRecord, RulePackNumbers } from './policyResource';

const NONE: RulePackNumbers = {
  quietHoursStart: null,
  quietHoursEnd: null,
  maxUnansweredDialsPerNumberPerDay: null,
  maxConversationsPerBorrowerPerDay: null,
  maxCallAttemptsPerRollingDays: null,
  noCallAfterConversationDays: null,
  thirdPartyUnreachableAfterFailedAttempts: null,
  recordRetentionYears: null,
  visitMinCollectors: null,
  hardshipPlanMaxYears: null,
};

const LADDER = [
  { fromDpd: 1, stage: 'REMINDER' },
  { fromDpd: 8, stage: 'PHONE' },
  { fromDpd: 31, stage: 'VISIT' },
  { fromDpd: 91, stage: 'LEGAL' },
] as const;

const record = (overrides: Partial<RulePackNumbers> = {}): CollectionPolicyRecord => ({
  id: 'i1',
  institutionName: '邮储银行',
  rulePack: 'CN',
  version: '2026.1',
  holidayCalendar: false,
  numbers: NONE,
  overrides: { ...NONE, ...overrides },
  escalationLadder: LADDER.map((step) => ({ ...step })),
});

const form = (
  overrides: PolicyFormValues['overrides'] = {},
  rulePack: RulePackCode = 'CN',
  escalationLadder: PolicyFormValues['escalationLadder'] = LADDER.map((step) => ({ ...step })),
): PolicyFormValues => ({ rulePack, holidayCalendar: false, overrides, escalationLadder });

/** What the API would say of the same form: the domain check the service runs. */
const domainRefuses = (values: PolicyFormValues): boolean => {
  const changes = toPolicyChanges(values);
  const o = changes.overrides ?? {};
  const overrides: { -readonly [K in keyof RulePackOverrides]: RulePackOverrides[K] } = {};
  if (o.quietHoursStart && o.quietHoursEnd) {
    overrides.quietHours = { start: o.quietHoursStart, end: o.quietHoursEnd };
  }
  if (o.maxCallAttemptsPerRollingDays) {
    overrides.maxCallAttemptsPerRollingDays = o.maxCallAttemptsPerRollingDays;
  }
  for (const field of [...CAP_FIELDS, ...MINIMUM_FIELDS]) {
    const value = o[field];
    if (value != null) overrides[field] = value;
  }
  try {
    tightenPack(RULE_PACKS[values.rulePack], overrides);
    if (changes.escalationLadder?.length) assertLadder(changes.escalationLadder);
    return false;
  } catch (error) {
    if (error instanceof ValidationError) return true;
    throw error;
  }
};

describe('toFormValues / toPolicyChanges', () => {
  it('round-trips a policy, sending only the numbers that are tightened', () => {
    const values = toFormValues(
      record({
        maxUnansweredDialsPerNumberPerDay: 4,
        quietHoursStart: '21:00',
        quietHoursEnd: '08:30',
        maxCallAttemptsPerRollingDays: { attempts: 5, days: 7 },
      }),
    );
    expect(values.overrides.maxCallAttemptsPerRollingDays).toEqual({ attempts: 5, days: 7 });

    expect(toPolicyChanges(values)).toEqual({
      rulePack: 'CN',
      holidayCalendar: false,
      overrides: {
        quietHoursStart: '21:00',
        quietHoursEnd: '08:30',
        maxUnansweredDialsPerNumberPerDay: 4,
        maxCallAttemptsPerRollingDays: { attempts: 5, days: 7 },
      },
      escalationLadder: LADDER.map((step) => ({ ...step })),
    });
  });

  it('gives the rolling cap empty inputs when it is not tightened, and sends nothing for it', () => {
    const values = toFormValues(record());
    expect(values.overrides.maxCallAttemptsPerRollingDays).toEqual({ attempts: null, days: null });
    expect(toPolicyChanges(values).overrides).toEqual({});
  });

  it('treats emptied inputs ("" or null) as following the pack', () => {
    expect(
      toPolicyChanges(form({ visitMinCollectors: null, quietHoursStart: '', quietHoursEnd: '' }))
        .overrides,
    ).toEqual({});
  });
});

describe('policyErrors: loosening is refused on the field', () => {
  it('refuses a cap above the pack, naming the limit', () => {
    expect(policyErrors(form({ maxUnansweredDialsPerNumberPerDay: 8 }))).toEqual({
      'overrides.maxUnansweredDialsPerNumberPerDay': {
        message: 'policy.errors.capLoosened',
        args: { limit: 6 },
      },
    });
  });

  it('refuses a minimum below the pack', () => {
    expect(policyErrors(form({ visitMinCollectors: 1 }))).toEqual({
      'overrides.visitMinCollectors': {
        message: 'policy.errors.minimumLoosened',
        args: { limit: 2 },
      },
    });
  });

  it('accepts tightening, and judges against the pack chosen in the form', () => {
    expect(
      policyErrors(form({ maxUnansweredDialsPerNumberPerDay: 3, visitMinCollectors: 3 })),
    ).toEqual({});
    // US Reg F has a rolling call cap of 7 in 7 days; CN has none, so anything tightens it.
    const rolling = { maxCallAttemptsPerRollingDays: { attempts: 9, days: 7 } };
    expect(policyErrors(form(rolling, 'CN'))).toEqual({});
    expect(policyErrors(form(rolling, 'US_REG_F'))).toMatchObject({
      'overrides.maxCallAttemptsPerRollingDays.attempts': { message: 'policy.errors.capLoosened' },
    });
  });

  it('wants quiet hours as a pair, crossing midnight, only wider', () => {
    expect(policyErrors(form({ quietHoursStart: '21:00' }))).toEqual({
      'overrides.quietHoursEnd': { message: 'policy.errors.bothTimes' },
    });
    expect(policyErrors(form({ quietHoursStart: '23:00', quietHoursEnd: '07:00' }))).toEqual({
      'overrides.quietHoursStart': {
        message: 'policy.errors.startLater',
        args: { limit: '22:00' },
      },
      'overrides.quietHoursEnd': { message: 'policy.errors.endEarlier', args: { limit: '08:00' } },
    });
    expect(policyErrors(form({ quietHoursStart: '06:00', quietHoursEnd: '09:00' }))).toMatchObject({
      'overrides.quietHoursStart': { message: 'policy.errors.crossMidnight' },
    });
    expect(policyErrors(form({ quietHoursStart: '20:30', quietHoursEnd: '09:00' }))).toEqual({});
  });

  it('wants whole numbers', () => {
    expect(policyErrors(form({ maxConversationsPerBorrowerPerDay: 1.5 }))).toEqual({
      'overrides.maxConversationsPerBorrowerPerDay': {
        message: 'policy.errors.integer',
        args: { min: 0 },
      },
    });
  });

  it('checks the ladder: from day 1, days and stages climbing; empty is the default', () => {
    expect(policyErrors(form({}, 'CN', []))).toEqual({});
    expect(
      policyErrors(
        form({}, 'CN', [
          { fromDpd: 2, stage: 'REMINDER' },
          { fromDpd: 2, stage: 'REMINDER' },
        ]),
      ),
    ).toEqual({
      'escalationLadder.0.fromDpd': { message: 'policy.errors.ladderStartsAtOne' },
      'escalationLadder.1.fromDpd': { message: 'policy.errors.ladderDays', args: { previous: 2 } },
      'escalationLadder.1.stage': { message: 'policy.errors.ladderStages' },
    });
  });

  // The form must refuse exactly what the API refuses, or an admin meets the refusal only
  // after saving (or, worse, cannot save what the API would take).
  const SAMPLES: Array<[string, PolicyFormValues]> = [
    ['untouched', form()],
    ['dials 0', form({ maxUnansweredDialsPerNumberPerDay: 0 })],
    ['dials 6', form({ maxUnansweredDialsPerNumberPerDay: 6 })],
    ['dials 7', form({ maxUnansweredDialsPerNumberPerDay: 7 })],
    ['conversations 4', form({ maxConversationsPerBorrowerPerDay: 4 })],
    ['hardship 6 years', form({ hardshipPlanMaxYears: 6 })],
    ['hardship 0 years', form({ hardshipPlanMaxYears: 0 })],
    ['retention 4 years', form({ recordRetentionYears: 4 })],
    ['retention 10 years', form({ recordRetentionYears: 10 })],
    ['third party after 2', form({ thirdPartyUnreachableAfterFailedAttempts: 2 })],
    ['cool-down 3 days (CN has none)', form({ noCallAfterConversationDays: 3 })],
    ['cool-down 6 days (US: 7)', form({ noCallAfterConversationDays: 6 }, 'US_REG_F')],
    ['cool-down 8 days (US: 7)', form({ noCallAfterConversationDays: 8 }, 'US_REG_F')],
    [
      'US rolling 6 in 10',
      form({ maxCallAttemptsPerRollingDays: { attempts: 6, days: 10 } }, 'US_REG_F'),
    ],
    [
      'US rolling 7 in 6',
      form({ maxCallAttemptsPerRollingDays: { attempts: 7, days: 6 } }, 'US_REG_F'),
    ],
    ['quiet 21:00–08:00', form({ quietHoursStart: '21:00', quietHoursEnd: '08:00' })],
    ['quiet 22:30–08:00', form({ quietHoursStart: '22:30', quietHoursEnd: '08:00' })],
    ['quiet 22:00–07:59', form({ quietHoursStart: '22:00', quietHoursEnd: '07:59' })],
    ['quiet 07:00–09:00', form({ quietHoursStart: '07:00', quietHoursEnd: '09:00' })],
    [
      'US quiet 21:00–08:00',
      form({ quietHoursStart: '21:00', quietHoursEnd: '08:00' }, 'US_REG_F'),
    ],
    [
      'ladder skipping a stage',
      form({}, 'CN', [
        { fromDpd: 1, stage: 'PHONE' },
        { fromDpd: 60, stage: 'LEGAL' },
      ]),
    ],
    [
      'ladder going down',
      form({}, 'CN', [
        { fromDpd: 1, stage: 'VISIT' },
        { fromDpd: 60, stage: 'PHONE' },
      ]),
    ],
  ];

  it.each(SAMPLES)('agrees with the domain check: %s', (_name, values) => {
    expect(Object.keys(policyErrors(values)).length > 0).toBe(domainRefuses(values));
  });
});

describe('packValue', () => {
  it("gives the pack's own number for the hint, null where the pack has no such rule", () => {
    expect(packValue('CN', 'maxUnansweredDialsPerNumberPerDay')).toBe(6);
    expect(packValue('CN', 'attempts')).toBeNull();
    expect(packValue('US_REG_F', 'attempts')).toBe(7);
    expect(packValue('US_REG_F', 'quietHoursStart')).toBe('21:00');
    expect(packValue(undefined, 'visitMinCollectors')).toBeNull();
  });
});
