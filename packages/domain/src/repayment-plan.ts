/**
 * Repayment plans (PRODUCT.md: Negotiate, Follow-up): the form of a negotiated schedule, how a
 * payment fills its installments, and whether the plan is still kept. Pure functions over plain
 * data; the caller loads installments, stores allocations and moves the plan's status.
 */
import { RepaymentPlanKind } from './enums.js';
import { ValidationError } from './errors.js';
import { Money } from './money.js';
import { addDays, isValidLocalDate } from './time.js';

export interface InstallmentDraft {
  dueDate: string;
  amountFen: number;
}

export interface PlanDraft {
  kind: RepaymentPlanKind;
  /** An honoured hardship plan (分期 for a borrower in difficulty) may run longer and holds the case. */
  hardship: boolean;
  totalFen: number;
  installments: InstallmentDraft[];
}

export interface PlanTerms {
  /** Days after a due date before a shortfall breaks the plan (a transfer may take a day or two). */
  readonly graceDays: number;
  /** A shortfall of at most this many fen per installment is forgiven (rounding, bank fees). */
  readonly toleranceFen: number;
  /** A promise to pay is due at most this many days from today. */
  readonly promiseMaxDays: number;
  /** An extension moves the due date at most this many days from today. */
  readonly extensionMaxDays: number;
  /** A non-hardship installment plan's last due date is at most this many calendar years away. */
  readonly installmentMaxYears: number;
}

export const DEFAULT_PLAN_TERMS: PlanTerms = Object.freeze({
  graceDays: 3,
  toleranceFen: 100,
  promiseMaxDays: 30,
  extensionMaxDays: 90,
  installmentMaxYears: 1,
});

/**
 * At most 60 installments: monthly over the longest hardship plan of the rule packs (5 years).
 * A longer schedule is far more likely a mistake than a negotiated plan.
 */
export const MAX_INSTALLMENTS = 60;

const KINDS: readonly string[] = Object.values(RepaymentPlanKind);

function isPositiveSafeInteger(n: number): boolean {
  return Number.isSafeInteger(n) && n > 0;
}

function isNonNegativeSafeInteger(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

function checkTerms(terms: PlanTerms): void {
  for (const key of [
    'graceDays',
    'toleranceFen',
    'promiseMaxDays',
    'extensionMaxDays',
    'installmentMaxYears',
  ] as const) {
    if (!isNonNegativeSafeInteger(terms[key])) {
      throw new ValidationError(`terms.${key}`, `must be an integer ≥ 0, got ${terms[key]}`);
    }
  }
}

function checkDate(date: string, field: string): void {
  if (typeof date !== 'string' || !isValidLocalDate(date)) {
    throw new ValidationError(field, `must be a calendar date (YYYY-MM-DD), got "${date}"`);
  }
}

function fmt(fen: number): string {
  return Money.ofFen(fen).format();
}

/**
 * The same day `years` calendar years later (2026-11-23 + 5 = 2031-11-23). 29 February lands on
 * 28 February in a year without one, so a plan never runs past the anniversary.
 */
function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-') as [string, string, string];
  const year = Number(y) + years;
  if (!(year >= 0 && year <= 9999)) {
    throw new RangeError(`${date} + ${years} years leaves years 0000–9999`);
  }
  const shifted = `${String(year).padStart(4, '0')}-${m}-${d}`;
  return isValidLocalDate(shifted) ? shifted : `${String(year).padStart(4, '0')}-02-28`;
}

/**
 * The form of a negotiated plan, checked before it is saved:
 * - PROMISE and EXTENSION have exactly one installment; INSTALLMENT 2 to MAX_INSTALLMENTS;
 * - only an INSTALLMENT plan can be a hardship plan;
 * - 0 < totalFen ≤ outstandingFen (a plan may settle part of the balance, never more than it);
 * - every amount is a positive whole number of fen and they add up to exactly totalFen;
 * - due dates are real dates, strictly increasing, the first today or later;
 * - a promise is due by today + promiseMaxDays, an extension by today + extensionMaxDays, an
 *   installment plan's last date by today + installmentMaxYears calendar years, or, for a
 *   hardship plan, by today + hardshipPlanMaxYears (the rule pack's number).
 * Every bound is inclusive.
 * @throws ValidationError naming the first offending field, e.g. `installments[2].amountFen`.
 */
