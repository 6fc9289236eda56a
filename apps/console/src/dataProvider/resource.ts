import {
  HttpError,
  type CreateParams,
  type CreateResult,
  type DeleteManyParams,
  type DeleteManyResult,
  type DeleteParams,
  type DeleteResult,
  type GetListParams,
  type GetListResult,
  type GetManyParams,
  type GetManyReferenceParams,
  type GetManyReferenceResult,
  type GetManyResult,
  type GetOneParams,
  type GetOneResult,
  type UpdateManyParams,
  type UpdateManyResult,
  type UpdateParams,
  type UpdateResult,
  type Identifier,
  type RaRecord,
  type SortPayload,
} from 'react-admin';

import { apiError, badRequest, partialFailure } from './errors';
import type { GraphqlClient, Operation } from './graphqlClient';
import {
  checkFixedOrder,
  MAX_PAGE_SIZE,
  toApiFilter,
  toId,
  toOffsetLimit,
  type FilterSpec,
} from './params';
import type { Connection } from './types';

/**
 * What one resource can do against the API: the data-provider methods it implements, each
 * taking react-admin's params. A method left out rejects with a "not supported yet" error.
 */
export interface ResourceHandlers {
  getList?(params: GetListParams): Promise<GetListResult>;
  getOne?(params: GetOneParams): Promise<GetOneResult>;
  getMany?(params: GetManyParams): Promise<GetManyResult>;
  getManyReference?(params: GetManyReferenceParams): Promise<GetManyReferenceResult>;
  update?(params: UpdateParams): Promise<UpdateResult>;
  updateMany?(params: UpdateManyParams): Promise<UpdateManyResult>;
  create?(params: CreateParams): Promise<CreateResult>;
  delete?(params: DeleteParams): Promise<DeleteResult>;
  deleteMany?(params: DeleteManyParams): Promise<DeleteManyResult>;
}

export type DataProviderMethod = keyof ResourceHandlers;

/** A list handler's own params: what `getList` takes. */
type ListParams = Pick<GetListParams, 'pagination' | 'sort' | 'filter' | 'signal'>;

/** What an API list query takes: a page (offset/limit) and the list's filter. */
export type ListVariables<TFilter> = { offset: number; limit: number; filter: TFilter };

/**
 * An API list: its query, the field of the answer that holds the connection, the filter inputs
 * it takes (see `toApiFilter`) and the one order it comes in (see `checkFixedOrder`).
 */
export interface ListSpec<TField extends string, TNode, TFilter> {
  query: Operation<Record<TField, Connection<TNode>>, ListVariables<TFilter>>;
  field: TField;
  filters: FilterSpec;
  order: SortPayload | readonly SortPayload[];
}

/**
 * `getList` for an API list in one fixed order (`order`, see `checkFixedOrder`) that takes a
 * page and a filter: react-admin's filter values mapped per `filters`, the connection the query
 * answers under `field` as react-admin's page. `resource` names it in error messages.
 */
export const fixedOrderList =
  <TField extends string, TNode, TFilter>(
    client: GraphqlClient,
    resource: string,
    { query, field, filters, order }: ListSpec<TField, TNode, TFilter>,
  ) =>
  async ({ pagination, sort, filter, signal }: ListParams): Promise<GetListResult> => {
    checkFixedOrder(resource, sort, order);
    const result = await client.request(
      query,
      {
        ...toOffsetLimit(pagination),
        filter: toApiFilter<TFilter>(resource, filter, filters),
      },
      { signal },
    );
    const { nodes, totalCount } = result[field];
    return { data: nodes as RaRecord[], total: totalCount };
  };

/**
 * `getList` for an API list in one fixed order (see `fixedOrderList`), and `getManyReference`
 * through it for the `targets` its filter can narrow the list to (see `referenceThroughFilter`).
 */
export const listHandlers = <TField extends string, TNode, TFilter>(
  client: GraphqlClient,
  resource: string,
  { targets, ...list }: ListSpec<TField, TNode, TFilter> & { targets: readonly string[] },
) => {
  const getList = fixedOrderList(client, resource, list);
  return { getList, getManyReference: referenceThroughFilter(resource, targets, getList) };
};

/**
 * `getOne` and `getMany` for a resource whose API reads one record by id (`read`): `getMany`
 * is one read per distinct id (see `manyByOne`).
 */
