import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from './errors.js';
import {
  assertNationalId,
  isValidNationalId,
  nationalIdCheckDigit,
  normalizeNationalId,
  validateNationalId,
} from './national-id.js';
import { addDays, diffDays } from './time.js';

// The worked example of GB 11643-1999: a woman born 1949-12-31 in Beijing's Chaoyang district.
const STANDARD_EXAMPLE = '11010519491231002X';
const TODAY = new Date('2026-03-01T04:00:00Z');

/** Completes 17 digits with their check character. */
const withCheck = (first17: string) => first17 + nationalIdCheckDigit(first17);

describe('nationalIdCheckDigit', () => {
  it('computes the MOD 11-2 check character', () => {
    expect(nationalIdCheckDigit('11010519491231002')).toBe('X');
    expect(nationalIdCheckDigit('44052418800101001')).toBe('4');
    expect(nationalIdCheckDigit('00000000000000000')).toBe('1');
  });

  it.each(['1101051949123100', '110105194912310021', '1101051949123100X'])(
    'refuses %s',
    (input) => {
      expect(() => nationalIdCheckDigit(input)).toThrow(RangeError);
    },
  );
});

describe('normalizeNationalId', () => {
  it('trims and upper-cases x', () => {
    expect(normalizeNationalId('  11010519491231002x\n')).toBe(STANDARD_EXAMPLE);
  });
});

describe('validateNationalId', () => {
  it('reads birth date, sex and region from a valid ID', () => {
    expect(validateNationalId(' 11010519491231002x ', TODAY)).toEqual({
      valid: true,
      id: STANDARD_EXAMPLE,
      birthDate: '1949-12-31',
      sex: 'F',
      regionCode: '110105',
    });
    expect(validateNationalId(withCheck('32010619900307123'), TODAY)).toMatchObject({
      valid: true,
      birthDate: '1990-03-07',
      sex: 'M',
    });
  });

  it.each([
    ['', '18 characters'],
    ['11010519491231002', '18 characters'],
    ['11010519491231002X1', '18 characters'],
    ['1101051949123100Y2', 'digit or X'],
    ['11010519491231X002', 'digit or X'],
    ['１１０１０５１９４９１２３１００２X', 'digit or X'],
    [withCheck('01010519491231002'), 'cannot start with 0'],
    [withCheck('11010520260229002'), 'not a real date'],
    [withCheck('11010519491331002'), 'not a real date'],
    [withCheck('11010519491200002'), 'not a real date'],
    [withCheck('44052418991231001'), 'before 1900'],
    [withCheck('11010520260302002'), 'in the future'],
    ['110105194912310021', 'check digit'],
  ])('rejects %j (%s)', (input, reason) => {
    const result = validateNationalId(input, TODAY);
    expect(result.valid).toBe(false);
    expect(result.valid ? '' : result.reason).toContain(reason);
  });

  it('accepts a birth on today’s date in China, even while it is still yesterday in UTC', () => {
    const id = withCheck('11010520260302002');
    // 2026-03-01T16:30Z is already 2026-03-02 in Beijing.
    expect(validateNationalId(id, new Date('2026-03-01T16:30:00Z')).valid).toBe(true);
    expect(validateNationalId(id, new Date('2026-03-01T15:30:00Z')).valid).toBe(false);
  });

  describe('properties', () => {
    const span = diffDays('2026-03-01', '1900-01-01');
    const first17 = fc
      .tuple(
        fc.integer({ min: 1, max: 9 }),
        fc.stringMatching(/^\d{5}$/),
        fc.integer({ min: 0, max: span }),
        fc.stringMatching(/^\d{3}$/),
      )
      .map(
        ([first, region, offset, sequence]) =>
          `${first}${region}${addDays('1900-01-01', offset).replaceAll('-', '')}${sequence}`,
      );

    it('validates any region, real birth date and sequence with its check digit', () => {
      fc.assert(
        fc.property(first17, (digits) => {
          expect(validateNationalId(withCheck(digits), TODAY).valid).toBe(true);
        }),
      );
    });

    it('rejects the ID once any single character is changed', () => {
      fc.assert(
        fc.property(
          first17,
          fc.integer({ min: 0, max: 17 }),
          fc.nat(),
          (digits, position, pick) => {
            const id = withCheck(digits);
            const alphabet = position === 17 ? '0123456789X' : '0123456789';
            const others = [...alphabet].filter((c) => c !== id[position]);
            const replacement = others[pick % others.length];
            const changed = id.slice(0, position) + replacement + id.slice(position + 1);
            expect(validateNationalId(changed, TODAY).valid).toBe(false);
          },
        ),
      );
    });
  });
});

describe('isValidNationalId and assertNationalId', () => {
  it('agree with validateNationalId', () => {
    expect(isValidNationalId(STANDARD_EXAMPLE)).toBe(true);
    expect(isValidNationalId('110105194912310021')).toBe(false);
  });

  it('return the normalized ID', () => {
    expect(assertNationalId('11010519491231002x')).toBe(STANDARD_EXAMPLE);
  });

  it('throw a ValidationError for the field with the reason', () => {
    const act = () => assertNationalId('110105194912310021', 'borrower.nationalId');
    expect(act).toThrow(ValidationError);
    expect(act).toThrow(/^borrower\.nationalId: The check digit does not match/);
  });
});
