import type { PaginationPayload } from 'react-admin';

import { CASE_LIST_FIELDS } from './cases';
import { PRIORITY_SCORE_FIELDS } from './fragments';
import { defineOperation, type GraphqlClient } from './graphqlClient';
import { toOffsetLimit } from './params';
import type { ArrearsActions, CallOptions, DailyCycleReport, WorklistItem } from './types';

export const MY_WORKLIST_QUERY = defineOperation<
  { myWorklist: { totalCount: number; nodes: Omit<WorklistItem, 'id'>[] } },
  { offset: number; limit: number }
>(/* GraphQL */ `
  query MyWorklist($offset: Int!, $limit: Int!) {
    myWorklist(offset: $offset, limit: $limit) {
      totalCount
      nodes {
        case {
          ...CaseListFields
        }
        nextAction {
          kind
          allowed
          at
          reasons {
            code
            message
          }
        }
        priority {
          ...PriorityScoreFields
        }
      }
    }
  }
  ${CASE_LIST_FIELDS}
  ${PRIORITY_SCORE_FIELDS}
`);

export const RUN_DAILY_CYCLE_MUTATION = defineOperation<
  { runDailyCycle: DailyCycleReport },
  { at: string | null }
>(/* GraphQL */ `
  mutation RunDailyCycle($at: DateTime) {
    runDailyCycle(at: $at) {
      at
      institutions
      casesExamined
      plansKept
      plansBroken
      prioritiesChanged
      stagesRaised
      tasksCreated
    }
  }
`);

/** The worklist and the daily strategy run. */
export const strategyActions = (
  client: GraphqlClient,
): Pick<ArrearsActions, 'myWorklist' | 'runDailyCycle'> => ({
  async myWorklist(
    { pagination }: { pagination?: PaginationPayload } = {},
    { signal }: CallOptions = {},
  ) {
    const { myWorklist } = await client.request(MY_WORKLIST_QUERY, toOffsetLimit(pagination), {
      signal,
    });
    // A worklist row is its case: react-admin's lists want the id on the row.
    const data = myWorklist.nodes.map((item) => ({ id: item.case.id, ...item }));
    return { data, total: myWorklist.totalCount };
  },

  async runDailyCycle(at?: string | null) {
    return (await client.request(RUN_DAILY_CYCLE_MUTATION, { at: at ?? null })).runDailyCycle;
  },
});
