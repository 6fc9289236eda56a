import type { Identifier } from 'react-admin';

import { CONTACTABILITY_FIELDS } from './fragments';
import { defineOperation, type GraphqlClient } from './graphqlClient';
import { toId } from './params';
import type {
  ArrearsActions,
  CallOptions,
  CanContactParams,
  ChannelContactability,
  ContactDecision,
} from './types';

export const CAN_CONTACT_QUERY = defineOperation<
  { canContact: ContactDecision },
  {
    caseId: string;
    channel: string;
    personId: string | null;
    at: string | null;
    phoneNumber: string | null;
  }
>(/* GraphQL */ `
  query CanContact(
    $caseId: ID!
    $channel: PolicyChannel!
    $personId: ID
    $at: DateTime
    $phoneNumber: String
  ) {
    canContact(
      caseId: $caseId
      channel: $channel
      personId: $personId
      at: $at
      phoneNumber: $phoneNumber
    ) {
      allowed
      nextAllowedAt
      reasons {
        code
        message
      }
    }
  }
`);

export const CONTACTABILITY_QUERY = defineOperation<
  { case: { id: string; contactability: ChannelContactability[] } },
  { caseId: string }
>(/* GraphQL */ `
  query Contactability($caseId: ID!) {
    case(id: $caseId) {
      id
      contactability {
        ...ContactabilityFields
      }
    }
  }
  ${CONTACTABILITY_FIELDS}
`);

/** The collection policy, asked before acting: the same check every write path makes. */
export const policyActions = (
  client: GraphqlClient,
): Pick<ArrearsActions, 'canContact' | 'contactability'> => ({
  async canContact(params: CanContactParams, { signal }: CallOptions = {}) {
    const variables = {
      caseId: toId(params.caseId, 'caseId'),
      channel: params.channel,
      personId: params.personId == null ? null : toId(params.personId, 'personId'),
      at: params.at ?? null,
      phoneNumber: params.phoneNumber || null,
    };
    return (await client.request(CAN_CONTACT_QUERY, variables, { signal })).canContact;
  },

  async contactability(caseId: Identifier, { signal }: CallOptions = {}) {
    const variables = { caseId: toId(caseId, 'caseId') };
    return (await client.request(CONTACTABILITY_QUERY, variables, { signal })).case.contactability;
  },
});
