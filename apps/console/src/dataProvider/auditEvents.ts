import type { Identifier } from 'react-admin';

import { defineOperation, type GraphqlClient } from './graphqlClient';
import { parse, toId, type FilterSpec } from './params';
import { listHandlers, type ListVariables, type ResourceHandlers } from './resource';
import type {
  ArrearsActions,
  AuditChainReport,
  AuditEventFilter,
  AuditEventRecord,
  CallOptions,
  Connection,
} from './types';

export const AUDIT_EVENTS_QUERY = defineOperation<
  { auditEvents: Connection<AuditEventRecord> },
  ListVariables<AuditEventFilter>
>(/* GraphQL */ `
  query AuditEvents($offset: Int!, $limit: Int!, $filter: AuditEventFilter) {
    auditEvents(offset: $offset, limit: $limit, filter: $filter) {
      nodes {
        id
        sequence
        action
        actor
        entityType
        entityId
        before
        after
        occurredAt
        requestId
        hash
        prevHash
      }
      totalCount
    }
  }
`);

export const VERIFY_AUDIT_CHAIN_QUERY = defineOperation<
  { verifyAuditChain: AuditChainReport },
  { institutionId: string }
>(/* GraphQL */ `
  query VerifyAuditChain($institutionId: ID!) {
    verifyAuditChain(institutionId: $institutionId) {
      ok
      checked
      brokenAtSequence
      reason
    }
  }
`);

/** `from` is inclusive, `to` exclusive; `entityType` e.g. `Case`, `action` e.g. `case.update`. */
export const AUDIT_EVENT_FILTERS: FilterSpec = {
  institutionId: ['institutionId', parse.text],
  action: ['action', parse.text],
  actor: ['actor', parse.text],
  entityType: ['entityType', parse.text],
  entityId: ['entityId', parse.text],
  from: ['from', parse.dateTime],
  to: ['to', parse.dateTime],
};

/** The API lists the trail newest first (by its chain sequence, which follows the time). */
export const AUDIT_EVENT_ORDERS = [
  { field: 'sequence', order: 'DESC' },
  { field: 'occurredAt', order: 'DESC' },
] as const;

/** The audit trail is append-only: read it, never write it. */
export const auditEventsHandlers = (client: GraphqlClient): ResourceHandlers => ({
  ...listHandlers(client, 'audit event', {
    query: AUDIT_EVENTS_QUERY,
    field: 'auditEvents',
    filters: AUDIT_EVENT_FILTERS,
    order: AUDIT_EVENT_ORDERS,
    /** One record's trail (`target="entityId"`). */
    targets: ['entityId'],
  }),
});

export const auditActions = (client: GraphqlClient): Pick<ArrearsActions, 'verifyAuditChain'> => ({
  async verifyAuditChain(institutionId: Identifier, { signal }: CallOptions = {}) {
    const variables = { institutionId: toId(institutionId, 'institutionId') };
    return (await client.request(VERIFY_AUDIT_CHAIN_QUERY, variables, { signal })).verifyAuditChain;
  },
});
