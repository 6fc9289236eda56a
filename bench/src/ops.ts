import { randomBytes, randomUUID } from 'node:crypto';
import { Bucket, dpdRangeOfBucket, localDate, overdueSinceBounds } from '@arrears/domain';
import type { ServerName } from './servers/spawn.js';

/**
 * The operations of the issue, as each server is asked them, and each answer brought to one
 * canonical shape so the three can be compared value by value.
 */
export type OpName = 'list' | 'detail' | 'logContact' | 'submitFeedback';
export const READ_OPS: readonly OpName[] = ['list', 'detail'];
export const WRITE_OPS: readonly OpName[] = ['logContact', 'submitFeedback'];
export const MIX: readonly [OpName, number][] = [
  ['list', 70],
  ['detail', 20],
  ['logContact', 7],
  ['submitFeedback', 3],
];

export const OP_LABELS: Record<OpName | 'mixed', string> = {
  list: '(a) case list',
  detail: '(b) case detail',
  logContact: '(c) logContact',
  submitFeedback: '(d) submitFeedback',
  mixed: '(e) mixed 70/20/7/3',
};

export const TIME_ZONE = 'Asia/Shanghai';
export const LIST_BUCKETS: readonly Bucket[] = [
  Bucket.M1,
  Bucket.M2,
  Bucket.M3,
  Bucket.M4,
  Bucket.M5,
  Bucket.M6_PLUS,
];

/** What the requests are about: read from the loaded database before the run. */
export interface Pools {
  institutionId: string;
  institutionCode: string;
  /** Cases to open in detail. */
  detailIds: string[];
  /** Open cases without a hold in force: a contact on them passes the policy. */
  contactCases: string[];
  /** Loans a borrower gives feedback on, with what PostGraphile's plain insert needs. */
  feedbackCases: { caseId: string; borrowerId: string; loanNumber: string; lastFour: string }[];
}

