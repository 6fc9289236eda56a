import { Bucket, CaseStage, CaseStatus } from '@arrears/domain';
import type { GetListParams, GetOneParams } from 'react-admin';

import { apiError, badRequest } from './errors';
import { defineOperation, type GraphqlClient } from './graphqlClient';
import {
  isBlank,
  isDefaultSort,
  toEnumList,
  toInteger,
  toOffsetLimit,
  toText,
  unsupportedFilter,
} from './params';
import type { ResourceHandlers } from './resource';
import type {
  CaseDetail,
  CaseFilter,
  CaseListItem,
  CaseOrder,
  CaseOrderField,
  Connection,
} from './types';

const CASE_LIST_FIELDS = /* GraphQL */ `
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
    dpd
    bucket
    createdAt
    lastContact {
      id
      occurredAt
    }
  }
`;

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
      id
      fullName
      nationalIdMasked
      phonesMasked
      city
    }
    assignee {
      id
      displayName
    }
    status
    stage
    principalAmount
    outstandingAmount
    overdueAmount
    overdueSince
    dpd
    bucket
    priority
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
  }
`;

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

export const CASE_QUERY = defineOperation<{ case: CaseDetail | null }, { id: string }>(
  /* GraphQL */ `
    query Case($id: ID!) {
      case(id: $id) {
        ...CaseDetailFields
      }
    }
    ${CASE_DETAIL_FIELDS}
  `,
);

/** The list columns the API can sort by, keyed by the record field react-admin sorts on. */
export const CASE_ORDER_FIELDS = {
  loanNumber: 'LOAN_NUMBER',
  dpd: 'DPD',
  outstandingAmount: 'OUTSTANDING_AMOUNT',
  overdueSince: 'OVERDUE_SINCE',
  createdAt: 'CREATED_AT',
} as const satisfies Record<string, CaseOrderField>;

const toCaseOrder = (sort: GetListParams['sort']): CaseOrder[] | null => {
  if (!sort || isDefaultSort(sort)) return null;
  const field = (CASE_ORDER_FIELDS as Record<string, CaseOrderField | undefined>)[sort.field];
  if (!field) throw badRequest(`Cases cannot be sorted by "${sort.field}".`);
  return [{ field, direction: sort.order === 'DESC' ? 'DESC' : 'ASC' }];
};

/**
 * The filter values the case list sends (its filter inputs' sources), as the API's
 * `CaseFilter`. `q` is react-admin's name for full-text search.
 */
export const toCaseFilter = (values: Record<string, unknown> = {}): CaseFilter => {
  const filter: CaseFilter = {};
  for (const [name, value] of Object.entries(values)) {
    if (isBlank(value)) continue;
    switch (name) {
      case 'q': {
        const search = toText(value, name);
        if (search) filter.search = search;
        break;
      }
      case 'status':
        filter.status = toEnumList(value, Object.values(CaseStatus), name);
        break;
      case 'stage':
        filter.stage = toEnumList(value, Object.values(CaseStage), name);
        break;
      case 'bucket':
        filter.bucket = toEnumList(value, Object.values(Bucket), name);
        break;
      case 'institutionId':
      case 'assigneeId':
      case 'outstandingMin':
      case 'outstandingMax':
        // Decimals stay strings; the API checks their form.
        filter[name] = toText(value, name);
        break;
      case 'dpdMin':
      case 'dpdMax':
        filter[name] = toInteger(value, name);
        break;
      default:
        throw unsupportedFilter('case', name);
    }
  }
  return filter;
};

export const casesHandlers = (client: GraphqlClient): ResourceHandlers => ({
  async getList({ pagination, sort, filter, signal }: GetListParams) {
    const variables: CasesVariables = {
      ...toOffsetLimit(pagination),
      filter: toCaseFilter(filter),
      orderBy: toCaseOrder(sort),
    };
    const { cases } = await client.request(CASES_QUERY, variables, { signal });
    return { data: cases.nodes, total: cases.totalCount };
  },

  async getOne({ id, signal }: GetOneParams) {
    const result = await client.request(CASE_QUERY, { id: String(id) }, { signal });
    if (!result.case) throw apiError(`Case ${id} does not exist.`, 'NOT_FOUND');
    return { data: result.case };
  },
});
