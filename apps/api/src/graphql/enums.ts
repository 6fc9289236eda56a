import * as domain from '@arrears/domain';
import { registerEnumType } from 'type-graphql';

export const SortDirection = { ASC: 'ASC', DESC: 'DESC' } as const;
export type SortDirection = (typeof SortDirection)[keyof typeof SortDirection];

/**
 * The GraphQL enums are the domain's vocabularies under their own names. type-graphql
 * resolves enum types when the schema is built, so registering them once here (the schema
 * builder imports this module) is enough; modules import the enums from `@arrears/domain`.
 */
const enums = {
  Attitude: domain.Attitude,
  Bucket: domain.Bucket,
  CaseStage: domain.CaseStage,
  CaseStatus: domain.CaseStatus,
  CloseReason: domain.CloseReason,
  ContactChannel: domain.ContactChannel,
  ContactDirection: domain.ContactDirection,
  ContactOutcome: domain.ContactOutcome,
  ContactResult: domain.ContactResult,
  PolicyRule: domain.ContactRuleCode,
  FeedbackCategory: domain.FeedbackCategory,
  FeedbackKind: domain.FeedbackKind,
  FeedbackStatus: domain.FeedbackStatus,
  HoldKind: domain.HoldKind,
  HoldSource: domain.HoldSource,
  PaymentChannel: domain.PaymentChannel,
  RepaymentPlanKind: domain.RepaymentPlanKind,
  RepaymentPlanStatus: domain.RepaymentPlanStatus,
  TaskKind: domain.TaskKind,
  TaskStatus: domain.TaskStatus,
  NextActionKind: domain.NextActionKind,
  OverdueReason: domain.OverdueReason,
  PolicyChannel: domain.PolicyChannel,
  Product: domain.Product,
  Role: domain.Role,
  RulePackCode: domain.RulePackCode,
  ThirdPartyRelation: domain.ThirdPartyRelation,
  VisitStatus: domain.VisitStatus,
  Willingness: domain.Willingness,
  SortDirection,
};
for (const [name, values] of Object.entries(enums)) registerEnumType(values, { name });
