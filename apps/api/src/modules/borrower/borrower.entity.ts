import {
  BigIntType,
  Collection,
  Entity,
  Index,
  OneToMany,
  Property,
  Unique,
} from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { TenantEntity } from '../common/base.entity.js';
import { ThirdParty } from './third-party.entity.js';

/**
 * A person who owes. National ID, phones and email are personal data: they carry no
 * @Field, and the resolver exposes only their masked forms.
 */
@ObjectType('Borrower')
@Entity()
@Unique({ properties: ['institution', 'nationalId'] })
@Index({ properties: ['institution', 'fullName'] })
export class Borrower extends TenantEntity<'phones'> {
  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  fullName!: string;

  @Property({ type: 'string', length: 18 })
  nationalId!: string;

  /** Mainland mobiles, normalised to 11 digits, first one preferred. */
  @Property({ type: 'json' })
  phones: string[] = [];

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

  @OneToMany(() => ThirdParty, (thirdParty) => thirdParty.borrower)
  thirdParties = new Collection<ThirdParty>(this);
}
