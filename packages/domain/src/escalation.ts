import { CaseStage } from './enums.js';

/**
 * The default escalation ladder of PRODUCT.md: DPD 1–7 reminder, 8–30 phone, 31–90 visit
 * eligible, beyond 90 legal review. Institutions get their own ladders with the strategy work.
 */
const DEFAULT_LADDER: readonly { fromDpd: number; stage: CaseStage }[] = [
  { fromDpd: 91, stage: CaseStage.LEGAL },
  { fromDpd: 31, stage: CaseStage.VISIT },
  { fromDpd: 8, stage: CaseStage.PHONE },
];

export function defaultStageForDpd(dpd: number): CaseStage {
  return DEFAULT_LADDER.find((step) => dpd >= step.fromDpd)?.stage ?? CaseStage.REMINDER;
}
