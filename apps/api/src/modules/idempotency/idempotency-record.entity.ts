import { Entity, Property, Unique } from '@mikro-orm/core';
import { TenantEntity } from '../common/base.entity.js';

/**
 * A create mutation that carried an idempotency key: a replay with the same key finds it and
 * answers with the original result instead of writing again. Keys are per caller (`scope`),
 * so two partner apps can never collide or read each other's results.
 */
@Entity()
@Unique({ properties: ['scope', 'key'] })
export class IdempotencyRecord extends TenantEntity {
  /** Who sent it: `user:<id>`, `partner:<id>`, or `public` for borrowers. */
  @Property({ type: 'string', length: 80 })
  scope!: string;

  @Property({ type: 'string', length: 128 })
  key!: string;

  @Property({ type: 'string', length: 40 })
  operation!: string;

  /** SHA-256 of the canonical input: the same key with another payload is a CONFLICT. */
  @Property({ type: 'string', length: 64 })
  requestHash!: string;

  /** The id (or receipt code) of what the first call created. */
  @Property({ type: 'string', length: 64 })
  resultRef!: string;
}
