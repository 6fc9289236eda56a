import { HoldKind, PolicyChannel } from '@arrears/domain';
import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Case } from '../case/case.entity.js';
import { TenantEntity } from '../common/base.entity.js';
import { Feedback } from '../feedback/feedback.entity.js';
import { RepaymentPlan } from '../plan/repayment-plan.entity.js';
import { User } from '../user/user.entity.js';

/**
 * Collection on a case (or one channel of it) stopped, with the reason shown to everyone who
 * works it. A hold raised by feedback or a hardship plan lifts with its source; one placed by
 * hand is released by a supervisor. Released holds stay as the record of what happened.
 */
@ObjectType('CaseHold')
@Entity()
@Index({ properties: ['institution', 'case', 'releasedAt'] })
export class CaseHold extends TenantEntity<'channel' | 'releasedAt' | 'feedback' | 'plan'> {
  @ManyToOne(() => Case, { ref: true })
  case!: Ref<Case>;

  @Field(() => HoldKind)
  @Enum({ items: () => HoldKind, type: 'string' })
  kind!: HoldKind;

  /** Only this channel is held (a cease request); null holds every channel. */
  @Field(() => PolicyChannel, { nullable: true })
  @Property({ type: 'string', length: 16, nullable: true })
  channel: PolicyChannel | null = null;

  @Field(() => String)
  @Property({ type: 'text' })
  reason!: string;

  @Field(() => Date)
  @Property({ type: Date })
  placedAt!: Date;

  @ManyToOne(() => User, { ref: true, nullable: true })
  placedBy: Ref<User> | null = null;

  @ManyToOne(() => Feedback, { ref: true, nullable: true })
  feedback: Ref<Feedback> | null = null;

  @ManyToOne(() => RepaymentPlan, { ref: true, nullable: true })
  plan: Ref<RepaymentPlan> | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: Date, nullable: true })
  releasedAt: Date | null = null;

  @ManyToOne(() => User, { ref: true, nullable: true })
  releasedBy: Ref<User> | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  releaseNote: string | null = null;
}
