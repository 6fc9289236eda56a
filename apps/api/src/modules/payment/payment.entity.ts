import { PaymentChannel } from '@arrears/domain';
import {
  BigIntType,
  Entity,
  Enum,
  Index,
  ManyToOne,
  Property,
  type Ref,
  Unique,
} from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Case } from '../case/case.entity.js';
import { TenantEntity } from '../common/base.entity.js';
import { RepaymentPlan } from '../plan/repayment-plan.entity.js';
import { User } from '../user/user.entity.js';

export interface PaymentAllocation {
  installmentId: string;
  amountFen: number;
}

/**
 * Money received on a case. The external reference (the bank's transaction id) is unique per
 * institution, so a payment fed twice by a core system is recorded once.
 */
@ObjectType('Payment')
@Entity()
@Unique({ properties: ['institution', 'externalRef'] })
@Index({ properties: ['institution', 'case', 'paidAt'] })
@Index({ properties: ['institution', 'paidAt'] })
export class Payment extends TenantEntity<
  'plan' | 'recordedBy' | 'allocations' | 'unallocatedFen'
> {
  @ManyToOne(() => Case, { ref: true })
  case!: Ref<Case>;

  /** The plan it was allocated to; null when no plan was active. */
  @ManyToOne(() => RepaymentPlan, { ref: true, nullable: true })
  plan: Ref<RepaymentPlan> | null = null;

  @Property({ type: new BigIntType('number') })
  amountFen!: number;

  @Field(() => Date)
  @Property({ type: Date })
  paidAt!: Date;

  @Field(() => PaymentChannel)
  @Enum({ items: () => PaymentChannel, type: 'string' })
  channel!: PaymentChannel;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  externalRef!: string;

  /** How the amount was spread over the plan's installments, in due order. */
  @Property({ type: 'json' })
  allocations: PaymentAllocation[] = [];

  /** What no installment took (no plan, or more than the plan): it still reduces the balance. */
  @Property({ type: new BigIntType('number') })
  unallocatedFen: number = 0;

  @ManyToOne(() => User, { ref: true, nullable: true })
  recordedBy: Ref<User> | null = null;
}
