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
} from 'react-admin';

import { badRequest, partialFailure } from './errors';
import { MAX_PAGE_SIZE } from './params';

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
