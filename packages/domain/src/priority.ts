/**
 * A transparent priority score (PRODUCT.md: Strategy and prioritisation): five factors, each
 * worth at most its weight in points, added up to a score from 0 to 100. Every factor says in
 * words what it saw, so a supervisor can read why one case comes before another.
 */
import { ValidationError } from './errors.js';
import { Money } from './money.js';

export interface PriorityInput {
  outstandingFen: number;
  dpd: number;
  /** A bureau-style score, about 300–850; lower is riskier. Null when there is none. */
  creditScore: number | null;
  brokenPromises: number;
  /** Whole days since the last contact with the borrower; null when never contacted. */
  daysSinceLastContact: number | null;
}

export type PriorityFactorCode = 'AMOUNT' | 'DPD' | 'RISK' | 'BROKEN_PROMISES' | 'CONTACT_RECENCY';

export interface PriorityFactor {
  code: PriorityFactorCode;
  /** The most points this factor can give. */
  weight: number;
  points: number;
  explanation: string;
}

/** The factors in the order they are reported. */
export const PRIORITY_FACTOR_CODES: readonly PriorityFactorCode[] = Object.freeze([
  'AMOUNT',
  'DPD',
  'RISK',
  'BROKEN_PROMISES',
  'CONTACT_RECENCY',
]);

/** Whole points per factor, adding up to 100. */
export const DEFAULT_PRIORITY_WEIGHTS: Readonly<Record<PriorityFactorCode, number>> = Object.freeze(
  {
    AMOUNT: 30,
    DPD: 25,
    RISK: 15,
    BROKEN_PROMISES: 15,
    CONTACT_RECENCY: 15,
  },
);

/**
 * Where each factor reaches its full weight. Points grow linearly up to these values and stay
 * there, so one huge balance cannot drown every other factor.
 */
export const PRIORITY_SATURATION = Object.freeze({
  /** ¥200,000.00 */
  amountFen: 20_000_000,
  dpd: 180,
  brokenPromises: 3,
  contactRecencyDays: 14,
  /** A credit score at or below this gets the full risk weight… */
  creditScoreRiskiest: 300,
  /** …at or above this, none. */
  creditScoreSafest: 850,
});

const S = PRIORITY_SATURATION;

/**
 * `weight` scaled by value / saturation, rounded half up to whole points: an integer in
 * [0, weight] that never falls as the value grows. Operands stay far below 2^53, so the one
 * division is the only rounding before Math.round.
 */
function scaled(weight: number, value: number, saturation: number): number {
  return Math.round((weight * Math.min(Math.max(value, 0), saturation)) / saturation);
}

function requireCount(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new ValidationError(field, `must be a whole number ≥ 0, got ${value}`);
  }
}

function checkWeights(weights: Readonly<Record<PriorityFactorCode, number>>): void {
  let total = 0;
  for (const code of PRIORITY_FACTOR_CODES) {
    const weight = weights[code];
    if (!Number.isSafeInteger(weight) || weight < 0) {
      throw new ValidationError(`weights.${code}`, `must be a whole number ≥ 0, got ${weight}`);
    }
    total += weight;
  }
  // A fixed total keeps scores comparable across institutions and weightings.
  if (total !== 100) throw new ValidationError('weights', `must add up to 100, got ${total}`);
}

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

/**
 * The priority of a case and the factors behind it. Each factor's points are a whole number from
 * 0 to its weight, and never fall when the case gets worse: more money outstanding, more days
 * past due, a lower credit score, more broken promises, longer since the last contact.
 * - AMOUNT: linear in the outstanding balance up to ¥200,000.00;
 * - DPD: linear up to 180 days;
 * - RISK: full at a credit score of 300 or below, none at 850 or above, linear between; no
 *   score counts as the middle of the range, i.e. half the weight;
 * - BROKEN_PROMISES: linear up to 3;
 * - CONTACT_RECENCY: linear up to 14 days; never contacted gives the full weight.
 * The score is the sum of the points, 0–100.
 * @throws ValidationError naming the malformed input field or weight.
 */
export function priorityScore(
  input: PriorityInput,
  weights: Readonly<Record<PriorityFactorCode, number>> = DEFAULT_PRIORITY_WEIGHTS,
): { score: number; factors: PriorityFactor[] } {
  checkWeights(weights);
  const { outstandingFen, dpd, creditScore, brokenPromises, daysSinceLastContact } = input;
  requireCount(outstandingFen, 'outstandingFen');
  requireCount(dpd, 'dpd');
  if (creditScore !== null) requireCount(creditScore, 'creditScore');
  requireCount(brokenPromises, 'brokenPromises');
  if (daysSinceLastContact !== null) requireCount(daysSinceLastContact, 'daysSinceLastContact');

  const factor = (
    code: PriorityFactorCode,
    points: number,
    explanation: string,
  ): PriorityFactor => ({ code, weight: weights[code], points, explanation });

  const riskRange = S.creditScoreSafest - S.creditScoreRiskiest;
  const factors: PriorityFactor[] = [
    factor(
      'AMOUNT',
      scaled(weights.AMOUNT, outstandingFen, S.amountFen),
      `${Money.ofFen(outstandingFen).format()} outstanding (saturates at ${Money.ofFen(S.amountFen).format()})`,
    ),
    factor(
      'DPD',
      scaled(weights.DPD, dpd, S.dpd),
      `${dpd} ${plural(dpd, 'day', 'days')} past due (saturates at ${S.dpd})`,
    ),
    creditScore === null
      ? factor('RISK', scaled(weights.RISK, 1, 2), 'No credit score: half the risk points')
      : factor(
          'RISK',
          scaled(weights.RISK, S.creditScoreSafest - creditScore, riskRange),
          `Credit score ${creditScore} (full points at ${S.creditScoreRiskiest} or below, none at ${S.creditScoreSafest} or above)`,
        ),
    factor(
      'BROKEN_PROMISES',
      scaled(weights.BROKEN_PROMISES, brokenPromises, S.brokenPromises),
      `${brokenPromises} broken ${plural(brokenPromises, 'promise', 'promises')} (saturates at ${S.brokenPromises})`,
    ),
    daysSinceLastContact === null
      ? factor('CONTACT_RECENCY', weights.CONTACT_RECENCY, 'Never contacted')
      : factor(
          'CONTACT_RECENCY',
          scaled(weights.CONTACT_RECENCY, daysSinceLastContact, S.contactRecencyDays),
          daysSinceLastContact === 0
            ? `Last contacted today (saturates at ${S.contactRecencyDays} days)`
            : `Last contacted ${daysSinceLastContact} ${plural(daysSinceLastContact, 'day', 'days')} ago (saturates at ${S.contactRecencyDays})`,
        ),
  ];
  return { score: factors.reduce((sum, f) => sum + f.points, 0), factors };
}
