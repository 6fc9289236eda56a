import { Entity, Index, ManyToOne, Property, type Ref, Unique } from '@mikro-orm/core';
import { TenantEntity } from '../modules/common/base.entity.js';
import { User } from '../modules/user/user.entity.js';

/**
 * A signed-in session. The refresh token is stored only as a hash; it is rotated on every
 * refresh, and a revoked session can neither refresh nor (within the access token's few
 * minutes) be used, see RevokedSessions.
 */
@Entity()
@Index({ properties: ['institution', 'user'] })
export class Session extends TenantEntity {
  @ManyToOne(() => User, { ref: true })
  user!: Ref<User>;

  @Unique()
  @Property({ type: 'string', length: 64 })
  refreshTokenHash!: string;

  @Property({ type: Date })
  expiresAt!: Date;

  @Property({ type: Date, nullable: true })
  revokedAt: Date | null = null;
}