export function assertPlanSchedule(
  draft: PlanDraft,
  context: {
    today: string;
    outstandingFen: number;
    hardshipPlanMaxYears: number;
    terms?: PlanTerms;
  },
): void {
  const { today, outstandingFen, hardshipPlanMaxYears } = context;
  const terms = context.terms ?? DEFAULT_PLAN_TERMS;
  checkTerms(terms);
  checkDate(today, 'today');
  if (!isNonNegativeSafeInteger(outstandingFen)) {
    throw new ValidationError('outstandingFen', `must be a whole number of fen ≥ 0`);
  }
  if (!isPositiveSafeInteger(hardshipPlanMaxYears)) {
    throw new ValidationError('hardshipPlanMaxYears', 'must be a whole number of years ≥ 1');
  }

  const { kind, hardship, totalFen, installments } = draft;
  if (!KINDS.includes(kind)) {
    throw new ValidationError('kind', `must be one of ${KINDS.join(', ')}, got "${kind}"`);
  }
  if (hardship && kind !== RepaymentPlanKind.INSTALLMENT) {
    throw new ValidationError('hardship', 'only an installment plan can be a hardship plan');
  }
  if (!isPositiveSafeInteger(totalFen)) {
    throw new ValidationError('totalFen', 'must be a positive whole number of fen');
  }
  if (totalFen > outstandingFen) {
    throw new ValidationError(
      'totalFen',
      `${fmt(totalFen)} is more than the outstanding balance of ${fmt(outstandingFen)}`,
    );
  }

  const count = installments.length;
  if (kind === RepaymentPlanKind.INSTALLMENT) {
    if (count < 2 || count > MAX_INSTALLMENTS) {
      throw new ValidationError(
        'installments',
        `an installment plan has 2 to ${MAX_INSTALLMENTS} installments, got ${count}`,
      );
    }
  } else if (count !== 1) {
    const name = kind === RepaymentPlanKind.PROMISE ? 'a promise' : 'an extension';
    throw new ValidationError('installments', `${name} has exactly one installment, got ${count}`);
  }

  let sum = 0;
  installments.forEach((installment, i) => {
    const at = `installments[${i}]`;
    checkDate(installment.dueDate, `${at}.dueDate`);
    if (!isPositiveSafeInteger(installment.amountFen)) {
      throw new ValidationError(`${at}.amountFen`, 'must be a positive whole number of fen');
    }
    const previous = installments[i - 1];
    // "YYYY-MM-DD" strings order as the dates do.
    if (previous && installment.dueDate <= previous.dueDate) {
      throw new ValidationError(
        `${at}.dueDate`,
        `must be after installments[${i - 1}].dueDate (${previous.dueDate}), got ${installment.dueDate}`,
      );
    }
    sum += installment.amountFen;
  });

  // Each amount is positive, so a sum that left the safe range rounded to at least 2^53 and
  // still compares as larger than any safe total.
  if (sum !== totalFen) {
    throw new ValidationError(
      'installments',
      Number.isSafeInteger(sum)
        ? `amounts add up to ${fmt(sum)}, not the plan's total of ${fmt(totalFen)}`
        : `amounts add up to more than the plan's total of ${fmt(totalFen)}`,
    );
  }

  const first = installments[0]!;
  if (first.dueDate < today) {
    throw new ValidationError(
      'installments[0].dueDate',
      `cannot be in the past (today is ${today}), got ${first.dueDate}`,
    );
  }

  const lastIndex = count - 1;
  const last = installments[lastIndex]!;
  let latest: string;
  let rule: string;
  if (kind === RepaymentPlanKind.PROMISE) {
    latest = addDays(today, terms.promiseMaxDays);
    rule = `a promise is due within ${terms.promiseMaxDays} days`;
  } else if (kind === RepaymentPlanKind.EXTENSION) {
    latest = addDays(today, terms.extensionMaxDays);
    rule = `an extension is due within ${terms.extensionMaxDays} days`;
  } else if (hardship) {
    latest = addYears(today, hardshipPlanMaxYears);
    rule = `a hardship plan runs at most ${hardshipPlanMaxYears} years`;
  } else {
    latest = addYears(today, terms.installmentMaxYears);
    rule = `an installment plan runs at most ${terms.installmentMaxYears} years`;
  }
  if (last.dueDate > latest) {
    throw new ValidationError(
      `installments[${lastIndex}].dueDate`,
      `${rule} (by ${latest}), got ${last.dueDate}`,
    );
  }
}

