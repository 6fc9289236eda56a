/**
 * GraphQL fragments more than one resource selects. A document that spreads one appends it
 * (`${CONTACTABILITY_FIELDS}`), once.
 */

/** Whether a channel may be used now, and if not, why and from when (the case page, the policy check). */
export const CONTACTABILITY_FIELDS = /* GraphQL */ `
  fragment ContactabilityFields on ChannelContactability {
    channel
    allowed
    nextAllowedAt
    reasons {
      code
      message
    }
  }
`;

/** The priority score and the factors it adds up (the case page, the worklist). */
export const PRIORITY_SCORE_FIELDS = /* GraphQL */ `
  fragment PriorityScoreFields on PriorityScore {
    score
    factors {
      code
      points
      weight
      explanation
    }
  }
`;
