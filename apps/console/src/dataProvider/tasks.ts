import { TaskKind, TaskStatus } from '@arrears/domain';
import type { UpdateManyParams, UpdateParams } from 'react-admin';

import { badRequest } from './errors';
import { defineOperation, type GraphqlClient } from './graphqlClient';
import { parse, toId, type FilterSpec } from './params';
import { eachOf, listHandlers, type ListVariables, type ResourceHandlers } from './resource';
import type { Connection, TaskFilter, TaskRecord } from './types';

const TASK_FIELDS = /* GraphQL */ `
  fragment TaskFields on Task {
    id
    kind
    status
    dueDate
    note
    case {
      id
      loanNumber
    }
    assignee {
      id
      displayName
    }
    completedAt
    createdAt
    updatedAt
  }
`;

export const TASKS_QUERY = defineOperation<
  { tasks: Connection<TaskRecord> },
  ListVariables<TaskFilter>
>(/* GraphQL */ `
  query Tasks($offset: Int!, $limit: Int!, $filter: TaskFilter) {
    tasks(offset: $offset, limit: $limit, filter: $filter) {
      nodes {
        ...TaskFields
      }
      totalCount
    }
  }
  ${TASK_FIELDS}
`);

export const COMPLETE_TASK_MUTATION = defineOperation<{ completeTask: TaskRecord }, { id: string }>(
  /* GraphQL */ `
    mutation CompleteTask($id: ID!) {
      completeTask(id: $id) {
        ...TaskFields
      }
    }
    ${TASK_FIELDS}
  `,
);

/** `dueBy` keeps the tasks due on or before that day. */
export const TASK_FILTERS: FilterSpec = {
  caseId: ['caseId', parse.text],
  assigneeId: ['assigneeId', parse.text],
  kind: ['kind', parse.enums(Object.values(TaskKind))],
  status: ['status', parse.enums(Object.values(TaskStatus))],
  dueBy: ['dueBy', parse.localDate],
};

/** The API lists tasks earliest due first. */
export const TASK_ORDER = { field: 'dueDate', order: 'ASC' } as const;

/** The one change the API makes to a task: done. */
const assertCompletes = (data: Partial<TaskRecord> | undefined) => {
  if (data?.status !== 'DONE') {
    throw badRequest('A task can only be completed: send { status: "DONE" }.');
  }
};

export const tasksHandlers = (client: GraphqlClient): ResourceHandlers => {
  const complete = async (id: string) =>
    (await client.request(COMPLETE_TASK_MUTATION, { id })).completeTask;

  return {
    ...listHandlers(client, 'task', {
      query: TASKS_QUERY,
      field: 'tasks',
      filters: TASK_FILTERS,
      order: TASK_ORDER,
      /** A case's tasks (`target="caseId"`), or a user's (`assigneeId`). */
      targets: ['caseId', 'assigneeId'],
    }),
    /** `{ status: 'DONE' }` completes the task (`completeTask`); a task already closed is a CONFLICT. */
    async update({ id, data }: UpdateParams<TaskRecord>) {
      assertCompletes(data);
      return { data: await complete(toId(id)) };
    },
    /** Completes several tasks, one `completeTask` each. */
    async updateMany({ ids, data }: UpdateManyParams<TaskRecord>) {
      assertCompletes(data);
      return eachOf(ids, 'completed', complete);
    },
  };
};
