import { describe, expect, it } from 'vitest';

import {
  addMonths,
  checkSchedule,
  installmentCountProblem,
  normalizeAmount,
  paidPercent,
  parseAmount,
  remaining,
  splitEvenly,
  toPlanTerms,
} from './planMath';

describe('amounts', () => {
  it('reads positive amounts with at most two decimals', () => {
    expect(parseAmount('1234.5')?.toDecimalString()).toBe('1234.50');
    expect(parseAmount(' 10 ')?.toDecimalString()).toBe('10.00');
    expect(parseAmount(12.3)?.toDecimalString()).toBe('12.30');
    for (const bad of ['', '0', '0.00', '-5', '1.234', '1,000', 'abc', null, undefined]) {
      expect(parseAmount(bad), String(bad)).toBeUndefined();
    }
  });

  it('normalises what it can read and leaves the rest for the API to name', () => {
    expect(normalizeAmount('99.9')).toBe('99.90');
    expect(normalizeAmount('1.234')).toBe('1.234');
  });
});

describe('checkSchedule', () => {
  it('is balanced when the installments add up to the total to the fen', () => {
    const check = checkSchedule('1000.00', [
      { amount: '333.34' },
      { amount: '333.33' },
      { amount: '333.33' },
    ]);
    expect(check).toEqual({
      sum: '1000.00',
      difference: '0.00',
      balanced: true,
      unreadable: false,
    });
  });

  it('says how much is left, or over', () => {
    expect(checkSchedule('1000', [{ amount: '400' }]).difference).toBe('600.00');
    expect(checkSchedule('1000', [{ amount: '700' }, { amount: '400' }]).difference).toBe(
      '-100.00',
    );
    expect(checkSchedule('1000', [{ amount: '700' }, { amount: '400' }]).balanced).toBe(false);
  });

  it('is never balanced with an unreadable amount, no total or no installments', () => {
    expect(checkSchedule('10', [{ amount: '10' }, { amount: 'x' }]).unreadable).toBe(true);
    expect(checkSchedule('', [{ amount: '10' }]).balanced).toBe(false);
    expect(checkSchedule('0', []).balanced).toBe(false);
    expect(checkSchedule('10', undefined).sum).toBe('0.00');
  });
});

describe('splitEvenly', () => {
  it('splits to the fen, the first installments carrying the extra, a month apart', () => {
    expect(splitEvenly('100.00', 3, '2026-01-31')).toEqual([
      { dueDate: '2026-01-31', amount: '33.34' },
      { dueDate: '2026-02-28', amount: '33.33' },
      { dueDate: '2026-03-31', amount: '33.33' },
    ]);
  });

  it('refuses what it cannot split', () => {
    expect(splitEvenly('abc', 3, '2026-01-01')).toBeUndefined();
    expect(splitEvenly('100', 0, '2026-01-01')).toBeUndefined();
    expect(splitEvenly('100', 2, '')).toBeUndefined();
  });
});

describe('addMonths', () => {
  it('keeps the day, or the month’s last day', () => {
    expect(addMonths('2026-01-15', 1)).toBe('2026-02-15');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-12-01', 0)).toBe('2026-12-01');
  });
});

describe('installmentCountProblem', () => {
  it('wants one installment for a promise or an extension, two or more for a plan', () => {
    expect(installmentCountProblem('PROMISE', 1)).toBeUndefined();
    expect(installmentCountProblem('PROMISE', 2)).toBe('oneInstallment');
    expect(installmentCountProblem('EXTENSION', 0)).toBe('oneInstallment');
    expect(installmentCountProblem('INSTALLMENT', 1)).toBe('atLeastTwoInstallments');
    expect(installmentCountProblem('INSTALLMENT', 2)).toBeUndefined();
  });
});

describe('toPlanTerms', () => {
  it('normalises amounts and keeps hardship for installment plans only', () => {
    expect(
      toPlanTerms({
        kind: 'PROMISE',
        total: '500',
        installments: [{ dueDate: '2026-12-01', amount: '500' }],
        hardship: true,
        note: '  ',
      }),
    ).toEqual({
      kind: 'PROMISE',
      total: '500.00',
      installments: [{ dueDate: '2026-12-01', amount: '500.00' }],
      hardship: false,
      note: null,
    });
    expect(toPlanTerms({ kind: 'INSTALLMENT', hardship: true }).hardship).toBe(true);
  });
});

describe('remaining and paidPercent', () => {
  it('show what is left and how much is paid', () => {
    expect(remaining('1000.00', '250.50')).toBe('749.50');
    expect(remaining('100.00', '120.00')).toBe('0.00');
    expect(paidPercent('1000.00', '250.00')).toBe(25);
    expect(paidPercent('0.00', '0.00')).toBe(0);
    expect(paidPercent('100.00', '150.00')).toBe(100);
  });
});
