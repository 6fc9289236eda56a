import { FeedbackCategory, FeedbackKind, FeedbackStatus } from '@arrears/domain';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@InputType({
  description: 'Public: what a borrower sends, with proof they are the borrower of the loan.',
})
export class SubmitFeedbackInput {
  @Field(() => String, { description: 'The lender code printed on the loan papers, e.g. PSBC.' })
  institutionCode!: string;

  @Field(() => String, { description: 'The loan number.' })
  caseReference!: string;

  @Field(() => String, {
    description: 'Last 4 characters of the national ID or of a registered mobile.',
  })
  verification!: string;

  @Field(() => FeedbackKind) kind!: FeedbackKind;
  @Field(() => FeedbackCategory) category!: FeedbackCategory;
  @Field(() => String) message!: string;

  @Field(() => Int, {
    nullable: true,
    description: '1–5 stars for the collector or visit concerned.',
  })
  rating?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Makes a retry safe: the same key returns the first result instead of writing again.',
  })
  idempotencyKey?: string | null;
}

@ObjectType('FeedbackReceipt', {
  description: 'What the borrower keeps: the code to ask about it later.',
})
export class FeedbackReceipt {
  @Field(() => String) receiptCode!: string;
  @Field(() => FeedbackStatus) status!: FeedbackStatus;
  @Field(() => Date) submittedAt!: Date;
  @Field(() => Date) acknowledgeDueAt!: Date;
  @Field(() => Date) resolveDueAt!: Date;
  @Field(() => Date, { nullable: true }) closedAt!: Date | null;
}

@InputType()
export class UpdateFeedbackStatusInput {
  @Field(() => ID) id!: string;
  @Field(() => FeedbackStatus) status!: FeedbackStatus;

  @Field(() => String, { nullable: true, description: 'Required to resolve or reject.' })
  resolution?: string | null;

  @Field(() => ID, { nullable: true }) handledById?: string | null;
}

@InputType()
export class FeedbackFilter {
  @Field(() => ID, { nullable: true }) institutionId?: string | null;
  @Field(() => ID, { nullable: true }) caseId?: string | null;
  @Field(() => [FeedbackStatus], { nullable: true }) status?: FeedbackStatus[] | null;
  @Field(() => [FeedbackKind], { nullable: true }) kind?: FeedbackKind[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: open feedback past its acknowledge or resolve deadline.',
  })
  overdue?: boolean | null;
}
