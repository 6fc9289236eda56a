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
