import { type Money, PaymentChannel } from '@arrears/domain';
import { Field, ID, InputType } from 'type-graphql';
import { DecimalScalar } from '../../graphql/scalars.js';

@InputType({
  description:
    'Money received. The external reference makes it idempotent: sent again with the same details, the first payment comes back.',
})
export class RecordPaymentInput {
  @Field(() => ID) caseId!: string;
  @Field(() => DecimalScalar) amount!: Money;
  @Field(() => Date, { description: 'When the money arrived; never in the future.' }) paidAt!: Date;
  @Field(() => PaymentChannel) channel!: PaymentChannel;

  @Field(() => String, { description: "The bank's transaction reference, unique per institution." })
  externalRef!: string;
}

@InputType()
export class PaymentFilter {
  @Field(() => ID, { nullable: true }) caseId?: string | null;
  @Field(() => ID, { nullable: true }) planId?: string | null;
  @Field(() => Date, { nullable: true }) paidFrom?: Date | null;
  @Field(() => Date, { nullable: true }) paidTo?: Date | null;
}
