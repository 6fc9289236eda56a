import { HoldKind } from '@arrears/domain';
import type { CreateParams, GetListParams, UpdateParams } from 'react-admin';

import { badRequest } from './errors';
import { defineOperation, type GraphqlClient } from './graphqlClient';
import {
  checkFixedOrder,
  pageOf,
  parse,
  pickInput,
  toApiFilter,
  toId,
  type FilterSpec,
} from './params';
import { referenceThroughFilter, type ResourceHandlers } from './resource';
import type { HoldRecord, HoldReleaseData, PlaceHoldInput } from './types';

const HOLD_FIELDS = /* GraphQL */ `
  fragment HoldFields on CaseHold {
    id
    case {
      id
    }
    kind
    source
    channel
    reason
    placedAt
    placedBy {
      id
      displayName
    }
    releasedAt
    releasedBy {
      id
      displayName
    }
    releaseNote
    createdAt
    updatedAt
  }
`;

/** The API has holds only as a case's field (no list across cases): a case page's sub-resource. */
export const CASE_HOLDS_QUERY = defineOperation<
  { case: { id: string; holds: HoldRecord[] } },
  { caseId: string; includeReleased: boolean }
>(/* GraphQL */ `
  query CaseHolds($caseId: ID!, $includeReleased: Boolean!) {
    case(id: $caseId) {
      id
      holds(includeReleased: $includeReleased) {
        ...HoldFields
      }
    }
  }
  ${HOLD_FIELDS}
`);

export const PLACE_HOLD_MUTATION = defineOperation<
  { placeHold: HoldRecord },
  { input: PlaceHoldInput }
>(/* GraphQL */ `
  mutation PlaceHold($input: PlaceHoldInput!) {
    placeHold(input: $input) {
      ...HoldFields
    }
  }
  ${HOLD_FIELDS}
`);

/** The release form edits the record's `releaseNote`; the API's input calls it `note`. */
export const RELEASE_HOLD_MUTATION = defineOperation<
  { releaseHold: HoldRecord },
  { input: { holdId: string; note: string } }
>(
  /* GraphQL */ `
    mutation ReleaseHold($input: ReleaseHoldInput!) {
      releaseHold(input: $input) {
        ...HoldFields
      }
    }
    ${HOLD_FIELDS}
  `,
  { rename: { note: 'releaseNote' } },
);

/** `caseId` is required; `includeReleased: true` lists the released holds too. */
export const HOLD_FILTERS: FilterSpec = {
  caseId: ['caseId', parse.text],
  includeReleased: ['includeReleased', parse.boolean],
  kind: ['kind', parse.enums(Object.values(HoldKind))],
};

/** The API lists a case's holds newest first. */
export const HOLD_ORDER = { field: 'placedAt', order: 'DESC' } as const;

export const holdsHandlers = (client: GraphqlClient): ResourceHandlers => {
  const getList = async ({ pagination, sort, filter, signal }: GetListParams) => {
    checkFixedOrder('hold', sort, HOLD_ORDER);
    const { caseId, includeReleased, kind } = toApiFilter<{
      caseId?: string;
      includeReleased?: boolean;
      kind?: HoldKind[];
    }>('hold', filter, HOLD_FILTERS);
    if (!caseId) throw badRequest('Holds are listed per case: filter by caseId.');
    const result = await client.request(
      CASE_HOLDS_QUERY,
      { caseId, includeReleased: includeReleased ?? false },
      { signal },
    );
    const holds = kind
      ? result.case.holds.filter((hold) => kind.includes(hold.kind))
      : result.case.holds;
    return pageOf(holds, pagination);
  };

  return {
    getList,
    /** A case's holds (`target="caseId"`), open ones unless the filter has `includeReleased: true`. */
    getManyReference: referenceThroughFilter('hold', ['caseId'], getList),
    /** Places a hold by hand (`placeHold`): a dispute, a complaint, or a cease request for one channel. */
    async create({ data }: CreateParams<PlaceHoldInput>) {
      const input = pickInput<PlaceHoldInput>(data, ['caseId', 'kind', 'channel', 'reason']);
      return { data: (await client.request(PLACE_HOLD_MUTATION, { input })).placeHold };
    },
    /**
     * Releases the hold (`releaseHold`) with `data.releaseNote`. Only holds placed by hand:
     * feedback and plan holds lift with their source (the API answers CONFLICT).
     */
    async update({ id, data }: UpdateParams<HoldRecord>) {
      const { releaseNote } = (data ?? {}) as Partial<HoldReleaseData>;
      const input = { holdId: toId(id), note: releaseNote ?? '' };
      return { data: (await client.request(RELEASE_HOLD_MUTATION, { input })).releaseHold };
    },
  };
};
