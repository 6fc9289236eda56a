import { ValidationError } from './errors.js';

// Lengths count code points, as PostgreSQL's varchar(n) does, so a name with a character
// outside the BMP (𠮷) is not counted double.
const length = (s: string) => [...s].length;

function checkMax(value: string, field: string, max: number): string {
  if (length(value) > max) throw new ValidationError(field, `must be at most ${max} characters`);
  return value;
}

/** The trimmed text; a ValidationError when it is missing, blank, too short or too long. */
export function requireText(
  value: string | null | undefined,
  field: string,
  { min = 1, max }: { min?: number; max: number },
): string {
  const text = value?.trim() ?? '';
  if (text === '') throw new ValidationError(field, 'is required');
  if (length(text) < min) throw new ValidationError(field, `must be at least ${min} characters`);
  return checkMax(text, field, max);
}

/** The trimmed text, or null when it is missing or blank; a ValidationError when too long. */
export function optionalText(
  value: string | null | undefined,
  field: string,
  { max }: { max: number },
): string | null {
  const text = value?.trim() ?? '';
  return text === '' ? null : checkMax(text, field, max);
}
