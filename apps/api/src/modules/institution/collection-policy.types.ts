import { CaseStage, RulePackCode } from '@arrears/domain';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType('LadderStep')
@InputType('LadderStepInput')
export class LadderStepType {
  @Field(() => Int, { description: 'From this many days past due on…' }) fromDpd!: number;
  @Field(() => CaseStage, { description: '…a case belongs at least at this stage.' })
  stage!: CaseStage;
}

@ObjectType('CallAttemptCap')
@InputType('CallAttemptCapInput')
export class CallAttemptCapType {
  @Field(() => Int) attempts!: number;
  @Field(() => Int) days!: number;
}

/** The numbers of a rule pack; as input, each one given must be at least as strict as the pack's. */
@ObjectType('RulePackNumbers')
@InputType('RulePackOverridesInput')
export class RulePackNumbers {
  @Field(() => String, { nullable: true, description: 'Quiet hours start, local "HH:MM".' })
  quietHoursStart?: string | null;

  @Field(() => String, { nullable: true, description: 'Quiet hours end, local "HH:MM".' })
  quietHoursEnd?: string | null;

  @Field(() => Int, { nullable: true }) maxUnansweredDialsPerNumberPerDay?: number | null;
  @Field(() => Int, { nullable: true }) maxConversationsPerBorrowerPerDay?: number | null;
  @Field(() => CallAttemptCapType, { nullable: true })
  maxCallAttemptsPerRollingDays?: CallAttemptCapType | null;
  @Field(() => Int, { nullable: true }) noCallAfterConversationDays?: number | null;
  @Field(() => Int, { nullable: true }) thirdPartyUnreachableAfterFailedAttempts?: number | null;
  @Field(() => Int, { nullable: true }) recordRetentionYears?: number | null;
  @Field(() => Int, { nullable: true }) visitMinCollectors?: number | null;
  @Field(() => Int, { nullable: true }) hardshipPlanMaxYears?: number | null;
}

@ObjectType('CollectionPolicy', {
  description: "The institution's rule pack with its tightenings applied, its calendar and ladder.",
})
export class CollectionPolicyType {
  @Field(() => RulePackCode) rulePack!: RulePackCode;
  @Field(() => String) version!: string;
  @Field(() => RulePackNumbers, { description: 'The numbers in force.' }) numbers!: RulePackNumbers;

  @Field(() => RulePackNumbers, { description: 'Only the numbers the institution tightened.' })
  overrides!: RulePackNumbers;

  @Field(() => Boolean, {
    description: 'Statutory holidays and weekends (make-up workdays excepted) are no-contact days.',
  })
  holidayCalendar!: boolean;

  @Field(() => [LadderStepType]) escalationLadder!: LadderStepType[];
}

@InputType({ description: 'Leave a field out to keep it as it is.' })
export class UpdateCollectionPolicyInput {
  @Field(() => ID) institutionId!: string;
  @Field(() => RulePackCode, { nullable: true }) rulePack?: RulePackCode | null;

  @Field(() => RulePackNumbers, {
    nullable: true,
    description: 'Replaces every tightening; numbers left out follow the pack.',
  })
  overrides?: RulePackNumbers | null;

  @Field(() => Boolean, { nullable: true }) holidayCalendar?: boolean | null;

  @Field(() => [LadderStepType], {
    nullable: true,
    description: 'Replaces the ladder; an empty list returns to the default ladder.',
  })
  escalationLadder?: LadderStepType[] | null;
}
