import { TaskKind, TaskStatus } from '@arrears/domain';
import { Field, ID, InputType } from 'type-graphql';
import { LocalDateScalar } from '../../graphql/scalars.js';

@InputType()
export class TaskFilter {
  @Field(() => ID, { nullable: true }) caseId?: string | null;
  @Field(() => [TaskStatus], { nullable: true }) status?: TaskStatus[] | null;
  @Field(() => [TaskKind], { nullable: true }) kind?: TaskKind[] | null;
  @Field(() => ID, { nullable: true }) assigneeId?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Due on or before this day.' })
  dueBy?: string | null;
}
