import { Attitude, OverdueReason, VisitStatus, Willingness } from '@arrears/domain';
import {
  Collection,
  Entity,
  Enum,
  Index,
  ManyToOne,
  OneToMany,
  Property,
  type Ref,
} from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../graphql/scalars.js';
import { Case } from '../case/case.entity.js';
import { TenantEntity } from '../common/base.entity.js';
import { User } from '../user/user.entity.js';
import { VisitCollector } from './visit-collector.entity.js';

/** A door-to-door visit (上门催收): an appointment, its check-in and its record. */
@ObjectType('Visit')
@Entity()
@Index({ properties: ['institution', 'case', 'windowStart', 'id'] })
@Index({ properties: ['institution', 'status', 'windowStart'] })
export class Visit extends TenantEntity<'status'> {
  @ManyToOne(() => Case, { ref: true })
  case!: Ref<Case>;

  @Field(() => VisitStatus)
  @Enum({ items: () => VisitStatus, type: 'string' })
  status: VisitStatus = VisitStatus.PLANNED;

  @Field(() => Date)
  @Property({ type: Date })
  windowStart!: Date;

  @Field(() => Date)
  @Property({ type: Date })
  windowEnd!: Date;

  @Field(() => String)
  @Property({ type: 'string', length: 400 })
  address!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 400 })
  purpose!: string;

  @OneToMany(() => VisitCollector, (collector) => collector.visit, { orphanRemoval: true })
  collectors = new Collection<VisitCollector>(this);

  @ManyToOne(() => User, { ref: true, nullable: true })
  plannedBy: Ref<User> | null = null;

  /** The appointment agreed with the borrower (预约上门): when, how and by whom. */
  @Field(() => Date, { nullable: true })
  @Property({ type: Date, nullable: true })
  confirmedAt: Date | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  confirmedVia: string | null = null;

  @ManyToOne(() => User, { ref: true, nullable: true })
  confirmedBy: Ref<User> | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: Date, nullable: true })
  checkedInAt: Date | null = null;

  /** Where the collectors checked in (WGS-84). */
  @Field(() => Number, { nullable: true })
  @Property({ type: 'double', nullable: true })
  checkInLatitude: number | null = null;

  @Field(() => Number, { nullable: true })
  @Property({ type: 'double', nullable: true })
  checkInLongitude: number | null = null;

  /** The collectors showed their identification (工作证) at the door. */
  @Field(() => Boolean, { nullable: true })
  @Property({ type: 'boolean', nullable: true })
  idShown: boolean | null = null;

  /** The borrower let them in; without it the conversation stays at the door. */
  @Field(() => Boolean, { nullable: true })
  @Property({ type: 'boolean', nullable: true })
  consentToEnter: boolean | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: Date, nullable: true })
  checkedOutAt: Date | null = null;

  @Field(() => Attitude, { nullable: true })
  @Enum({ items: () => Attitude, type: 'string', nullable: true })
  attitude: Attitude | null = null;

  @Field(() => Willingness, { nullable: true })
  @Enum({ items: () => Willingness, type: 'string', nullable: true })
  willingness: Willingness | null = null;

  @Field(() => OverdueReason, { nullable: true })
  @Enum({ items: () => OverdueReason, type: 'string', nullable: true })
  overdueReason: OverdueReason | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 500, nullable: true })
  negotiatedResult: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @Field(() => LocalDateScalar, { nullable: true })
  @Property({ type: 'date', columnType: 'date', nullable: true })
  followUpDate: string | null = null;
}
