import { FeedbackKind, FeedbackStatus } from '@arrears/domain';
import type { UpdateParams } from 'react-admin';

import { badRequest } from './errors';
import { defineOperation, type GraphqlClient } from './graphqlClient';
import { parse, pickInput, toId, type FilterSpec } from './params';
import {
  listHandlers,
  readThroughList,
  type ListVariables,
  type ResourceHandlers,
} from './resource';
import type { Connection, FeedbackFilter, FeedbackRecord, FeedbackUpdateData } from './types';

const FEEDBACK_FIELDS = /* GraphQL */ `
  fragment FeedbackFields on Feedback {
    id
    receiptCode
    case {
      id
      loanNumber
    }
    kind
    category
    status
    message
    rating
    resolution
    acknowledgeDueAt
    resolveDueAt
    acknowledgedAt
    closedAt
    createdAt
    updatedAt
  }
`;

export const FEEDBACK_QUERY = defineOperation<
  { feedback: Connection<FeedbackRecord> },
  ListVariables<FeedbackFilter>
>(/* GraphQL */ `
  query Feedback($offset: Int!, $limit: Int!, $filter: FeedbackFilter) {
    feedback(offset: $offset, limit: $limit, filter: $filter) {
      nodes {
        ...FeedbackFields
      }
      totalCount
    }
  }
  ${FEEDBACK_FIELDS}
`);

export interface UpdateFeedbackStatusInput extends FeedbackUpdateData {
  id: string;
}

export const UPDATE_FEEDBACK_STATUS_MUTATION = defineOperation<
  { updateFeedbackStatus: FeedbackRecord },
  { input: UpdateFeedbackStatusInput }
>(/* GraphQL */ `
  mutation UpdateFeedbackStatus($input: UpdateFeedbackStatusInput!) {
    updateFeedbackStatus(input: $input) {
      ...FeedbackFields
    }
  }
  ${FEEDBACK_FIELDS}
`);

/** `overdue: true` keeps open feedback past its acknowledge or resolve deadline. */
export const FEEDBACK_FILTERS: FilterSpec = {
  caseId: ['caseId', parse.text],
  institutionId: ['institutionId', parse.text],
  kind: ['kind', parse.enums(Object.values(FeedbackKind))],
  status: ['status', parse.enums(Object.values(FeedbackStatus))],
  overdue: ['overdue', parse.boolean],
};

/** The API lists feedback newest first. */
export const FEEDBACK_ORDER = { field: 'createdAt', order: 'DESC' } as const;

export const feedbackHandlers = (client: GraphqlClient): ResourceHandlers => ({
  ...listHandlers(client, 'feedback', {
    query: FEEDBACK_QUERY,
    field: 'feedback',
    filters: FEEDBACK_FILTERS,
    order: FEEDBACK_ORDER,
    /** A case's feedback (`target="caseId"`). */
    targets: ['caseId'],
  }),
  // The API has no look-up of feedback by id: this pages through the institution's.
  ...readThroughList(
    'Feedback',
    async (offset, limit, signal) =>
      (await client.request(FEEDBACK_QUERY, { offset, limit, filter: {} }, { signal })).feedback,
  ),
  /**
   * Moves the feedback on (`updateFeedbackStatus`): RECEIVED → ACKNOWLEDGED → INVESTIGATING
   * → RESOLVED / REJECTED; resolving or rejecting needs a `resolution`.
   */
  async update({ id, data }: UpdateParams<FeedbackRecord>) {
    const changes = pickInput<FeedbackUpdateData>(data as Record<string, unknown>, [
      'status',
      'resolution',
      'handledById',
    ]);
    if (!changes.status) throw badRequest('Updating feedback needs the new status.');
    const input = { ...changes, id: toId(id) };
    return {
      data: (await client.request(UPDATE_FEEDBACK_STATUS_MUTATION, { input })).updateFeedbackStatus,
    };
  },
});
