import { Permission } from '@arrears/domain';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { inTransaction, type RequestContext } from '../../graphql/context.js';
import { Connection, PageArgs } from '../../graphql/pagination.js';
import { Case } from '../case/case.entity.js';
import { resolveRef, resolveRequiredRef, type MaybePromise } from '../common/refs.js';
import { User } from '../user/user.entity.js';
import { Task } from './task.entity.js';
import { TaskFilter } from './task.inputs.js';
import { TaskService } from './task.service.js';

export const TaskConnection = Connection(Task, 'TaskConnection');
export type TaskConnection = InstanceType<typeof TaskConnection>;

@Resolver(() => Task)
export class TaskResolver {
  private readonly service = new TaskService();

  @Authorized(Permission.CASES_READ)
  @Query(() => TaskConnection, { description: 'Follow-ups and reviews, earliest due first.' })
  async tasks(
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => TaskFilter, { nullable: true }) filter?: TaskFilter | null,
  ): Promise<TaskConnection> {
    return Object.assign(new TaskConnection(), await this.service.list(ctx, page, filter ?? {}));
  }

  @Authorized(Permission.CASES_WRITE)
  @Mutation(() => Task)
  completeTask(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Task> {
    return inTransaction(ctx, (tx) => this.service.complete(tx, id));
  }

  @FieldResolver(() => Case)
  case(@Root() task: Task, @Ctx() ctx: RequestContext): MaybePromise<Case> {
    return resolveRequiredRef(task.case, ctx.loaders.case);
  }

  @FieldResolver(() => User, { nullable: true })
  async assignee(@Root() task: Task, @Ctx() ctx: RequestContext): Promise<User | null> {
    return task.assignee ? resolveRef(task.assignee, ctx.loaders.user) : null;
  }
}
