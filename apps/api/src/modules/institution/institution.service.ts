import {
  RULE_PACKS,
  ValidationError,
  assertLadder,
  tightenPack,
  type RulePack,
  type RulePackOverrides,
} from '@arrears/domain';
import type { RequestContext } from '../../graphql/context.js';
import { withInputFields } from '../../graphql/errors.js';
import { findOrFail } from '../common/lookup.js';
import { effectivePack, escalationLadderOf } from './collection-policy.js';
import type {
  CollectionPolicyType,
  RulePackNumbers,
  UpdateCollectionPolicyInput,
} from './collection-policy.types.js';
import { Institution } from './institution.entity.js';

export class InstitutionService {
  policyOf(institution: Institution): CollectionPolicyType {
    const pack = effectivePack(institution);
    return {
      rulePack: pack.code,
      version: pack.version,
      numbers: numbersOf(pack),
      overrides: numbersOf(institution.rulePackOverrides ?? {}),
      holidayCalendar: institution.holidayCalendar,
      escalationLadder: escalationLadderOf(institution).map((step) => ({ ...step })),
    };
  }

  /**
   * Changes the pack, its tightenings, the calendar or the ladder. Tightenings are checked
   * against the (new) pack: one that would loosen it is refused naming the field, and
   * nothing is saved.
   */
  async updatePolicy(
    ctx: RequestContext,
    input: UpdateCollectionPolicyInput,
  ): Promise<Institution> {
    const institution = await findOrFail(ctx.em, Institution, { id: input.institutionId });
    const rulePack = input.rulePack ?? institution.rulePack;
    const overrides =
      input.overrides === undefined || input.overrides === null
        ? (institution.rulePackOverrides ?? {})
        : overridesOf(input.overrides);
    withInputFields(overrideField, () => tightenPack(RULE_PACKS[rulePack], overrides));
    const ladder = input.escalationLadder;
    if (ladder != null && ladder.length > 0) {
      withInputFields(
        (field) => field.replace(/^ladder/, 'escalationLadder'),
        () => assertLadder(ladder),
      );
    }
    institution.rulePack = rulePack;
    institution.rulePackOverrides = Object.keys(overrides).length ? overrides : null;
    if (input.holidayCalendar != null) institution.holidayCalendar = input.holidayCalendar;
    if (input.escalationLadder != null) {
      institution.escalationLadder = input.escalationLadder.length
        ? input.escalationLadder.map(({ fromDpd, stage }) => ({ fromDpd, stage }))
        : null;
    }
    await ctx.em.flush();
    return institution;
  }
}

/** A rule pack's field as the `overrides` input names it. */
function overrideField(field: string): string {
  const input = field.startsWith('quietHours')
    ? field === 'quietHours.end'
      ? 'quietHoursEnd'
      : 'quietHoursStart'
    : field;
  return `overrides.${input}`;
}

function numbersOf(pack: RulePackOverrides | RulePack): RulePackNumbers {
  return {
    quietHoursStart: pack.quietHours?.start ?? null,
    quietHoursEnd: pack.quietHours?.end ?? null,
    maxUnansweredDialsPerNumberPerDay: pack.maxUnansweredDialsPerNumberPerDay ?? null,
    maxConversationsPerBorrowerPerDay: pack.maxConversationsPerBorrowerPerDay ?? null,
    maxCallAttemptsPerRollingDays: pack.maxCallAttemptsPerRollingDays
      ? { ...pack.maxCallAttemptsPerRollingDays }
      : null,
    noCallAfterConversationDays: pack.noCallAfterConversationDays ?? null,
    thirdPartyUnreachableAfterFailedAttempts: pack.thirdPartyUnreachableAfterFailedAttempts ?? null,
    recordRetentionYears: pack.recordRetentionYears ?? null,
    visitMinCollectors: pack.visitMinCollectors ?? null,
    hardshipPlanMaxYears: pack.hardshipPlanMaxYears ?? null,
  };
}

/** Only the numbers given; quiet hours come as a pair. */
function overridesOf(input: RulePackNumbers): RulePackOverrides {
  const overrides: { -readonly [K in keyof RulePackOverrides]: RulePackOverrides[K] } = {};
  if ((input.quietHoursStart == null) !== (input.quietHoursEnd == null)) {
    throw new ValidationError(
      'overrides.quietHoursEnd',
      'quiet hours need both a start and an end',
    );
  }
  if (input.quietHoursStart != null && input.quietHoursEnd != null) {
    overrides.quietHours = { start: input.quietHoursStart, end: input.quietHoursEnd };
  }
  if (input.maxCallAttemptsPerRollingDays != null) {
    overrides.maxCallAttemptsPerRollingDays = { ...input.maxCallAttemptsPerRollingDays };
  }
  for (const key of [
    'maxUnansweredDialsPerNumberPerDay',
    'maxConversationsPerBorrowerPerDay',
    'noCallAfterConversationDays',
    'thirdPartyUnreachableAfterFailedAttempts',
    'recordRetentionYears',
    'visitMinCollectors',
    'hardshipPlanMaxYears',
  ] as const) {
    const value = input[key];
    if (value != null) overrides[key] = value;
  }
  return overrides;
}
