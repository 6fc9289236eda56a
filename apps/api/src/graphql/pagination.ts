import { ValidationError } from '@arrears/domain';
import type {
  EntityManager,
  EntityName,
  FilterQuery,
  FindOptions,
  QueryOrderMap,
} from '@mikro-orm/core';
import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';

export const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 20;

/**
 * Two ways through a list, one per client: `first/after` keyset cursors that stay stable
 * while rows are added (partner sync) and `offset/limit` for page numbers (the console).
 */
@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Page size for cursor paging (1–${MAX_PAGE_SIZE}).`,
  })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor: the endCursor of the previous page.',
  })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: 'Rows to skip for offset paging.' })
  offset?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: `Page size for offset paging (1–${MAX_PAGE_SIZE}).`,
  })
  limit?: number | null;
}

@ObjectType('PageInfo')
export class PageInfo {
  @Field(() => String, { nullable: true })
  endCursor!: string | null;

  @Field(() => Boolean)
  hasNextPage!: boolean;
}

/** A page of rows; `totalCount` runs its query only when a client asks for it. */
export interface Page<T> {
  nodes: T[];
  pageInfo: PageInfo;
  count: () => Promise<number>;
}

/** The list type of one item type, e.g. `Connection(Case, 'CaseConnection')`. */
export function Connection<T extends object>(item: ClassType<T>, name: string) {
  @ObjectType(name)
  class ConnectionType {
    @Field(() => [item])
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    count!: () => Promise<number>;

    @Field(() => Int, { description: 'Rows matching the filter, across all pages.' })
    totalCount(): Promise<number> {
      return this.count();
    }
  }
  return ConnectionType;
}

export type CursorValue = string | number;

/** One key of a list's order. The value read from a row must be non-null for keyset paging. */
export interface OrderKey<T> {
  prop: keyof T & string;
  direction: 'ASC' | 'DESC';
  /** How the key travels in a cursor: dates as ISO strings. */
  kind: 'string' | 'number' | 'date';
}

export interface PaginateOptions<T> {
  where: FilterQuery<T>;
  order: OrderKey<T>[];
  args: PageArgs;
  find?: Pick<FindOptions<T, never>, 'populate' | 'strategy'>;
}

export async function paginate<T extends { id: string }>(
  em: EntityManager,
  entity: EntityName<T>,
  { where, order, args, find }: PaginateOptions<T>,
): Promise<Page<T>> {
  const plan = planPage(where, order, args);
  const rows = await em.find(entity, plan.where, {
    ...(find as object),
    orderBy: plan.orderBy,
    limit: plan.limit,
    offset: plan.offset,
  } as FindOptions<T, never>);
  return pageOf(rows, plan, () => em.count(entity, where));
}

/** How to read one page: the filter with the cursor's condition, the order and the bounds. */
export interface PagePlan<T> {
  /** The list's filter: what its total counts. */
  filter: FilterQuery<T>;
  /** The list's filter, narrowed to the rows after the cursor. */
  where: FilterQuery<T>;
  /** The order keys, the id last as the tiebreaker. */
  keys: OrderKey<T>[];
  orderBy: QueryOrderMap<T>;
  /** One row more than the page, to learn whether another page follows. */
  limit: number;
  offset: number | undefined;
}

export function planPage<T extends { id: string }>(
  where: FilterQuery<T>,
  order: OrderKey<T>[],
  args: PageArgs,
): PagePlan<T> {
  const request = readPageArgs(args);
  // The id breaks ties so every row has exactly one place in the order.
  const keys: OrderKey<T>[] = [
    ...order,
    { prop: 'id', direction: order.at(-1)?.direction ?? 'ASC', kind: 'string' },
  ];
  const after =
    request.mode === 'keyset' && request.after
      ? keysetCondition(keys, decodeCursor(request.after, keys))
      : null;
  return {
    filter: where,
    where: after ? ({ $and: [where, after] } as FilterQuery<T>) : where,
    keys,
    orderBy: Object.fromEntries(keys.map((k) => [k.prop, k.direction])) as QueryOrderMap<T>,
    limit: request.size + 1,
    offset: request.mode === 'offset' ? request.offset : undefined,
  };
}

/** The page from the rows a plan read; `count` runs only if a client asks for the total. */
export function pageOf<T>(rows: T[], plan: PagePlan<T>, count: () => Promise<number>): Page<T> {
  const hasNextPage = rows.length >= plan.limit;
  const nodes = hasNextPage ? rows.slice(0, plan.limit - 1) : rows;
  const last = nodes.at(-1);
  let total: Promise<number> | undefined;
  return {
    nodes,
    pageInfo: {
      hasNextPage,
      endCursor: last ? encodeCursor(plan.keys.map((k) => cursorValue(last, k))) : null,
    },
    count: () => (total ??= count()),
  };
}

type PageRequest =
  | { mode: 'keyset'; size: number; after: string | null }
  | { mode: 'offset'; size: number; offset: number };

export function readPageArgs(args: PageArgs): PageRequest {
  const keyset = args.first != null || args.after != null;
  const offset = args.offset != null || args.limit != null;
  if (keyset && offset) {
    throw new ValidationError('offset', 'use either first/after or offset/limit, not both');
  }
  if (offset) {
    if ((args.offset ?? 0) < 0) throw new ValidationError('offset', 'must be 0 or more');
    return { mode: 'offset', size: pageSize(args.limit, 'limit'), offset: args.offset ?? 0 };
  }
  return { mode: 'keyset', size: pageSize(args.first, 'first'), after: args.after ?? null };
}

/** A page size from the client, defaulted and capped. */
export function pageSize(value: number | null | undefined, field: string): number {
  if (value == null) return DEFAULT_PAGE_SIZE;
  if (value < 1 || value > MAX_PAGE_SIZE) {
    throw new ValidationError(
      field,
      `page size must be between 1 and ${MAX_PAGE_SIZE}, got ${value}`,
    );
  }
  return value;
}

function cursorValue<T>(row: T, key: OrderKey<T>): CursorValue {
  const value = row[key.prop] as unknown;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' || typeof value === 'number') return value;
  throw new Error(`order key ${key.prop} has no cursor value`);
}

function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

function decodeCursor<T>(cursor: string, keys: OrderKey<T>[]): unknown[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = null;
  }
  const fits =
    Array.isArray(values) &&
    values.length === keys.length &&
    keys.every((k, i) =>
      k.kind === 'number' ? typeof values[i] === 'number' : typeof values[i] === 'string',
    );
  if (!fits) throw new ValidationError('after', 'is not a cursor of this list in this order');
  return keys.map((k, i) => {
    const value = (values as CursorValue[])[i]!;
    if (k.kind !== 'date') return value;
    const date = new Date(value);
    if (Number.isNaN(date.getTime()))
      throw new ValidationError('after', 'is not a cursor of this list in this order');
    return date;
  });
}

/** Rows strictly after `values` in the order: (a > x) or (a = x and b > y) or … */
function keysetCondition<T>(keys: OrderKey<T>[], values: unknown[]): FilterQuery<T> {
  const branches = keys.map((key, i) => {
    const equalPrefix = Object.fromEntries(keys.slice(0, i).map((k, j) => [k.prop, values[j]]));
    const beyond = { [key.direction === 'ASC' ? '$gt' : '$lt']: values[i] };
    return { ...equalPrefix, [key.prop]: beyond };
  });
  return { $or: branches } as FilterQuery<T>;
}