export interface HttpRequest {
  method: 'POST';
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface RequestOptions {
  /** The n-th request of a run picks its bucket, case, … round-robin. */
  n: number;
  /** Page size of the list, 50 unless a check asks otherwise. */
  first?: number;
  /** Ours: the bearer token of the bench supervisor. */
  token?: string;
  /** A tag that makes idempotency keys unique to this run. */
  runTag?: string;
}

const JSON_HEADERS = { 'content-type': 'application/json' };

function gql(query: string, variables: object, token?: string): HttpRequest {
  return {
    method: 'POST',
    path: '/graphql',
    headers: token ? { ...JSON_HEADERS, authorization: `Bearer ${token}` } : JSON_HEADERS,
    body: JSON.stringify({ query, variables }),
  };
}

function post(path: string, input: object): HttpRequest {
  return { method: 'POST', path, headers: JSON_HEADERS, body: JSON.stringify(input) };
}

/** The bucket's overdue_since bounds today, as our API derives them (institution time zone). */
export function bucketBounds(
  bucket: Bucket,
  now: Date,
): { earliest: string | null; latest: string | null } {
  const range = dpdRangeOfBucket(bucket);
  return overdueSinceBounds(range.min, range.max, now, TIME_ZONE);
}

/** The latest 10:00 in Asia/Shanghai that has passed: inside the contact window of every pack. */
export function allowedContactInstant(now: Date): string {
  const today = localDate(now, TIME_ZONE);
  let at = Date.parse(`${today}T02:00:00.000Z`);
  if (at > now.getTime() - 60_000) at -= 86_400_000;
  return new Date(at).toISOString();
}

// ------------------------------------------------------------------------------------------
// Our API

const OURS_LIST = /* GraphQL */ `
  query CaseList($filter: CaseFilter!, $first: Int!) {
    cases(first: $first, filter: $filter, orderBy: [{ field: PRIORITY, direction: DESC }]) {
      totalCount
      nodes {
        id
        loanNumber
        status
        priority
        overdueSince
        outstandingAmount
        borrower {
          id
          fullName
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

const OURS_DETAIL = /* GraphQL */ `
  query CaseDetail($id: ID!) {
    case(id: $id) {
      id
      loanNumber
      status
      stage
      priority
      overdueSince
      outstandingAmount
      overdueAmount
      borrower {
        id
        fullName
      }
      contacts(last: 20) {
        id
        channel
        direction
        result
        outcome
        occurredAt
        note
      }
      visits(last: 20) {
        id
        status
        windowStart
        windowEnd
        purpose
      }
      plans {
        id
        kind
        status
        totalAmount
        paidAmount
        createdAt
      }
      feedback(last: 20) {
        id
        kind
        category
        status
        rating
        createdAt
      }
    }
  }
`;

const OURS_LOG_CONTACT = /* GraphQL */ `
  mutation LogContact($input: LogContactInput!) {
    logContact(input: $input) {
      id
      channel
      result
      occurredAt
    }
  }
`;

const OURS_SUBMIT_FEEDBACK = /* GraphQL */ `
  mutation SubmitFeedback($input: SubmitFeedbackInput!) {
    submitFeedback(input: $input) {
      receiptCode
      status
    }
  }
`;

// ------------------------------------------------------------------------------------------
// PostGraphile 5 (amber preset, simplify-inflection, connection-filter)

const PGL_LIST = /* GraphQL */ `
  query CaseList(
    $institutionId: UUID!
    $filter: CollectionCaseFilter!
    $first: Int!
    $now: Datetime!
  ) {
    collectionCases(
      first: $first
      condition: { institutionId: $institutionId }
      filter: $filter
      orderBy: [PRIORITY_DESC, ROW_ID_DESC]
    ) {
      totalCount
      nodes {
        rowId
        loanNumber
        status
        priority
        overdueSince
        outstandingFen
        borrower {
          rowId
          fullName
        }
        contactsByCaseId(
          first: 1
          condition: { institutionId: $institutionId }
          orderBy: [OCCURRED_AT_DESC, ROW_ID_DESC]
        ) {
          nodes {
            rowId
            channel
            result
            occurredAt
          }
        }
        visitsByCaseId(
          first: 1
          condition: { institutionId: $institutionId }
          filter: {
            status: { in: ["PLANNED", "CONFIRMED"] }
            windowEnd: { greaterThanOrEqualTo: $now }
          }
          orderBy: [WINDOW_START_ASC, ROW_ID_ASC]
        ) {
          nodes {
            rowId
            status
            windowStart
          }
        }
      }
    }
  }
`;

const PGL_DETAIL = /* GraphQL */ `
  query CaseDetail($rowId: UUID!, $institutionId: UUID!) {
    collectionCase(rowId: $rowId) {
      rowId
      loanNumber
      status
      stage
      priority
      overdueSince
      outstandingFen
      overdueFen
      borrower {
        rowId
        fullName
      }
      contactsByCaseId(
        first: 20
        condition: { institutionId: $institutionId }
        orderBy: [OCCURRED_AT_DESC, ROW_ID_DESC]
      ) {
        nodes {
          rowId
          channel
          direction
          result
          outcome
          occurredAt
          note
        }
      }
      visitsByCaseId(
        first: 20
        condition: { institutionId: $institutionId }
        orderBy: [WINDOW_START_DESC, ROW_ID_DESC]
      ) {
        nodes {
          rowId
          status
          windowStart
          windowEnd
          purpose
        }
      }
      repaymentPlansByCaseId(
        condition: { institutionId: $institutionId }
        orderBy: [CREATED_AT_DESC, ROW_ID_DESC]
      ) {
        nodes {
          rowId
          kind
          status
          totalFen
          paidFen
          createdAt
        }
      }
      feedbacksByCaseId(
        first: 20
        condition: { institutionId: $institutionId }
        orderBy: [CREATED_AT_DESC, ROW_ID_DESC]
      ) {
        nodes {
          rowId
          kind
          category
          status
          rating
          createdAt
        }
      }
    }
  }
`;

const PGL_CREATE_CONTACT = /* GraphQL */ `
  mutation LogContact($contact: ContactInput!) {
    createContact(input: { contact: $contact }) {
      contact {
        rowId
        channel
        result
        occurredAt
      }
    }
  }
`;

const PGL_CREATE_FEEDBACK = /* GraphQL */ `
  mutation SubmitFeedback($feedback: FeedbackInput!) {
    createFeedback(input: { feedback: $feedback }) {
      feedback {
        receiptCode
        status
      }
    }
  }
`;

const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
function receiptCode(): string {
  const bytes = randomBytes(10);
  let code = 'FB';
  for (const b of bytes) code += RECEIPT_ALPHABET[b % 32];
  return code;
}

const pickOf = <T>(items: readonly T[], n: number): T => items[n % items.length]!;

/** The request server `server` receives for the n-th `op` of a run. */
export function buildRequest(
  server: ServerName,
  op: OpName,
  pools: Pools,
  options: RequestOptions,
): HttpRequest {
  const { n } = options;
  const now = new Date();
  const first = options.first ?? 50;
  const key = `bench-${options.runTag ?? 'x'}-${server}-${op}-${n}`;
  switch (op) {
    case 'list': {
      const bucket = pickOf(LIST_BUCKETS, n);
      const { earliest, latest } = bucketBounds(bucket, now);
      if (server === 'ours')
        return gql(
          OURS_LIST,
          { filter: { institutionId: pools.institutionId, bucket: [bucket] }, first },
          options.token,
        );
      if (server === 'postgraphile')
        return gql(PGL_LIST, {
          institutionId: pools.institutionId,
          filter: {
            overdueSince: {
              ...(earliest && { greaterThanOrEqualTo: earliest }),
              ...(latest && { lessThanOrEqualTo: latest }),
            },
          },
          first,
          now: now.toISOString(),
        });
      return post('/list', {
        institutionId: pools.institutionId,
        earliest,
        latest,
        first,
        now: now.toISOString(),
      });
    }
    case 'detail': {
      const id = pickOf(pools.detailIds, n);
      if (server === 'ours') return gql(OURS_DETAIL, { id }, options.token);
      if (server === 'postgraphile')
        return gql(PGL_DETAIL, { rowId: id, institutionId: pools.institutionId });
      return post('/detail', { id, institutionId: pools.institutionId });
    }
    case 'logContact': {
      const caseId = pickOf(pools.contactCases, n);
      const occurredAt = allowedContactInstant(now);
      const note = 'bench: payment reminder sent';
      if (server === 'ours')
        return gql(
          OURS_LOG_CONTACT,
          {
            input: {
              caseId,
              channel: 'SMS',
              direction: 'OUTBOUND',
              result: 'DELIVERED',
              occurredAt,
              note,
              idempotencyKey: key,
            },
          },
          options.token,
        );
      if (server === 'postgraphile')
        return gql(PGL_CREATE_CONTACT, {
          contact: {
            rowId: randomUUID(),
            createdAt: now.toISOString(),
            updatedAt: now.toISOString(),
            institutionId: pools.institutionId,
            caseId,
            channel: 'SMS',
            direction: 'OUTBOUND',
            result: 'DELIVERED',
            occurredAt,
            note,
          },
        });
      return post('/log-contact', {
        caseId,
        institutionId: pools.institutionId,
        channel: 'SMS',
        result: 'DELIVERED',
        occurredAt,
        note,
      });
    }
    case 'submitFeedback': {
      const loan = pickOf(pools.feedbackCases, n);
      const message = 'bench: please call after 18:00';
      if (server === 'ours')
        return gql(OURS_SUBMIT_FEEDBACK, {
          input: {
            institutionCode: pools.institutionCode,
            caseReference: loan.loanNumber,
            verification: loan.lastFour,
            kind: 'SUGGESTION',
            category: 'SERVICE',
            message,
            rating: 4,
            idempotencyKey: key,
          },
        });
      if (server === 'postgraphile')
        return gql(PGL_CREATE_FEEDBACK, {
          feedback: {
            rowId: randomUUID(),
            createdAt: now.toISOString(),
            updatedAt: now.toISOString(),
            institutionId: pools.institutionId,
            caseId: loan.caseId,
            borrowerId: loan.borrowerId,
            receiptCode: receiptCode(),
            kind: 'SUGGESTION',
            category: 'SERVICE',
            message,
            rating: 4,
            acknowledgeDueAt: new Date(now.getTime() + 2 * 86_400_000).toISOString(),
            resolveDueAt: new Date(now.getTime() + 15 * 86_400_000).toISOString(),
          },
        });
      return post('/submit-feedback', {
        institutionCode: pools.institutionCode,
        caseReference: loan.loanNumber,
        kind: 'SUGGESTION',
        category: 'SERVICE',
        message,
        rating: 4,
      });
    }
  }
}

// ------------------------------------------------------------------------------------------
// Canonical answers

type Json = Record<string, unknown>;

const fen = (decimal: unknown): number => {
  if (typeof decimal !== 'string') throw new Error(`not a decimal: ${String(decimal)}`);
  return Math.round(Number(decimal) * 100);
};
const instant = (value: unknown) => (value == null ? null : new Date(String(value)).toISOString());
const nodes = (connection: unknown): Json[] =>
  (connection as { nodes: Json[] } | null)?.nodes ?? [];

/** The data of an answer (GraphQL `data`, the floor's identical shape), canonical for `op`. */
export function canonical(server: ServerName, op: 'list' | 'detail', body: Json): unknown {
  const data = body.data as Json | null;
  if (!data) throw new Error(`no data: ${JSON.stringify(body).slice(0, 500)}`);
  const pg = server === 'postgraphile';
  const id = (row: Json) => (pg ? row.rowId : row.id);
  const money = (row: Json, ours: string, theirs: string) =>
    pg ? Number(row[theirs]) : fen(row[ours]);
  if (op === 'list') {
    const list = (pg ? data.collectionCases : data.cases) as Json;
    return {
      totalCount: list.totalCount,
      nodes: (list.nodes as Json[]).map((c) => {
        const last = pg ? nodes(c.contactsByCaseId)[0] : (c.lastContact as Json | null);
        const next = pg ? nodes(c.visitsByCaseId)[0] : (c.nextVisit as Json | null);
        const borrower = c.borrower as Json;
        return {
          id: id(c),
          loanNumber: c.loanNumber,
          status: c.status,
          priority: c.priority,
          overdueSince: c.overdueSince,
          outstandingFen: money(c, 'outstandingAmount', 'outstandingFen'),
          borrower: { id: id(borrower), fullName: borrower.fullName },
          lastContact: last
            ? {
                id: id(last),
                channel: last.channel,
                result: last.result,
                occurredAt: instant(last.occurredAt),
              }
            : null,
          nextVisit: next
            ? { id: id(next), status: next.status, windowStart: instant(next.windowStart) }
            : null,
        };
      }),
    };
  }
  const c = (pg ? data.collectionCase : data.case) as Json | null;
  if (!c) return null;
  const borrower = c.borrower as Json;
  const list = (ours: string, theirs: string) => (pg ? nodes(c[theirs]) : (c[ours] as Json[]));
  return {
    id: id(c),
    loanNumber: c.loanNumber,
    status: c.status,
    stage: c.stage,
    priority: c.priority,
    overdueSince: c.overdueSince,
    outstandingFen: money(c, 'outstandingAmount', 'outstandingFen'),
    overdueFen: money(c, 'overdueAmount', 'overdueFen'),
    borrower: { id: id(borrower), fullName: borrower.fullName },
    contacts: list('contacts', 'contactsByCaseId').map((k) => ({
      id: id(k),
      channel: k.channel,
      direction: k.direction,
      result: k.result,
      outcome: k.outcome ?? null,
      occurredAt: instant(k.occurredAt),
      note: k.note ?? null,
    })),
    visits: list('visits', 'visitsByCaseId').map((v) => ({
      id: id(v),
      status: v.status,
      windowStart: instant(v.windowStart),
      windowEnd: instant(v.windowEnd),
      purpose: v.purpose,
    })),
    plans: list('plans', 'repaymentPlansByCaseId').map((p) => ({
      id: id(p),
      kind: p.kind,
      status: p.status,
      totalFen: money(p, 'totalAmount', 'totalFen'),
      paidFen: money(p, 'paidAmount', 'paidFen'),
      createdAt: instant(p.createdAt),
    })),
    feedback: list('feedback', 'feedbacksByCaseId').map((f) => ({
      id: id(f),
      kind: f.kind,
      category: f.category,
      status: f.status,
      rating: f.rating ?? null,
      createdAt: instant(f.createdAt),
    })),
  };
}

/** The first path at which two canonical answers differ, or null when they are equal. */
export function firstDifference(a: unknown, b: unknown, at = '$'): string | null {
  if (a === b) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
    return `${at}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${at}: array vs object`;
  if (Array.isArray(a) && Array.isArray(b) && a.length !== b.length)
    return `${at}: ${a.length} items ≠ ${b.length} items`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const d = firstDifference((a as Json)[key], (b as Json)[key], `${at}.${key}`);
    if (d) return d;
  }
  return null;
}

/** Did a response fail? HTTP status, or GraphQL errors in a 200. */
export function failed(status: number, body: string): boolean {
  return status !== 200 || body.includes('"errors":[');
}
