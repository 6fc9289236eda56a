import { ValidationError } from './errors.js';

// Sign, integer yuan, optionally a point and one or two decimals. Anything else — exponents,
// grouping commas, a bare or trailing point, "+", whitespace — is refused rather than guessed.
const DECIMAL = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/**
 * An amount of yuan held as integer fen. A JS number stores every integer up to 2^53 − 1
 * exactly, which in fen is about ±90 trillion yuan — more than any loan book — so a plain
 * number is enough as long as every result is checked to stay a safe integer. No float
 * ever holds a fractional amount.
 */
export class Money {
  private constructor(readonly fen: number) {}

  /** @throws RangeError when `fen` is not a safe integer (a programming error, not input). */
  static ofFen(fen: number): Money {
    if (!Number.isSafeInteger(fen)) {
      throw new RangeError(`Money needs a safe integer number of fen, got ${fen}`);
    }
    // -0 would print as "-0.00"; there is only one zero.
    return new Money(fen === 0 ? 0 : fen);
  }

  static zero(): Money {
    return new Money(0);
  }

  /** Parses an exact decimal string of yuan such as "1234.50" or "-12.3" (API input). */
  static parse(decimal: string, field = 'amount'): Money {
    const match = DECIMAL.exec(decimal);
    if (!match) {
      throw new ValidationError(
        field,
        'must be a decimal amount with at most two decimal places, e.g. 1234.50',
      );
    }
    const [, sign, yuan, cents = ''] = match;
    // Digits only, so Number() converts exactly while the result is a safe integer; anything
    // larger comes out ≥ 2^53 and fails the check below.
    const fen = Number(`${sign}${yuan}${cents.padEnd(2, '0')}`);
    if (!Number.isSafeInteger(fen)) {
      throw new ValidationError(field, 'is too large');
    }
    return Money.ofFen(fen);
  }

  static min(first: Money, ...rest: Money[]): Money {
    return rest.reduce((low, m) => (m.fen < low.fen ? m : low), first);
  }

  static max(first: Money, ...rest: Money[]): Money {
    return rest.reduce((high, m) => (m.fen > high.fen ? m : high), first);
  }

  // Sums and products of safe integers are exact until they leave the safe range, and then
  // round to at least 2^53, so ofFen's check catches every overflow.
  add(other: Money): Money {
    return Money.ofFen(this.fen + other.fen);
  }

  subtract(other: Money): Money {
    return Money.ofFen(this.fen - other.fen);
  }

  /** @throws RangeError unless `factor` is a safe integer. */
  multiply(factor: number): Money {
    if (!Number.isSafeInteger(factor)) {
      throw new RangeError(`Money can only be multiplied by an integer, got ${factor}`);
    }
    return Money.ofFen(this.fen * factor);
  }

  negate(): Money {
    return Money.ofFen(-this.fen);
  }

  isZero(): boolean {
    return this.fen === 0;
  }

  isNegative(): boolean {
    return this.fen < 0;
  }

  isPositive(): boolean {
    return this.fen > 0;
  }

  compare(other: Money): -1 | 0 | 1 {
    return this.fen < other.fen ? -1 : this.fen > other.fen ? 1 : 0;
  }

  equals(other: Money): boolean {
    return this.fen === other.fen;
  }

  /**
   * Splits into `parts` amounts that add up to exactly this one, e.g. an installment plan.
   * The leftover fen go one each to the first parts, so parts differ by at most one fen and
   * the earliest installments carry the extra. A negative amount splits as the mirror image.
   */
  allocate(parts: number): Money[] {
    if (!Number.isSafeInteger(parts) || parts < 1) {
      throw new RangeError(
        `Money can only be split into a positive whole number of parts, got ${parts}`,
      );
    }
    // `%` on integers is exact and keeps the dividend's sign, so (fen - remainder) divides evenly.
    const remainder = this.fen % parts;
    const base = (this.fen - remainder) / parts;
    const extra = Math.sign(remainder);
    return Array.from({ length: parts }, (_, i) =>
      Money.ofFen(i < Math.abs(remainder) ? base + extra : base),
    );
  }

  /** "1234.50", "-0.05": the API's exact decimal form, always two decimals. */
  toDecimalString(): string {
    const { sign, yuan, cents } = this.split();
    return `${sign}${yuan}.${cents}`;
  }

  /** "¥1,234.50", "-¥12.30": for people (SMS, letters, reports). */
  format(): string {
    const { sign, yuan, cents } = this.split();
    return `${sign}¥${yuan.replace(/\B(?=(\d{3})+$)/g, ',')}.${cents}`;
  }

  toJSON(): string {
    return this.toDecimalString();
  }

  private split(): { sign: string; yuan: string; cents: string } {
    const abs = Math.abs(this.fen);
    const cents = abs % 100;
    return {
      sign: this.fen < 0 ? '-' : '',
      yuan: String((abs - cents) / 100),
      cents: String(cents).padStart(2, '0'),
    };
  }
}
