import { describe, expect, it } from 'vitest';
import { ValidationError } from './errors.js';
import { optionalText, requireText } from './text.js';

describe('requireText', () => {
  it('returns the trimmed text', () => {
    expect(requireText('  张三 \n', 'name', { max: 50 })).toBe('张三');
  });

  it.each([null, undefined, '', '   \t'])('requires a value, refusing %j', (value) => {
    expect(() => requireText(value, 'name', { max: 50 })).toThrow(ValidationError);
    expect(() => requireText(value, 'name', { max: 50 })).toThrow('name: is required');
  });

  it('enforces the minimum after trimming', () => {
    expect(() => requireText(' ab ', 'note', { min: 3, max: 50 })).toThrow(
      'note: must be at least 3 characters',
    );
    expect(requireText(' abc ', 'note', { min: 3, max: 50 })).toBe('abc');
  });

  it('enforces the maximum after trimming', () => {
    expect(requireText(`  ${'a'.repeat(5)}  `, 'name', { max: 5 })).toBe('aaaaa');
    expect(() => requireText('a'.repeat(6), 'name', { max: 5 })).toThrow(
      'name: must be at most 5 characters',
    );
  });

  it('counts a character outside the BMP once', () => {
    expect(requireText('𠮷野家', 'name', { max: 3 })).toBe('𠮷野家');
    expect(() => requireText('𠮷野家', 'name', { min: 4, max: 10 })).toThrow(ValidationError);
  });
});

describe('optionalText', () => {
  it('returns the trimmed text', () => {
    expect(optionalText('  agreed to pay on Friday ', 'note', { max: 100 })).toBe(
      'agreed to pay on Friday',
    );
  });

  it.each([null, undefined, '', '  '])('turns %j into null', (value) => {
    expect(optionalText(value, 'note', { max: 100 })).toBeNull();
  });

  it('enforces the maximum', () => {
    expect(() => optionalText('abcdef', 'visit.note', { max: 5 })).toThrow(
      'visit.note: must be at most 5 characters',
    );
  });
});
