import { TaskKind, TaskStatus } from '@arrears/domain';
import { Entity, Enum, Index, ManyToOne, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../graphql/scalars.js';
import { Case } from '../case/case.entity.js';
import { TenantEntity } from '../common/base.entity.js';
import { User } from '../user/user.entity.js';

/**
 * Work the system hands to people: a follow-up after a broken promise, a hardship review.
 * `dedupeKey` names what raised it, so the daily cycle run twice creates it once.
 */
@ObjectType('Task')
@Entity({ tableName: 'collection_task' })
@Unique({ properties: ['institution', 'dedupeKey'] })
@Index({ properties: ['institution', 'status', 'dueDate'] })
@Index({ properties: ['institution', 'case'] })
export class Task extends TenantEntity<'status' | 'assignee' | 'completedAt' | 'completedBy'> {
  @ManyToOne(() => Case, { ref: true })
  case!: Ref<Case>;

  @Field(() => TaskKind)
  @Enum({ items: () => TaskKind, type: 'string' })
  kind!: TaskKind;

  @Field(() => TaskStatus)
  @Enum({ items: () => TaskStatus, type: 'string' })
  status: TaskStatus = TaskStatus.OPEN;

  @Field(() => LocalDateScalar)
  @Property({ type: 'date', columnType: 'date' })
  dueDate!: string;

  @ManyToOne(() => User, { ref: true, nullable: true })
  assignee: Ref<User> | null = null;

  @Field(() => String)
  @Property({ type: 'text' })
  note!: string;

  @Property({ type: 'string', length: 120 })
  dedupeKey!: string;

  @Field(() => Date, { nullable: true })
  @Property({ type: Date, nullable: true })
  completedAt: Date | null = null;

  @ManyToOne(() => User, { ref: true, nullable: true })
  completedBy: Ref<User> | null = null;
}
