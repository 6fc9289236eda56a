import { Role } from '@arrears/domain';
import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { TenantEntity } from '../common/base.entity.js';

@ObjectType('User')
@Entity()
@Index({ properties: ['institution', 'role'] })
export class User extends TenantEntity<'active' | 'failedLogins'> {
  /** Logins are global, so an email names one user across institutions. */
  @Field(() => String)
  @Unique()
  @Property({ type: 'string', length: 254 })
  email!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  displayName!: string;

  @Field(() => Role)
  @Enum({ items: () => Role, type: 'string' })
  role!: Role;

  /** argon2id hash; never exposed. */
  @Property({ type: 'string', length: 200, lazy: true })
  passwordHash!: string;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  active: boolean = true;

  /** Consecutive failed logins; reaching the limit locks the account for a while. */
  @Property({ type: 'integer' })
  failedLogins: number = 0;

  @Property({ type: Date, nullable: true })
  lockedUntil: Date | null = null;
}
