import { CaseStage, RULE_PACKS, type RulePack, type RulePackCode } from '@arrears/domain';

import type {
  CollectionPolicyChanges,
  CollectionPolicyRecord,
  LadderStep,
  RulePackNumbers,
} from './policyResource';

/**
 * The policy page's form: what it edits, what it sends, and the checks it makes before
 * sending. The checks are the API's (`tightenPack` and `assertLadder` of `@arrears/domain`)
 * with messages in the user's language; the API checks again and its refusals land on the
 * same inputs.
 */

/** The tightening inputs, by their `overrides.<name>` source, as the API names them. */
export const CAP_FIELDS = [
  'maxUnansweredDialsPerNumberPerDay',
  'maxConversationsPerBorrowerPerDay',
  'hardshipPlanMaxYears',
] as const;
export const MINIMUM_FIELDS = [
  'noCallAfterConversationDays',
  'thirdPartyUnreachableAfterFailedAttempts',
  'recordRetentionYears',
  'visitMinCollectors',
] as const;
export type CapField = (typeof CAP_FIELDS)[number];
export type MinimumField = (typeof MINIMUM_FIELDS)[number];
export type SimpleNumberField = CapField | MinimumField;

/** The smallest value each number takes at all (the domain's `min`). */
const LOWEST: Record<SimpleNumberField | 'attempts' | 'days', number> = {
  maxUnansweredDialsPerNumberPerDay: 0,
  maxConversationsPerBorrowerPerDay: 0,
  hardshipPlanMaxYears: 1,
  noCallAfterConversationDays: 1,
  thirdPartyUnreachableAfterFailedAttempts: 1,
  recordRetentionYears: 1,
  visitMinCollectors: 1,
  attempts: 0,
  days: 1,
};

type Maybe<T> = T | null | undefined;

export interface PolicyFormValues {
  rulePack: RulePackCode;
  holidayCalendar: boolean;
  /** Empty inputs follow the pack. */
  overrides: { [K in SimpleNumberField]?: Maybe<number> } & {
    quietHoursStart?: Maybe<string>;
    quietHoursEnd?: Maybe<string>;
    maxCallAttemptsPerRollingDays?: Maybe<{ attempts?: Maybe<number>; days?: Maybe<number> }>;
  };
  escalationLadder: { fromDpd?: Maybe<number>; stage?: Maybe<CaseStage | ''> }[];
}

/** A message key with its arguments, as react-admin's validators return them. */
export interface FieldError {
  message: string;
  args?: Record<string, string | number>;
}

const blank = (value: unknown): value is null | undefined | '' =>
  value === null || value === undefined || value === '' || Number.isNaN(value);

/** The record as the form edits it: every tightening present (null when not tightened). */
export const toFormValues = (
  record: CollectionPolicyRecord,
): PolicyFormValues & Pick<CollectionPolicyRecord, 'id' | 'institutionName' | 'version'> => {
  const o = record.overrides;
  return {
    id: record.id,
    // Shown above the form, never sent.
    institutionName: record.institutionName,
    version: record.version,
    rulePack: record.rulePack,
    holidayCalendar: record.holidayCalendar,
    overrides: {
      quietHoursStart: o.quietHoursStart,
      quietHoursEnd: o.quietHoursEnd,
      maxUnansweredDialsPerNumberPerDay: o.maxUnansweredDialsPerNumberPerDay,
      maxConversationsPerBorrowerPerDay: o.maxConversationsPerBorrowerPerDay,
      maxCallAttemptsPerRollingDays: {
        attempts: o.maxCallAttemptsPerRollingDays?.attempts ?? null,
        days: o.maxCallAttemptsPerRollingDays?.days ?? null,
      },
      noCallAfterConversationDays: o.noCallAfterConversationDays,
      thirdPartyUnreachableAfterFailedAttempts: o.thirdPartyUnreachableAfterFailedAttempts,
      recordRetentionYears: o.recordRetentionYears,
      visitMinCollectors: o.visitMinCollectors,
      hardshipPlanMaxYears: o.hardshipPlanMaxYears,
    },
    escalationLadder: record.escalationLadder.map(({ fromDpd, stage }) => ({ fromDpd, stage })),
  };
};

