import { CaseStage, NextActionKind } from './enums.js';
import { ValidationError } from './errors.js';

/** One rung of an escalation ladder: from this DPD on, a case belongs at least at `stage`. */
export interface LadderStep {
  readonly fromDpd: number;
  readonly stage: CaseStage;
}

/** Rungs in ascending `fromDpd`, the first from DPD 1; see `assertLadder`. */
export type EscalationLadder = readonly LadderStep[];

/**
 * The default ladder of PRODUCT.md: DPD 1–7 reminder, 8–30 phone, 31–90 visit eligible, beyond
 * 90 legal review. An institution may keep its own ladder as data of the same shape.
 */
export const DEFAULT_ESCALATION_LADDER: EscalationLadder = Object.freeze([
  Object.freeze({ fromDpd: 1, stage: CaseStage.REMINDER }),
  Object.freeze({ fromDpd: 8, stage: CaseStage.PHONE }),
  Object.freeze({ fromDpd: 31, stage: CaseStage.VISIT }),
  Object.freeze({ fromDpd: 91, stage: CaseStage.LEGAL }),
]);

// Lowest to highest; a case only ever climbs this order.
const STAGE_ORDER: readonly CaseStage[] = [
  CaseStage.REMINDER,
  CaseStage.PHONE,
  CaseStage.VISIT,
  CaseStage.LEGAL,
];

/** 0 for REMINDER up to 3 for LEGAL. @throws RangeError on an unknown stage. */
export function stageRank(stage: CaseStage): number {
  const rank = STAGE_ORDER.indexOf(stage);
  if (rank < 0) throw new RangeError(`Unknown case stage ${stage}`);
  return rank;
}

/** One rung up, as after a broken promise or a refusal; LEGAL is the top and stays. */
export function nextStage(stage: CaseStage): CaseStage {
  return STAGE_ORDER[Math.min(stageRank(stage) + 1, STAGE_ORDER.length - 1)]!;
}

/**
 * A ladder is non-empty, starts at DPD 1 (so every overdue case has a stage), and climbs:
 * `fromDpd` strictly ascending integers, stages strictly ascending. It may skip stages.
 * @throws ValidationError naming the first bad step, e.g. `ladder[2].fromDpd`.
 */
export function assertLadder(ladder: EscalationLadder): void {
  if (ladder.length === 0) throw new ValidationError('ladder', 'needs at least one step');
  ladder.forEach((step, i) => {
    const at = `ladder[${i}]`;
    if (!STAGE_ORDER.includes(step.stage)) {
      throw new ValidationError(
        `${at}.stage`,
        `must be one of ${STAGE_ORDER.join(', ')}, got "${step.stage}"`,
      );
    }
    if (!Number.isSafeInteger(step.fromDpd)) {
      throw new ValidationError(
        `${at}.fromDpd`,
        `must be a whole number of days, got ${step.fromDpd}`,
      );
    }
    const previous = ladder[i - 1];
    if (!previous) {
      if (step.fromDpd !== 1) {
        throw new ValidationError(
          `${at}.fromDpd`,
          `the first step starts at DPD 1, got ${step.fromDpd}`,
        );
      }
      return;
    }
    if (step.fromDpd <= previous.fromDpd) {
      throw new ValidationError(
        `${at}.fromDpd`,
        `must be above ladder[${i - 1}].fromDpd (${previous.fromDpd}), got ${step.fromDpd}`,
      );
    }
    if (stageRank(step.stage) <= stageRank(previous.stage)) {
      throw new ValidationError(
        `${at}.stage`,
        `must be a higher stage than ladder[${i - 1}].stage (${previous.stage}), got ${step.stage}`,
      );
    }
  });
}

/**
 * The stage the ladder gives a DPD: the last step whose `fromDpd` it has reached. DPD 0 (or
 * less) is not overdue yet and gets the first step's stage.
 * @throws RangeError unless `dpd` is an integer; ValidationError on a malformed ladder.
 */
export function stageForDpd(
  dpd: number,
  ladder: EscalationLadder = DEFAULT_ESCALATION_LADDER,
): CaseStage {
  if (!Number.isSafeInteger(dpd))
    throw new RangeError(`Days past due must be an integer, got ${dpd}`);
  assertLadder(ladder);
  return ladder.findLast((step) => dpd >= step.fromDpd)?.stage ?? ladder[0]!.stage;
}

/**
 * The stage a case moves to as its DPD grows: the higher of where it stands and where the ladder
 * puts it. Stages never move down on their own (a payment or a plan does not demote a case);
 * lowering one is a person's decision.
 */
export function escalatedStage(
  current: CaseStage,
  dpd: number,
  ladder: EscalationLadder = DEFAULT_ESCALATION_LADDER,
): CaseStage {
  const byLadder = stageForDpd(dpd, ladder);
  return stageRank(byLadder) > stageRank(current) ? byLadder : current;
}

/** The work each rung of the ladder calls for: remind, call, visit, or review for legal action. */
export const STAGE_ACTIONS: Readonly<Record<CaseStage, NextActionKind>> = Object.freeze({
  REMINDER: NextActionKind.SMS,
  PHONE: NextActionKind.PHONE,
  VISIT: NextActionKind.VISIT,
  LEGAL: NextActionKind.LEGAL_REVIEW,
});
