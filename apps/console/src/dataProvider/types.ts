/**
 * The slice of the API's GraphQL schema that the console reads and writes, as TypeScript
 * types: the records each resource's handlers return, the inputs its create/update and the
 * workflow actions take, and the data provider's own type with those actions.
 *
 * Scalars arrive as JSON strings: `DateTime` is ISO-8601, `LocalDate` is "YYYY-MM-DD" (a
 * calendar day, no time zone) and `Decimal` is an exact decimal string in yuan. Amounts stay
 * strings all the way to the screen; see `common/money.ts`.
 *
 * The schema's enums are `@arrears/domain`'s enums, so their types come from there.
 */

import type {
  Attitude,
  Bucket,
  CaseStage,
  CaseStatus,
  CloseReason,
  ContactChannel,
  ContactDirection,
  ContactOutcome,
  ContactResult,
  ContactRuleCode,
  FeedbackCategory,
  FeedbackKind,
  FeedbackStatus,
  HoldKind,
  HoldSource,
  NextActionKind,
  OverdueReason,
  PaymentChannel,
  PolicyChannel,
  PriorityFactorCode,
  Product,
  RepaymentPlanKind,
  RepaymentPlanStatus,
  Role,
  TaskKind,
  TaskStatus,
  ThirdPartyRelation,
  VisitStatus,
  Willingness,
} from '@arrears/domain';
import type { DataProvider, Identifier, PaginationPayload } from 'react-admin';

export type DateTime = string;
export type LocalDate = string;
export type Decimal = string;
/** Local wall-clock time, "HH:MM". */
export type ClockTime = string;

/** The rules the policy check cites (the schema's `PolicyRule`). */
export type PolicyRule = ContactRuleCode;

// ---- lists ----------------------------------------------------------------------------------

export type SortDirection = 'ASC' | 'DESC';
export type CaseOrderField =
  | 'CREATED_AT'
  | 'OVERDUE_SINCE'
  | 'DPD'
  | 'OUTSTANDING_AMOUNT'
  | 'LOAN_NUMBER'
  | 'PRIORITY';

export interface CaseOrder {
  field: CaseOrderField;
  direction: SortDirection;
}

