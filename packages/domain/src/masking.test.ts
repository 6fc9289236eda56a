import { describe, expect, it } from 'vitest';
import { maskEmail, maskName, maskNationalId, maskPhone } from './masking.js';

describe('maskNationalId', () => {
  it('keeps the first 3 and last 4 of an 18-character ID', () => {
    expect(maskNationalId('110105194912311234')).toBe('110***********1234');
    expect(maskNationalId('11010519491231002X')).toBe('110***********002X');
    expect(maskNationalId('110105194912311234')).toHaveLength(18);
  });

  it('masks a legacy 15-digit ID the same way', () => {
    expect(maskNationalId('110105491231002')).toBe('110********1002');
  });

  it('stars a value too short to keep both ends', () => {
    expect(maskNationalId('1234567')).toBe('*******');
    expect(maskNationalId('12345678')).toBe('123*5678');
    expect(maskNationalId('')).toBe('');
  });
});

describe('maskPhone', () => {
  it('keeps the first 3 and last 4 digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('stars the whole middle of other lengths', () => {
    expect(maskPhone('02012345678')).toBe('020****5678');
    expect(maskPhone('0201234567')).toBe('020***4567');
    expect(maskPhone('861381234567')).toBe('861*****4567');
    expect(maskPhone('1234567')).toBe('*******');
  });
});

describe('maskEmail', () => {
  it('keeps the first character and the domain', () => {
    expect(maskEmail('zhangsan@example.com')).toBe('z***@example.com');
    expect(maskEmail('z@example.com')).toBe('z***@example.com');
  });

  it('hides everything before the last @', () => {
    expect(maskEmail('"a@b"@example.com')).toBe('"***@example.com');
  });

  it('handles values that are not addresses', () => {
    expect(maskEmail('@example.com')).toBe('***@example.com');
    expect(maskEmail('zhangsan')).toBe('z***');
  });
});

describe('maskName', () => {
  it('keeps the first character', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('Zhang San')).toBe('Z********');
  });

  it('counts characters outside the BMP as one', () => {
    expect(maskName('𠮷野家')).toBe('𠮷**');
    expect(maskName('王𠮷')).toBe('王*');
  });

  it('leaves a single character and the empty string as they are', () => {
    expect(maskName('张')).toBe('张');
    expect(maskName('')).toBe('');
  });
});
