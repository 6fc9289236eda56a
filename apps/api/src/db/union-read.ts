import type { EntityManager } from '@mikro-orm/core';
import { selectBound } from './bound-query.js';
import type { EntityColumns } from './entity-columns.js';

/** One list to read: the rows of one table meeting `where`, in `order`, the first `limit`. */
export interface UnionPart<T> {
  columns: EntityColumns<T>;
  /** Conditions on the table, written against the alias of `columns`; `?` for each param. */
  where: string;
  params: readonly unknown[];
  /** Written against the alias too, e.g. `k.occurred_at desc, k.id desc`. */
  order: string;
  limit: number | null;
}

/**
 * Several short lists from different tables in ONE statement: each part is a sub-select of its
 * own columns (nulls in the others' places) numbered in its order, glued by `union all`.
 * Portable to SQLite, which allows ORDER BY/LIMIT only inside a sub-select of a compound.
 * Returns each part's rows as managed entities, in the part's order.
 */
export async function readUnion(
  em: EntityManager,
  parts: readonly UnionPart<object>[],
): Promise<object[][]> {
  if (!parts.length) return [];
  const branches = parts.map((part, i) => {
    // Every branch lists every part's columns in one order; the others' as typed nulls
    // (PostgreSQL types an untyped null in a sub-select as text, which no union could match).
    const select = parts.flatMap(({ columns }, j) =>
      columns.columns.map((c) =>
        j === i
          ? `${columns.alias}.${c.name} as "${c.label}"`
          : `cast(null as ${c.type}) as "${c.label}"`,
      ),
    );
    const { table, alias } = part.columns;
    const limit = part.limit == null ? '' : ` limit ${Number(part.limit)}`;
    return (
      `select * from (select ${i} as part, row_number() over (order by ${part.order}) as rn, ` +
      `${select.join(', ')} from ${table} ${alias} where ${part.where} ` +
      `order by ${part.order}${limit}) part${i}`
    );
  });
  const rows = await selectBound<Record<string, unknown>>(
    em,
    `${branches.join(' union all ')} order by part, rn`,
    parts.flatMap((part) => part.params),
  );
  const lists = parts.map((): object[] => []);
  for (const row of rows) {
    const part = Number(row.part);
    lists[part]!.push(parts[part]!.columns.read(row)!);
  }
  return lists;
}