export interface PageInfo {
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface Connection<TNode> {
  nodes: TNode[];
  totalCount: number;
  pageInfo?: PageInfo;
}

/** What a list query's `filter` argument takes, per resource (the schema's `…Filter` inputs). */
export interface CaseFilter {
  ids?: string[];
  institutionId?: string;
  borrowerId?: string;
  status?: CaseStatus[];
  stage?: CaseStage[];
  bucket?: Bucket[];
  assigneeId?: string;
  unassigned?: boolean;
  dpdMin?: number;
  dpdMax?: number;
  outstandingMin?: Decimal;
  outstandingMax?: Decimal;
  search?: string;
}

export interface BorrowerFilter {
  institutionId?: string;
  nationalId?: string;
  phone?: string;
  search?: string;
}

export interface ContactFilter {
  caseId?: string;
  institutionId?: string;
  channel?: ContactChannel[];
  result?: ContactResult[];
  madeById?: string;
  occurredFrom?: DateTime;
  occurredTo?: DateTime;
}

export interface VisitFilter {
  caseId?: string;
  institutionId?: string;
  collectorId?: string;
  status?: VisitStatus[];
  windowFrom?: DateTime;
  windowTo?: DateTime;
}

export interface FeedbackFilter {
  caseId?: string;
  institutionId?: string;
  kind?: FeedbackKind[];
  status?: FeedbackStatus[];
  overdue?: boolean;
}

/** `create('users', { data })` sends this to `createUser`. */
export interface CreateUserInput {
  institutionId: string;
  email: string;
  displayName: string;
  role: Role;
  /** At least 12 characters; the new user changes it after signing in. */
  password: string;
}

export interface UserFilter {
  institutionId?: string;
  role?: Role[];
  active?: boolean;
}

export interface AuditEventFilter {
  action?: string;
  actor?: string;
  entityId?: string;
  entityType?: string;
  from?: DateTime;
  to?: DateTime;
  institutionId?: string;
}

export interface RepaymentPlanFilter {
  caseId?: string;
  kind?: RepaymentPlanKind[];
  status?: RepaymentPlanStatus[];
}

export interface PaymentFilter {
  caseId?: string;
  planId?: string;
  paidFrom?: DateTime;
  paidTo?: DateTime;
}

export interface TaskFilter {
  caseId?: string;
  assigneeId?: string;
  kind?: TaskKind[];
  status?: TaskStatus[];
  dueBy?: LocalDate;
}

// ---- shared pieces ----------------------------------------------------------------------------

export interface Institution {
  id: string;
  code: string;
  name: string;
  timeZone: string;
}

/** The part of `User` a record shows: who made, planned or holds something. */
export interface UserSummary {
  id: string;
  displayName: string;
}

/** The part of `Case` a record of another resource shows, to link to it. */
export interface CaseRef {
  id: string;
  loanNumber: string;
}

export interface Address {
  province: string;
  city: string;
  district: string;
  detail: string;
}

/** One rule that refuses a contact, and why (the schema's `PolicyReason`). */
export interface PolicyReason {
  code: PolicyRule;
  message: string;
}

// ---- cases ---------------------------------------------------------------------------------

export interface ContactSummary {
  id: string;
  channel: ContactChannel;
  result: ContactResult;
  outcome: ContactOutcome | null;
  occurredAt: DateTime;
  note: string | null;
}

export interface VisitSummary {
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
  borrower: Pick<BorrowerListItem, 'id' | 'fullName'>;
  assignee: UserSummary | null;
  status: CaseStatus;
  stage: CaseStage;
  outstandingAmount: Decimal;
  overdueSince: LocalDate;
  dpd: number;
  bucket: Bucket;
  priority: number;
  createdAt: DateTime;
  lastContact: Pick<ContactSummary, 'id' | 'occurredAt'> | null;
}

export interface PriorityFactor {
  code: PriorityFactorCode;
  points: number;
  /** The most points this factor can give. */
  weight: number;
  explanation: string;
}

/** A 0–100 score and the factors that sum to it. */
export interface PriorityScore {
  score: number;
  factors: PriorityFactor[];
}

/** Per channel: may the borrower be contacted now, why not, and from when. */
export interface ChannelContactability {
  channel: PolicyChannel;
  allowed: boolean;
  /** Null when only an event (a hold released, …) can allow it. */
  nextAllowedAt: DateTime | null;
  reasons: PolicyReason[];
}

/** The borrower as the case page shows them: masked, never the national ID or phones in clear. */
export type CaseBorrower = BorrowerDetail & {
  /** `address.city`, for the page's summary. */
  city: string;
};

/** A case as its show page reads it. `holds` are the open ones. */
export interface CaseDetail {
  id: string;
  version: number;
  loanNumber: string;
  product: Product;
  institution: Institution;
  borrower: CaseBorrower;
  assignee: UserSummary | null;
  status: CaseStatus;
  stage: CaseStage;
  closeReason: CloseReason | null;
  principalAmount: Decimal;
  outstandingAmount: Decimal;
  overdueAmount: Decimal;
  overdueSince: LocalDate;
  dpd: number;
  bucket: Bucket;
  priority: number;
  nextAction: string | null;
  nextActionAt: DateTime | null;
  hardshipRequestedAt: DateTime | null;
  createdAt: DateTime;
  updatedAt: DateTime;
  lastContact: ContactSummary | null;
  nextVisit: VisitSummary | null;
  priorityScore: PriorityScore;
  contactability: ChannelContactability[];
  holds: HoldSummary[];
}

/**
 * What `update('cases', …)` sends. `assigneeId` (or a changed `assignee.id`) goes through
 * `assignCase`; the other fields through `updateCase` with the record's `version`.
 */
export interface CaseUpdateData {
  assigneeId?: string | null;
  assignee?: UserSummary | null;
  status?: CaseStatus;
  closeReason?: CloseReason | null;
  stage?: CaseStage;
  priority?: number;
  nextAction?: string | null;
  nextActionAt?: DateTime | null;
  version?: number;
}

// ---- borrowers -----------------------------------------------------------------------------

/** A borrower in a list: masked. */
export interface BorrowerListItem {
  id: string;
  fullName: string;
  /** 110***********1234 */
  nationalIdMasked: string;
  /** 138****5678 */
  phonesMasked: string[];
  emailMasked: string | null;
  address: Address;
  employer: string | null;
  creditScore: number | null;
  timeZone: string | null;
  createdAt: DateTime;
  updatedAt: DateTime;
}

export interface ContactConsent {
  windowStart: ClockTime;
  windowEnd: ClockTime;
  evidence: string;
  recordedAt: DateTime;
}

export interface ThirdParty {
  id: string;
  fullName: string;
  relation: ThirdPartyRelation;
  phoneMasked: string;
  debtRelated: boolean;
  refusedContact: boolean;
}

/** A borrower on their show page: still masked; `revealBorrowerPII` is the only way to the clear values. */
export interface BorrowerDetail extends BorrowerListItem {
  monthlyIncome: Decimal | null;
  contactConsent: ContactConsent | null;
  thirdParties: ThirdParty[];
}

/** Unmasked personal data; every reveal is in the audit trail. Never cached as a record. */
export interface BorrowerPii {
  nationalId: string;
  phones: string[];
}

export interface RecordContactConsentInput {
  borrowerId: string;
  windowStart: ClockTime;
  windowEnd: ClockTime;
  evidence: string;
}

// ---- contacts and the policy ---------------------------------------------------------------

export interface ContactRecord {
  id: string;
  case: CaseRef & { borrower: Pick<BorrowerListItem, 'id' | 'fullName'> };
  channel: ContactChannel;
  direction: ContactDirection;
  result: ContactResult;
  outcome: ContactOutcome | null;
  attitude: Attitude | null;
  note: string | null;
  recordingRef: string | null;
  occurredAt: DateTime;
  madeBy: UserSummary | null;
  /** Null when the borrower was reached. */
  thirdParty: Pick<ThirdParty, 'id' | 'fullName' | 'relation'> | null;
  createdAt: DateTime;
}

/** `create('contacts', { data })` sends this to `logContact`. */
export interface LogContactInput {
  caseId: string;
  channel: ContactChannel;
  result: ContactResult;
  direction?: ContactDirection;
  outcome?: ContactOutcome | null;
  attitude?: Attitude | null;
  note?: string | null;
  /** Defaults to now; never in the future. */
  occurredAt?: DateTime | null;
  recordingRef?: string | null;
  phoneNumber?: string | null;
  thirdPartyId?: string | null;
  madeById?: string | null;
  idempotencyKey?: string | null;
}

export interface CanContactParams {
  caseId: Identifier;
  channel: PolicyChannel;
  /** The borrower's or a third party's id; the borrower when left out. */
  personId?: Identifier | null;
  /** Defaults to now. */
  at?: DateTime | null;
  phoneNumber?: string | null;
}

export interface ContactDecision {
  allowed: boolean;
  nextAllowedAt: DateTime | null;
  reasons: PolicyReason[];
}

// ---- visits --------------------------------------------------------------------------------

export interface VisitRecord {
  id: string;
  case: CaseRef & { borrower: Pick<BorrowerListItem, 'id' | 'fullName'> };
  status: VisitStatus;
  windowStart: DateTime;
  windowEnd: DateTime;
  address: string;
  purpose: string;
  collectors: UserSummary[];
  plannedBy: UserSummary | null;
  confirmedAt: DateTime | null;
  confirmedVia: string | null;
  confirmedBy: UserSummary | null;
  checkedInAt: DateTime | null;
  checkedOutAt: DateTime | null;
  checkInLatitude: number | null;
  checkInLongitude: number | null;
  idShown: boolean | null;
  consentToEnter: boolean | null;
  attitude: Attitude | null;
  willingness: Willingness | null;
  overdueReason: OverdueReason | null;
  negotiatedResult: string | null;
  note: string | null;
  followUpDate: LocalDate | null;
  createdAt: DateTime;
  updatedAt: DateTime;
}

/** `create('visits', { data })` sends this to `scheduleVisit`. */
export interface ScheduleVisitInput {
  caseId: string;
  /** At least two collectors of the case institution. */
  collectorIds: string[];
  windowStart: DateTime;
  windowEnd: DateTime;
  purpose: string;
  /** Defaults to the borrower's address. */
  address?: string | null;
  plannedById?: string | null;
  idempotencyKey?: string | null;
}

export interface ConfirmVisitInput {
  visitId: Identifier;
  /** How it was agreed, e.g. "电话确认". */
  confirmedVia: string;
  confirmedById?: Identifier | null;
}

export interface CheckInVisitInput {
  visitId: Identifier;
  idShown: boolean;
  consentToEnter: boolean;
  latitude: number;
  longitude: number;
  /** Defaults to now. */
  at?: DateTime | null;
}

export type VisitOutcome = Extract<VisitStatus, 'COMPLETED' | 'NO_SHOW'>;

export interface RecordVisitOutcomeInput {
  visitId: Identifier;
  outcome: VisitOutcome;
  attitude?: Attitude | null;
  willingness?: Willingness | null;
  overdueReason?: OverdueReason | null;
  negotiatedResult?: string | null;
  note?: string | null;
  followUpDate?: LocalDate | null;
  checkedOutAt?: DateTime | null;
  /** COMPLETED only: the promise or plan negotiated at the visit. */
  plan?: RepaymentPlanTerms | null;
}

export interface CancelVisitInput {
  visitId: Identifier;
  reason: string;
}

export interface RescheduleVisitInput {
  visitId: Identifier;
  windowStart: DateTime;
  windowEnd: DateTime;
}

// ---- feedback ------------------------------------------------------------------------------

export interface FeedbackRecord {
  id: string;
  receiptCode: string;
  case: CaseRef;
  kind: FeedbackKind;
  category: FeedbackCategory;
  status: FeedbackStatus;
  message: string;
  rating: number | null;
  resolution: string | null;
  acknowledgeDueAt: DateTime;
  resolveDueAt: DateTime;
  acknowledgedAt: DateTime | null;
  closedAt: DateTime | null;
  createdAt: DateTime;
  updatedAt: DateTime;
}

/** `update('feedback', { id, data })` sends `status`, `resolution` and `handledById`. */
export interface FeedbackUpdateData {
  status: FeedbackStatus;
  /** Required to resolve or reject. */
  resolution?: string | null;
  handledById?: string | null;
}

// ---- users, partner apps, audit ------------------------------------------------------------

export interface UserRecord {
  id: string;
  displayName: string;
  email: string;
  role: Role;
  active: boolean;
  institution: Pick<Institution, 'id' | 'code' | 'name'>;
  createdAt: DateTime;
}

export interface PartnerAppRecord {
  id: string;
  name: string;
  keyPrefix: string;
  scopes: string[];
  lastUsedAt: DateTime | null;
  revokedAt: DateTime | null;
  createdAt: DateTime;
  updatedAt: DateTime;
}

/** What `create('partnerApps', …)` resolves to: the record and its key, which is shown this once. */
export interface CreatedPartnerApp extends PartnerAppRecord {
  apiKey: string;
}

export interface CreatePartnerAppInput {
  name: string;
  /** e.g. cases:read, contacts:write. */
  scopes: string[];
}

/** A new key (rotation): shown this once; the old key stopped working. */
export interface PartnerAppWithKey {
  apiKey: string;
  app: PartnerAppRecord;
}

export interface AuditEventRecord {
  id: string;
  sequence: number;
  /** e.g. `case.update`, `borrower.revealPii`. */
  action: string;
  /** `user:<id>`, `partner:<id>`, `anonymous` or `system`. */
  actor: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  occurredAt: DateTime;
  requestId: string | null;
  hash: string;
  prevHash: string | null;
}

export interface AuditChainReport {
  ok: boolean;
  checked: number;
  brokenAtSequence: number | null;
  reason: string | null;
}

// ---- plans, payments, tasks, holds ---------------------------------------------------------

export interface InstallmentRecord {
  id: string;
  sequence: number;
  dueDate: LocalDate;
  amount: Decimal;
  paidAmount: Decimal;
}

export interface RepaymentPlanRecord {
  id: string;
  version: number;
  case: CaseRef;
  kind: RepaymentPlanKind;
  status: RepaymentPlanStatus;
  hardship: boolean;
  totalAmount: Decimal;
  paidAmount: Decimal;
  note: string | null;
  installments: InstallmentRecord[];
  createdBy: UserSummary | null;
  closedAt: DateTime | null;
  createdAt: DateTime;
  updatedAt: DateTime;
}

export interface InstallmentInput {
  dueDate: LocalDate;
  amount: Decimal;
}

/** PROMISE and EXTENSION: one installment; INSTALLMENT: a schedule summing to the total. */
export interface RepaymentPlanTerms {
  kind: RepaymentPlanKind;
  total: Decimal;
  installments: InstallmentInput[];
  hardship?: boolean;
  note?: string | null;
}

/** `create('repaymentPlans', { data })` sends this to `createRepaymentPlan`. */
export interface CreateRepaymentPlanInput extends RepaymentPlanTerms {
  caseId: string;
}

export interface CancelRepaymentPlanInput {
  planId: Identifier;
  reason: string;
}

export interface PaymentRecord {
  id: string;
  case: CaseRef;
  amount: Decimal;
  paidAt: DateTime;
  channel: PaymentChannel;
  externalRef: string;
  /** What no installment took. */
  unallocatedAmount: Decimal;
  allocations: { installmentId: string; amount: Decimal }[];
  plan: Pick<RepaymentPlanRecord, 'id' | 'kind' | 'status'> | null;
  createdAt: DateTime;
}

/** `create('payments', { data })` sends this to `recordPayment`. */
export interface RecordPaymentInput {
  caseId: string;
  amount: Decimal;
  paidAt: DateTime;
  channel: PaymentChannel;
  /** The bank's transaction reference, unique per institution. */
  externalRef: string;
}

export interface TaskRecord {
  id: string;
  kind: TaskKind;
  status: TaskStatus;
  dueDate: LocalDate;
  note: string;
  case: CaseRef;
  assignee: UserSummary | null;
  completedAt: DateTime | null;
  createdAt: DateTime;
  updatedAt: DateTime;
}

/** A hold as the case page lists the open ones. */
export interface HoldSummary {
  id: string;
  kind: HoldKind;
  /** MANUAL holds are released by hand; FEEDBACK and PLAN holds lift with their source. */
  source: HoldSource;
  channel: PolicyChannel | null;
  reason: string;
  placedAt: DateTime;
}

export interface HoldRecord extends HoldSummary {
  case: { id: string };
  placedBy: UserSummary | null;
  releasedAt: DateTime | null;
  releasedBy: UserSummary | null;
  releaseNote: string | null;
  createdAt: DateTime;
  updatedAt: DateTime;
}

/** `create('holds', { data })` sends this to `placeHold`. */
export interface PlaceHoldInput {
  caseId: string;
  kind: Exclude<HoldKind, 'HARDSHIP_PLAN'>;
  /** Required for CEASE_CHANNEL; leave out to hold every channel. */
  channel?: PolicyChannel | null;
  reason: string;
}

/** `update('holds', { id, data })` releases the hold with this note (`releaseHold`). */
export interface HoldReleaseData {
  releaseNote: string;
}

// ---- strategy ------------------------------------------------------------------------------

export interface NextAction {
  kind: NextActionKind;
  allowed: boolean;
  /** Now when allowed, else the next allowed instant; null when a hold blocks it. */
  at: DateTime | null;
  reasons: PolicyReason[];
}

/** One row of `myWorklist`; `id` is the case's. */
export interface WorklistItem {
  id: string;
  case: CaseListItem;
  nextAction: NextAction;
  priority: PriorityScore;
}

export interface DailyCycleReport {
  at: DateTime;
  institutions: number;
  casesExamined: number;
  plansKept: number;
  plansBroken: number;
  prioritiesChanged: number;
  stagesRaised: number;
  tasksCreated: number;
}

// ---- the data provider ---------------------------------------------------------------------

export interface CallOptions {
  signal?: AbortSignal;
}

/**
 * Workflow actions react-admin has no verb for, beside the standard methods. Each sends one
 * operation and resolves to a plain record; errors are the same `HttpError`s as the standard
 * methods' (see `errors.ts`). They do not touch react-admin's cache: refresh or invalidate
 * the affected queries after a mutation.
 */
export interface ArrearsActions {
  /** May this person be contacted on this case through this channel at this instant? */
  canContact(params: CanContactParams, options?: CallOptions): Promise<ContactDecision>;
  /** Per channel, for the case's borrower, now. */
  contactability(caseId: Identifier, options?: CallOptions): Promise<ChannelContactability[]>;

