import { Money, Permission } from '@arrears/domain';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { inTransaction, type RequestContext } from '../../graphql/context.js';
import { Connection, PageArgs } from '../../graphql/pagination.js';
import { DecimalScalar } from '../../graphql/scalars.js';
import { Case } from '../case/case.entity.js';
import { resolveRef, resolveRequiredRef, type MaybePromise } from '../common/refs.js';
import { RepaymentPlan } from '../plan/repayment-plan.entity.js';
import { Payment } from './payment.entity.js';
import { PaymentFilter, RecordPaymentInput } from './payment.inputs.js';
import { PaymentService } from './payment.service.js';

export const PaymentConnection = Connection(Payment, 'PaymentConnection');
export type PaymentConnection = InstanceType<typeof PaymentConnection>;

@ObjectType('PaymentAllocation', { description: 'The part of a payment one installment took.' })
class PaymentAllocationType {
  @Field(() => ID) installmentId!: string;
  @Field(() => DecimalScalar) amount!: Money;
}

@Resolver(() => Payment)
export class PaymentResolver {
  private readonly service = new PaymentService();

  @Authorized(Permission.CASES_READ)
  @Query(() => PaymentConnection, { description: 'Payments, most recent first.' })
  async payments(
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => PaymentFilter, { nullable: true }) filter?: PaymentFilter | null,
  ): Promise<PaymentConnection> {
    return Object.assign(new PaymentConnection(), await this.service.list(ctx, page, filter ?? {}));
  }

  @Authorized(Permission.PAYMENTS_WRITE)
  @Mutation(() => Payment)
  recordPayment(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RecordPaymentInput) input: RecordPaymentInput,
  ): Promise<Payment> {
    return inTransaction(ctx, (tx) => this.service.record(tx, input));
  }

  @FieldResolver(() => DecimalScalar)
  amount(@Root() payment: Payment): Money {
    return Money.ofFen(payment.amountFen);
  }

  @FieldResolver(() => DecimalScalar, { description: 'What no installment took.' })
  unallocatedAmount(@Root() payment: Payment): Money {
    return Money.ofFen(payment.unallocatedFen);
  }

  @FieldResolver(() => [PaymentAllocationType])
  allocations(@Root() payment: Payment): PaymentAllocationType[] {
    return payment.allocations.map((a) => ({
      installmentId: a.installmentId,
      amount: Money.ofFen(a.amountFen),
    }));
  }

  @FieldResolver(() => Case)
  case(@Root() payment: Payment, @Ctx() ctx: RequestContext): MaybePromise<Case> {
    return resolveRequiredRef(payment.case, ctx.loaders.case);
  }

  @FieldResolver(() => RepaymentPlan, { nullable: true })
  async plan(@Root() payment: Payment, @Ctx() ctx: RequestContext): Promise<RepaymentPlan | null> {
    return payment.plan ? resolveRef(payment.plan, ctx.loaders.plan) : null;
  }
}
