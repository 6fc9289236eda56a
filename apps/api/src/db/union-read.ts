import type { EntityManager } from '@mikro-orm/core';
import { remembered } from '../modules/common/bounded-memo.js';
import { selectBound } from './bound-query.js';
import type { EntityColumns } from './entity-columns.js';

/** One list to read: the rows of one table meeting `where`, the first `limit` of each case in `order`. */
export interface UnionPart<T> {
  columns: EntityColumns<T>;
  /** Conditions on the table's own columns; `?` for each param. */
  where: string;
  params: readonly unknown[];
  /** On the table's own columns, e.g. `occurred_at desc, id desc`. */
  order: string;
  /** Rows per case; null for all of them. */
  limit: number | null;
}

/**
 * Several lists of rows hanging off cases, from different tables, in ONE statement: each part
 * is a sub-select of its own columns (typed nulls in the others' places) numbered per case in
 * its order and cut at its limit, glued by `union all`; portable to SQLite. Returns each part's
 * rows as read views, each case's in the part's order.
 */
export async function readUnion(
  em: EntityManager,
  parts: readonly UnionPart<object>[],
): Promise<object[][]> {
  if (!parts.length) return [];
  const key = parts
    .map((part) => `${part.columns.id} ${part.limit} ${part.where} ${part.order}`)
    .join('\n');
  const sql = remembered(statements, MAX_STATEMENTS, key, () => unionSql(parts));
  const rows = await selectBound<Record<string, unknown>>(
    em,
    sql,
    parts.flatMap((part) => part.params),
  );
  const lists = parts.map((): object[] => []);
  for (const row of rows) {
    const part = Number(row.part);
    lists[part]!.push(parts[part]!.columns.view(row)!);
  }
  return lists;
}

/**
 * The statement's text per combination of parts: a case page asks the same few, and building
 * every part's select list into every branch is a fifth of the page's CPU.
 */
const statements = new Map<string, string>();
const MAX_STATEMENTS = 500;

function unionSql(parts: readonly UnionPart<object>[]): string {
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
    const cut = part.limit == null ? '' : ` where rn <= ${Number(part.limit)}`;
    return (
      `select * from (select ${i} as part, row_number() over (partition by ${alias}.case_id ` +
      `order by ${part.order}) as rn, ${select.join(', ')} from ${table} ${alias} ` +
      `where ${part.where}) part${i}${cut}`
    );
  });
  return `${branches.join(' union all ')} order by part, rn`;
}
