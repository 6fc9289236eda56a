import { Money, RepaymentPlanKind } from '@arrears/domain';

import type { InstallmentInput } from '../dataProvider/types';

/**
 * The arithmetic of the plan and payment forms, on exact decimal strings (never floats): what a
 * typed amount is, what a schedule adds up to, and an even split of a total over monthly dates.
 */

/** A positive amount of yuan with at most two decimals, as the API's `Decimal` takes it. */
const AMOUNT = /^\d+(\.\d{1,2})?$/;

/** The typed amount as a `Money`, or `undefined` when it is not a positive amount. */
export const parseAmount = (value: unknown): Money | undefined => {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !AMOUNT.test(text.trim())) return undefined;
  try {
    const money = Money.parse(text.trim());
    return money.isPositive() ? money : undefined;
  } catch {
    return undefined;
  }
};

/** "1234.5" → "1234.50"; what cannot be read is sent as typed so the API names the field. */
export const normalizeAmount = (value: unknown): string =>
  parseAmount(value)?.toDecimalString() ?? String(value ?? '').trim();

export interface ScheduleCheck {
  /** The installments' amounts added up, "0.00" when there are none. */
  sum: string;
  /** The total less the sum: what is left to schedule (negative when the schedule is over). */
  difference: string;
  /** Every installment amount is an amount, and they add up to the total exactly. */
  balanced: boolean;
  /** Some installment amount cannot be read. */
  unreadable: boolean;
}

/** How a schedule compares with the plan's total. */
export const checkSchedule = (
  total: unknown,
  installments: readonly Partial<InstallmentInput>[] | undefined,
): ScheduleCheck => {
  let sum = Money.zero();
  let unreadable = false;
  for (const installment of installments ?? []) {
    const amount = parseAmount(installment?.amount);
    if (amount) sum = sum.add(amount);
    else unreadable = true;
  }
  const totalMoney = parseAmount(total);
  const difference = (totalMoney ?? Money.zero()).subtract(sum);
  return {
    sum: sum.toDecimalString(),
    difference: difference.toDecimalString(),
    balanced:
      !unreadable &&
      totalMoney !== undefined &&
      (installments?.length ?? 0) > 0 &&
      difference.isZero(),
    unreadable,
  };
};

/**
 * The same day `months` calendar months later; a day the month does not have becomes its last
 * day (31 January + 1 month = 28 or 29 February).
 */
export const addMonths = (date: string, months: number): string => {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month + 1)}-${pad(Math.min(d, lastDay))}`;
};

/**
 * `total` split into `count` monthly installments from `firstDue`: the amounts differ by at most
 * a fen and add up to the total exactly (the earliest carry the extra fen).
 */
export const splitEvenly = (
  total: unknown,
  count: number,
  firstDue: string,
): InstallmentInput[] | undefined => {
  const money = parseAmount(total);
  if (!money || !Number.isSafeInteger(count) || count < 1) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(firstDue)) return undefined;
  return money.allocate(count).map((amount, index) => ({
    dueDate: addMonths(firstDue, index),
    amount: amount.toDecimalString(),
  }));
};

/** PROMISE and EXTENSION have one installment; INSTALLMENT at least two. */
export const installmentCountProblem = (
  kind: unknown,
  count: number,
): 'oneInstallment' | 'atLeastTwoInstallments' | undefined => {
  if (kind === RepaymentPlanKind.INSTALLMENT)
    return count < 2 ? 'atLeastTwoInstallments' : undefined;
  if (kind === RepaymentPlanKind.PROMISE || kind === RepaymentPlanKind.EXTENSION) {
    return count === 1 ? undefined : 'oneInstallment';
  }
  return undefined;
};

/** The terms a plan form sends: amounts normalised, dates as typed, hardship only for installments. */
export const toPlanTerms = (values: {
  kind?: unknown;
  total?: unknown;
  installments?: readonly Partial<InstallmentInput>[] | null;
  hardship?: unknown;
  note?: unknown;
}) => {
  const kind = values.kind as RepaymentPlanKind;
  const note = typeof values.note === 'string' && values.note.trim() ? values.note.trim() : null;
  return {
    kind,
    total: normalizeAmount(values.total),
    installments: (values.installments ?? []).map((installment) => ({
      dueDate: String(installment?.dueDate ?? ''),
      amount: normalizeAmount(installment?.amount),
    })),
    hardship: kind === RepaymentPlanKind.INSTALLMENT && values.hardship === true,
    note,
  };
};

/** What is still owed on an installment or a plan: amount less paid, never below zero. */
export const remaining = (amount: string, paid: string): string => {
  try {
    const left = Money.parse(amount).subtract(Money.parse(paid));
    return (left.isNegative() ? Money.zero() : left).toDecimalString();
  } catch {
    return amount;
  }
};

/** Paid as a share of the amount, 0–100, for a progress bar. */
export const paidPercent = (amount: string, paid: string): number => {
  try {
    const total = Money.parse(amount);
    if (!total.isPositive()) return 0;
    const share = (Money.parse(paid).fen / total.fen) * 100;
    return Math.max(0, Math.min(100, Math.round(share)));
  } catch {
    return 0;
  }
};
