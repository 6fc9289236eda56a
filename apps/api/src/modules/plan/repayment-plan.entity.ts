import { RepaymentPlanKind, RepaymentPlanStatus } from '@arrears/domain';
import {
  BigIntType,
  Collection,
  Entity,
  Enum,
  Index,
  ManyToOne,
  OneToMany,
  Property,
  type Ref,
} from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Case } from '../case/case.entity.js';
import { TenantEntity } from '../common/base.entity.js';
import { User } from '../user/user.entity.js';
import { Visit } from '../visit/visit.entity.js';
import { Installment } from './installment.entity.js';

/** A negotiated way back: a promise, an installment plan (分期) or an extension (延期). */
@ObjectType('RepaymentPlan')
@Entity()
@Index({ properties: ['institution', 'case', 'status'] })
@Index({ properties: ['institution', 'status'] })
export class RepaymentPlan extends TenantEntity<
  'status' | 'paidFen' | 'hardship' | 'version' | 'closedAt' | 'visit' | 'createdBy'
> {
  @ManyToOne(() => Case, { ref: true })
  case!: Ref<Case>;

  @Field(() => RepaymentPlanKind)
  @Enum({ items: () => RepaymentPlanKind, type: 'string' })
  kind!: RepaymentPlanKind;

  /** A hardship plan (困难分期) holds collection while it is honoured. */
  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  hardship: boolean = false;

  @Field(() => RepaymentPlanStatus)
  @Enum({ items: () => RepaymentPlanStatus, type: 'string' })
  status: RepaymentPlanStatus = RepaymentPlanStatus.ACTIVE;

  @Property({ type: new BigIntType('number') })
  totalFen!: number;

  @Property({ type: new BigIntType('number') })
  paidFen: number = 0;

  @OneToMany(() => Installment, (installment) => installment.plan, {
    orderBy: { sequence: 'ASC' },
  })
  installments = new Collection<Installment>(this);

  @ManyToOne(() => User, { ref: true, nullable: true })
  createdBy: Ref<User> | null = null;

  /** The visit it was negotiated on, if any. */
  @ManyToOne(() => Visit, { ref: true, nullable: true })
  visit: Ref<Visit> | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  /** When it became KEPT, BROKEN or CANCELLED. */
  @Field(() => Date, { nullable: true })
  @Property({ type: Date, nullable: true })
  closedAt: Date | null = null;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version: number = 1;
}
