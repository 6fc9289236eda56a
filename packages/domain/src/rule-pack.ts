/**
 * Rule packs: the numbers of a jurisdiction's collection rules, as versioned data. An
 * institution picks a pack and may tighten any number (`tightenPack`), never loosen one.
 */
import type { RulePackCode } from './enums.js';
import { ValidationError } from './errors.js';

/** A local wall-clock time, "HH:MM" (00:00–23:59). */
export type ClockTime = string;

export interface RulePack {
  readonly code: RulePackCode;
  readonly version: string;
  /** No contact of any kind in this window, borrower's local time; it crosses midnight. */
  readonly quietHours: { readonly start: ClockTime; readonly end: ClockTime };
  /** Unanswered dials per phone number per local day (null: no such rule). */
  readonly maxUnansweredDialsPerNumberPerDay: number | null;
  /** Conversations with the borrower per local day, counting every collector and partner. */
  readonly maxConversationsPerBorrowerPerDay: number | null;
  /** Call attempts per case within a rolling window of `days` days. */
  readonly maxCallAttemptsPerRollingDays: {
    readonly attempts: number;
    readonly days: number;
  } | null;
  /** After a conversation with the borrower, no call for this many days. */
  readonly noCallAfterConversationDays: number | null;
  /** Third parties may be contacted once this many consecutive attempts on the borrower failed. */
  readonly thirdPartyUnreachableAfterFailedAttempts: number;
  readonly recordRetentionYears: number;
  readonly visitMinCollectors: number;
  readonly hardshipPlanMaxYears: number;
}

/** The numbers an institution may override (only to tighten them). */
export type RulePackOverrides = Partial<Omit<RulePack, 'code' | 'version'>>;

export const RULE_PACKS: Readonly<Record<RulePackCode, RulePack>> = Object.freeze({
  CN: Object.freeze({
    code: 'CN',
    version: '2026.1',
    quietHours: Object.freeze({ start: '22:00', end: '08:00' }),
    maxUnansweredDialsPerNumberPerDay: 6,
    maxConversationsPerBorrowerPerDay: 3,
    maxCallAttemptsPerRollingDays: null,
    noCallAfterConversationDays: null,
    thirdPartyUnreachableAfterFailedAttempts: 3,
    recordRetentionYears: 5,
    visitMinCollectors: 2,
    hardshipPlanMaxYears: 5,
  }),
  US_REG_F: Object.freeze({
    code: 'US_REG_F',
    version: '2021.1',
    quietHours: Object.freeze({ start: '21:00', end: '08:00' }),
    maxUnansweredDialsPerNumberPerDay: null,
    maxConversationsPerBorrowerPerDay: null,
    maxCallAttemptsPerRollingDays: Object.freeze({ attempts: 7, days: 7 }),
    noCallAfterConversationDays: 7,
    thirdPartyUnreachableAfterFailedAttempts: 3,
    recordRetentionYears: 3,
    visitMinCollectors: 2,
    hardshipPlanMaxYears: 5,
  }),
});

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes since local midnight of an "HH:MM" time. @throws ValidationError naming `field`. */
export function clockMinutes(time: ClockTime, field = 'time'): number {
  const match = CLOCK.exec(time);
  if (!match) throw new ValidationError(field, `expected HH:MM (00:00–23:59), got "${time}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

function requireInteger(value: number, min: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new ValidationError(field, `must be an integer ≥ ${min}, got ${value}`);
  }
}

/** A tighter value must be at most the pack's (a cap); null means "no cap", the loosest. */
function tightenCap(
  base: number | null,
  value: number | null | undefined,
  field: string,
  min = 0,
): number | null {
  if (value === undefined) return base;
  if (value === null) {
    if (base !== null)
      throw new ValidationError(field, `cannot remove the pack's limit of ${base}`);
    return null;
  }
  requireInteger(value, min, field);
  if (base !== null && value > base) {
    throw new ValidationError(field, `cannot loosen the pack's limit of ${base} to ${value}`);
  }
  return value;
}

/** A tighter value must be at least the pack's (a minimum); null means "no minimum". */
function tightenMinimum(
  base: number | null,
  value: number | null | undefined,
  field: string,
  min: number,
): number | null {
  if (value === undefined) return base;
  if (value === null) {
    if (base !== null) throw new ValidationError(field, `cannot remove the pack's rule of ${base}`);
    return null;
  }
  requireInteger(value, min, field);
  if (base !== null && value < base) {
    throw new ValidationError(field, `cannot loosen the pack's ${base} to ${value}`);
  }
  return value;
}

