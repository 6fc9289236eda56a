import 'reflect-metadata';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from '../auth/auth-checker.js';
import { AuthResolver } from '../auth/auth.resolver.js';
import { AuditResolver } from '../modules/audit/audit.resolver.js';
import { BorrowerResolver, ThirdPartyResolver } from '../modules/borrower/borrower.resolver.js';
import { CaseResolver } from '../modules/case/case.resolver.js';
import { ContactResolver } from '../modules/contact/contact.resolver.js';
import { FeedbackResolver } from '../modules/feedback/feedback.resolver.js';
import { CaseHoldsResolver, HoldResolver } from '../modules/hold/hold.resolver.js';
import { InstitutionResolver } from '../modules/institution/institution.resolver.js';
import { ContactPolicyResolver } from '../modules/policy/policy.resolver.js';
import { PaymentResolver } from '../modules/payment/payment.resolver.js';
import {
  CasePlansResolver,
  InstallmentResolver,
  PlanResolver,
} from '../modules/plan/plan.resolver.js';
import { ReportResolver } from '../modules/report/report.resolver.js';
import { StrategyResolver } from '../modules/strategy/strategy.resolver.js';
import { TaskResolver } from '../modules/task/task.resolver.js';
import { PartnerAppResolver } from '../modules/partner-app/partner-app.resolver.js';
import { UserResolver } from '../modules/user/user.resolver.js';
import { VisitResolver } from '../modules/visit/visit.resolver.js';
import './enums.js';
import { resolvePlainFieldsByDefault } from './plain-fields.js';
import { guardRootFields } from './root-fields.js';
import { DateTimeScalar } from './scalars.js';

export const resolvers = [
  AuditResolver,
  AuthResolver,
  BorrowerResolver,
  CaseHoldsResolver,
  CasePlansResolver,
  CaseResolver,
  ContactPolicyResolver,
  ContactResolver,
  FeedbackResolver,
  HoldResolver,
  InstallmentResolver,
  InstitutionResolver,
  PartnerAppResolver,
  PaymentResolver,
  PlanResolver,
  ReportResolver,
  StrategyResolver,
  TaskResolver,
  ThirdPartyResolver,
  UserResolver,
  VisitResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

/** The schema is built once per process: type-graphql's metadata is global anyway. */
export function graphqlSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    // Inputs are checked by the domain's validators in the services, with field names.
    validate: false,
    authChecker,
  }).then((schema) => guardRootFields(resolvePlainFieldsByDefault(schema)));
  return built;
}

/** The SDL committed as apps/api/schema.graphql: sorted, so diffs show real changes only. */
export async function printGraphqlSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await graphqlSchema()))}\n`;
}
