import {
  Attitude,
  ContactChannel,
  ContactDirection,
  ContactOutcome,
  ContactResult,
} from '@arrears/domain';
import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { ThirdParty } from '../borrower/third-party.entity.js';
import { Case } from '../case/case.entity.js';
import { TenantEntity } from '../common/base.entity.js';
import { User } from '../user/user.entity.js';

/** One communication on a case (催记). A null `thirdParty` means the borrower was the person reached. */
@ObjectType('Contact')
@Entity()
@Index({ properties: ['institution', 'case', 'occurredAt', 'id'] })
@Index({ properties: ['institution', 'occurredAt'] })
export class Contact extends TenantEntity<'direction'> {
  @ManyToOne(() => Case, { ref: true })
  case!: Ref<Case>;

  @ManyToOne(() => ThirdParty, { ref: true, nullable: true })
  thirdParty: Ref<ThirdParty> | null = null;

  @Field(() => ContactChannel)
  @Enum({ items: () => ContactChannel, type: 'string' })
  channel!: ContactChannel;

  @Field(() => ContactDirection)
  @Enum({ items: () => ContactDirection, type: 'string' })
  direction: ContactDirection = ContactDirection.OUTBOUND;

  @Field(() => Date)
  @Property({ type: Date })
  occurredAt!: Date;

  /** The collector who made or took it; null for system reminders and partner apps. */
  @ManyToOne(() => User, { ref: true, nullable: true })
  madeBy: Ref<User> | null = null;

  @Field(() => ContactResult)
  @Enum({ items: () => ContactResult, type: 'string' })
  result!: ContactResult;

  @Field(() => ContactOutcome, { nullable: true })
  @Enum({ items: () => ContactOutcome, type: 'string', nullable: true })
  outcome: ContactOutcome | null = null;

  @Field(() => Attitude, { nullable: true })
  @Enum({ items: () => Attitude, type: 'string', nullable: true })
  attitude: Attitude | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  /**
   * The number dialled, as its blind index: the per-number dial cap counts by it without the
   * number itself being stored twice. Null for channels without a number.
   */
  @Property({ type: 'string', length: 64, nullable: true, hidden: true })
  dialedNumberIndex: string | null = null;

  /** Reference to the call recording in the bank's recording system. */
  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  recordingRef: string | null = null;
}
