import { CaseStage, CaseStatus, CloseReason, Product } from '@arrears/domain';
import {
  BigIntType,
  Entity,
  Enum,
  Index,
  ManyToOne,
  Property,
  Unique,
  type Ref,
} from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../graphql/scalars.js';
import { Borrower } from '../borrower/borrower.entity.js';
import { TenantEntity } from '../common/base.entity.js';
import { User } from '../user/user.entity.js';

/**
 * One delinquent loan. Amounts are integer fen; DPD and bucket are derived from
 * `overdueSince` at read time in the institution's zone, so they never go stale.
 * The table is `collection_case` because `case` is reserved in SQL.
 */
@ObjectType('Case')
@Entity({ tableName: 'collection_case' })
@Unique({ properties: ['institution', 'loanNumber'] })
@Index({ properties: ['institution', 'status', 'overdueSince'] })
@Index({ properties: ['institution', 'overdueSince'] })
@Index({ properties: ['institution', 'priority', 'id', 'overdueSince'] })
@Index({ properties: ['institution', 'assignee', 'status'] })
@Index({ properties: ['institution', 'createdAt', 'id'] })
@Index({ properties: ['institution', 'outstandingFen'] })
@Index({ properties: ['institution', 'borrower'] })
export class Case extends TenantEntity<'status' | 'stage' | 'priority' | 'version' | 'assignee'> {
  @Field(() => String)
  @Property({ type: 'string', length: 40 })
  loanNumber!: string;

  @Field(() => Product)
  @Enum({ items: () => Product, type: 'string' })
  product!: Product;

  @ManyToOne(() => Borrower, { ref: true })
  borrower!: Ref<Borrower>;

  @ManyToOne(() => User, { ref: true, nullable: true })
  assignee: Ref<User> | null = null;

  @Field(() => CaseStatus)
  @Enum({ items: () => CaseStatus, type: 'string' })
  status: CaseStatus = CaseStatus.NEW;

  @Field(() => CaseStage)
  @Enum({ items: () => CaseStage, type: 'string' })
  stage: CaseStage = CaseStage.REMINDER;

  @Field(() => CloseReason, { nullable: true })
  @Enum({ items: () => CloseReason, type: 'string', nullable: true })
  closeReason: CloseReason | null = null;

  @Property({ type: new BigIntType('number') })
  principalFen!: number;

  @Property({ type: new BigIntType('number') })
  outstandingFen!: number;

  @Property({ type: new BigIntType('number') })
  overdueFen!: number;

  /** First local calendar day the loan was overdue (DPD 1). */
  @Field(() => LocalDateScalar, {
    description: 'First day the loan was overdue; DPD is 1 on that day.',
  })
  @Property({ type: 'date', columnType: 'date' })
  overdueSince!: string;

  /** 0–100; higher is worked first. */
  @Field(() => Int)
  @Property({ type: 'integer' })
  priority: number = 0;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  nextAction: string | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: Date, nullable: true })
  nextActionAt: Date | null = null;

  /** The borrower asked for hardship treatment; a supervisor reviews it. */
  @Field(() => Date, { nullable: true })
  @Property({ type: Date, nullable: true })
  hardshipRequestedAt: Date | null = null;

  /** Optimistic lock: every update must name the version it read. */
  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version: number = 1;
}
