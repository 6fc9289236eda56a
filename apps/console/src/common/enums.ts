import {
  Attitude,
  ContactDirection,
  ContactRuleCode,
  FeedbackCategory,
  FeedbackKind,
  FeedbackStatus,
  HoldKind,
  NextActionKind,
  OverdueReason,
  PaymentChannel,
  PolicyChannel,
  RepaymentPlanKind,
  RepaymentPlanStatus,
  Role,
  RulePackCode,
  TaskKind,
  TaskStatus,
  ThirdPartyRelation,
  Willingness,
  Bucket,
  CaseStage,
  CaseStatus,
  ContactChannel,
  ContactOutcome,
  ContactResult,
  Product,
  VisitStatus,
} from '@arrears/domain';

import type { AppMessages } from '../i18n/zh-CN';

export type EnumName = keyof AppMessages['enums'];

export interface EnumChoice {
  id: string;
  /** A translation key; react-admin's choice inputs and fields translate it. */
  name: string;
}

const choices = (name: EnumName, values: readonly string[]): EnumChoice[] =>
  values.map((id) => ({ id, name: `enums.${name}.${id}` }));

/** Choices for every schema enum the console shows, labelled through `enums.<name>.<value>`. */
export const ENUM_CHOICES: Record<EnumName, EnumChoice[]> = {
  caseStatus: choices('caseStatus', Object.values(CaseStatus)),
  caseStage: choices('caseStage', Object.values(CaseStage)),
  bucket: choices('bucket', Object.values(Bucket)),
  product: choices('product', Object.values(Product)),
  contactChannel: choices('contactChannel', Object.values(ContactChannel)),
  contactResult: choices('contactResult', Object.values(ContactResult)),
  contactOutcome: choices('contactOutcome', Object.values(ContactOutcome)),
  visitStatus: choices('visitStatus', Object.values(VisitStatus)),
  contactDirection: choices('contactDirection', Object.values(ContactDirection)),
  attitude: choices('attitude', Object.values(Attitude)),
  willingness: choices('willingness', Object.values(Willingness)),
  overdueReason: choices('overdueReason', Object.values(OverdueReason)),
  feedbackKind: choices('feedbackKind', Object.values(FeedbackKind)),
  feedbackCategory: choices('feedbackCategory', Object.values(FeedbackCategory)),
  feedbackStatus: choices('feedbackStatus', Object.values(FeedbackStatus)),
  thirdPartyRelation: choices('thirdPartyRelation', Object.values(ThirdPartyRelation)),
  role: choices('role', Object.values(Role)),
  rulePackCode: choices('rulePackCode', Object.values(RulePackCode)),
  repaymentPlanKind: choices('repaymentPlanKind', Object.values(RepaymentPlanKind)),
  repaymentPlanStatus: choices('repaymentPlanStatus', Object.values(RepaymentPlanStatus)),
  paymentChannel: choices('paymentChannel', Object.values(PaymentChannel)),
  holdKind: choices('holdKind', Object.values(HoldKind)),
  taskKind: choices('taskKind', Object.values(TaskKind)),
  taskStatus: choices('taskStatus', Object.values(TaskStatus)),
  nextActionKind: choices('nextActionKind', Object.values(NextActionKind)),
  policyChannel: choices('policyChannel', Object.values(PolicyChannel)),
  policyRule: choices('policyRule', Object.values(ContactRuleCode)),
};