export interface InstallmentState {
  id: string;
  dueDate: string;
  amountFen: number;
  paidFen: number;
}

/** The installments in the order payments fill them: earliest due first, ties in array order. */
function dueOrder(installments: readonly InstallmentState[]): InstallmentState[] {
  installments.forEach((installment, i) => {
    const at = `installments[${i}]`;
    checkDate(installment.dueDate, `${at}.dueDate`);
    if (!isPositiveSafeInteger(installment.amountFen)) {
      throw new ValidationError(`${at}.amountFen`, 'must be a positive whole number of fen');
    }
    // Allocation never over-fills, so more paid than due means the stored state is wrong.
    if (
      !isNonNegativeSafeInteger(installment.paidFen) ||
      installment.paidFen > installment.amountFen
    ) {
      throw new ValidationError(
        `${at}.paidFen`,
        `must be a whole number of fen from 0 to amountFen (${installment.amountFen})`,
      );
    }
  });
  // Array.prototype.sort is stable, so equal due dates keep their array order.
  return [...installments].sort((a, b) =>
    a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0,
  );
}

/**
 * Spreads a payment over a plan's installments: the earliest-due unpaid installment is filled
 * first (ties by array order), each only up to its amount. Installments paid to within the
 * tolerance are still filled exactly; the tolerance only matters to `evaluatePlan`. What is left
 * over is `unallocatedFen`: it still reduces the case's balance, which is the caller's job.
 * Allocations list only installments that receive money, in fill order.
 * @throws ValidationError unless `amountFen` is a positive whole number of fen, or when an
 * installment's state is malformed (paidFen outside 0…amountFen).
 */
export function allocatePayment(
  installments: readonly InstallmentState[],
  amountFen: number,
): { allocations: { installmentId: string; amountFen: number }[]; unallocatedFen: number } {
  if (!isPositiveSafeInteger(amountFen)) {
    throw new ValidationError('amountFen', 'must be a positive whole number of fen');
  }
  const allocations: { installmentId: string; amountFen: number }[] = [];
  let remaining = amountFen;
  for (const installment of dueOrder(installments)) {
    if (remaining === 0) break;
    const open = installment.amountFen - installment.paidFen;
    if (open === 0) continue;
    const share = Math.min(open, remaining);
    allocations.push({ installmentId: installment.id, amountFen: share });
    remaining -= share;
  }
  return { allocations, unallocatedFen: remaining };
}

/**
 * Where a plan stands on `today` (the institution's local date):
 * - KEPT when every installment is paid to within `toleranceFen` (early payment keeps it too);
 * - BROKEN when an installment is short by more than `toleranceFen` and its grace period has
 *   fully passed, i.e. dueDate + graceDays < today. With a due date of 2026-11-10 and 3 grace
 *   days the borrower may still pay on 2026-11-13; the plan breaks on 2026-11-14. The first
 *   such installment in due order is reported, with its shortfall;
 * - ACTIVE otherwise. `shortfallFen` is 0 unless the plan is BROKEN.
 * CANCELLED is a person's decision, never derived here.
 * @throws ValidationError on an empty plan or malformed installments.
 */
export function evaluatePlan(
  installments: readonly InstallmentState[],
  today: string,
  terms: PlanTerms = DEFAULT_PLAN_TERMS,
): {
  status: 'ACTIVE' | 'KEPT' | 'BROKEN';
  brokenInstallmentId: string | null;
  shortfallFen: number;
} {
  checkTerms(terms);
  checkDate(today, 'today');
  if (installments.length === 0) {
    throw new ValidationError('installments', 'a plan has at least one installment');
  }
  const ordered = dueOrder(installments);
  const short = ordered.filter((i) => i.amountFen - i.paidFen > terms.toleranceFen);
  if (short.length === 0) return { status: 'KEPT', brokenInstallmentId: null, shortfallFen: 0 };
  const broken = short.find((i) => addDays(i.dueDate, terms.graceDays) < today);
  if (broken) {
    return {
      status: 'BROKEN',
      brokenInstallmentId: broken.id,
      shortfallFen: broken.amountFen - broken.paidFen,
    };
  }
  return { status: 'ACTIVE', brokenInstallmentId: null, shortfallFen: 0 };
}
