import { FeedbackKind, FeedbackStatus } from '@arrears/domain';
import type { GetListParams, GetManyParams, GetOneParams, UpdateParams } from 'react-admin';

import { apiError, badRequest } from './errors';
import { defineOperation, type GraphqlClient } from './graphqlClient';
import {
  checkFixedOrder,
  parse,
  pickInput,
  toApiFilter,
  toId,
  toOffsetLimit,
  type FilterSpec,
} from './params';
import { findInList, referenceThroughFilter, type ResourceHandlers } from './resource';
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

type FeedbackVariables = { offset: number; limit: number; filter: FeedbackFilter };

export const FEEDBACK_QUERY = defineOperation<
  { feedback: Connection<FeedbackRecord> },
  FeedbackVariables
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

export const feedbackHandlers = (client: GraphqlClient): ResourceHandlers => {
  const getList = async ({ pagination, sort, filter, signal }: GetListParams) => {
    checkFixedOrder('feedback', sort, FEEDBACK_ORDER);
    const { feedback } = await client.request(
      FEEDBACK_QUERY,
      {
        ...toOffsetLimit(pagination),
        filter: toApiFilter<FeedbackFilter>('feedback', filter, FEEDBACK_FILTERS),
      },
      { signal },
    );
    return { data: feedback.nodes, total: feedback.totalCount };
  };
  /** The API has no look-up of feedback by id: this pages through the institution's. */
  const find = (ids: GetManyParams['ids'], signal?: AbortSignal) =>
    findInList(ids, async (offset, limit) => {
      const { feedback } = await client.request(
        FEEDBACK_QUERY,
        { offset, limit, filter: {} },
        { signal },
      );
      return feedback;
    });

  return {
    getList,
    getOne: async ({ id, signal }: GetOneParams) => {
      const [found] = await find([toId(id)], signal);
      if (!found) throw apiError(`Feedback ${id} does not exist.`, 'NOT_FOUND');
      return { data: found };
    },
    getMany: async ({ ids, signal }: GetManyParams) => ({ data: await find(ids, signal) }),
    /** A case's feedback (`target="caseId"`). */
    getManyReference: referenceThroughFilter('feedback', ['caseId'], getList),
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
        data: (await client.request(UPDATE_FEEDBACK_STATUS_MUTATION, { input }))
          .updateFeedbackStatus,
      };
    },
  };
};
