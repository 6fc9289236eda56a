import {
  Attitude,
  ContactChannel,
  ContactDirection,
  ContactOutcome,
  ContactResult,
} from '@arrears/domain';
import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class LogContactInput {
  @Field(() => ID) caseId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The third party reached; leave out when it was the borrower.',
  })
  thirdPartyId?: string | null;

  @Field(() => ContactChannel) channel!: ContactChannel;

  @Field(() => String, {
    nullable: true,
    description:
      "PHONE: the number dialled, one of the person's; the per-number dial cap counts by it. May be left out when the person has one number.",
  })
  phoneNumber?: string | null;

  @Field(() => ContactDirection, { defaultValue: ContactDirection.OUTBOUND })
  direction: ContactDirection = ContactDirection.OUTBOUND;

  @Field(() => Date, {
    nullable: true,
    description: 'When it happened; defaults to now. Never in the future.',
  })
  occurredAt?: Date | null;

  @Field(() => ID, { nullable: true, description: 'The collector who made it.' })
  madeById?: string | null;

  @Field(() => ContactResult) result!: ContactResult;
  @Field(() => ContactOutcome, { nullable: true }) outcome?: ContactOutcome | null;
  @Field(() => Attitude, { nullable: true }) attitude?: Attitude | null;
  @Field(() => String, { nullable: true }) note?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Recording reference; phone conversations carry one.',
  })
  recordingRef?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Makes a retry safe: the same key returns the first result instead of writing again.',
  })
  idempotencyKey?: string | null;
}

@InputType()
export class ContactFilter {
  @Field(() => ID, { nullable: true }) institutionId?: string | null;
  @Field(() => ID, { nullable: true }) caseId?: string | null;
  @Field(() => [ContactChannel], { nullable: true }) channel?: ContactChannel[] | null;
  @Field(() => [ContactResult], { nullable: true }) result?: ContactResult[] | null;
  @Field(() => ID, { nullable: true }) madeById?: string | null;
  @Field(() => Date, { nullable: true }) occurredFrom?: Date | null;
  @Field(() => Date, { nullable: true }) occurredTo?: Date | null;
}
