import {
  BeforeCreate,
  BeforeUpdate,
  BigIntType,
  Collection,
  Entity,
  Index,
  OneToMany,
  Property,
  Unique,
} from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import {
  EncryptedString,
  EncryptedStringArray,
  blindIndex,
} from '../../security/field-encryption.js';
import { TenantEntity } from '../common/base.entity.js';
import { BorrowerPhoneIndex } from './borrower-phone-index.entity.js';
import { ThirdParty } from './third-party.entity.js';

/**
 * A person who owes. National ID, phones and email are personal data: they carry no
 * @Field, and the resolver exposes only their masked forms. National ID and phones are
 * encrypted at rest and `hidden`, so no serialised entity (an audit snapshot, a log line)
 * carries them; they are found by their blind indexes.
 */
@ObjectType('Borrower')
@Entity()
@Unique({ properties: ['institution', 'nationalIdIndex'] })
@Index({ properties: ['institution', 'fullName'] })
export class Borrower extends TenantEntity<
  'phones' | 'nationalIdIndex' | 'consentWindowStart' | 'consentWindowEnd' | 'consentRecordedAt'
> {
  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  fullName!: string;

  @Property({ type: EncryptedString, hidden: true })
  nationalId!: string;

  /** blindIndex(nationalId), kept in step by the hooks below. */
  @Property({ type: 'string', length: 64, hidden: true })
  nationalIdIndex!: string;

  /** Mainland mobiles, normalised to 11 digits, first one preferred; indexed in BorrowerPhoneIndex. */
  @Property({ type: EncryptedStringArray, hidden: true })
  phones: string[] = [];

  @OneToMany(() => BorrowerPhoneIndex, (entry) => entry.borrower, { hidden: true })
  phoneIndexes = new Collection<BorrowerPhoneIndex>(this);

  @Property({ type: 'string', length: 254, nullable: true })
  email: string | null = null;

  @Property({ type: 'string', length: 50 })
  province!: string;

  @Property({ type: 'string', length: 50 })
  city!: string;

  @Property({ type: 'string', length: 50 })
  district!: string;

  @Property({ type: 'string', length: 300 })
  addressDetail!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  employer: string | null = null;

  @Property({ type: new BigIntType('number'), nullable: true })
  monthlyIncomeFen: number | null = null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  creditScore: number | null = null;

  /** The borrower's own zone when it differs from the institution's (quiet hours are judged in it). */
  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 64, nullable: true })
  timeZone: string | null = null;

  /**
   * A recorded consent to be contacted in another window than the pack's (local "HH:MM",
   * start to end, may cross midnight); it replaces the quiet hours for this borrower.
   */
  @Property({ type: 'string', length: 5, nullable: true })
  consentWindowStart: string | null = null;

  @Property({ type: 'string', length: 5, nullable: true })
  consentWindowEnd: string | null = null;

  @Property({ type: Date, nullable: true })
  consentRecordedAt: Date | null = null;

  /** Where the consent is evidenced, e.g. a call recording reference or a signed form. */
  @Property({ type: 'string', length: 200, nullable: true })
  consentEvidence: string | null = null;

  @OneToMany(() => ThirdParty, (thirdParty) => thirdParty.borrower)
  thirdParties = new Collection<ThirdParty>(this);

  @BeforeCreate()
  @BeforeUpdate()
  indexNationalId(): void {
    this.nationalIdIndex = blindIndex(this.nationalId);
  }
}