  confirmVisit(input: ConfirmVisitInput): Promise<VisitRecord>;
  checkInVisit(input: CheckInVisitInput): Promise<VisitRecord>;
  recordVisitOutcome(input: RecordVisitOutcomeInput): Promise<VisitRecord>;
  cancelVisit(input: CancelVisitInput): Promise<VisitRecord>;
  /** Resolves to the new visit; the old one is RESCHEDULED. */
  rescheduleVisit(input: RescheduleVisitInput): Promise<VisitRecord>;

  /** The clear national ID and phones; needs a reason and leaves an audit event. */
  revealBorrowerPII(borrowerId: Identifier, reason: string): Promise<BorrowerPii>;
  recordContactConsent(input: RecordContactConsentInput): Promise<BorrowerDetail>;
  withdrawContactConsent(borrowerId: Identifier): Promise<BorrowerDetail>;

  /** A new key, shown this once; the old one stops working. */
  rotatePartnerAppKey(id: Identifier): Promise<PartnerAppWithKey>;
  revokePartnerApp(id: Identifier): Promise<PartnerAppRecord>;

  /** The signed-in user's open cases in priority order, each with its next allowed action. */
  myWorklist(
    params?: { pagination?: PaginationPayload },
    options?: CallOptions,
  ): Promise<{ data: WorklistItem[]; total: number }>;
  /** Runs the daily cycle for the admin's institution (safe to repeat). */
  runDailyCycle(at?: DateTime | null): Promise<DailyCycleReport>;

  verifyAuditChain(institutionId: Identifier, options?: CallOptions): Promise<AuditChainReport>;

  cancelRepaymentPlan(input: CancelRepaymentPlanInput): Promise<RepaymentPlanRecord>;
}

/** What `createDataProvider` returns: `useDataProvider<ArrearsDataProvider>()` in screens. */
export type ArrearsDataProvider = DataProvider & ArrearsActions;
