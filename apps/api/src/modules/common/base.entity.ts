import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { v7 as uuidv7 } from 'uuid';
import { Institution } from '../institution/institution.entity.js';

/**
 * Ids are UUIDv7: unique across instances without a round trip, and time-ordered so
 * inserts stay local in B-tree indexes and `id` works as a stable keyset tiebreaker.
 */
/**
 * `Optional` names the properties a subclass fills with defaults, so `em.create` does not
 * demand them; created/updated timestamps always are.
 */
// Named object types so subclasses inherit the fields; never emitted on their own.
@ObjectType('BaseEntity')
@Entity({ abstract: true })
export abstract class BaseEntity<Optional extends string = never> {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | Optional;

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Field(() => Date)
  @Property({ type: Date })
  createdAt: Date = new Date();

  @Field(() => Date)
  @Property({ type: Date, onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** Every row that belongs to a lender carries its institution, so data can be sharded by tenant. */
@ObjectType('TenantEntity')
@Entity({ abstract: true })
export abstract class TenantEntity<Optional extends string = never> extends BaseEntity<Optional> {
  @ManyToOne(() => Institution, { ref: true, deleteRule: 'restrict' })
  institution!: Ref<Institution>;
}
