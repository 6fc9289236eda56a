import { ContactChannel, ContactResult } from '@arrears/domain';
import type { CreateParams } from 'react-admin';

import type { ErrorFieldMap } from './errors';
import { defineOperation, type GraphqlClient } from './graphqlClient';
import { parse, pickInput, type FilterSpec } from './params';
import { listHandlers, type ListVariables, type ResourceHandlers } from './resource';
import type { Connection, ContactFilter, ContactRecord, LogContactInput } from './types';

const CONTACT_FIELDS = /* GraphQL */ `
  fragment ContactFields on Contact {
    id
    case {
      id
      loanNumber
      borrower {
        id
        fullName
      }
    }
    channel
    direction
    result
    outcome
    attitude
    note
    recordingRef
    occurredAt
    madeBy {
      id
      displayName
    }
    thirdParty {
      id
      fullName
      relation
    }
    createdAt
  }
`;

export const CONTACTS_QUERY = defineOperation<
  { contacts: Connection<ContactRecord> },
  ListVariables<ContactFilter>
>(/* GraphQL */ `
  query Contacts($offset: Int!, $limit: Int!, $filter: ContactFilter) {
    contacts(offset: $offset, limit: $limit, filter: $filter) {
      nodes {
        ...ContactFields
      }
      totalCount
    }
  }
  ${CONTACT_FIELDS}
`);

/**
 * Where a refusal lands on the contact form: the time rules on `occurredAt`, the dial cap on
 * the number, a cease request on the channel, third-party rules on the person. Holds stop the
 * case as a whole and show as the form's message.
 */
export const LOG_CONTACT_ERROR_FIELDS: ErrorFieldMap = {
  policy: {
    QUIET_HOURS: 'occurredAt',
    HOLIDAY: 'occurredAt',
    CONVERSATION_CAP: 'occurredAt',
    CONVERSATION_COOLDOWN: 'occurredAt',
    CALL_ATTEMPT_CAP: 'occurredAt',
    DIAL_CAP: 'phoneNumber',
    CEASE_CHANNEL: 'channel',
    THIRD_PARTY_NOT_UNLOCKED: 'thirdPartyId',
    THIRD_PARTY_REFUSED: 'thirdPartyId',
  },
};

export const LOG_CONTACT_MUTATION = defineOperation<
  { logContact: ContactRecord },
  { input: LogContactInput }
>(
  /* GraphQL */ `
    mutation LogContact($input: LogContactInput!) {
      logContact(input: $input) {
        ...ContactFields
      }
    }
    ${CONTACT_FIELDS}
  `,
  LOG_CONTACT_ERROR_FIELDS,
);

const LOG_CONTACT_KEYS = [
  'caseId',
  'channel',
  'direction',
  'result',
  'outcome',
  'attitude',
  'note',
  'occurredAt',
  'recordingRef',
  'phoneNumber',
  'thirdPartyId',
  'madeById',
  'idempotencyKey',
] as const satisfies readonly (keyof LogContactInput)[];

export const CONTACT_FILTERS: FilterSpec = {
  caseId: ['caseId', parse.text],
  institutionId: ['institutionId', parse.text],
  channel: ['channel', parse.enums(Object.values(ContactChannel))],
  result: ['result', parse.enums(Object.values(ContactResult))],
  madeById: ['madeById', parse.text],
  occurredFrom: ['occurredFrom', parse.dateTime],
  occurredTo: ['occurredTo', parse.dateTime],
};

/** The API lists contacts most recent first. */
export const CONTACT_ORDER = { field: 'occurredAt', order: 'DESC' } as const;

export const contactsHandlers = (client: GraphqlClient): ResourceHandlers => ({
  ...listHandlers(client, 'contact', {
    query: CONTACTS_QUERY,
    field: 'contacts',
    filters: CONTACT_FILTERS,
    order: CONTACT_ORDER,
    /** A case's contacts (`target="caseId"`), or a collector's (`madeById`). */
    targets: ['caseId', 'madeById'],
  }),
  /** Logs a contact (`logContact`): every outbound one is judged by the collection policy first. */
  async create({ data }: CreateParams<LogContactInput>) {
    const input = pickInput<LogContactInput>(data, LOG_CONTACT_KEYS);
    return { data: (await client.request(LOG_CONTACT_MUTATION, { input })).logContact };
  },
});
