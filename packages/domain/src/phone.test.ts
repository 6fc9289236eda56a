import { describe, expect, it } from 'vitest';
import { ValidationError } from './errors.js';
import { assertMainlandMobile, isValidMainlandMobile, normalizeMainlandMobile } from './phone.js';

describe('normalizeMainlandMobile', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+8613812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['0086 13812345678', '13812345678'],
    ['  19912345678\t', '19912345678'],
  ])('reads %j as %s', (raw, expected) => {
    expect(normalizeMainlandMobile(raw)).toBe(expected);
  });

  it.each([
    '',
    '12812345678', // second digit 2 is not a mobile prefix
    '1381234567', // 10 digits
    '138123456789', // 12 digits
    '23812345678',
    '+1 13812345678',
    '+13812345678',
    '+86+8613812345678',
    '010-12345678', // a Beijing landline
    '138.1234.5678',
    '(138)12345678',
    '１３８１２３４５６７８',
  ])('rejects %j', (raw) => {
    expect(normalizeMainlandMobile(raw)).toBeNull();
    expect(isValidMainlandMobile(raw)).toBe(false);
  });
});

describe('assertMainlandMobile', () => {
  it('returns the normalized number', () => {
    expect(assertMainlandMobile('+86 138-1234-5678')).toBe('13812345678');
    expect(isValidMainlandMobile('+86 138-1234-5678')).toBe(true);
  });

  it('throws a ValidationError naming the field', () => {
    expect(() => assertMainlandMobile('12345')).toThrow(ValidationError);
    expect(() => assertMainlandMobile('12345')).toThrow(/^phone: must be a mainland China mobile/);
    expect(() => assertMainlandMobile('12345', 'thirdParty.phone')).toThrow(/^thirdParty\.phone: /);
  });
});
