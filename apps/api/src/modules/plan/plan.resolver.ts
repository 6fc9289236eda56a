import { Money, Permission } from '@arrears/domain';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  Info,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { inTransaction, type RequestContext } from '../../graphql/context.js';
import { Connection, PageArgs } from '../../graphql/pagination.js';
import { projectionAt, type FieldReads } from '../../graphql/projection.js';
import { DecimalScalar } from '../../graphql/scalars.js';
import { Case } from '../case/case.entity.js';
import { resolveRef, resolveRequiredRef, type MaybePromise } from '../common/refs.js';
import { User } from '../user/user.entity.js';
import { Installment } from './installment.entity.js';
import {
  CancelRepaymentPlanInput,
  CreateRepaymentPlanInput,
  RepaymentPlanFilter,
} from './plan.inputs.js';
import { PlanService } from './plan.service.js';
import { RepaymentPlan } from './repayment-plan.entity.js';

export const RepaymentPlanConnection = Connection(RepaymentPlan, 'RepaymentPlanConnection');
export type RepaymentPlanConnection = InstanceType<typeof RepaymentPlanConnection>;

/** What the computed fields below read of a plan (see FieldReads). */
const PLAN_FIELD_READS: FieldReads<RepaymentPlan> = {
  totalAmount: ['totalFen'],
  paidAmount: ['paidFen'],
  installments: [],
  case: ['case'],
  createdBy: ['createdBy'],
};

@Resolver(() => RepaymentPlan)
export class PlanResolver {
  private readonly service = new PlanService();

  @Authorized(Permission.CASES_READ)
  @Query(() => RepaymentPlanConnection, { description: 'Repayment plans, newest first.' })
  async repaymentPlans(
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => RepaymentPlanFilter, { nullable: true })
    filter?: RepaymentPlanFilter | null,
  ): Promise<RepaymentPlanConnection> {
    return Object.assign(
      new RepaymentPlanConnection(),
      await this.service.list(ctx, page, filter ?? {}),
    );
  }

  @Authorized(Permission.CASES_WRITE)
  @Mutation(() => RepaymentPlan)
  createRepaymentPlan(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateRepaymentPlanInput) input: CreateRepaymentPlanInput,
  ): Promise<RepaymentPlan> {
    return inTransaction(ctx, (tx) => this.service.create(tx, input));
  }

  @Authorized(Permission.CASES_WRITE)
  @Mutation(() => RepaymentPlan)
  cancelRepaymentPlan(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CancelRepaymentPlanInput) input: CancelRepaymentPlanInput,
  ): Promise<RepaymentPlan> {
    return inTransaction(ctx, (tx) => this.service.cancel(tx, input));
  }

  @FieldResolver(() => DecimalScalar)
  totalAmount(@Root() plan: RepaymentPlan): Money {
    return Money.ofFen(plan.totalFen);
  }

  @FieldResolver(() => DecimalScalar)
  paidAmount(@Root() plan: RepaymentPlan): Money {
    return Money.ofFen(plan.paidFen);
  }

  @FieldResolver(() => [Installment], { description: 'In due order.' })
  installments(@Root() plan: RepaymentPlan, @Ctx() ctx: RequestContext): Promise<Installment[]> {
    return ctx.loaders.installments.load(plan.id);
  }

  @FieldResolver(() => Case)
  case(@Root() plan: RepaymentPlan, @Ctx() ctx: RequestContext): MaybePromise<Case> {
    return resolveRequiredRef(plan.case, ctx.loaders.case);
  }

  @FieldResolver(() => User, { nullable: true })
  async createdBy(@Root() plan: RepaymentPlan, @Ctx() ctx: RequestContext): Promise<User | null> {
    return plan.createdBy ? resolveRef(plan.createdBy, ctx.loaders.user) : null;
  }
}

@Resolver(() => Installment)
export class InstallmentResolver {
  @FieldResolver(() => DecimalScalar)
  amount(@Root() installment: Installment): Money {
    return Money.ofFen(installment.amountFen);
  }

  @FieldResolver(() => DecimalScalar)
  paidAmount(@Root() installment: Installment): Money {
    return Money.ofFen(installment.paidFen);
  }
}

@Resolver(() => Case)
export class CasePlansResolver {
  @FieldResolver(() => [RepaymentPlan], { description: 'Every plan of the case, newest first.' })
  plans(
    @Root() target: Case,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): MaybePromise<RepaymentPlan[]> {
    return ctx.loaders.rowsOf(
      'plans',
      target,
      null,
      projectionAt(info, [], ctx.em, RepaymentPlan, PLAN_FIELD_READS),
    );
  }
}
