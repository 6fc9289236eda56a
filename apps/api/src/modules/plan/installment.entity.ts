import { BigIntType, Entity, ManyToOne, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../graphql/scalars.js';
import { TenantEntity } from '../common/base.entity.js';
import { RepaymentPlan } from './repayment-plan.entity.js';

/** One due amount of a plan; payments fill installments in due order. */
@ObjectType('Installment')
@Entity({ tableName: 'plan_installment' })
@Unique({ properties: ['plan', 'sequence'] })
export class Installment extends TenantEntity<'paidFen'> {
  @ManyToOne(() => RepaymentPlan, { ref: true, deleteRule: 'cascade' })
  plan!: Ref<RepaymentPlan>;

  /** 1-based position in the schedule. */
  @Field(() => Int)
  @Property({ type: 'integer' })
  sequence!: number;

  @Field(() => LocalDateScalar)
  @Property({ type: 'date', columnType: 'date' })
  dueDate!: string;

  @Property({ type: new BigIntType('number') })
  amountFen!: number;

  @Property({ type: new BigIntType('number') })
  paidFen: number = 0;
}