/** What the form sends: only the numbers filled in, quiet hours and the rolling cap as pairs. */
export const toPolicyChanges = (values: PolicyFormValues): CollectionPolicyChanges => {
  const o = values.overrides ?? {};
  const overrides: Partial<RulePackNumbers> = {};
  if (!blank(o.quietHoursStart) || !blank(o.quietHoursEnd)) {
    overrides.quietHoursStart = blank(o.quietHoursStart) ? null : o.quietHoursStart;
    overrides.quietHoursEnd = blank(o.quietHoursEnd) ? null : o.quietHoursEnd;
  }
  for (const field of [...CAP_FIELDS, ...MINIMUM_FIELDS]) {
    const value = o[field];
    if (!blank(value)) overrides[field] = Number(value);
  }
  const rolling = o.maxCallAttemptsPerRollingDays;
  if (rolling && !blank(rolling.attempts) && !blank(rolling.days)) {
    overrides.maxCallAttemptsPerRollingDays = {
      attempts: Number(rolling.attempts),
      days: Number(rolling.days),
    };
  }
  return {
    rulePack: values.rulePack,
    holidayCalendar: Boolean(values.holidayCalendar),
    overrides,
    escalationLadder: (values.escalationLadder ?? []).map(
      ({ fromDpd, stage }) => ({ fromDpd: Number(fromDpd), stage }) as LadderStep,
    ),
  };
};

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;
const minutes = (clock: string): number => {
  const [, hours, mins] = CLOCK.exec(clock) ?? [];
  return Number(hours) * 60 + Number(mins);
};

const STAGE_ORDER: readonly string[] = [
  CaseStage.REMINDER,
  CaseStage.PHONE,
  CaseStage.VISIT,
  CaseStage.LEGAL,
];

const integerError = (value: unknown, min: number): FieldError | undefined =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= min
    ? undefined
    : { message: 'policy.errors.integer', args: { min } };

/** A cap may only go down; null in the pack means "no cap" and anything tightens it. */
const capError = (value: number, base: number | null, min: number): FieldError | undefined =>
  integerError(value, min) ??
  (base !== null && value > base
    ? { message: 'policy.errors.capLoosened', args: { limit: base } }
    : undefined);

/** A minimum or a waiting period may only go up. */
const minimumError = (value: number, base: number | null, min: number): FieldError | undefined =>
  integerError(value, min) ??
  (base !== null && value < base
    ? { message: 'policy.errors.minimumLoosened', args: { limit: base } }
    : undefined);

/**
 * Every problem of the form, by input source (`overrides.visitMinCollectors`,
 * `escalationLadder.2.fromDpd`): the first problem of each input.
 */
