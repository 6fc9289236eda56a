import type { Identifier } from 'react-admin';

import { defineOperation, type GraphqlClient } from './graphqlClient';
import { parse, toId, type FilterSpec } from './params';
import { listHandlers, readById, type ListVariables, type ResourceHandlers } from './resource';
import type {
  ArrearsActions,
  BorrowerDetail,
  BorrowerFilter,
  BorrowerListItem,
  BorrowerPii,
  Connection,
  RecordContactConsentInput,
} from './types';

/**
 * Borrowers are read masked, always: no document here selects a clear national ID or phone.
 * `revealBorrowerPII` is the one way to them, a mutation the API audits, and its answer is
 * never a record in react-admin's cache.
 */
const BORROWER_LIST_FIELDS = /* GraphQL */ `
  fragment BorrowerListFields on Borrower {
    id
    fullName
    nationalIdMasked
    phonesMasked
    emailMasked
    address {
      province
      city
      district
      detail
    }
    employer
    creditScore
    timeZone
    createdAt
    updatedAt
  }
`;

export const BORROWER_DETAIL_FIELDS = /* GraphQL */ `
  fragment BorrowerDetailFields on Borrower {
    ...BorrowerListFields
    monthlyIncome
    contactConsent {
      windowStart
      windowEnd
      evidence
      recordedAt
    }
    thirdParties {
      id
      fullName
      relation
      phoneMasked
      debtRelated
      refusedContact
    }
  }
  ${BORROWER_LIST_FIELDS}
`;

export const BORROWERS_QUERY = defineOperation<
  { borrowers: Connection<BorrowerListItem> },
  ListVariables<BorrowerFilter>
>(/* GraphQL */ `
  query Borrowers($offset: Int!, $limit: Int!, $filter: BorrowerFilter) {
    borrowers(offset: $offset, limit: $limit, filter: $filter) {
      nodes {
        ...BorrowerListFields
      }
      totalCount
    }
  }
  ${BORROWER_LIST_FIELDS}
`);

export const BORROWER_QUERY = defineOperation<{ borrower: BorrowerDetail }, { id: string }>(
  /* GraphQL */ `
    query Borrower($id: ID!) {
      borrower(id: $id) {
        ...BorrowerDetailFields
      }
    }
    ${BORROWER_DETAIL_FIELDS}
  `,
);

export const REVEAL_BORROWER_PII_MUTATION = defineOperation<
  { revealBorrowerPII: BorrowerPii },
  { borrowerId: string; reason: string }
>(/* GraphQL */ `
  mutation RevealBorrowerPII($borrowerId: ID!, $reason: String!) {
    revealBorrowerPII(borrowerId: $borrowerId, reason: $reason) {
      nationalId
      phones
    }
  }
`);

export const RECORD_CONTACT_CONSENT_MUTATION = defineOperation<
  { recordContactConsent: BorrowerDetail },
  { input: RecordContactConsentInput }
>(/* GraphQL */ `
  mutation RecordContactConsent($input: RecordContactConsentInput!) {
    recordContactConsent(input: $input) {
      ...BorrowerDetailFields
    }
  }
  ${BORROWER_DETAIL_FIELDS}
`);

export const WITHDRAW_CONTACT_CONSENT_MUTATION = defineOperation<
  { withdrawContactConsent: BorrowerDetail },
  { borrowerId: string }
>(/* GraphQL */ `
  mutation WithdrawContactConsent($borrowerId: ID!) {
    withdrawContactConsent(borrowerId: $borrowerId) {
      ...BorrowerDetailFields
    }
  }
  ${BORROWER_DETAIL_FIELDS}
`);

/** `q` searches names; national ID and phone match exactly (the API compares blind indexes). */
export const BORROWER_FILTERS: FilterSpec = {
  q: ['search', parse.text],
  institutionId: ['institutionId', parse.text],
  nationalId: ['nationalId', parse.text],
  phone: ['phone', parse.text],
};

/** The API lists borrowers newest first. */
export const BORROWER_ORDER = { field: 'createdAt', order: 'DESC' } as const;

export const borrowersHandlers = (client: GraphqlClient): ResourceHandlers => ({
  ...listHandlers(client, 'borrower', {
    query: BORROWERS_QUERY,
    field: 'borrowers',
    filters: BORROWER_FILTERS,
    order: BORROWER_ORDER,
    targets: ['institutionId'],
  }),
  ...readById(
    async (id, signal) => (await client.request(BORROWER_QUERY, { id }, { signal })).borrower,
  ),
});

export const borrowerActions = (
  client: GraphqlClient,
): Pick<
  ArrearsActions,
  'revealBorrowerPII' | 'recordContactConsent' | 'withdrawContactConsent'
> => ({
  async revealBorrowerPII(borrowerId: Identifier, reason: string) {
    const variables = { borrowerId: toId(borrowerId, 'borrowerId'), reason };
    return (await client.request(REVEAL_BORROWER_PII_MUTATION, variables)).revealBorrowerPII;
  },

  async recordContactConsent(input: RecordContactConsentInput) {
    const variables = { input: { ...input, borrowerId: toId(input.borrowerId, 'borrowerId') } };
    return (await client.request(RECORD_CONTACT_CONSENT_MUTATION, variables)).recordContactConsent;
  },

  async withdrawContactConsent(borrowerId: Identifier) {
    const variables = { borrowerId: toId(borrowerId, 'borrowerId') };
    return (await client.request(WITHDRAW_CONTACT_CONSENT_MUTATION, variables))
      .withdrawContactConsent;
  },
});
