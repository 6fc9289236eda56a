import { VisitStatus } from '@arrears/domain';
import type { CreateParams } from 'react-admin';

import type { ErrorFieldMap } from './errors';
import { defineOperation, type GraphqlClient } from './graphqlClient';
import { parse, pickInput, toId, type FilterSpec } from './params';
import { listHandlers, readById, type ListVariables, type ResourceHandlers } from './resource';
import type {
  ArrearsActions,
  CancelVisitInput,
  CheckInVisitInput,
  ConfirmVisitInput,
  Connection,
  RecordVisitOutcomeInput,
  RescheduleVisitInput,
  ScheduleVisitInput,
  VisitFilter,
  VisitRecord,
} from './types';

const VISIT_FIELDS = /* GraphQL */ `
  fragment VisitFields on Visit {
    id
    case {
      id
      loanNumber
      borrower {
        id
        fullName
      }
    }
    status
    windowStart
    windowEnd
    address
    purpose
    collectors {
      id
      displayName
    }
    plannedBy {
      id
      displayName
    }
    confirmedAt
    confirmedVia
    confirmedBy {
      id
      displayName
    }
    checkedInAt
    checkedOutAt
    checkInLatitude
    checkInLongitude
    idShown
    consentToEnter
    attitude
    willingness
    overdueReason
    negotiatedResult
    note
    followUpDate
    createdAt
    updatedAt
  }
`;

export const VISITS_QUERY = defineOperation<
  { visits: Connection<VisitRecord> },
  ListVariables<VisitFilter>
>(/* GraphQL */ `
  query Visits($offset: Int!, $limit: Int!, $filter: VisitFilter) {
    visits(offset: $offset, limit: $limit, filter: $filter) {
      nodes {
        ...VisitFields
      }
      totalCount
    }
  }
  ${VISIT_FIELDS}
`);

export const VISIT_QUERY = defineOperation<{ visit: VisitRecord }, { id: string }>(/* GraphQL */ `
  query Visit($id: ID!) {
    visit(id: $id) {
      ...VisitFields
    }
  }
  ${VISIT_FIELDS}
`);

/** A visit window the policy refuses (quiet hours, a no-contact day) is the window's start's fault. */
const WINDOW_ERROR_FIELDS: ErrorFieldMap = {
  policy: { QUIET_HOURS: 'windowStart', HOLIDAY: 'windowStart' },
};

const visitMutation = <TName extends string, TInput>(
  name: TName,
  inputType: string,
  errorFields?: ErrorFieldMap,
) =>
  defineOperation<{ [K in TName]: VisitRecord }, { input: TInput }>(
    /* GraphQL */ `
      mutation ${name[0]!.toUpperCase()}${name.slice(1)}($input: ${inputType}!) {
        ${name}(input: $input) {
          ...VisitFields
        }
      }
      ${VISIT_FIELDS}
    `,
    errorFields,
  );

/** The workflow inputs with their ids as the `ID` strings the schema expects. */
type WithIds<T> = Omit<T, 'visitId' | 'confirmedById'> & {
  visitId: string;
  confirmedById?: string | null;
};

export const SCHEDULE_VISIT_MUTATION = visitMutation<'scheduleVisit', ScheduleVisitInput>(
  'scheduleVisit',
  'ScheduleVisitInput',
  WINDOW_ERROR_FIELDS,
);
export const CONFIRM_VISIT_MUTATION = visitMutation<'confirmVisit', WithIds<ConfirmVisitInput>>(
  'confirmVisit',
  'ConfirmVisitInput',
);
export const CHECK_IN_VISIT_MUTATION = visitMutation<'checkInVisit', WithIds<CheckInVisitInput>>(
  'checkInVisit',
  'CheckInVisitInput',
  { policy: { QUIET_HOURS: 'at', HOLIDAY: 'at' } },
);
export const RECORD_VISIT_OUTCOME_MUTATION = visitMutation<
  'recordVisitOutcome',
  WithIds<RecordVisitOutcomeInput>
