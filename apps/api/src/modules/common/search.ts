/**
 * A LIKE pattern matching values that contain `text`, or undefined for a blank search.
 * Wildcards in the text are dropped rather than escaped: SQLite has no default escape character.
 */
export function containsPattern(text: string | null | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? `%${trimmed.replace(/[\\%_]/g, '')}%` : undefined;
}
