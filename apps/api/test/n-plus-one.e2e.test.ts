import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startTestApi, type TestApi } from './harness.js';

/**
 * The case list with its borrower, last contact and next visit must cost the same number
 * of SQL statements for 5 rows as for 50: relations are batched, never fetched per row.
 * Issue 6 bounds the list at 2 statements whatever the page size (it takes 1: the page with its
 * total and joined relations).
 */
const CASE_LIST = /* GraphQL */ `
  query CaseList($limit: Int, $first: Int, $after: String, $filter: CaseFilter) {
    cases(
      limit: $limit
      first: $first
      after: $after
      filter: $filter
      orderBy: [{ field: DPD, direction: DESC }]
    ) {
      totalCount
      pageInfo {
        endCursor
      }
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

  it('is the same for 5 and for 50 rows, and at most 2', async () => {
    // The institution's time zone is read once per process, by whichever request comes first.
    expect((await api.gql(CASE_LIST, { limit: 1 })).errors).toBeUndefined();
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
        // The page must really exercise the joined relations, or the count proves nothing.
        expect(nodes.some((n) => n.lastContact !== null)).toBe(true);
        expect(nodes.some((n) => n.nextVisit !== null)).toBe(true);
      }
    }
    console.log(
      `[${dialect}] case list SQL statements: 5 rows → ${counts[5]}, 50 rows → ${counts[50]}`,
    );
    expect(counts[5]).toBe(counts[50]);
    expect(counts[50]).toBeLessThanOrEqual(2);
  });

  it('a bucket page and the cursor page after it take at most 2 statements each', async () => {
    type Page = { cases: { totalCount: number; pageInfo: { endCursor: string } } };
    const filter = { bucket: ['M1'] };
    const first = await api.gql<Page>(CASE_LIST, { first: 5, filter });
    expect(first.errors).toBeUndefined();
    const next = await api.gql<Page>(CASE_LIST, {
      first: 5,
      after: first.data!.cases.pageInfo.endCursor,
      filter,
    });
    expect(next.errors).toBeUndefined();
    // The total is the filter's across all pages, on the cursor page as on the first.
    expect(next.data!.cases.totalCount).toBe(first.data!.cases.totalCount);
    expect(first.extensions!.sqlStatements).toBeLessThanOrEqual(2);
    expect(next.extensions!.sqlStatements).toBeLessThanOrEqual(2);
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

  it('answers a case read as a view (list, case page) as one read as an entity', async () => {
    const list = await api.gql<{ cases: { nodes: Record<string, unknown>[] } }>(
      `query ($limit: Int) { cases(limit: $limit, orderBy: [{ field: DPD, direction: DESC }]) { nodes { ${EVERY_CASE_FIELD} } } }`,
      { limit: 50 },
    );
    expect(list.errors).toBeUndefined();
    const rows = list.data!.cases.nodes;
    expect(rows.some((row) => row.assignee !== null)).toBe(true);
    expect(rows.some((row) => row.lastContact !== null)).toBe(true);
    const visited = rows.filter((row) => row.nextVisit !== null);
    expect(visited.length).toBeGreaterThan(0);
    for (const row of visited.slice(0, 10)) {
      // A visit's case comes through the relation loader, as a managed entity.
      const entity = await api.gql<{ visit: { case: Record<string, unknown> } }>(
        `query ($id: ID!) { visit(id: $id) { case { ${EVERY_CASE_FIELD} } } }`,
        { id: (row.nextVisit as { id: string }).id },
      );
      expect(entity.errors).toBeUndefined();
      expect(row).toEqual(entity.data!.visit.case);
      const page = await api.gql<{ case: Record<string, unknown> }>(
        `query ($id: ID!) { case(id: $id) { ${EVERY_CASE_FIELD} } }`,
        { id: row.id },
      );
      expect(page.errors).toBeUndefined();
      expect(page.data!.case).toEqual(row);
    }
  });

  it('a case page with its borrower and recent lists takes at most 3 statements', async () => {
    const list = await api.gql<{ cases: { nodes: { id: string }[] } }>(BUSIEST_CASES);
    expect(list.errors).toBeUndefined();
    for (const { id } of list.data!.cases.nodes) {
      const page = await api.gql(caseDetail(''), { id });
      expect(page.errors).toBeUndefined();
      expect(page.extensions!.sqlStatements).toBeLessThanOrEqual(3);
      const result = await api.gql<{ case: Record<string, { id: string }[]> }>(
        caseDetail(SHORT_LISTS),
        { id },
      );
      expect(result.errors).toBeUndefined();
      const detail = result.data!.case;
      // The aliased shorter lists are cut per case under another limit in the same statement:
      // the same rows in the same order shows each list is ordered and cut as asked.
      expect(detail.contacts!.length).toBeGreaterThan(0);
      expect(detail.contacts!.slice(0, 3)).toEqual(detail.contacts3);
      expect(detail.visits!.slice(0, 3)).toEqual(detail.visits3);
      expect(detail.feedback!.slice(0, 3)).toEqual(detail.feedback3);
    }
  });
});

/** A case's own fields of every kind (amounts, dates, encrypted personal data) and its relations. */
const EVERY_CASE_FIELD = /* GraphQL */ `
  id loanNumber product status stage closeReason overdueSince priority nextAction nextActionAt
  hardshipRequestedAt version createdAt updatedAt dpd bucket principalAmount outstandingAmount
  overdueAmount
  institution { id code }
  assignee { id email }
  borrower { id fullName nationalIdMasked phonesMasked emailMasked monthlyIncome address { city } }
  lastContact { id channel result occurredAt case { id } madeBy { id } }
  nextVisit { id status windowStart case { id } }
`;

/** Cases with many contacts, so the detail's lists are long enough to be cut. */
const BUSIEST_CASES = /* GraphQL */ `
  {
    cases(first: 3, orderBy: [{ field: DPD, direction: DESC }]) {
      nodes {
        id
      }
    }
  }
`;

/** The case page's query, with `more` fields beside the page's own. */
const caseDetail = (more: string) => /* GraphQL */ `
  query CaseDetail($id: ID!) {
    case(id: $id) {
      id
      loanNumber
      borrower {
        id
        fullName
      }
      contacts(last: 20) {
        id
        occurredAt
      }
      visits(last: 20) {
        id
        windowStart
      }
      plans {
        id
        status
      }
      feedback {
        id
        createdAt
      }
      ${more}
    }
  }
`;

const SHORT_LISTS = /* GraphQL */ `
  contacts3: contacts(last: 3) {
    id
    occurredAt
  }
  visits3: visits(last: 3) {
    id
    windowStart
  }
  feedback3: feedback(last: 3) {
    id
    createdAt
  }
`;

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
