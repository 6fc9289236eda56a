import type { CreateParams, GetListParams, Identifier } from 'react-admin';

import { defineOperation, type GraphqlClient } from './graphqlClient';
import { checkFixedOrder, pickInput, toApiFilter, toId, toOffsetLimit } from './params';
import type { ResourceHandlers } from './resource';
import type {
  ArrearsActions,
  Connection,
  CreatePartnerAppInput,
  CreatedPartnerApp,
  PartnerAppRecord,
  PartnerAppWithKey,
} from './types';

const PARTNER_APP_FIELDS = /* GraphQL */ `
  fragment PartnerAppFields on PartnerApp {
    id
    name
    keyPrefix
    scopes
    lastUsedAt
    revokedAt
    createdAt
    updatedAt
  }
`;

export const PARTNER_APPS_QUERY = defineOperation<
  { partnerApps: Connection<PartnerAppRecord> },
  { offset: number; limit: number }
>(/* GraphQL */ `
  query PartnerApps($offset: Int!, $limit: Int!) {
    partnerApps(offset: $offset, limit: $limit) {
      nodes {
        ...PartnerAppFields
      }
      totalCount
    }
  }
  ${PARTNER_APP_FIELDS}
`);

export const CREATE_PARTNER_APP_MUTATION = defineOperation<
  { createPartnerApp: PartnerAppWithKey },
  { input: CreatePartnerAppInput }
>(/* GraphQL */ `
  mutation CreatePartnerApp($input: CreatePartnerAppInput!) {
    createPartnerApp(input: $input) {
      apiKey
      app {
        ...PartnerAppFields
      }
    }
  }
  ${PARTNER_APP_FIELDS}
`);

export const ROTATE_PARTNER_APP_KEY_MUTATION = defineOperation<
  { rotatePartnerAppKey: PartnerAppWithKey },
  { input: { id: string } }
>(/* GraphQL */ `
  mutation RotatePartnerAppKey($input: PartnerAppKeyInput!) {
    rotatePartnerAppKey(input: $input) {
      apiKey
      app {
        ...PartnerAppFields
      }
    }
  }
  ${PARTNER_APP_FIELDS}
`);

export const REVOKE_PARTNER_APP_MUTATION = defineOperation<
  { revokePartnerApp: PartnerAppRecord },
  { input: { id: string } }
>(/* GraphQL */ `
  mutation RevokePartnerApp($input: PartnerAppKeyInput!) {
    revokePartnerApp(input: $input) {
      ...PartnerAppFields
    }
  }
  ${PARTNER_APP_FIELDS}
`);

/** The API lists an institution's partner apps newest first. */
export const PARTNER_APP_ORDER = { field: 'createdAt', order: 'DESC' } as const;

export const partnerAppsHandlers = (client: GraphqlClient): ResourceHandlers => ({
  async getList({ pagination, sort, filter, signal }: GetListParams) {
    checkFixedOrder('partner app', sort, PARTNER_APP_ORDER);
    // The API has no filter for partner apps: any filter value is refused.
    toApiFilter('partner app', filter, {});
    const { partnerApps } = await client.request(PARTNER_APPS_QUERY, toOffsetLimit(pagination), {
      signal,
    });
    return { data: partnerApps.nodes, total: partnerApps.totalCount };
  },

  /**
   * Creates the app and resolves to it with `apiKey`: the only time the key is ever shown
   * (the API keeps its hash). The create page must show it before it redirects.
   */
  async create({ data }: CreateParams<CreatePartnerAppInput>) {
    const input = pickInput<CreatePartnerAppInput>(data, ['name', 'scopes']);
    const { createPartnerApp } = await client.request(CREATE_PARTNER_APP_MUTATION, { input });
    const created: CreatedPartnerApp = { ...createPartnerApp.app, apiKey: createPartnerApp.apiKey };
    return { data: created };
  },
});

export const partnerAppActions = (
  client: GraphqlClient,
): Pick<ArrearsActions, 'rotatePartnerAppKey' | 'revokePartnerApp'> => ({
  async rotatePartnerAppKey(id: Identifier) {
    const input = { id: toId(id) };
    return (await client.request(ROTATE_PARTNER_APP_KEY_MUTATION, { input })).rotatePartnerAppKey;
  },
  async revokePartnerApp(id: Identifier) {
    const input = { id: toId(id) };
    return (await client.request(REVOKE_PARTNER_APP_MUTATION, { input })).revokePartnerApp;
  },
});
