import { ThirdPartyRelation } from '@arrears/domain';
import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { EncryptedString } from '../../security/field-encryption.js';
import { TenantEntity } from '../common/base.entity.js';
import { Borrower } from './borrower.entity.js';

/** A person the borrower named (联系人): reachable only under the third-party rules. */
@ObjectType('ThirdParty')
@Entity()
@Index({ properties: ['institution', 'borrower'] })
export class ThirdParty extends TenantEntity<'debtRelated' | 'refusedContact'> {
  @ManyToOne(() => Borrower, { ref: true })
  borrower!: Ref<Borrower>;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  fullName!: string;

  @Field(() => ThirdPartyRelation)
  @Enum({ items: () => ThirdPartyRelation, type: 'string' })
  relation!: ThirdPartyRelation;

  /** Encrypted at rest and hidden from serialisation, like the borrower's phones. */
  @Property({ type: EncryptedString, hidden: true })
  phone!: string;

  /** A guarantor or co-borrower is party to the debt; anyone else must never learn of it. */
  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  debtRelated: boolean = false;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  refusedContact: boolean = false;
}
