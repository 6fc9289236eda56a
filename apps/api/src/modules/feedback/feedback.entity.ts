import { FeedbackCategory, FeedbackKind, FeedbackStatus } from '@arrears/domain';
import { Entity, Enum, Index, ManyToOne, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Borrower } from '../borrower/borrower.entity.js';
import { Case } from '../case/case.entity.js';
import { TenantEntity } from '../common/base.entity.js';
import { User } from '../user/user.entity.js';

/** What a borrower told us: a complaint, dispute, hardship request, suggestion or praise. */
@ObjectType('Feedback')
@Entity()
@Index({ properties: ['institution', 'status', 'createdAt'] })
@Index({ properties: ['institution', 'case'] })
export class Feedback extends TenantEntity<'status'> {
  @ManyToOne(() => Case, { ref: true })
  case!: Ref<Case>;

  @ManyToOne(() => Borrower, { ref: true })
  borrower!: Ref<Borrower>;

  /** Handed to the borrower; the only key a public status query accepts. */
  @Field(() => String)
  @Unique()
  @Property({ type: 'string', length: 20 })
  receiptCode!: string;

  @Field(() => FeedbackKind)
  @Enum({ items: () => FeedbackKind, type: 'string' })
  kind!: FeedbackKind;

  @Field(() => FeedbackCategory)
  @Enum({ items: () => FeedbackCategory, type: 'string' })
  category!: FeedbackCategory;

  @Field(() => String)
  @Property({ type: 'text' })
  message!: string;

  /** 1–5 stars for the collector or visit concerned. */
  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  rating: number | null = null;

  @Field(() => FeedbackStatus)
  @Enum({ items: () => FeedbackStatus, type: 'string' })
  status: FeedbackStatus = FeedbackStatus.RECEIVED;

  @Field(() => Date)
  @Property({ type: Date })
  acknowledgeDueAt!: Date;

  @Field(() => Date)
  @Property({ type: Date })
  resolveDueAt!: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: Date, nullable: true })
  acknowledgedAt: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: Date, nullable: true })
  closedAt: Date | null = null;

  @ManyToOne(() => User, { ref: true, nullable: true })
  handledBy: Ref<User> | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  resolution: string | null = null;
}
