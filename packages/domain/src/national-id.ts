import { ValidationError } from './errors.js';
import { isValidLocalDate, localDate } from './time.js';

/**
 * Chinese resident identity number (GB 11643-1999): 6-digit region code, 8-digit birth date,
 * 3-digit sequence whose last digit is odd for men, and an ISO 7064 MOD 11-2 check character.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
// Birth dates are civil dates in China; "not in the future" is judged on Beijing's calendar.
const ISSUING_ZONE = 'Asia/Shanghai';

export type NationalIdCheck =
  | { valid: true; id: string; birthDate: string; sex: 'M' | 'F'; regionCode: string }
  | { valid: false; reason: string };

/** Trims and upper-cases the check character "x", the way people often type it. */
export function normalizeNationalId(raw: string): string {
  return raw.trim().replace(/x/g, 'X');
}

/** The 18th character for the first 17 digits. @throws RangeError unless given 17 digits. */
export function nationalIdCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError(`A check digit needs exactly 17 digits, got ${first17.length} characters`);
  }
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(first17[i]), 0);
  return CHECK_CHARS.charAt(sum % 11);
}

export function validateNationalId(raw: string, today: Date = new Date()): NationalIdCheck {
  const id = normalizeNationalId(raw);
  const invalid = (reason: string): NationalIdCheck => ({ valid: false, reason });

  if (id.length !== 18) return invalid('A national ID has 18 characters.');
  if (!/^\d{17}[\dX]$/.test(id))
    return invalid('A national ID is 17 digits followed by a digit or X.');
  if (id.startsWith('0')) return invalid('A national ID cannot start with 0.');

  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isValidLocalDate(birthDate)) return invalid('The birth date in the ID is not a real date.');
  if (birthDate < '1900-01-01') return invalid('The birth date in the ID is before 1900.');
  if (birthDate > localDate(today, ISSUING_ZONE)) {
    return invalid('The birth date in the ID is in the future.');
  }

  if (id.charAt(17) !== nationalIdCheckDigit(id.slice(0, 17))) {
    return invalid('The check digit does not match; the ID has a typo.');
  }

  return {
    valid: true,
    id,
    birthDate,
    sex: Number(id.charAt(16)) % 2 === 1 ? 'M' : 'F',
    regionCode: id.slice(0, 6),
  };
}

export function isValidNationalId(raw: string): boolean {
  return validateNationalId(raw).valid;
}

/** The normalized ID, or a ValidationError naming `field` with the reason. */
export function assertNationalId(raw: string, field = 'nationalId'): string {
  const result = validateNationalId(raw);
  if (!result.valid) throw new ValidationError(field, result.reason);
  return result.id;
}
