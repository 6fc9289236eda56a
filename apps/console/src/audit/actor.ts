/** Who an audit event names as its actor (`user:<id>`, `partner:<id>`, `system`, `anonymous`). */
export type ParsedActor =
  | { kind: 'user'; id: string }
  | { kind: 'partner'; id: string }
  | { kind: 'system' }
  | { kind: 'anonymous' }
  | { kind: 'other'; raw: string };

export const parseActor = (actor: string): ParsedActor => {
  const trimmed = actor.trim();
  if (trimmed === 'system') return { kind: 'system' };
  if (trimmed === 'anonymous') return { kind: 'anonymous' };
  const match = /^(user|partner):(.+)$/.exec(trimmed);
  if (match?.[1] && match[2]) {
    return { kind: match[1] === 'user' ? 'user' : 'partner', id: match[2] };
  }
  return { kind: 'other', raw: actor };
};

/** The `actor` filter value for a user. */
export const userActor = (userId: string): string => `user:${userId}`;
