import { Bucket, CaseStage, CaseStatus } from '@arrears/domain';
import type {
  GetListParams,
  GetManyParams,
  GetOneParams,
  UpdateManyParams,
  UpdateParams,
} from 'react-admin';

import { BORROWER_DETAIL_FIELDS } from './borrowers';
import { apiError, badRequest } from './errors';
import { CONTACTABILITY_FIELDS, PRIORITY_SCORE_FIELDS } from './fragments';
import { defineOperation, type GraphqlClient } from './graphqlClient';
import { isDefaultSort, parse, toApiFilter, toId, toOffsetLimit, type FilterSpec } from './params';
import { eachOf, referenceThroughFilter, type ResourceHandlers } from './resource';
import type {
  CaseDetail,
  CaseFilter,
  CaseListItem,
  CaseOrder,
  CaseOrderField,
  CaseUpdateData,
  Connection,
} from './types';

export const CASE_LIST_FIELDS = /* GraphQL */ `
  fragment CaseListFields on Case {
    id
    loanNumber
    product
    institution {
      id
      code
      timeZone
    }
    borrower {
      id
      fullName
    }
    assignee {
      id
      displayName
    }
    status
    stage
    outstandingAmount
    overdueSince
    dpd
    bucket
    priority
    createdAt
    lastContact {
      id
      occurredAt
    }
  }
`;

/**
 * What the case page needs in one request: the case, its borrower (masked) with their third
 * parties and consent, the priority score's factors, contactability per channel and the open
 * holds. The per-case lists (contacts, visits, plans, payments, feedback, tasks, all holds)
 * are their resources' `getManyReference`.
 */
const CASE_DETAIL_FIELDS = /* GraphQL */ `
  fragment CaseDetailFields on Case {
    id
    version
    loanNumber
    product
    institution {
      id
      code
      name
      timeZone
    }
    borrower {
      ...BorrowerDetailFields
    }
    assignee {
      id
      displayName
    }
    status
    stage
    closeReason
    principalAmount
    outstandingAmount
    overdueAmount
    overdueSince
    dpd
    bucket
    priority
    nextAction
    nextActionAt
    hardshipRequestedAt
    createdAt
    updatedAt
    lastContact {
      id
      channel
      result
      outcome
      occurredAt
      note
    }
    nextVisit {
      id
      status
      windowStart
      windowEnd
    }
    priorityScore {
      ...PriorityScoreFields
    }
    contactability {
      ...ContactabilityFields
    }
    holds {
      id
      kind
      source
      channel
      reason
      placedAt
    }
  }
  ${BORROWER_DETAIL_FIELDS}
  ${PRIORITY_SCORE_FIELDS}
  ${CONTACTABILITY_FIELDS}
`;

/** The case detail as the API sends it: the borrower without the page's `city`. */
type CaseDetailData = Omit<CaseDetail, 'borrower'> & {
  borrower: Omit<CaseDetail['borrower'], 'city'>;
};

export type CasesVariables = {
  offset: number;
  limit: number;
  filter: CaseFilter;
  orderBy: CaseOrder[] | null;
};

export const CASES_QUERY = defineOperation<{ cases: Connection<CaseListItem> }, CasesVariables>(
  /* GraphQL */ `
    query Cases($offset: Int!, $limit: Int!, $filter: CaseFilter, $orderBy: [CaseOrder!]) {
      cases(offset: $offset, limit: $limit, filter: $filter, orderBy: $orderBy) {
        nodes {
          ...CaseListFields
        }
        totalCount
      }
    }
    ${CASE_LIST_FIELDS}
  `,
);

export const CASE_QUERY = defineOperation<{ case: CaseDetailData | null }, { id: string }>(
  /* GraphQL */ `
    query Case($id: ID!) {
      case(id: $id) {
        ...CaseDetailFields
      }
    }
    ${CASE_DETAIL_FIELDS}
  `,
);

export interface AssignCaseInput {
  caseId: string;
  /** Null unassigns. */
  assigneeId: string | null;
}

