import type { GetListParams, GetManyParams } from 'react-admin';

import { badRequest } from './errors';
import { defineOperation, type GraphqlClient } from './graphqlClient';
import { isBlank, isDefaultSort, toOffsetLimit, unsupportedFilter } from './params';
import { findInList, type ResourceHandlers } from './resource';
import type { Connection, Institution } from './types';

export const INSTITUTIONS_QUERY = defineOperation<
  { institutions: Connection<Institution> },
  { offset: number; limit: number }
>(/* GraphQL */ `
  query Institutions($offset: Int!, $limit: Int!) {
    institutions(offset: $offset, limit: $limit) {
      nodes {
        id
        code
        name
        timeZone
      }
      totalCount
    }
  }
`);

export const institutionsHandlers = (client: GraphqlClient): ResourceHandlers => ({
  /** The API lists institutions in its own order and has no filter for them. */
  async getList({ pagination, sort, filter, signal }: GetListParams) {
    if (sort && !isDefaultSort(sort)) {
      throw badRequest(`Institutions cannot be sorted by "${sort.field}".`);
    }
    for (const [name, value] of Object.entries(filter ?? {})) {
      if (!isBlank(value)) throw unsupportedFilter('institution', name);
    }
    const { institutions } = await client.request(INSTITUTIONS_QUERY, toOffsetLimit(pagination), {
      signal,
    });
    return { data: institutions.nodes, total: institutions.totalCount };
  },

  /**
   * The API has no look-up by ids for institutions yet, so this pages through the (short)
   * list until every id is found. Ids that do not exist are left out, as react-admin expects.
   */
  async getMany({ ids, signal }: GetManyParams) {
    const found = await findInList(ids, async (offset, limit) => {
      const { institutions } = await client.request(
        INSTITUTIONS_QUERY,
        { offset, limit },
        { signal },
      );
      return institutions;
    });
    return { data: found };
  },
});
