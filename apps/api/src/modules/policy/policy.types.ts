import { ContactRuleCode, PolicyChannel } from '@arrears/domain';
import { Extensions, Field, ObjectType } from 'type-graphql';

@ObjectType('PolicyReason', { description: 'One rule that refuses the contact, and why.' })
export class PolicyReason {
  @Field(() => ContactRuleCode) code!: ContactRuleCode;

  @Field(() => String) message!: string;
}

@ObjectType('ContactDecision')
export class ContactDecision {
  @Field(() => Boolean) allowed!: boolean;
  @Extensions({ listSize: Object.keys(ContactRuleCode).length })
  @Field(() => [PolicyReason])
  reasons!: PolicyReason[];

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
