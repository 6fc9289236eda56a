import type { Money } from '@arrears/domain';
import { ThirdPartyRelation } from '@arrears/domain';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DecimalScalar } from '../../graphql/scalars.js';

@InputType()
export class AddressInput {
  @Field(() => String) province!: string;
  @Field(() => String) city!: string;
  @Field(() => String) district!: string;
  @Field(() => String) detail!: string;
}

@InputType()
export class ThirdPartyInput {
  @Field(() => String) fullName!: string;
  @Field(() => ThirdPartyRelation) relation!: ThirdPartyRelation;
  @Field(() => String) phone!: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'A guarantor or co-borrower, party to the debt.',
  })
  debtRelated: boolean = false;
}

@InputType()
export class CreateBorrowerInput {
  @Field(() => ID) institutionId!: string;
  @Field(() => String) fullName!: string;

  @Field(() => String, { description: '18-character resident ID (GB 11643).' })
  nationalId!: string;

  @Field(() => [String], { description: 'Mainland mobile numbers, preferred first.' })
  phones!: string[];

  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => AddressInput) address!: AddressInput;
  @Field(() => String, { nullable: true }) employer?: string | null;
  @Field(() => DecimalScalar, { nullable: true }) monthlyIncome?: Money | null;
  @Field(() => Int, { nullable: true }) creditScore?: number | null;

  @Field(() => String, {
    nullable: true,
    description: "IANA zone when it differs from the institution's.",
  })
  timeZone?: string | null;

  @Field(() => [ThirdPartyInput], { defaultValue: [] })
  thirdParties!: ThirdPartyInput[];
}

@InputType()
export class BorrowerFilter {
  @Field(() => ID, { nullable: true }) institutionId?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the name.' })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Exact national ID.' })
  nationalId?: string | null;

  @Field(() => String, { nullable: true, description: 'Exact mobile number.' })
  phone?: string | null;
}

@InputType({
  description:
    'The borrower agreed to be contacted in this local window instead of the pack’s (it may cross midnight).',
})
export class RecordContactConsentInput {
  @Field(() => ID) borrowerId!: string;
  @Field(() => String, { description: 'Local "HH:MM".' }) windowStart!: string;
  @Field(() => String, { description: 'Local "HH:MM".' }) windowEnd!: string;

  @Field(() => String, {
    description: 'Where the consent is evidenced: a recording reference, a signed form…',
  })
  evidence!: string;
}
