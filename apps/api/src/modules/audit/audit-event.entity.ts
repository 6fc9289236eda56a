import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Institution } from '../institution/institution.entity.js';
import type { JsonValue } from './audit-chain.js';

/**
 * One entry of an institution's audit trail: who did what to which record, with the record
 * before and after (personal data redacted). Rows are only ever inserted; each carries the
 * hash of the previous one, so altering, removing or reordering rows breaks the chain.
 * Not a TenantEntity: an append-only row has no `updatedAt`, and `occurredAt` is its time.
 */
@ObjectType('AuditEvent', {
  description: 'An append-only, hash-chained record of a change or a read of personal data.',
})
@Entity({ tableName: 'audit_event' })
@Unique({ properties: ['institution', 'sequence'] })
@Index({ properties: ['institution', 'entityType', 'entityId'] })
export class AuditEvent {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => Institution, { ref: true, deleteRule: 'restrict' })
  institution!: Ref<Institution>;

  @Field(() => Int, { description: "Position in the institution's chain: 1, 2, 3…" })
  @Property({ type: 'integer' })
  sequence!: number;

  @Field(() => Date)
  @Property({ type: Date })
  occurredAt!: Date;

  @Field(() => String, { description: '`user:<id>`, `partner:<id>`, `anonymous` or `system`.' })
  @Property({ type: 'string', length: 100 })
  actor!: string;

  @Field(() => String, { description: 'e.g. `case.update`, `borrower.revealPii`.' })
  @Property({ type: 'string', length: 100 })
  action!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 64 })
  entityType!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  entityId!: string;

  @Field(() => GraphQLJSON, { nullable: true })
  @Property({ type: 'json', nullable: true })
  before: JsonValue | null = null;

  @Field(() => GraphQLJSON, { nullable: true })
  @Property({ type: 'json', nullable: true })
  after: JsonValue | null = null;

  /** Null for changes made outside a request (seeding, jobs). */
  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 64, nullable: true })
  requestId: string | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'Hash of the previous event; null for the first.',
  })
  @Property({ type: 'string', length: 64, nullable: true })
  prevHash: string | null = null;

  @Field(() => String, { description: 'SHA-256 (hex) of this event and prevHash.' })
  @Property({ type: 'string', length: 64 })
  hash!: string;
}
