import { TaskStatus, type TaskKind } from '@arrears/domain';
import type { FilterQuery } from '@mikro-orm/core';
import type { RequestContext, WorkContext } from '../../graphql/context.js';
import { ConflictError } from '../../graphql/errors.js';
import { paginate, type Page, type PageArgs } from '../../graphql/pagination.js';
import type { Case } from '../case/case.entity.js';
import { findOrFail } from '../common/lookup.js';
import { actingUser } from '../user/acting-user.js';
import { Task } from './task.entity.js';
import type { TaskFilter } from './task.inputs.js';

export interface TaskRequest {
  target: Case;
  kind: TaskKind;
  dueDate: string;
  note: string;
  /** Names what raised the task; the same key never creates a second one. */
  dedupeKey: string;
}

export class TaskService {
  list(ctx: RequestContext, args: PageArgs, filter: TaskFilter = {}): Promise<Page<Task>> {
    const conditions: FilterQuery<Task>[] = [];
    if (filter.caseId) conditions.push({ case: filter.caseId });
    if (filter.status?.length) conditions.push({ status: { $in: filter.status } });
    if (filter.kind?.length) conditions.push({ kind: { $in: filter.kind } });
    if (filter.assigneeId) conditions.push({ assignee: filter.assigneeId });
    if (filter.dueBy) conditions.push({ dueDate: { $lte: filter.dueBy } });
    return paginate(ctx.em, Task, {
      where: conditions.length ? { $and: conditions } : {},
      order: [{ prop: 'dueDate', direction: 'ASC', kind: 'string' }],
      args,
    });
  }

  /**
   * Creates the task unless one with the same key exists (the caller flushes), assigned to
   * whoever works the case. Returns whether it was created.
   */
  async ensure(ctx: WorkContext, request: TaskRequest): Promise<boolean> {
    const institution = request.target.institution;
    // Also reached from the public feedback path, which has no tenant: the key names one.
    const existing = await ctx.em.count(
      Task,
      { institution, dedupeKey: request.dedupeKey },
      { filters: false },
    );
    if (existing > 0) return false;
    ctx.em.create(Task, {
      institution,
      case: request.target,
      kind: request.kind,
      dueDate: request.dueDate,
      note: request.note,
      dedupeKey: request.dedupeKey,
      assignee: request.target.assignee,
    });
    return true;
  }

  async complete(ctx: RequestContext, id: string): Promise<Task> {
    const task = await findOrFail(ctx.em, Task, { id });
    if (task.status !== TaskStatus.OPEN)
      throw new ConflictError(`the task is already ${task.status}`);
    task.status = TaskStatus.DONE;
    task.completedAt = ctx.now;
    task.completedBy = actingUser(ctx);
    await ctx.em.flush();
    return task;
  }
}
