export type DiffChange = 'added' | 'removed' | 'changed' | 'unchanged';

export interface DiffRow {
  /** The property, dotted for nested objects: `address.city`. */
  path: string;
  /** Undefined: the side does not have it (a create has no before, a delete no after). */
  before: unknown;
  after: unknown;
  change: DiffChange;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An object's values by dotted path. Nested objects are walked; arrays and scalars are leaves
 * (a list of phones changes as a whole). A non-object is one leaf with an empty path.
 */
export const flatten = (value: unknown, prefix = ''): Map<string, unknown> => {
  const out = new Map<string, unknown>();
  if (!isPlainObject(value)) {
    if (value !== undefined && value !== null) out.set(prefix, value);
    return out;
  }
  for (const [key, child] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(child) && Object.keys(child).length > 0) {
      for (const [childPath, leaf] of flatten(child, path)) out.set(childPath, leaf);
    } else {
      out.set(path, child);
    }
  }
  return out;
};

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * An audit event's before/after as rows a person can read: one per property either side has,
 * in the order they appear (before's first), each marked added, removed, changed or unchanged.
 * A create has only an after (all added), a delete only a before (all removed); an update's
 * snapshots hold the properties it changed.
 */
export const auditDiff = (before: unknown, after: unknown): DiffRow[] => {
  const left = flatten(before);
  const right = flatten(after);
  const paths = [...new Set([...left.keys(), ...right.keys()])];
  return paths.map((path) => {
    const hasBefore = left.has(path);
    const hasAfter = right.has(path);
    const row = { path, before: left.get(path), after: right.get(path) };
    if (!hasBefore) return { ...row, change: 'added' };
    if (!hasAfter) return { ...row, change: 'removed' };
    return { ...row, change: same(row.before, row.after) ? 'unchanged' : 'changed' };
  });
};

/** A value as text for the diff: strings as they are, the rest as compact JSON. */
export const valueText = (value: unknown): string => {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
};

/** An ISO-8601 instant as the API writes them (`2026-11-23T01:42:06.516Z`). */
export const isIsoInstant = (value: unknown): value is string =>
  typeof value === 'string' &&
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
  !Number.isNaN(Date.parse(value));
