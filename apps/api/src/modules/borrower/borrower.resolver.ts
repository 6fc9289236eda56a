import { Money, maskEmail, maskNationalId, maskPhone, Permission } from '@arrears/domain';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { inTransaction, type RequestContext } from '../../graphql/context.js';
import { Connection, PageArgs } from '../../graphql/pagination.js';
import type { FieldReads } from '../../graphql/projection.js';
import { DecimalScalar } from '../../graphql/scalars.js';
import { Borrower } from './borrower.entity.js';
import {
  BorrowerFilter,
  CreateBorrowerInput,
  RecordContactConsentInput,
} from './borrower.inputs.js';
import { BorrowerService } from './borrower.service.js';
import { ThirdParty } from './third-party.entity.js';

@ObjectType('BorrowerPii', {
  description: 'Unmasked personal data; every reveal is in the audit trail.',
})
export class BorrowerPii {
  @Field(() => String) nationalId!: string;
  @Field(() => [String]) phones!: string[];
}

@ObjectType('Address')
export class Address {
  @Field(() => String) province!: string;
  @Field(() => String) city!: string;
  @Field(() => String) district!: string;
  @Field(() => String) detail!: string;
}

@ObjectType('ContactConsent')
export class ContactConsent {
  @Field(() => String) windowStart!: string;
  @Field(() => String) windowEnd!: string;
  @Field(() => String) evidence!: string;
  @Field(() => Date) recordedAt!: Date;
}

export const BorrowerConnection = Connection(Borrower, 'BorrowerConnection');
export type BorrowerConnection = InstanceType<typeof BorrowerConnection>;

/** What the computed fields below read of a borrower (see FieldReads). */
export const BORROWER_FIELD_READS: FieldReads<Borrower> = {
  contactConsent: [
    'consentWindowStart',
    'consentWindowEnd',
    'consentRecordedAt',
    'consentEvidence',
  ],
  nationalIdMasked: ['nationalId'],
  phonesMasked: ['phones'],
  emailMasked: ['email'],
  address: ['province', 'city', 'district', 'addressDetail'],
  monthlyIncome: ['monthlyIncomeFen'],
  thirdParties: [],
};

@Resolver(() => Borrower)
export class BorrowerResolver {
  private readonly service = new BorrowerService();

  @Authorized(Permission.BORROWERS_READ)
  @Query(() => BorrowerConnection)
  async borrowers(
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => BorrowerFilter, { nullable: true }) filter?: BorrowerFilter | null,
  ): Promise<BorrowerConnection> {
    return Object.assign(
      new BorrowerConnection(),
      await this.service.list(ctx, page, filter ?? {}),
    );
  }

  @Authorized(Permission.BORROWERS_READ)
  @Query(() => Borrower)
  borrower(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Borrower> {
    return this.service.get(ctx, id);
  }

  @Authorized(Permission.PII_REVEAL)
  @Mutation(() => BorrowerPii, {
    description: 'Shows the unmasked national ID and phones; needs a reason.',
  })
  revealBorrowerPII(
    @Ctx() ctx: RequestContext,
    @Arg('borrowerId', () => ID) borrowerId: string,
    @Arg('reason', () => String) reason: string,
  ): Promise<BorrowerPii> {
    return inTransaction(ctx, (tx) => this.service.revealPii(tx, borrowerId, reason));
  }

  @Authorized(Permission.BORROWERS_WRITE)
  @Mutation(() => Borrower)
  createBorrower(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateBorrowerInput) input: CreateBorrowerInput,
  ): Promise<Borrower> {
    return inTransaction(ctx, (tx) => this.service.create(tx, input));
  }

  @Authorized(Permission.BORROWERS_WRITE)
  @Mutation(() => Borrower, {
    description:
      'Records the borrower’s consent to be contacted in another window; it replaces the quiet hours for them.',
  })
  recordContactConsent(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RecordContactConsentInput) input: RecordContactConsentInput,
  ): Promise<Borrower> {
    return inTransaction(ctx, (tx) => this.service.recordConsent(tx, input));
  }

  @Authorized(Permission.BORROWERS_WRITE)
  @Mutation(() => Borrower, { description: 'The pack’s quiet hours apply to the borrower again.' })
  withdrawContactConsent(
    @Ctx() ctx: RequestContext,
    @Arg('borrowerId', () => ID) borrowerId: string,
  ): Promise<Borrower> {
    return inTransaction(ctx, (tx) => this.service.withdrawConsent(tx, borrowerId));
  }

  @FieldResolver(() => ContactConsent, {
    nullable: true,
    description: 'A recorded consent to another contact window, if any.',
  })
  contactConsent(@Root() borrower: Borrower): ContactConsent | null {
    return borrower.consentWindowStart && borrower.consentWindowEnd && borrower.consentRecordedAt
      ? {
          windowStart: borrower.consentWindowStart,
          windowEnd: borrower.consentWindowEnd,
          evidence: borrower.consentEvidence ?? '',
          recordedAt: borrower.consentRecordedAt,
        }
      : null;
  }

  @FieldResolver(() => String, { description: 'National ID, masked: 110***********1234.' })
  nationalIdMasked(@Root() borrower: Borrower): string {
    return maskNationalId(borrower.nationalId);
  }

  @FieldResolver(() => [String], { description: 'Mobiles, masked: 138****5678.' })
  phonesMasked(@Root() borrower: Borrower): string[] {
    return borrower.phones.map(maskPhone);
  }

  @FieldResolver(() => String, { nullable: true })
  emailMasked(@Root() borrower: Borrower): string | null {
    return borrower.email === null ? null : maskEmail(borrower.email);
  }

  @FieldResolver(() => Address)
  address(@Root() b: Borrower): Address {
    return { province: b.province, city: b.city, district: b.district, detail: b.addressDetail };
  }

  @FieldResolver(() => DecimalScalar, { nullable: true })
  monthlyIncome(@Root() borrower: Borrower): Money | null {
    return borrower.monthlyIncomeFen === null ? null : Money.ofFen(borrower.monthlyIncomeFen);
  }

  @FieldResolver(() => [ThirdParty])
  async thirdParties(
    @Root() borrower: Borrower,
    @Ctx() ctx: RequestContext,
  ): Promise<ThirdParty[]> {
    return ctx.loaders.thirdParties.load(borrower.id);
  }
}

@Resolver(() => ThirdParty)
export class ThirdPartyResolver {
  @FieldResolver(() => String, { description: 'Mobile, masked: 138****5678.' })
  phoneMasked(@Root() thirdParty: ThirdParty): string {
    return maskPhone(thirdParty.phone);
  }
}
