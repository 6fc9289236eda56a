import { Entity, Index, ManyToOne, Property, type Ref, Unique } from '@mikro-orm/core';
import { TenantEntity } from '../common/base.entity.js';
import { Borrower } from './borrower.entity.js';

/**
 * The blind index of one of a borrower's phones: phones are stored encrypted, so "who has this
 * number?" is answered here, by the HMAC of the number, without decrypting anything.
 */
@Entity()
@Index({ properties: ['institution', 'phoneIndex'] })
@Unique({ properties: ['borrower', 'phoneIndex'] })
export class BorrowerPhoneIndex extends TenantEntity {
  @ManyToOne(() => Borrower, { ref: true, deleteRule: 'cascade' })
  borrower!: Ref<Borrower>;

  /** blindIndex() of the normalised mobile number. */
  @Property({ type: 'string', length: 64 })
  phoneIndex!: string;
}