export const ASSIGN_CASE_MUTATION = defineOperation<
  { assignCase: CaseDetailData },
  { input: AssignCaseInput }
>(/* GraphQL */ `
  mutation AssignCase($input: AssignCaseInput!) {
    assignCase(input: $input) {
      ...CaseDetailFields
    }
  }
  ${CASE_DETAIL_FIELDS}
`);

export interface UpdateCaseInput {
  id: string;
  version: number;
  status?: CaseStatus;
  closeReason?: string | null;
  stage?: CaseStage;
  priority?: number;
  nextAction?: string | null;
  nextActionAt?: string | null;
}

export const UPDATE_CASE_MUTATION = defineOperation<
  { updateCase: CaseDetailData },
  { input: UpdateCaseInput }
>(/* GraphQL */ `
  mutation UpdateCase($input: UpdateCaseInput!) {
    updateCase(input: $input) {
      ...CaseDetailFields
    }
  }
  ${CASE_DETAIL_FIELDS}
`);

/** The list columns the API can sort by, keyed by the record field react-admin sorts on. */
export const CASE_ORDER_FIELDS = {
  loanNumber: 'LOAN_NUMBER',
  dpd: 'DPD',
  outstandingAmount: 'OUTSTANDING_AMOUNT',
  overdueSince: 'OVERDUE_SINCE',
  createdAt: 'CREATED_AT',
  priority: 'PRIORITY',
} as const satisfies Record<string, CaseOrderField>;

const toCaseOrder = (sort: GetListParams['sort']): CaseOrder[] | null => {
  if (!sort || isDefaultSort(sort)) return null;
  const field = (CASE_ORDER_FIELDS as Record<string, CaseOrderField | undefined>)[sort.field];
  if (!field) throw badRequest(`Cases cannot be sorted by "${sort.field}".`);
  return [{ field, direction: sort.order === 'DESC' ? 'DESC' : 'ASC' }];
};

/**
 * The case list's filter inputs (their `source`s) and the `CaseFilter` field each sets. `q`
 * is react-admin's name for full-text search (borrower name or loan number). Decimals stay
 * strings; the API checks their form.
 */
export const CASE_FILTERS: FilterSpec = {
  q: ['search', parse.text],
  institutionId: ['institutionId', parse.text],
  borrowerId: ['borrowerId', parse.text],
  status: ['status', parse.enums(Object.values(CaseStatus))],
  stage: ['stage', parse.enums(Object.values(CaseStage))],
  bucket: ['bucket', parse.enums(Object.values(Bucket))],
  assigneeId: ['assigneeId', parse.text],
  unassigned: ['unassigned', parse.boolean],
  dpdMin: ['dpdMin', parse.integer],
  dpdMax: ['dpdMax', parse.integer],
  outstandingMin: ['outstandingMin', parse.text],
  outstandingMax: ['outstandingMax', parse.text],
};

export const toCaseFilter = (values: Record<string, unknown> = {}): CaseFilter =>
  toApiFilter<CaseFilter>('case', values, CASE_FILTERS);

/** The page shows the borrower's city beside their name. */
const toCaseDetail = (data: CaseDetailData): CaseDetail => ({
  ...data,
  borrower: { ...data.borrower, city: data.borrower.address.city },
});

const UPDATABLE = ['status', 'stage', 'priority', 'nextAction', 'nextActionAt'] as const;

/** The assignee `data` asks for, or `undefined` when it leaves the assignment as it is. */
const requestedAssignee = (
  data: CaseUpdateData,
  previous: Partial<CaseDetail> | undefined,
): string | null | undefined => {
  const current = previous?.assignee?.id ?? null;
  let wanted: string | null | undefined;
  if ('assigneeId' in data) wanted = data.assigneeId || null;
  else if ('assignee' in data) wanted = data.assignee?.id ?? null;
  if (wanted === undefined || (previous && wanted === current)) return undefined;
  return wanted;
};

