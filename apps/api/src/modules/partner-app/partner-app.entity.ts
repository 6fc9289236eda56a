import type { Permission } from '@arrears/domain';
import { Entity, Index, ManyToOne, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { TenantEntity } from '../common/base.entity.js';
import { User } from '../user/user.entity.js';

/**
 * An API client of one institution (a core banking system, an agency, a field app).
 * Its key is shown once; only a lookup prefix and a hash are kept.
 */
@ObjectType('PartnerApp')
@Entity()
@Index({ properties: ['institution', 'createdAt'] })
export class PartnerApp extends TenantEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Field(() => [String], { description: 'Permissions granted, e.g. cases:read, contacts:write.' })
  @Property({ type: 'json' })
  scopes!: Permission[];

  /** Public part of the key, to find the app without scanning hashes. */
  @Field(() => String)
  @Unique()
  @Property({ type: 'string', length: 16 })
  keyPrefix!: string;

  @Property({ type: 'string', length: 64, lazy: true })
  keyHash!: string;

  @ManyToOne(() => User, { ref: true, nullable: true })
  createdBy: Ref<User> | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: Date, nullable: true })
  lastUsedAt: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: Date, nullable: true })
  revokedAt: Date | null = null;
}
