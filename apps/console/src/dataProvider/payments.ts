import type { CreateParams } from 'react-admin';

import { defineOperation, type GraphqlClient } from './graphqlClient';
import { parse, pickInput, toDecimalInput, type FilterSpec } from './params';
import { listHandlers, type ListVariables, type ResourceHandlers } from './resource';
import type { Connection, PaymentFilter, PaymentRecord, RecordPaymentInput } from './types';

const PAYMENT_FIELDS = /* GraphQL */ `
  fragment PaymentFields on Payment {
    id
    case {
      id
      loanNumber
    }
    amount
    paidAt
    channel
    externalRef
    unallocatedAmount
    allocations {
      installmentId
      amount
    }
    plan {
      id
      kind
      status
    }
    createdAt
  }
`;

export const PAYMENTS_QUERY = defineOperation<
  { payments: Connection<PaymentRecord> },
  ListVariables<PaymentFilter>
>(/* GraphQL */ `
  query Payments($offset: Int!, $limit: Int!, $filter: PaymentFilter) {
    payments(offset: $offset, limit: $limit, filter: $filter) {
      nodes {
        ...PaymentFields
      }
      totalCount
    }
  }
  ${PAYMENT_FIELDS}
`);

export const RECORD_PAYMENT_MUTATION = defineOperation<
  { recordPayment: PaymentRecord },
  { input: RecordPaymentInput }
>(/* GraphQL */ `
  mutation RecordPayment($input: RecordPaymentInput!) {
    recordPayment(input: $input) {
      ...PaymentFields
    }
  }
  ${PAYMENT_FIELDS}
`);

export const PAYMENT_FILTERS: FilterSpec = {
  caseId: ['caseId', parse.text],
  planId: ['planId', parse.text],
  paidFrom: ['paidFrom', parse.dateTime],
  paidTo: ['paidTo', parse.dateTime],
};

/** The API lists payments most recent first. */
export const PAYMENT_ORDER = { field: 'paidAt', order: 'DESC' } as const;

export const paymentsHandlers = (client: GraphqlClient): ResourceHandlers => ({
  ...listHandlers(client, 'payment', {
    query: PAYMENTS_QUERY,
    field: 'payments',
    filters: PAYMENT_FILTERS,
    order: PAYMENT_ORDER,
    /** A case's payments (`target="caseId"`), or a plan's (`planId`). */
    targets: ['caseId', 'planId'],
  }),
  /**
   * Records money received (`recordPayment`). The external reference makes it idempotent:
   * the same details return the first payment; other details are a CONFLICT on `externalRef`.
   */
  async create({ data }: CreateParams<RecordPaymentInput>) {
    const input = pickInput<RecordPaymentInput>(data, [
      'caseId',
      'amount',
      'paidAt',
      'channel',
      'externalRef',
    ]);
    input.amount = toDecimalInput(input.amount) as string;
    return { data: (await client.request(RECORD_PAYMENT_MUTATION, { input })).recordPayment };
  },
});
