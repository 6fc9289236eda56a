import { PolicyChannel } from '@arrears/domain';
import { Field, ObjectType } from 'type-graphql';

@ObjectType('PolicyReason', { description: 'One rule that refuses the contact, and why.' })
export class PolicyReason {
  @Field(() => String, { description: 'A stable rule code, e.g. QUIET_HOURS or DIAL_CAP.' })
  code!: string;

  @Field(() => String) message!: string;
}

@ObjectType('ContactDecision')
export class ContactDecision {
  @Field(() => Boolean) allowed!: boolean;
  @Field(() => [PolicyReason]) reasons!: PolicyReason[];

  @Field(() => Date, {
    nullable: true,
    description:
      'The next instant it would be allowed; null when only an event (a hold released, …) can allow it.',
  })
  nextAllowedAt!: Date | null;
}

@ObjectType('ChannelContactability')
export class ChannelContactability extends ContactDecision {
  @Field(() => PolicyChannel) channel!: PolicyChannel;
}
