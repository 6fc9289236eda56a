import { type Money, RepaymentPlanKind, RepaymentPlanStatus } from '@arrears/domain';
import { Field, ID, InputType } from 'type-graphql';
import { DecimalScalar, LocalDateScalar } from '../../graphql/scalars.js';

@InputType()
export class InstallmentInput {
  @Field(() => LocalDateScalar) dueDate!: string;
  @Field(() => DecimalScalar) amount!: Money;
}

/** The terms of a plan, on their own: a visit's outcome carries them for the visit's case. */
@InputType({
  description:
    'PROMISE and EXTENSION: one installment; INSTALLMENT: a schedule whose amounts sum to the total, in date order.',
})
export class RepaymentPlanTermsInput {
  @Field(() => RepaymentPlanKind) kind!: RepaymentPlanKind;

  @Field(() => Boolean, {
    defaultValue: false,
    description:
      'A hardship installment plan (困难分期): may run to the pack’s limit and holds collection while honoured.',
  })
  hardship: boolean = false;

  @Field(() => DecimalScalar) total!: Money;
  @Field(() => [InstallmentInput]) installments!: InstallmentInput[];
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType()
export class CreateRepaymentPlanInput extends RepaymentPlanTermsInput {
  @Field(() => ID) caseId!: string;
}

@InputType()
export class CancelRepaymentPlanInput {
  @Field(() => ID) planId!: string;
  @Field(() => String) reason!: string;
}

@InputType()
export class RepaymentPlanFilter {
  @Field(() => ID, { nullable: true }) caseId?: string | null;
  @Field(() => [RepaymentPlanStatus], { nullable: true }) status?: RepaymentPlanStatus[] | null;
  @Field(() => [RepaymentPlanKind], { nullable: true }) kind?: RepaymentPlanKind[] | null;
}
