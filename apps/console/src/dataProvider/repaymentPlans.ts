import { RepaymentPlanKind, RepaymentPlanStatus } from '@arrears/domain';
import type { CreateParams } from 'react-admin';

import { defineOperation, type GraphqlClient } from './graphqlClient';
import { parse, pickInput, toDecimalInput, toId, type FilterSpec } from './params';
import { listHandlers, type ListVariables, type ResourceHandlers } from './resource';
import type {
  ArrearsActions,
  CancelRepaymentPlanInput,
  Connection,
  CreateRepaymentPlanInput,
  InstallmentInput,
  RepaymentPlanFilter,
  RepaymentPlanRecord,
} from './types';

const PLAN_FIELDS = /* GraphQL */ `
  fragment RepaymentPlanFields on RepaymentPlan {
    id
    version
    case {
      id
      loanNumber
    }
    kind
    status
    hardship
    totalAmount
    paidAmount
    note
    installments {
      id
      sequence
      dueDate
      amount
      paidAmount
    }
    createdBy {
      id
      displayName
    }
    closedAt
    createdAt
    updatedAt
  }
`;

export const REPAYMENT_PLANS_QUERY = defineOperation<
  { repaymentPlans: Connection<RepaymentPlanRecord> },
  ListVariables<RepaymentPlanFilter>
>(/* GraphQL */ `
  query RepaymentPlans($offset: Int!, $limit: Int!, $filter: RepaymentPlanFilter) {
    repaymentPlans(offset: $offset, limit: $limit, filter: $filter) {
      nodes {
        ...RepaymentPlanFields
      }
      totalCount
    }
  }
  ${PLAN_FIELDS}
`);

export const CREATE_REPAYMENT_PLAN_MUTATION = defineOperation<
  { createRepaymentPlan: RepaymentPlanRecord },
  { input: CreateRepaymentPlanInput }
>(/* GraphQL */ `
  mutation CreateRepaymentPlan($input: CreateRepaymentPlanInput!) {
    createRepaymentPlan(input: $input) {
      ...RepaymentPlanFields
    }
  }
  ${PLAN_FIELDS}
`);

export const CANCEL_REPAYMENT_PLAN_MUTATION = defineOperation<
  { cancelRepaymentPlan: RepaymentPlanRecord },
  { input: { planId: string; reason: string } }
>(/* GraphQL */ `
  mutation CancelRepaymentPlan($input: CancelRepaymentPlanInput!) {
    cancelRepaymentPlan(input: $input) {
      ...RepaymentPlanFields
    }
  }
  ${PLAN_FIELDS}
`);

export const REPAYMENT_PLAN_FILTERS: FilterSpec = {
  caseId: ['caseId', parse.text],
  kind: ['kind', parse.enums(Object.values(RepaymentPlanKind))],
  status: ['status', parse.enums(Object.values(RepaymentPlanStatus))],
};

/** The API lists plans newest first. */
export const REPAYMENT_PLAN_ORDER = { field: 'createdAt', order: 'DESC' } as const;

export const repaymentPlansHandlers = (client: GraphqlClient): ResourceHandlers => ({
  ...listHandlers(client, 'repayment plan', {
    query: REPAYMENT_PLANS_QUERY,
    field: 'repaymentPlans',
    filters: REPAYMENT_PLAN_FILTERS,
    order: REPAYMENT_PLAN_ORDER,
    /** A case's plans (`target="caseId"`). */
    targets: ['caseId'],
  }),
  /**
   * Takes a promise, an installment plan or an extension (`createRepaymentPlan`). Errors on
   * one installment land on `installments.<index>.amount` / `.dueDate`, as an
   * `<ArrayInput source="installments">` names its inputs.
   */
  async create({ data }: CreateParams<CreateRepaymentPlanInput>) {
    const input = pickInput<CreateRepaymentPlanInput>(data, [
      'caseId',
      'kind',
      'total',
      'installments',
      'hardship',
      'note',
    ]);
    input.total = toDecimalInput(input.total) as string;
    input.installments = (input.installments ?? []).map((installment: InstallmentInput) => ({
      dueDate: installment.dueDate,
      amount: toDecimalInput(installment.amount) as string,
    }));
    return {
      data: (await client.request(CREATE_REPAYMENT_PLAN_MUTATION, { input })).createRepaymentPlan,
    };
  },
});

export const repaymentPlanActions = (
  client: GraphqlClient,
): Pick<ArrearsActions, 'cancelRepaymentPlan'> => ({
  async cancelRepaymentPlan({ planId, reason }: CancelRepaymentPlanInput) {
    const input = { planId: toId(planId, 'planId'), reason };
    return (await client.request(CANCEL_REPAYMENT_PLAN_MUTATION, { input })).cancelRepaymentPlan;
  },
});