/** The `updateCase` fields `data` changes against the record the form was filled from. */
const changedFields = (
  data: CaseUpdateData,
  previous: Partial<CaseDetail> | undefined,
): Omit<UpdateCaseInput, 'id' | 'version'> => {
  const changes: Record<string, unknown> = {};
  for (const key of UPDATABLE) {
    if (data[key] === undefined) continue;
    // A cleared text input sends '': no next action.
    const value = data[key] === '' ? null : data[key];
    if (previous && value === (previous[key] ?? null)) continue;
    changes[key] = value;
  }
  if (changes.status === 'CLOSED' && data.closeReason) changes.closeReason = data.closeReason;
  return changes;
};

export const casesHandlers = (client: GraphqlClient): ResourceHandlers => {
  const getList = async ({ pagination, sort, filter, signal }: GetListParams) => {
    const variables: CasesVariables = {
      ...toOffsetLimit(pagination),
      filter: toCaseFilter(filter),
      orderBy: toCaseOrder(sort),
    };
    const { cases } = await client.request(CASES_QUERY, variables, { signal });
    return { data: cases.nodes, total: cases.totalCount };
  };

  const assign = async (caseId: string, assigneeId: string | null) =>
    (await client.request(ASSIGN_CASE_MUTATION, { input: { caseId, assigneeId } })).assignCase;

  return {
    getList,

    getOne: async ({ id, signal }: GetOneParams) => {
      const result = await client.request(CASE_QUERY, { id: toId(id) }, { signal });
      if (!result.case) throw apiError(`Case ${id} does not exist.`, 'NOT_FOUND');
      return { data: toCaseDetail(result.case) };
    },

    /** Reference fields: every case named, in one request (the API's `ids` filter). */
    getMany: async ({ ids, signal }: GetManyParams) => {
      const wanted = ids.map(String);
      const { cases } = await client.request(
        CASES_QUERY,
        { offset: 0, limit: Math.max(1, wanted.length), filter: { ids: wanted }, orderBy: null },
        { signal },
      );
      return { data: cases.nodes };
    },

    /** A user's, a borrower's or an institution's cases. */
    getManyReference: referenceThroughFilter(
      'case',
      ['assigneeId', 'borrowerId', 'institutionId'],
      getList,
    ),

    /**
     * Assigns (`assigneeId`, or a changed `assignee.id`) through `assignCase`, and changes
     * status, stage, priority and next action through `updateCase`, which needs the version
     * the form read (`data.version`, else `previousData.version`): a stale one is a CONFLICT.
     * Fields that equal `previousData`'s are not sent. Resolves to the case page's record.
     */
    async update({ id, data, previousData }: UpdateParams<CaseDetail>) {
      const caseId = toId(id);
      const changes = data as CaseUpdateData;
      const previous = previousData as Partial<CaseDetail> | undefined;
      const fields = changedFields(changes, previous);
      const assignee = requestedAssignee(changes, previous);
      let updated: CaseDetailData | undefined;
      if (Object.keys(fields).length > 0) {
        const version = changes.version ?? previous?.version;
        if (typeof version !== 'number') {
          throw badRequest('Updating a case needs the version that was read (data.version).');
        }
        const input = { id: caseId, version, ...fields };
        updated = (await client.request(UPDATE_CASE_MUTATION, { input })).updateCase;
      }
      if (assignee !== undefined) updated = await assign(caseId, assignee);
      if (!updated) {
        const current = await client.request(CASE_QUERY, { id: caseId });
        if (!current.case) throw apiError(`Case ${id} does not exist.`, 'NOT_FOUND');
        updated = current.case;
      }
      return { data: toCaseDetail(updated) };
    },

    /** Bulk assignment: `data` is `{ assigneeId }` (null unassigns), sent as one `assignCase` per case. */
    async updateMany({ ids, data }: UpdateManyParams<CaseDetail>) {
      const { assigneeId, ...rest } = (data ?? {}) as CaseUpdateData;
      if (Object.keys(rest).length > 0 || assigneeId === undefined) {
        throw badRequest('Cases can only be updated in bulk to assign them: send { assigneeId }.');
      }
      return eachOf(ids, 'assigned', (caseId) => assign(caseId, assigneeId || null));
    },
  };
};
