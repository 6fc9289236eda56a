/**
 * The slice of the API's GraphQL schema that the console reads, as TypeScript types.
 *
 * Scalars arrive as JSON strings: `DateTime` is ISO-8601, `LocalDate` is "YYYY-MM-DD" (a
 * calendar day, no time zone) and `Decimal` is an exact decimal string in yuan. Amounts stay
 * strings all the way to the screen; see `common/money.ts`.
 *
 * The schema's enums are `@arrears/domain`'s enums, so their types come from there.
 */

import type {
  Bucket,
  CaseStage,
  CaseStatus,
  ContactChannel,
  ContactOutcome,
  ContactResult,
  Product,
  VisitStatus,
} from '@arrears/domain';

export type DateTime = string;
export type LocalDate = string;
export type Decimal = string;

export type SortDirection = 'ASC' | 'DESC';
export type CaseOrderField =
  | 'CREATED_AT'
  | 'OVERDUE_SINCE'
  | 'DPD'
  | 'OUTSTANDING_AMOUNT'
  | 'LOAN_NUMBER';

export interface CaseOrder {
  field: CaseOrderField;
  direction: SortDirection;
}

export interface CaseFilter {
  institutionId?: string;
  status?: CaseStatus[];
  stage?: CaseStage[];
  bucket?: Bucket[];
  assigneeId?: string;
  dpdMin?: number;
  dpdMax?: number;
  outstandingMin?: Decimal;
  outstandingMax?: Decimal;
  search?: string;
}

export interface PageInfo {
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface Connection<TNode> {
  nodes: TNode[];
  totalCount: number;
  pageInfo: PageInfo;
}

export interface Institution {
  id: string;
  code: string;
  name: string;
  timeZone: string;
}

/** The part of `User` the console shows: who a case is assigned to. */
export interface UserSummary {
  id: string;
  displayName: string;
}

export interface Borrower {
  id: string;
  fullName: string;
  nationalIdMasked: string;
  phonesMasked: string[];
  city: string | null;
}

export interface Contact {
  id: string;
  channel: ContactChannel;
  result: ContactResult;
  outcome: ContactOutcome | null;
  occurredAt: DateTime;
  note: string | null;
}

export interface Visit {
  id: string;
  status: VisitStatus;
  windowStart: DateTime;
  windowEnd: DateTime;
}

/** A case as the list shows it: one row of the worklist, no more personal data than it needs. */
export interface CaseListItem {
  id: string;
  loanNumber: string;
  product: Product;
  institution: Pick<Institution, 'id' | 'code' | 'timeZone'>;
  borrower: Pick<Borrower, 'id' | 'fullName'>;
  assignee: UserSummary | null;
  status: CaseStatus;
  stage: CaseStage;
  outstandingAmount: Decimal;
  dpd: number;
  bucket: Bucket;
  createdAt: DateTime;
  lastContact: Pick<Contact, 'id' | 'occurredAt'> | null;
}

/** A case as its show page reads it. */
export interface CaseDetail {
  id: string;
  version: number;
  loanNumber: string;
  product: Product;
  institution: Institution;
  borrower: Borrower;
  assignee: UserSummary | null;
  status: CaseStatus;
  stage: CaseStage;
  principalAmount: Decimal;
  outstandingAmount: Decimal;
  overdueAmount: Decimal;
  overdueSince: LocalDate;
  dpd: number;
  bucket: Bucket;
  priority: number;
  createdAt: DateTime;
  updatedAt: DateTime;
  lastContact: Contact | null;
  nextVisit: Visit | null;
}
