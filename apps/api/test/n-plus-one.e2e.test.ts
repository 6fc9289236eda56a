import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startTestApi, type TestApi } from './harness.js';

/**
 * The case list with its borrower, last contact and next visit must cost the same number
 * of SQL statements for 5 rows as for 50: relations are batched, never fetched per row.
 */
const CASE_LIST = /* GraphQL */ `
  query CaseList($limit: Int!) {
    cases(limit: $limit, orderBy: [{ field: DPD, direction: DESC }]) {
      totalCount
      nodes {
        id
        loanNumber
        dpd
        bucket
        outstandingAmount
        borrower {
          fullName
          nationalIdMasked
          phonesMasked
        }
        lastContact {
          id
          channel
          result
          occurredAt
        }
        nextVisit {
          id
          status
          windowStart
        }
      }
    }
  }
`;

describe.each(DIALECTS)('SQL statements per case list on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect, { seedScale: 0.1 });
  });
  afterAll(() => api?.close());

  it('is the same for 5 and for 50 rows, and at most 4', async () => {
    const counts: Record<number, number> = {};
    for (const limit of [5, 50]) {
      const result = await api.gql<{
        cases: { nodes: { lastContact: unknown; nextVisit: unknown }[] };
      }>(CASE_LIST, { limit });
      expect(result.errors).toBeUndefined();
      const nodes = result.data!.cases.nodes;
      expect(nodes).toHaveLength(limit);
      counts[limit] = result.extensions!.sqlStatements!;
      if (limit === 50) {
        // The page must really exercise the batched relations, or the count proves nothing.
        expect(nodes.some((n) => n.lastContact !== null)).toBe(true);
        expect(nodes.some((n) => n.nextVisit !== null)).toBe(true);
      }
    }
    console.log(
      `[${dialect}] case list SQL statements: 5 rows → ${counts[5]}, 50 rows → ${counts[50]}`,
    );
    expect(counts[5]).toBe(counts[50]);
    expect(counts[50]).toBeLessThanOrEqual(4);
  });

  it('stays flat with the policy and priority fields a worklist screen asks for', async () => {
    const counts: Record<number, number> = {};
    for (const limit of [5, 50]) {
      const result = await api.gql<{
        cases: {
          nodes: {
            contactability: { allowed: boolean }[];
            priorityScore: { score: number };
            holds: unknown[];
            plans: unknown[];
          }[];
        };
      }>(WORKLIST_FIELDS, { limit });
      expect(result.errors).toBeUndefined();
      const nodes = result.data!.cases.nodes;
      expect(nodes).toHaveLength(limit);
      expect(nodes.every((n) => n.contactability.length === 6)).toBe(true);
      counts[limit] = result.extensions!.sqlStatements!;
    }
    console.log(
      `[${dialect}] case list with contactability, priority, holds, plans: 5 rows → ${counts[5]}, 50 rows → ${counts[50]}`,
    );
    expect(counts[5]).toBe(counts[50]);
  });
});

const WORKLIST_FIELDS = /* GraphQL */ `
  query Worklist($limit: Int!) {
    cases(limit: $limit, orderBy: [{ field: DPD, direction: DESC }]) {
      nodes {
        id
        contactability {
          channel
          allowed
          reasons {
            code
          }
          nextAllowedAt
        }
        priorityScore {
          score
          factors {
            code
            points
          }
        }
        holds {
          kind
        }
        plans {
          status
        }
      }
    }
  }
`;
