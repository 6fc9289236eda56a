import type { PaginationPayload, SortPayload } from 'react-admin';

import { badRequest } from './errors';

/** The API refuses larger pages. */
export const MAX_PAGE_SIZE = 100;

const DEFAULT_PAGINATION: PaginationPayload = { page: 1, perPage: 25 };

export interface OffsetLimit {
  offset: number;
  limit: number;
}

/** react-admin's page/perPage as the API's offset/limit. */
export const toOffsetLimit = ({
  page,
  perPage,
}: PaginationPayload = DEFAULT_PAGINATION): OffsetLimit => {
  if (!Number.isInteger(page) || page < 1) {
    throw badRequest(`Page ${page} does not exist; pages start at 1.`);
  }
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PAGE_SIZE) {
    throw badRequest(`Cannot show ${perPage} rows per page; the API allows 1 to ${MAX_PAGE_SIZE}.`);
  }
  return { offset: (page - 1) * perPage, limit: perPage };
};

/**
 * react-admin asks for `id` order when a view sets no sort of its own; the API has no such
 * order, so that request means "the API's default order". Any other field must be mapped.
 */
export const isDefaultSort = (sort: SortPayload): boolean =>
  sort.field === 'id' || sort.field === '';

/** A list filter value that means "no filter": react-admin leaves these in when inputs are cleared. */
export const isBlank = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  value === '' ||
  (Array.isArray(value) && value.length === 0);

/** A whole number from a filter value (a number input, or a string from the URL). */
export const toInteger = (value: unknown, name: string): number => {
  const number = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number)) {
    throw badRequest(`Filter "${name}" must be a whole number.`);
  }
  return number;
};

/** One or several enum values from a filter value, each checked against the schema's list. */
export const toEnumList = <T extends string>(
  value: unknown,
  allowed: readonly T[],
  name: string,
): T[] => {
  const values: unknown[] = Array.isArray(value) ? value : [value];
  for (const item of values) {
    if (!(allowed as readonly unknown[]).includes(item)) {
      throw badRequest(`Filter "${name}" cannot be ${JSON.stringify(item)}.`);
    }
  }
  return values as T[];
};

/** A non-empty string from a filter value. */
export const toText = (value: unknown, name: string): string => {
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw badRequest(`Filter "${name}" must be text.`);
  }
  return String(value).trim();
};

/** Rejects a filter that names something the API cannot filter on. */
export const unsupportedFilter = (resource: string, name: string) =>
  badRequest(`The ${resource} list cannot be filtered by "${name}".`);

/** `true`/`false`, from a boolean input or a string from the URL. */
export const toBoolean = (value: unknown, name: string): boolean => {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw badRequest(`Filter "${name}" must be true or false.`);
};

/** An instant (a date-time input's Date or ISO string) as the ISO-8601 string the API reads. */
export const toDateTime = (value: unknown, name: string): string => {
  const instant =
    value instanceof Date ? value : typeof value === 'string' ? new Date(value.trim()) : null;
  if (!instant || Number.isNaN(instant.getTime())) {
    throw badRequest(`Filter "${name}" must be a date and time.`);
  }
  return instant.toISOString();
};

/** A calendar day, "YYYY-MM-DD". */
export const toLocalDate = (value: unknown, name: string): string => {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) {
    throw badRequest(`Filter "${name}" must be a day (YYYY-MM-DD).`);
  }
  return value.trim();
};

/** Checks one filter value and returns what the API's filter takes for it. */
export type FilterParser = (value: unknown, name: string) => unknown;

/** The parsers list filters are made of. */
export const parse = {
  text: toText as FilterParser,
  integer: toInteger as FilterParser,
  boolean: toBoolean as FilterParser,
  dateTime: toDateTime as FilterParser,
  localDate: toLocalDate as FilterParser,
  enums:
    <T extends string>(allowed: readonly T[]): FilterParser =>
    (value, name) =>
      toEnumList(value, allowed, name),
};

/**
 * A list's filter inputs: for each `source` the screen's filter uses, the API filter field it
 * sets and how its value is checked. Sources the API has no field for are not listed, so a
 * screen that sends one fails loudly rather than showing an unfiltered list.
 */
export type FilterSpec = Readonly<Record<string, readonly [target: string, parse: FilterParser]>>;

/** react-admin's filter values as the API's filter, per `spec`; blanks (cleared inputs) are left out. */
export const toApiFilter = <TFilter>(
  resource: string,
  values: Record<string, unknown> | undefined,
  spec: FilterSpec,
): TFilter => {
  const filter: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values ?? {})) {
    if (isBlank(value)) continue;
    const entry = Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (!entry) throw unsupportedFilter(resource, name);
    const [target, parseValue] = entry;
    const parsed = parseValue(value, name);
    if (parsed !== '') filter[target] = parsed;
  }
  return filter as TFilter;
};

/**
 * Most API lists come in one fixed order. A list may ask for it (so its column shows the
 * sort), or for react-admin's default `id` order, which means "the API's order"; anything
 * else is refused rather than silently shown in another order.
 */
export const checkFixedOrder = (
  resource: string,
  sort: SortPayload | undefined,
  order?: SortPayload | readonly SortPayload[],
): void => {
  if (!sort || isDefaultSort(sort)) return;
  const orders: readonly SortPayload[] = order ? (Array.isArray(order) ? order : [order]) : [];
  if (orders.some((o) => sort.field === o.field && sort.order === o.order)) return;
  const direction = (o: SortPayload) => (o.order === 'DESC' ? 'descending' : 'ascending');
  const fixed = orders[0]
    ? ` It is always ordered by ${orders[0].field}, ${direction(orders[0])}.`
    : '';
  throw badRequest(
    `The ${resource} list cannot be sorted by "${sort.field}" ${direction(sort)}.${fixed}`,
  );
};

/** One page of a list the API returns whole (a case's holds). */
export const pageOf = <T>(
  items: readonly T[],
  pagination?: PaginationPayload,
): { data: T[]; total: number } => {
  const { offset, limit } = toOffsetLimit(pagination);
  return { data: items.slice(offset, offset + limit), total: items.length };
};

/** A record id as the `ID` string the schema expects. */
export const toId = (id: unknown, name = 'id'): string => {
  if ((typeof id !== 'string' && typeof id !== 'number') || String(id).trim() === '') {
    throw badRequest(`"${name}" must be an id.`);
  }
  return String(id);
};

/**
 * The part of a form's `data` that an API input takes: only `keys` (react-admin sends the
 * whole record, and the API refuses fields its input does not have), empty strings from
 * cleared inputs left out, and Dates as ISO-8601 strings.
 */
export const pickInput = <TInput>(
  data: Record<string, unknown> | undefined,
  keys: readonly (keyof TInput & string)[],
): TInput => {
  const input: Record<string, unknown> = {};
  for (const key of keys) {
    const value = data?.[key];
    if (value === undefined || value === '') continue;
    input[key] = value instanceof Date ? value.toISOString() : value;
  }
  return input as TInput;
};

/** A money amount from a text input (kept exactly) or a number input, as the Decimal string the API reads. */
export const toDecimalInput = (value: unknown): unknown =>
  typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
