import { randomBytes, randomInt } from 'node:crypto';
import type { FilterQuery } from '@mikro-orm/core';
import type { QueryBuilder } from '@mikro-orm/knex';

/** A statement's text and its values in order, `?` marking each. */
export interface BoundSql {
  sql: string;
  bindings: unknown[];
}

type Shape = string | number | boolean | null | Shape[] | { [key: string]: Shape };

/** Each value of a filter, in the order `shapeOf` met them. */
type Slots = unknown[];

/** A statement built once, with `slot` where the n-th value of a filter goes. */
interface Template {
  sql: string;
  bindings: ({ slot: number } | { value: unknown })[];
}

/**
 * MikroORM turns a filter object into SQL anew on every call: for the case list, its filter,
 * tenancy and keyset cursor cost a tenth of the request's CPU. A template is built once per
 * shape of filter (its fields, operators, list lengths and the kinds of its values; the
 * caller adds what else decides the text, such as the actor's data scope and the page size)
 * with a marker where each value goes, then filled with each request's values.
 *
 * A template is only kept when the ORM passed every marker through untouched as a value of
 * its own: a value the ORM converts (a big integer to text), spells into the text, or drops
 * makes that shape build the statement every time, as before.
 */
export class QueryTemplates {
  private readonly templates = new Map<string, Template | 'unfit'>();
  /**
   * Markers of each kind of value, unique to the process so that no value a client sends can
   * pass for one: a string with a random part, a number and an instant no filter holds.
   */
  private readonly nonce = randomBytes(12).toString('hex');
  private readonly numberBase = -(1e12 + randomInt(1e12)) - 0.25;
  private readonly instantBase = -8e15 + randomInt(1e12);

  constructor(private readonly capacity = 500) {}

  async build<T extends object>(
    key: string,
    where: FilterQuery<T>,
    query: (where: FilterQuery<T>) => QueryBuilder<T>,
  ): Promise<BoundSql> {
    const slots: Slots = [];
    const shape = shapeOf(where, slots);
    if (shape === undefined) return render(query(where));
    const full = `${key} ${JSON.stringify(shape)}`;
    let template = this.templates.get(full);
    if (!template) {
      template = this.compile(await render(query(this.marked(where))), slots.length);
      // A full cache keeps what it has; a new shape then builds its statement every time.
      if (this.templates.size < this.capacity) this.templates.set(full, template);
    }
    if (template === 'unfit') return render(query(where));
    return {
      sql: template.sql,
      bindings: template.bindings.map((part) => ('slot' in part ? slots[part.slot] : part.value)),
    };
  }

  /** The filter with each value replaced by its slot's marker, of the value's own kind. */
  private marked<T>(where: T): T {
    let slot = 0;
    const mark = (value: unknown): unknown => {
      if (typeof value === 'string') return `${this.nonce}:${slot++}`;
      if (typeof value === 'number') return this.numberBase - slot++;
      if (value instanceof Date) return new Date(this.instantBase + slot++);
      if (Array.isArray(value)) return value.map(mark);
      if (isPlainObject(value))
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mark(v)]));
      return value;
    };
    return mark(where) as T;
  }

  /** The slot a bound value marks, null for a value of the query's own, 'unfit' for a mangled marker. */
  private slotOf(value: unknown): number | null | 'unfit' {
    if (typeof value === 'string' && value.includes(this.nonce)) {
      const slot = value.startsWith(`${this.nonce}:`) ? value.slice(this.nonce.length + 1) : '';
      return /^\d+$/.test(slot) ? Number(slot) : 'unfit';
    }
    const slot =
      typeof value === 'number'
        ? this.numberBase - value
        : value instanceof Date
          ? value.getTime() - this.instantBase
          : NaN;
    return Number.isInteger(slot) && slot >= 0 && slot < MAX_SLOTS ? slot : null;
  }

  private compile(built: BoundSql, slotCount: number): Template | 'unfit' {
    if (slotCount > MAX_SLOTS) return 'unfit';
    // A marker spelled into the text instead of bound: the text would differ per value.
    if (built.sql.includes(this.nonce)) return 'unfit';
    for (let slot = 0; slot < slotCount; slot++)
      if (built.sql.includes(String(this.numberBase - slot))) return 'unfit';
    const seen = new Set<number>();
    const bindings: Template['bindings'] = [];
    for (const value of built.bindings) {
      const slot = this.slotOf(value);
      if (slot === 'unfit') return 'unfit';
      if (slot === null) bindings.push({ value });
      else {
        seen.add(slot);
        bindings.push({ slot });
      }
    }
    // A value the ORM converted (a big integer to text, an instant to epoch milliseconds) left
    // no marker to find: its slot would be filled unconverted.
    return seen.size === slotCount ? { sql: built.sql, bindings } : 'unfit';
  }
}

/** More values than a filter of the API's own holds; such a filter is built every time. */
const MAX_SLOTS = 10_000;

/** Values that vary between requests of one shape; the rest (null, booleans) shape the text. */
function isSlotted(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'number' || value instanceof Date;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/**
 * The filter's shape, its values pushed onto `slots` in the order `marked` meets them, or
 * undefined when it holds something other than plain objects, arrays and simple values.
 */
function shapeOf(value: unknown, slots: Slots): Shape | undefined {
  if (isSlotted(value)) {
    slots.push(value);
    return value instanceof Date ? '$date' : typeof value === 'number' ? '$number' : '$string';
  }
  if (value === null || typeof value === 'boolean') return value;
  if (value === undefined) return '$undefined';
  const parts: Shape[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      const part = shapeOf(item, slots);
      if (part === undefined) return undefined;
      parts.push(part);
    }
    return parts;
  }
  if (!isPlainObject(value)) return undefined;
  const shaped: Record<string, Shape> = {};
  for (const [key, item] of Object.entries(value)) {
    const part = shapeOf(item, slots);
    if (part === undefined) return undefined;
    shaped[key] = part;
  }
  return shaped;
}

async function render<T extends object>(query: QueryBuilder<T>): Promise<BoundSql> {
  await query.applyFilters();
  const { sql, bindings } = query.toQuery()._sql;
  return { sql, bindings: [...bindings] };
}