function required<T>(value: T | null, field: string): T {
  if (value === null) throw new ValidationError(field, 'is required');
  return value;
}

/**
 * The pack with an institution's overrides applied. Every override must be at least as
 * strict as the pack: quiet hours only wider (start no later, end no earlier), caps only
 * lower, waiting periods, retention and minimums only longer or higher.
 * @throws ValidationError naming the first field that would loosen the pack.
 */
export function tightenPack(pack: RulePack, overrides: RulePackOverrides): RulePack {
  let quietHours = pack.quietHours;
  if (overrides.quietHours !== undefined) {
    const start = clockMinutes(overrides.quietHours.start, 'quietHours.start');
    const end = clockMinutes(overrides.quietHours.end, 'quietHours.end');
    const baseStart = clockMinutes(pack.quietHours.start);
    const baseEnd = clockMinutes(pack.quietHours.end);
    if (start <= end) {
      throw new ValidationError('quietHours', 'quiet hours must cross midnight (start after end)');
    }
    if (start > baseStart) {
      throw new ValidationError(
        'quietHours.start',
        `cannot start quiet hours later than the pack's ${pack.quietHours.start}`,
      );
    }
    if (end < baseEnd) {
      throw new ValidationError(
        'quietHours.end',
        `cannot end quiet hours earlier than the pack's ${pack.quietHours.end}`,
      );
    }
    quietHours = Object.freeze({ ...overrides.quietHours });
  }

  let rolling = pack.maxCallAttemptsPerRollingDays;
  const rollingOverride = overrides.maxCallAttemptsPerRollingDays;
  if (rollingOverride === null && rolling !== null) {
    throw new ValidationError('maxCallAttemptsPerRollingDays', "cannot remove the pack's limit");
  }
  if (rollingOverride) {
    const attempts = required(
      tightenCap(
        rolling?.attempts ?? null,
        rollingOverride.attempts,
        'maxCallAttemptsPerRollingDays.attempts',
      ),
      'maxCallAttemptsPerRollingDays.attempts',
    );
    const days = required(
      tightenMinimum(
        rolling?.days ?? null,
        rollingOverride.days,
        'maxCallAttemptsPerRollingDays.days',
        1,
      ),
      'maxCallAttemptsPerRollingDays.days',
    );
    rolling = Object.freeze({ attempts, days });
  }

  return Object.freeze({
    code: pack.code,
    version: pack.version,
    quietHours,
    maxUnansweredDialsPerNumberPerDay: tightenCap(
      pack.maxUnansweredDialsPerNumberPerDay,
      overrides.maxUnansweredDialsPerNumberPerDay,
      'maxUnansweredDialsPerNumberPerDay',
    ),
    maxConversationsPerBorrowerPerDay: tightenCap(
      pack.maxConversationsPerBorrowerPerDay,
      overrides.maxConversationsPerBorrowerPerDay,
      'maxConversationsPerBorrowerPerDay',
    ),
    maxCallAttemptsPerRollingDays: rolling,
    noCallAfterConversationDays: tightenMinimum(
      pack.noCallAfterConversationDays,
      overrides.noCallAfterConversationDays,
      'noCallAfterConversationDays',
      1,
    ),
    thirdPartyUnreachableAfterFailedAttempts: required(
      tightenMinimum(
        pack.thirdPartyUnreachableAfterFailedAttempts,
        overrides.thirdPartyUnreachableAfterFailedAttempts,
        'thirdPartyUnreachableAfterFailedAttempts',
        1,
      ),
      'thirdPartyUnreachableAfterFailedAttempts',
    ),
    recordRetentionYears: required(
      tightenMinimum(
        pack.recordRetentionYears,
        overrides.recordRetentionYears,
        'recordRetentionYears',
        1,
      ),
      'recordRetentionYears',
    ),
    visitMinCollectors: required(
      tightenMinimum(
        pack.visitMinCollectors,
        overrides.visitMinCollectors,
        'visitMinCollectors',
        1,
      ),
      'visitMinCollectors',
    ),
    hardshipPlanMaxYears: required(
      tightenCap(
        pack.hardshipPlanMaxYears,
        overrides.hardshipPlanMaxYears,
        'hardshipPlanMaxYears',
        1,
      ),
      'hardshipPlanMaxYears',
    ),
  });
}