>('recordVisitOutcome', 'RecordVisitOutcomeInput');
export const CANCEL_VISIT_MUTATION = visitMutation<'cancelVisit', WithIds<CancelVisitInput>>(
  'cancelVisit',
  'CancelVisitInput',
);
export const RESCHEDULE_VISIT_MUTATION = visitMutation<
  'rescheduleVisit',
  WithIds<RescheduleVisitInput>
>('rescheduleVisit', 'RescheduleVisitInput', WINDOW_ERROR_FIELDS);

const SCHEDULE_VISIT_KEYS = [
  'caseId',
  'collectorIds',
  'windowStart',
  'windowEnd',
  'purpose',
  'address',
  'plannedById',
  'idempotencyKey',
] as const satisfies readonly (keyof ScheduleVisitInput)[];

/** `windowFrom`/`windowTo` keep the visits whose window overlaps that span. */
export const VISIT_FILTERS: FilterSpec = {
  caseId: ['caseId', parse.text],
  institutionId: ['institutionId', parse.text],
  collectorId: ['collectorId', parse.text],
  status: ['status', parse.enums(Object.values(VisitStatus))],
  windowFrom: ['windowFrom', parse.dateTime],
  windowTo: ['windowTo', parse.dateTime],
};

/** The API lists visits by window start, earliest first. */
export const VISIT_ORDER = { field: 'windowStart', order: 'ASC' } as const;

export const visitsHandlers = (client: GraphqlClient): ResourceHandlers => ({
  ...listHandlers(client, 'visit', {
    query: VISITS_QUERY,
    field: 'visits',
    filters: VISIT_FILTERS,
    order: VISIT_ORDER,
    /** A case's visits (`target="caseId"`), or a collector's (`collectorId`). */
    targets: ['caseId', 'collectorId'],
  }),
  ...readById(async (id, signal) => (await client.request(VISIT_QUERY, { id }, { signal })).visit),
  /** Plans a visit (`scheduleVisit`): its window is judged by the collection policy. */
  async create({ data }: CreateParams<ScheduleVisitInput>) {
    const input = pickInput<ScheduleVisitInput>(data, SCHEDULE_VISIT_KEYS);
    return { data: (await client.request(SCHEDULE_VISIT_MUTATION, { input })).scheduleVisit };
  },
});

/** The visit's workflow after planning: PLANNED → CONFIRMED → CHECKED_IN → COMPLETED, and the side exits. */
export const visitActions = (
  client: GraphqlClient,
): Pick<
  ArrearsActions,
  'confirmVisit' | 'checkInVisit' | 'recordVisitOutcome' | 'cancelVisit' | 'rescheduleVisit'
> => {
  const withIds = <T extends { visitId: unknown; confirmedById?: unknown }>(
    input: T,
  ): WithIds<T> => ({
    ...input,
    visitId: toId(input.visitId, 'visitId'),
    ...(input.confirmedById != null && {
      confirmedById: toId(input.confirmedById, 'confirmedById'),
    }),
  });
  return {
    confirmVisit: async (input) =>
      (await client.request(CONFIRM_VISIT_MUTATION, { input: withIds(input) })).confirmVisit,
    checkInVisit: async (input) =>
      (await client.request(CHECK_IN_VISIT_MUTATION, { input: withIds(input) })).checkInVisit,
    recordVisitOutcome: async (input) =>
      (await client.request(RECORD_VISIT_OUTCOME_MUTATION, { input: withIds(input) }))
        .recordVisitOutcome,
    cancelVisit: async (input) =>
      (await client.request(CANCEL_VISIT_MUTATION, { input: withIds(input) })).cancelVisit,
    /** Resolves to the new visit; the old one stays as it was, RESCHEDULED. */
    rescheduleVisit: async (input) =>
      (await client.request(RESCHEDULE_VISIT_MUTATION, { input: withIds(input) })).rescheduleVisit,
  };
};
