import { HoldKind, PolicyChannel } from '@arrears/domain';
import { Field, ID, InputType } from 'type-graphql';

@InputType({
  description:
    'Stop collection on a case: a dispute or complaint heard on a call, or a cease request for one channel.',
})
export class PlaceHoldInput {
  @Field(() => ID) caseId!: string;

  @Field(() => HoldKind, {
    description: 'HARDSHIP_PLAN holds come from hardship plans and cannot be placed by hand.',
  })
  kind!: HoldKind;

  @Field(() => PolicyChannel, {
    nullable: true,
    description: 'Required for CEASE_CHANNEL; leave out to hold every channel.',
  })
  channel?: PolicyChannel | null;

  @Field(() => String, { description: 'Shown to everyone who works the case.' }) reason!: string;
}

@InputType()
export class ReleaseHoldInput {
  @Field(() => ID) holdId!: string;
  @Field(() => String) note!: string;
}