export const policyErrors = (values: PolicyFormValues): Record<string, FieldError> => {
  const errors: Record<string, FieldError> = {};
  const pack: RulePack | undefined = RULE_PACKS[values.rulePack];
  if (!pack) {
    errors.rulePack = { message: 'ra.validation.required' };
    return errors;
  }
  const o = values.overrides ?? {};

  // Quiet hours: both or neither, HH:MM, crossing midnight, only wider than the pack's.
  const start = o.quietHoursStart;
  const end = o.quietHoursEnd;
  if (!blank(start) || !blank(end)) {
    if (blank(start)) errors['overrides.quietHoursStart'] = { message: 'policy.errors.bothTimes' };
    else if (!CLOCK.test(start))
      errors['overrides.quietHoursStart'] = { message: 'policy.errors.clock' };
    if (blank(end)) errors['overrides.quietHoursEnd'] = { message: 'policy.errors.bothTimes' };
    else if (!CLOCK.test(end))
      errors['overrides.quietHoursEnd'] = { message: 'policy.errors.clock' };
    if (!blank(start) && !blank(end) && CLOCK.test(start) && CLOCK.test(end)) {
      if (minutes(start) <= minutes(end)) {
        errors['overrides.quietHoursStart'] = { message: 'policy.errors.crossMidnight' };
      } else if (minutes(start) > minutes(pack.quietHours.start)) {
        errors['overrides.quietHoursStart'] = {
          message: 'policy.errors.startLater',
          args: { limit: pack.quietHours.start },
        };
      }
      if (minutes(end) < minutes(pack.quietHours.end)) {
        errors['overrides.quietHoursEnd'] = {
          message: 'policy.errors.endEarlier',
          args: { limit: pack.quietHours.end },
        };
      }
    }
  }

  for (const field of CAP_FIELDS) {
    const value = o[field];
    const error = blank(value) ? undefined : capError(value, pack[field], LOWEST[field]);
    if (error) errors[`overrides.${field}`] = error;
  }
  for (const field of MINIMUM_FIELDS) {
    const value = o[field];
    const error = blank(value) ? undefined : minimumError(value, pack[field], LOWEST[field]);
    if (error) errors[`overrides.${field}`] = error;
  }

  // The rolling call cap: attempts (a cap) within days (a window that may only grow), as a pair.
  const rolling = o.maxCallAttemptsPerRollingDays;
  const attempts = rolling?.attempts;
  const days = rolling?.days;
  if (!blank(attempts) || !blank(days)) {
    const base = pack.maxCallAttemptsPerRollingDays;
    const source = 'overrides.maxCallAttemptsPerRollingDays';
    const attemptsError = blank(attempts)
      ? { message: 'policy.errors.bothNumbers' }
      : capError(attempts, base?.attempts ?? null, LOWEST.attempts);
    const daysError = blank(days)
      ? { message: 'policy.errors.bothNumbers' }
      : minimumError(days, base?.days ?? null, LOWEST.days);
    if (attemptsError) errors[`${source}.attempts`] = attemptsError;
    if (daysError) errors[`${source}.days`] = daysError;
  }

  // The ladder: from DPD 1, days and stages both climbing. Empty: the default ladder.
  const ladder = values.escalationLadder ?? [];
  ladder.forEach((step, i) => {
    const at = `escalationLadder.${i}`;
    const previous = i > 0 ? ladder[i - 1] : undefined;
    const fromDpd = step.fromDpd;
    if (blank(fromDpd)) {
      errors[`${at}.fromDpd`] = { message: 'ra.validation.required' };
    } else if (!Number.isSafeInteger(fromDpd)) {
      errors[`${at}.fromDpd`] = { message: 'policy.errors.integer', args: { min: 1 } };
    } else if (!previous && fromDpd !== 1) {
      errors[`${at}.fromDpd`] = { message: 'policy.errors.ladderStartsAtOne' };
    } else if (previous && !blank(previous.fromDpd) && fromDpd <= previous.fromDpd) {
      errors[`${at}.fromDpd`] = {
        message: 'policy.errors.ladderDays',
        args: { previous: previous.fromDpd },
      };
    }
    const stage = step.stage;
    if (blank(stage)) {
      errors[`${at}.stage`] = { message: 'ra.validation.required' };
    } else if (
      previous &&
      !blank(previous.stage) &&
      STAGE_ORDER.indexOf(stage) <= STAGE_ORDER.indexOf(previous.stage)
    ) {
      errors[`${at}.stage`] = { message: 'policy.errors.ladderStages' };
    }
  });

  return errors;
};

/** The pack's own value of a number, for the hint beside its input (null: no such rule). */
export const packValue = (
  rulePack: RulePackCode | undefined,
  field: SimpleNumberField | 'attempts' | 'days' | 'quietHoursStart' | 'quietHoursEnd',
): number | string | null => {
  const pack = rulePack ? RULE_PACKS[rulePack] : undefined;
  if (!pack) return null;
  switch (field) {
    case 'quietHoursStart':
      return pack.quietHours.start;
    case 'quietHoursEnd':
      return pack.quietHours.end;
    case 'attempts':
      return pack.maxCallAttemptsPerRollingDays?.attempts ?? null;
    case 'days':
      return pack.maxCallAttemptsPerRollingDays?.days ?? null;
    default:
      return pack[field];
  }
};
