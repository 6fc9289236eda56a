/** The closed vocabularies of PRODUCT.md. Values are stored and sent as these strings. */

export const Role = {
  ADMIN: 'ADMIN',
  SUPERVISOR: 'SUPERVISOR',
  COLLECTOR: 'COLLECTOR',
  AUDITOR: 'AUDITOR',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

export const Product = {
  CREDIT_LOAN: 'CREDIT_LOAN', // 信用贷
  CREDIT_CARD: 'CREDIT_CARD',
  CONSUMER: 'CONSUMER',
  BUSINESS: 'BUSINESS',
  MORTGAGE: 'MORTGAGE',
} as const;
export type Product = (typeof Product)[keyof typeof Product];

/** Where a case stands on the escalation ladder. */
export const CaseStage = {
  REMINDER: 'REMINDER',
  PHONE: 'PHONE',
  VISIT: 'VISIT',
  LEGAL: 'LEGAL',
} as const;
export type CaseStage = (typeof CaseStage)[keyof typeof CaseStage];

export const CaseStatus = {
  NEW: 'NEW',
  IN_PROGRESS: 'IN_PROGRESS',
  PROMISED: 'PROMISED',
  ON_HOLD: 'ON_HOLD',
  ESCALATED: 'ESCALATED',
  CLOSED: 'CLOSED',
} as const;
export type CaseStatus = (typeof CaseStatus)[keyof typeof CaseStatus];

export const CloseReason = {
  PAID_IN_FULL: 'PAID_IN_FULL',
  SETTLED: 'SETTLED',
  WRITTEN_OFF: 'WRITTEN_OFF',
  RECALLED: 'RECALLED',
  LEGAL_TRANSFER: 'LEGAL_TRANSFER',
} as const;
export type CloseReason = (typeof CloseReason)[keyof typeof CloseReason];

export const ContactChannel = {
  SMS: 'SMS',
  EMAIL: 'EMAIL',
  PHONE: 'PHONE',
  LETTER: 'LETTER',
  APP: 'APP',
} as const;
export type ContactChannel = (typeof ContactChannel)[keyof typeof ContactChannel];

export const ContactDirection = { OUTBOUND: 'OUTBOUND', INBOUND: 'INBOUND' } as const;
export type ContactDirection = (typeof ContactDirection)[keyof typeof ContactDirection];

export const ContactResult = {
  NOT_ANSWERED: 'NOT_ANSWERED',
  ANSWERED: 'ANSWERED',
  CONVERSATION: 'CONVERSATION',
  DELIVERED: 'DELIVERED',
  FAILED: 'FAILED',
} as const;
export type ContactResult = (typeof ContactResult)[keyof typeof ContactResult];

export const ContactOutcome = {
  RIGHT_PARTY: 'RIGHT_PARTY',
  WRONG_NUMBER: 'WRONG_NUMBER',
  THIRD_PARTY: 'THIRD_PARTY',
  PROMISE_TO_PAY: 'PROMISE_TO_PAY',
  REFUSAL: 'REFUSAL',
  DISPUTE: 'DISPUTE',
  HARDSHIP: 'HARDSHIP',
  CALLBACK_REQUESTED: 'CALLBACK_REQUESTED',
  NO_CONTACT: 'NO_CONTACT',
} as const;
export type ContactOutcome = (typeof ContactOutcome)[keyof typeof ContactOutcome];

export const Attitude = {
  COOPERATIVE: 'COOPERATIVE',
  NEUTRAL: 'NEUTRAL',
  EVASIVE: 'EVASIVE',
  HOSTILE: 'HOSTILE',
} as const;
export type Attitude = (typeof Attitude)[keyof typeof Attitude];

export const Willingness = { HIGH: 'HIGH', MEDIUM: 'MEDIUM', LOW: 'LOW', NONE: 'NONE' } as const;
export type Willingness = (typeof Willingness)[keyof typeof Willingness];

export const OverdueReason = {
  INCOME_LOSS: 'INCOME_LOSS',
  ILLNESS: 'ILLNESS',
  BUSINESS_FAILURE: 'BUSINESS_FAILURE',
  FORGOT: 'FORGOT',
  DISPUTE: 'DISPUTE',
  MALICIOUS: 'MALICIOUS',
  OTHER: 'OTHER',
} as const;
export type OverdueReason = (typeof OverdueReason)[keyof typeof OverdueReason];

export const VisitStatus = {
  PLANNED: 'PLANNED',
  CONFIRMED: 'CONFIRMED',
  CHECKED_IN: 'CHECKED_IN',
  COMPLETED: 'COMPLETED',
  NO_SHOW: 'NO_SHOW',
  CANCELLED: 'CANCELLED',
  RESCHEDULED: 'RESCHEDULED',
} as const;
export type VisitStatus = (typeof VisitStatus)[keyof typeof VisitStatus];

export const FeedbackKind = {
  COMPLAINT: 'COMPLAINT',
  DISPUTE: 'DISPUTE',
  HARDSHIP: 'HARDSHIP',
  SUGGESTION: 'SUGGESTION',
  PRAISE: 'PRAISE',
} as const;
export type FeedbackKind = (typeof FeedbackKind)[keyof typeof FeedbackKind];

export const FeedbackCategory = {
  CONTACT_AT_NIGHT: 'CONTACT_AT_NIGHT',
  THREAT: 'THREAT',
  HARASSMENT: 'HARASSMENT',
  PRIVACY_LEAK: 'PRIVACY_LEAK',
  THIRD_PARTY_CONTACT: 'THIRD_PARTY_CONTACT',
  WRONG_AMOUNT: 'WRONG_AMOUNT',
  VISIT_CONDUCT: 'VISIT_CONDUCT',
  SERVICE: 'SERVICE',
  OTHER: 'OTHER',
} as const;
export type FeedbackCategory = (typeof FeedbackCategory)[keyof typeof FeedbackCategory];

export const FeedbackStatus = {
  RECEIVED: 'RECEIVED',
  ACKNOWLEDGED: 'ACKNOWLEDGED',
  INVESTIGATING: 'INVESTIGATING',
  RESOLVED: 'RESOLVED',
  REJECTED: 'REJECTED',
} as const;
export type FeedbackStatus = (typeof FeedbackStatus)[keyof typeof FeedbackStatus];

export const ThirdPartyRelation = {
  SPOUSE: 'SPOUSE',
  PARENT: 'PARENT',
  CHILD: 'CHILD',
  SIBLING: 'SIBLING',
  RELATIVE: 'RELATIVE',
  COLLEAGUE: 'COLLEAGUE',
  FRIEND: 'FRIEND',
  GUARANTOR: 'GUARANTOR',
  OTHER: 'OTHER',
} as const;
export type ThirdPartyRelation = (typeof ThirdPartyRelation)[keyof typeof ThirdPartyRelation];

/** Which rule pack an institution follows (the packs themselves arrive with the compliance engine). */
export const RulePackCode = { CN: 'CN', US_REG_F: 'US_REG_F' } as const;
export type RulePackCode = (typeof RulePackCode)[keyof typeof RulePackCode];

/** Delinquency buckets: M1 = 1–30 days past due, M2 = 31–60, … M6+ = 151 and more. */
export const Bucket = {
  CURRENT: 'CURRENT',
  M1: 'M1',
  M2: 'M2',
  M3: 'M3',
  M4: 'M4',
  M5: 'M5',
  M6_PLUS: 'M6_PLUS',
} as const;
export type Bucket = (typeof Bucket)[keyof typeof Bucket];

/** PROMISE: one payment by a date; INSTALLMENT (分期): a schedule; EXTENSION (延期): a later due date. */
export const RepaymentPlanKind = {
  PROMISE: 'PROMISE',
  INSTALLMENT: 'INSTALLMENT',
  EXTENSION: 'EXTENSION',
} as const;
export type RepaymentPlanKind = (typeof RepaymentPlanKind)[keyof typeof RepaymentPlanKind];

export const RepaymentPlanStatus = {
  ACTIVE: 'ACTIVE',
  KEPT: 'KEPT',
  BROKEN: 'BROKEN',
  CANCELLED: 'CANCELLED',
} as const;
export type RepaymentPlanStatus = (typeof RepaymentPlanStatus)[keyof typeof RepaymentPlanStatus];

export const PaymentChannel = {
  BANK_TRANSFER: 'BANK_TRANSFER',
  CARD: 'CARD',
  CASH: 'CASH',
  ALIPAY: 'ALIPAY',
  WECHAT_PAY: 'WECHAT_PAY',
  OTHER: 'OTHER',
} as const;
export type PaymentChannel = (typeof PaymentChannel)[keyof typeof PaymentChannel];

/** Why collection on a case (or one channel of it) is stopped. */
export const HoldKind = {
  DISPUTE: 'DISPUTE',
  COMPLAINT: 'COMPLAINT',
  HARDSHIP_PLAN: 'HARDSHIP_PLAN',
  CEASE_CHANNEL: 'CEASE_CHANNEL',
} as const;
export type HoldKind = (typeof HoldKind)[keyof typeof HoldKind];

/** Work the system creates for people: a follow-up after a broken promise, a hardship review… */
export const TaskKind = {
  FOLLOW_UP: 'FOLLOW_UP',
  BROKEN_PROMISE: 'BROKEN_PROMISE',
  HARDSHIP_REVIEW: 'HARDSHIP_REVIEW',
  VISIT_FOLLOW_UP: 'VISIT_FOLLOW_UP',
} as const;
export type TaskKind = (typeof TaskKind)[keyof typeof TaskKind];

export const TaskStatus = { OPEN: 'OPEN', DONE: 'DONE', CANCELLED: 'CANCELLED' } as const;
export type TaskStatus = (typeof TaskStatus)[keyof typeof TaskStatus];

/** What a collector does next on a case: the stage's channel, or hand it to legal review. */
export const NextActionKind = {
  SMS: 'SMS',
  PHONE: 'PHONE',
  VISIT: 'VISIT',
  LEGAL_REVIEW: 'LEGAL_REVIEW',
} as const;
export type NextActionKind = (typeof NextActionKind)[keyof typeof NextActionKind];

/** What placed a hold, and so what lifts it: a person (released by hand), feedback or a plan. */
export const HoldSource = { MANUAL: 'MANUAL', FEEDBACK: 'FEEDBACK', PLAN: 'PLAN' } as const;
export type HoldSource = (typeof HoldSource)[keyof typeof HoldSource];