export const readById = (read: (id: string, signal?: AbortSignal) => Promise<unknown>) => ({
  getOne: async ({ id, signal }: GetOneParams): Promise<GetOneResult> => ({
    data: (await read(toId(id), signal)) as RaRecord,
  }),
  getMany: ({ ids, signal }: GetManyParams): Promise<GetManyResult> =>
    manyByOne(ids, (id) => read(id, signal)),
});

/**
 * `getOne` and `getMany` for a resource the API has no look-up by id for: both page through
 * the list (`page`, see `findInList`). A record `getOne` does not find is NOT_FOUND, named
 * `${noun} ${id}` in the message.
 */
export const readThroughList = <T extends { id: string }>(
  noun: string,
  page: (
    offset: number,
    limit: number,
    signal: AbortSignal | undefined,
  ) => Promise<{ nodes: T[]; totalCount: number }>,
) => {
  const find = (ids: readonly Identifier[], signal?: AbortSignal) =>
    findInList(ids, (offset, limit) => page(offset, limit, signal));
  return {
    getOne: async ({ id, signal }: GetOneParams): Promise<GetOneResult> => {
      const [found] = await find([toId(id)], signal);
      if (!found) throw apiError(`${noun} ${id} does not exist.`, 'NOT_FOUND');
      return { data: found };
    },
    getMany: async ({ ids, signal }: GetManyParams): Promise<GetManyResult> => ({
      data: await find(ids, signal),
    }),
  };
};

/**
 * `getManyReference` as the resource's `getList` with `target = id` added to the filter: the
 * per-case lists of a case page (`<ReferenceManyField reference="contacts" target="caseId">`).
 * Only the targets the API filters by are accepted.
 */
export const referenceThroughFilter =
  (
    resource: string,
    targets: readonly string[],
    getList: (params: ListParams) => Promise<GetListResult>,
  ) =>
  async ({
    target,
    id,
    pagination,
    sort,
    filter,
    signal,
  }: GetManyReferenceParams): Promise<GetManyReferenceResult> => {
    if (!targets.includes(target)) {
      throw badRequest(
        `The ${resource} list cannot be narrowed to one "${target}"; it can be to one ${targets.join(' or ')}.`,
      );
    }
    return getList({ pagination, sort, filter: { ...filter, [target]: id }, signal });
  };

/**
 * `getMany` for a resource whose API reads one record by id: one request per distinct id, in
 * parallel. Ids that do not exist (or that the user may not see) are left out, as react-admin
 * expects; any other error rejects.
 */
export const manyByOne = async <T>(
  ids: readonly Identifier[],
  getOne: (id: string) => Promise<T>,
): Promise<GetManyResult> => {
  const distinct = [...new Set(ids.map(String))];
  const found = await Promise.all(
    distinct.map((id) =>
      getOne(id).catch((error: unknown) => {
        if (error instanceof HttpError && (error.status === 404 || error.status === 403)) {
          return undefined;
        }
        throw error;
      }),
    ),
  );
  return { data: found.filter((record) => record !== undefined) as RaRecord[] };
};

/**
 * Finds records by id in a list the API has no look-up by id for, paging through it (largest
 * pages first) until every id is found or the list ends. For short lists (institutions,
 * users, one institution's feedback); the ids that do not exist are left out.
 */
export const findInList = async <T extends { id: string }>(
  ids: readonly Identifier[],
  page: (offset: number, limit: number) => Promise<{ nodes: T[]; totalCount: number }>,
): Promise<T[]> => {
  const wanted = new Set(ids.map(String));
  const found: T[] = [];
  for (let offset = 0; wanted.size > 0; offset += MAX_PAGE_SIZE) {
    const { nodes, totalCount } = await page(offset, MAX_PAGE_SIZE);
    for (const record of nodes) {
      if (wanted.delete(record.id)) found.push(record);
    }
    if (nodes.length < MAX_PAGE_SIZE || offset + MAX_PAGE_SIZE >= totalCount) break;
  }
  return found;
};

/**
 * Runs `update` on each id, one after the other (bulk actions are a page of rows at most),
 * and rejects once all have run if any failed, naming the ids that did.
 */
export const eachOf = async (
  ids: readonly Identifier[],
  action: string,
  update: (id: string) => Promise<unknown>,
): Promise<UpdateManyResult> => {
  const failures: { id: string; error: unknown }[] = [];
  const done: string[] = [];
  for (const id of ids.map(String)) {
    try {
      await update(id);
      done.push(id);
    } catch (error) {
      failures.push({ id, error });
    }
  }
  if (failures.length) throw partialFailure(action, ids.length, failures);
  return { data: done };
};
