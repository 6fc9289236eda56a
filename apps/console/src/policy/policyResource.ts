import type { CaseStage, RulePackCode } from '@arrears/domain';
import type { GetOneParams, UpdateParams } from 'react-admin';

import { apiError } from '../dataProvider/errors';
import { defineOperation, type GraphqlClient } from '../dataProvider/graphqlClient';
import { toId } from '../dataProvider/params';
import type { ResourceHandlers } from '../dataProvider/resource';

/** The schema's `RulePackNumbers` (null: the pack has no such rule, or it is not tightened). */
export interface RulePackNumbers {
  quietHoursStart: string | null;
  quietHoursEnd: string | null;
  maxUnansweredDialsPerNumberPerDay: number | null;
  maxConversationsPerBorrowerPerDay: number | null;
  maxCallAttemptsPerRollingDays: { attempts: number; days: number } | null;
  noCallAfterConversationDays: number | null;
  thirdPartyUnreachableAfterFailedAttempts: number | null;
  recordRetentionYears: number | null;
  visitMinCollectors: number | null;
  hardshipPlanMaxYears: number | null;
}

export interface LadderStep {
  fromDpd: number;
  stage: CaseStage;
}

/** The schema's `CollectionPolicy`. */
export interface CollectionPolicy {
  rulePack: RulePackCode;
  version: string;
  holidayCalendar: boolean;
  /** The numbers in force: the pack with the institution's tightenings applied. */
  numbers: RulePackNumbers;
  /** Only what the institution tightened. */
  overrides: RulePackNumbers;
  escalationLadder: LadderStep[];
}

/** `getOne('collectionPolicies', { id: institutionId })`. */
export interface CollectionPolicyRecord extends CollectionPolicy {
  /** The institution's id. */
  id: string;
  institutionName: string;
}

/** The schema's `UpdateCollectionPolicyInput` without the institution (the record's id). */
export interface CollectionPolicyChanges {
  rulePack?: RulePackCode;
  holidayCalendar?: boolean;
  /** Replaces every tightening; numbers left out follow the pack. */
  overrides?: Partial<RulePackNumbers>;
  /** Replaces the ladder; an empty list returns to the default ladder. */
  escalationLadder?: LadderStep[];
}

const NUMBERS = /* GraphQL */ `
  quietHoursStart
  quietHoursEnd
  maxUnansweredDialsPerNumberPerDay
  maxConversationsPerBorrowerPerDay
  maxCallAttemptsPerRollingDays {
    attempts
    days
  }
  noCallAfterConversationDays
  thirdPartyUnreachableAfterFailedAttempts
  recordRetentionYears
  visitMinCollectors
  hardshipPlanMaxYears
`;

const INSTITUTION_POLICY = /* GraphQL */ `
  id
  name
  collectionPolicy {
    rulePack
    version
    holidayCalendar
    numbers {
      ${NUMBERS}
    }
    overrides {
      ${NUMBERS}
    }
    escalationLadder {
      fromDpd
      stage
    }
  }
`;

interface InstitutionPolicy {
  id: string;
  name: string;
  collectionPolicy: CollectionPolicy;
}

/** The signed-in user's institution: the API has no look-up of an institution by id. */
export const MY_COLLECTION_POLICY_QUERY = defineOperation<
  { me: { institution: InstitutionPolicy } | null },
  Record<string, never>
>(/* GraphQL */ `
  query MyCollectionPolicy {
    me {
      institution {
        ${INSTITUTION_POLICY}
      }
    }
  }
`);

export const UPDATE_COLLECTION_POLICY_MUTATION = defineOperation<
  { updateCollectionPolicy: InstitutionPolicy },
  { input: CollectionPolicyChanges & { institutionId: string } }
>(
  /* GraphQL */ `
    mutation UpdateCollectionPolicy($input: UpdateCollectionPolicyInput!) {
      updateCollectionPolicy(input: $input) {
        ${INSTITUTION_POLICY}
      }
    }
  `,
  // "cannot remove the pack's limit" names the pair; the form shows it on its first input.
  {
    rename: {
      'overrides.maxCallAttemptsPerRollingDays': 'overrides.maxCallAttemptsPerRollingDays.attempts',
    },
  },
);

const toRecord = ({ id, name, collectionPolicy }: InstitutionPolicy): CollectionPolicyRecord => ({
  id,
  institutionName: name,
  ...collectionPolicy,
});

/**
 * The institution's collection policy as a react-admin resource with `getOne` and `update`,
 * so the policy page is a plain `<Edit>`: pessimistic save, the API's refusals (a number that
 * would loosen the pack, a ladder that does not climb) under the input they name.
 */
export const collectionPoliciesHandlers = (client: GraphqlClient): ResourceHandlers => ({
  async getOne({ id, signal }: GetOneParams) {
    const { me } = await client.request(MY_COLLECTION_POLICY_QUERY, {}, { signal });
    if (!me || me.institution.id !== String(id)) {
      throw apiError('Only your own institution’s policy can be read here.', 'NOT_FOUND');
    }
    return { data: toRecord(me.institution) };
  },

  async update({ id, data }: UpdateParams) {
    const { rulePack, holidayCalendar, overrides, escalationLadder } =
      data as CollectionPolicyChanges;
    const input = {
      institutionId: toId(id, 'institutionId'),
      ...(rulePack !== undefined ? { rulePack } : {}),
      ...(holidayCalendar !== undefined ? { holidayCalendar } : {}),
      ...(overrides !== undefined ? { overrides } : {}),
      ...(escalationLadder !== undefined ? { escalationLadder } : {}),
    };
    const { updateCollectionPolicy } = await client.request(UPDATE_COLLECTION_POLICY_MUTATION, {
      input,
    });
    return { data: toRecord(updateCollectionPolicy) };
  },
});
