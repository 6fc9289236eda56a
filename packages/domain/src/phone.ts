import { ValidationError } from './errors.js';

const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;
// Separators people type, then the country code in any of its usual spellings.
const SEPARATORS = /[\s-]/g;
const COUNTRY_CODE = /^(?:\+86|0086|86)/;

/**
 * The 11-digit mainland mobile number in `raw` ("+86 138-1234-5678" → "13812345678"), or null.
 * Stripping a leading 86 is safe: a mainland mobile number itself always starts with 1.
 */
export function normalizeMainlandMobile(raw: string): string | null {
  const digits = raw.replace(SEPARATORS, '').replace(COUNTRY_CODE, '');
  return MAINLAND_MOBILE.test(digits) ? digits : null;
}

export function isValidMainlandMobile(raw: string): boolean {
  return normalizeMainlandMobile(raw) !== null;
}

/** The normalized number, or a ValidationError naming `field`. */
export function assertMainlandMobile(raw: string, field = 'phone'): string {
  const mobile = normalizeMainlandMobile(raw);
  if (mobile === null) {
    throw new ValidationError(
      field,
      'must be a mainland China mobile number: 11 digits starting 13–19',
    );
  }
  return mobile;
}
