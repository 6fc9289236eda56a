import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from './errors.js';
import { Money } from './money.js';

const fen = (n: number) => Money.ofFen(n);
const anyMoney = fc.maxSafeInteger().map(fen);
// Small enough that a sum of three never leaves the safe range.
const summable = fc.integer({ min: -(2 ** 51), max: 2 ** 51 }).map(fen);

describe('Money.ofFen', () => {
  it('holds integer fen', () => {
    expect(fen(123450).fen).toBe(123450);
    expect(Money.zero().fen).toBe(0);
  });

  it.each([0.5, NaN, Infinity, Number.MAX_SAFE_INTEGER + 1])('refuses %s', (n) => {
    expect(() => Money.ofFen(n)).toThrow(RangeError);
  });

  it('has a single zero', () => {
    expect(Object.is(fen(-0).fen, 0)).toBe(true);
    expect(fen(5).subtract(fen(5)).negate().toDecimalString()).toBe('0.00');
  });
});

describe('Money.parse', () => {
  it.each([
    ['1234', 123400],
    ['1234.5', 123450],
    ['1234.50', 123450],
    ['-12.30', -1230],
    ['0.01', 1],
    ['-0.05', -5],
    ['0', 0],
    ['-0.00', 0],
    ['90071992547409.91', Number.MAX_SAFE_INTEGER],
    ['-90071992547409.91', Number.MIN_SAFE_INTEGER],
  ])('reads %s as %i fen', (input, expected) => {
    expect(Money.parse(input).fen).toBe(expected);
  });

  it.each([
    '',
    ' ',
    ' 12.30',
    '12.30 ',
    '1.234',
    '1e3',
    '1E3',
    '1,234.50',
    '+',
    '+12',
    '.5',
    '12.',
    '-',
    '--1',
    'NaN',
    'Infinity',
    '0x10',
    '１２',
    '¥12',
  ])('refuses %j', (input) => {
    expect(() => Money.parse(input)).toThrow(ValidationError);
  });

  it('refuses amounts beyond the safe range', () => {
    expect(() => Money.parse('90071992547409.92')).toThrow(/too large/);
    expect(() => Money.parse('-90071992547409.92')).toThrow(/too large/);
    expect(() => Money.parse('1'.repeat(400))).toThrow(/too large/);
  });

  it('names the field in the error', () => {
    const act = () => Money.parse('12.345', 'payment.amount');
    expect(act).toThrow(ValidationError);
    expect(act).toThrow(
      /^payment\.amount: must be a decimal amount with at most two decimal places/,
    );
  });

  it('round-trips every amount through toDecimalString', () => {
    fc.assert(fc.property(anyMoney, (m) => Money.parse(m.toDecimalString()).equals(m)));
  });
});

describe('arithmetic', () => {
  it('adds, subtracts, multiplies and negates', () => {
    expect(fen(1050).add(fen(-50)).fen).toBe(1000);
    expect(fen(1050).subtract(fen(2000)).fen).toBe(-950);
    expect(fen(1050).multiply(3).fen).toBe(3150);
    expect(fen(1050).multiply(-2).fen).toBe(-2100);
    expect(fen(1050).negate().fen).toBe(-1050);
  });

  it('refuses a fractional factor', () => {
    expect(() => fen(100).multiply(1.5)).toThrow(RangeError);
  });

  it('throws instead of losing precision on overflow', () => {
    const max = fen(Number.MAX_SAFE_INTEGER);
    expect(() => max.add(fen(1))).toThrow(RangeError);
    expect(() => max.negate().subtract(fen(1))).toThrow(RangeError);
    expect(() => max.multiply(2)).toThrow(RangeError);
    expect(() => fen(2 ** 27).multiply(2 ** 27)).toThrow(RangeError);
  });

  it('addition is commutative and associative', () => {
    fc.assert(
      fc.property(summable, summable, summable, (a, b, c) => {
        expect(a.add(b)).toEqual(b.add(a));
        expect(a.add(b).add(c)).toEqual(a.add(b.add(c)));
      }),
    );
  });

  it('subtraction undoes addition', () => {
    fc.assert(fc.property(summable, summable, (a, b) => a.add(b).subtract(b).equals(a)));
  });
});

