import { Role } from '@arrears/domain';
import type { CreateParams, GetListParams, UpdateParams } from 'react-admin';

import { defineOperation, type GraphqlClient } from './graphqlClient';
import {
  checkFixedOrder,
  isBlank,
  MAX_PAGE_SIZE,
  pageOf,
  parse,
  toApiFilter,
  toOffsetLimit,
  toText,
  type FilterSpec,
} from './params';
import {
  readThroughList,
  referenceThroughFilter,
  type ListVariables,
  type ResourceHandlers,
} from './resource';
import type { Connection, CreateUserInput, UserFilter, UserRecord } from './types';

export const USERS_QUERY = defineOperation<
  { users: Connection<UserRecord> },
  ListVariables<UserFilter>
>(/* GraphQL */ `
  query Users($offset: Int!, $limit: Int!, $filter: UserFilter) {
    users(offset: $offset, limit: $limit, filter: $filter) {
      nodes {
        id
        displayName
        email
        role
        active
        institution {
          id
          code
          name
        }
        createdAt
      }
      totalCount
    }
  }
`);

const USER_FIELDS = 'id displayName email role active institution { id code name } createdAt';

export const CREATE_USER_MUTATION = defineOperation<
  { createUser: UserRecord },
  { input: CreateUserInput }
>(/* GraphQL */ `
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) { ${USER_FIELDS} }
  }
`);

export const SET_USER_ACTIVE_MUTATION = defineOperation<
  { setUserActive: UserRecord },
  { id: string; active: boolean }
>(/* GraphQL */ `
  mutation SetUserActive($id: ID!, $active: Boolean!) {
    setUserActive(id: $id, active: $active) { ${USER_FIELDS} }
  }
`);

export const USER_FILTERS: FilterSpec = {
  institutionId: ['institutionId', parse.text],
  role: ['role', parse.enums(Object.values(Role))],
  active: ['active', parse.boolean],
};

/** The API lists staff by display name. */
export const USER_ORDER = { field: 'displayName', order: 'ASC' } as const;

/** The most staff `q` searches: the API has no name search for users, so the console does it. */
const MAX_SEARCHED = 500;

/** `q` (an autocomplete's search text) matches part of the display name or the email. */
const matches = (user: UserRecord, q: string) => {
  const needle = q.toLowerCase();
  return (
    user.displayName.toLowerCase().includes(needle) || user.email.toLowerCase().includes(needle)
  );
};

export const usersHandlers = (client: GraphqlClient): ResourceHandlers => {
  const page = async (offset: number, limit: number, filter: UserFilter, signal?: AbortSignal) =>
    (await client.request(USERS_QUERY, { offset, limit, filter }, { signal })).users;

  const getList = async ({ pagination, sort, filter, signal }: GetListParams) => {
    checkFixedOrder('user', sort, USER_ORDER);
    const { q, ...rest } = (filter ?? {}) as Record<string, unknown>;
    const apiFilter = toApiFilter<UserFilter>('user', rest, USER_FILTERS);
    const search = isBlank(q) ? '' : toText(q, 'q');
    if (!search) {
      const { offset, limit } = toOffsetLimit(pagination);
      const users = await page(offset, limit, apiFilter, signal);
      return { data: users.nodes, total: users.totalCount };
    }
    // An institution's staff is a few pages at most: read them and search here.
    const staff: UserRecord[] = [];
    for (let offset = 0; offset < MAX_SEARCHED; offset += MAX_PAGE_SIZE) {
      const users = await page(offset, MAX_PAGE_SIZE, apiFilter, signal);
      staff.push(...users.nodes);
      if (staff.length >= users.totalCount || users.nodes.length < MAX_PAGE_SIZE) break;
    }
    return pageOf(
      staff.filter((user) => matches(user, search)),
      pagination,
    );
  };

  return {
    getList,
    /** An admin adds staff: `data` is `CreateUserInput` (the first password included). */
    create: async ({ data }: CreateParams) => ({
      data: (await client.request(CREATE_USER_MUTATION, { input: data as CreateUserInput }))
        .createUser,
    }),
    /** Only `active` changes: deactivated staff cannot sign in. */
    update: async ({ id, data }: UpdateParams) => ({
      data: (
        await client.request(SET_USER_ACTIVE_MUTATION, {
          id: String(id),
          active: Boolean((data as { active?: unknown }).active),
        })
      ).setUserActive,
    }),
    // The API has no look-up of users by id: an institution's staff is one short page.
    ...readThroughList('User', (offset, limit, signal) => page(offset, limit, {}, signal)),
    getManyReference: referenceThroughFilter('user', ['institutionId'], getList),
  };
};