describe('comparison', () => {
  it('knows its sign', () => {
    expect(
      [fen(-1), fen(0), fen(1)].map((m) => [m.isNegative(), m.isZero(), m.isPositive()]),
    ).toEqual([
      [true, false, false],
      [false, true, false],
      [false, false, true],
    ]);
  });

  it('compares and tests equality by value', () => {
    expect(fen(1).compare(fen(2))).toBe(-1);
    expect(fen(2).compare(fen(2))).toBe(0);
    expect(fen(3).compare(fen(2))).toBe(1);
    expect(fen(2).equals(Money.parse('0.02'))).toBe(true);
    expect(fen(2).equals(fen(3))).toBe(false);
  });

  it('picks the smallest and largest', () => {
    expect(Money.min(fen(5), fen(-3), fen(4)).fen).toBe(-3);
    expect(Money.max(fen(5), fen(-3), fen(7)).fen).toBe(7);
    expect(Money.min(fen(5)).fen).toBe(5);
  });
});

describe('allocate', () => {
  it('gives the leftover fen to the first parts', () => {
    expect(
      fen(1000)
        .allocate(3)
        .map((m) => m.fen),
    ).toEqual([334, 333, 333]);
    expect(
      fen(1001)
        .allocate(3)
        .map((m) => m.fen),
    ).toEqual([334, 334, 333]);
    expect(
      fen(-1000)
        .allocate(3)
        .map((m) => m.fen),
    ).toEqual([-334, -333, -333]);
    expect(
      fen(2)
        .allocate(4)
        .map((m) => m.fen),
    ).toEqual([1, 1, 0, 0]);
    expect(
      fen(999)
        .allocate(1)
        .map((m) => m.fen),
    ).toEqual([999]);
  });

  it.each([0, -1, 1.5, NaN])('refuses %s parts', (parts) => {
    expect(() => fen(100).allocate(parts)).toThrow(RangeError);
  });

  it('sums to the whole with parts at most one fen apart', () => {
    fc.assert(
      fc.property(anyMoney, fc.integer({ min: 1, max: 120 }), (m, n) => {
        const parts = m.allocate(n).map((p) => p.fen);
        expect(parts).toHaveLength(n);
        expect(parts.reduce((a, b) => Money.ofFen(a).add(Money.ofFen(b)).fen, 0)).toBe(m.fen);
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
        // Larger parts first: the sequence never grows in magnitude.
        const magnitudes = parts.map(Math.abs);
        expect(magnitudes).toEqual([...magnitudes].sort((a, b) => b - a));
      }),
    );
  });
});

describe('output', () => {
  it.each([
    [123450, '1234.50', '¥1,234.50'],
    [-1230, '-12.30', '-¥12.30'],
    [-5, '-0.05', '-¥0.05'],
    [0, '0.00', '¥0.00'],
    [100, '1.00', '¥1.00'],
    [99999, '999.99', '¥999.99'],
    [100000, '1000.00', '¥1,000.00'],
    [123456789012, '1234567890.12', '¥1,234,567,890.12'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91', '¥90,071,992,547,409.91'],
  ])('%i fen is %s, shown as %s', (n, decimal, formatted) => {
    expect(fen(n).toDecimalString()).toBe(decimal);
    expect(fen(n).format()).toBe(formatted);
  });

  it('serialises to the decimal string in JSON', () => {
    expect(JSON.stringify({ amount: fen(123450) })).toBe('{"amount":"1234.50"}');
  });

  it('formats the same amount it parses', () => {
    fc.assert(
      fc.property(anyMoney, (m) => {
        const shown = m.format();
        expect(shown).toMatch(/^-?¥\d{1,3}(,\d{3})*\.\d{2}$/);
        expect(Money.parse(shown.replace(/[¥,]/g, ''))).toEqual(m);
      }),
    );
  });
});
