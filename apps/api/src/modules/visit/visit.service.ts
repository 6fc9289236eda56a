import {
  CaseStatus,
  Role,
  ValidationError,
  VisitStatus,
  assertCompleteVisitRecord,
  assertVisitPlan,
  requireText,
  visitStatusMachine,
} from '@arrears/domain';
import type { FilterQuery } from '@mikro-orm/core';
import type { RequestContext } from '../../graphql/context.js';
import { ConflictError } from '../../graphql/errors.js';
import { paginate, type Page, type PageArgs } from '../../graphql/pagination.js';
import { Borrower } from '../borrower/borrower.entity.js';
import { Case } from '../case/case.entity.js';
import { findOrFail } from '../common/lookup.js';
import { idempotent } from '../idempotency/idempotency.service.js';
import { User } from '../user/user.entity.js';
import { VisitCollector } from './visit-collector.entity.js';
import { Visit } from './visit.entity.js';
import type {
  CheckInVisitInput,
  ConfirmVisitInput,
  RecordVisitOutcomeInput,
  ScheduleVisitInput,
  VisitFilter,
} from './visit.inputs.js';

export class VisitService {
  list(ctx: RequestContext, args: PageArgs, filter: VisitFilter = {}): Promise<Page<Visit>> {
    const conditions: FilterQuery<Visit>[] = [];
    if (filter.institutionId) conditions.push({ institution: filter.institutionId });
    if (filter.caseId) conditions.push({ case: filter.caseId });
    if (filter.status?.length) conditions.push({ status: { $in: filter.status } });
    if (filter.collectorId) conditions.push({ collectors: { user: filter.collectorId } });
    if (filter.windowFrom) conditions.push({ windowEnd: { $gte: filter.windowFrom } });
    if (filter.windowTo) conditions.push({ windowStart: { $lt: filter.windowTo } });
    return paginate(ctx.em, Visit, {
      where: conditions.length ? { $and: conditions } : {},
      order: [{ prop: 'windowStart', direction: 'ASC', kind: 'date' }],
      args,
    });
  }

  get(ctx: RequestContext, id: string): Promise<Visit> {
    return findOrFail(ctx.em, Visit, { id });
  }

  schedule(ctx: RequestContext, { idempotencyKey, ...input }: ScheduleVisitInput): Promise<Visit> {
    return idempotent(ctx, {
      operation: 'scheduleVisit',
      key: idempotencyKey,
      input,
      run: async () => {
        const visit = await this.plan(ctx, input);
        return { result: visit, ref: visit.id, institutionId: visit.institution.id };
      },
      load: (id) => this.get(ctx, id),
    });
  }

  private async plan(
    ctx: RequestContext,
    input: Omit<ScheduleVisitInput, 'idempotencyKey'>,
  ): Promise<Visit> {
    const target = await findOrFail(ctx.em, Case, { id: input.caseId });
    if (target.status === CaseStatus.CLOSED)
      throw new ConflictError('the case is closed; no visit can be planned');
    assertVisitPlan(
      {
        windowStart: input.windowStart,
        windowEnd: input.windowEnd,
        collectorIds: input.collectorIds,
      },
      ctx.now,
    );
    const collectors = await ctx.em.find(User, {
      id: { $in: input.collectorIds },
      institution: target.institution.id,
    });
    for (const id of input.collectorIds) {
      const collector = collectors.find((c) => c.id === id);
      if (!collector || !collector.active || collector.role !== Role.COLLECTOR) {
        throw new ValidationError(
          'collectorIds',
          `${id} is not an active collector of the case institution`,
        );
      }
    }
    const plannedBy = input.plannedById
      ? await findOrFail(ctx.em, User, {
          id: input.plannedById,
          institution: target.institution.id,
        })
      : null;
    const borrower = await findOrFail(ctx.em, Borrower, { id: target.borrower.id });
    const visit = ctx.em.create(Visit, {
      institution: target.institution,
      case: target,
      windowStart: input.windowStart,
      windowEnd: input.windowEnd,
      purpose: requireText(input.purpose, 'purpose', { max: 400 }),
      address: input.address
        ? requireText(input.address, 'address', { max: 400 })
        : `${borrower.province}${borrower.city}${borrower.district}${borrower.addressDetail}`,
      plannedBy,
    });
    for (const user of collectors) {
      ctx.em.create(VisitCollector, { visit, user, institution: target.institution });
    }
    await ctx.em.flush();
    return visit;
  }

  async confirm(ctx: RequestContext, input: ConfirmVisitInput): Promise<Visit> {
    const visit = await this.get(ctx, input.visitId);
    visitStatusMachine.assert(visit.status, VisitStatus.CONFIRMED);
    visit.status = VisitStatus.CONFIRMED;
    visit.confirmedAt = ctx.now;
    visit.confirmedVia = requireText(input.confirmedVia, 'confirmedVia', { max: 100 });
    visit.confirmedBy = input.confirmedById
      ? ctx.em.getReference(
          User,
          (
            await findOrFail(ctx.em, User, {
              id: input.confirmedById,
              institution: visit.institution.id,
            })
          ).id,
          {
            wrapped: true,
          },
        )
      : null;
    await ctx.em.flush();
    return visit;
  }

  async checkIn(ctx: RequestContext, input: CheckInVisitInput): Promise<Visit> {
    const visit = await this.get(ctx, input.visitId);
    visitStatusMachine.assert(visit.status, VisitStatus.CHECKED_IN);
    const at = input.at ?? ctx.now;
    if (at.getTime() > ctx.now.getTime())
      throw new ValidationError('at', 'cannot be in the future');
    visit.status = VisitStatus.CHECKED_IN;
    visit.checkedInAt = at;
    await ctx.em.flush();
    return visit;
  }

  async recordOutcome(ctx: RequestContext, input: RecordVisitOutcomeInput): Promise<Visit> {
    const visit = await this.get(ctx, input.visitId);
    visitStatusMachine.assert(visit.status, input.outcome);
    if (input.outcome === VisitStatus.COMPLETED) {
      assertCompleteVisitRecord(input);
      const checkedOutAt = input.checkedOutAt ?? ctx.now;
      if (visit.checkedInAt && checkedOutAt.getTime() < visit.checkedInAt.getTime()) {
        throw new ValidationError('checkedOutAt', 'cannot be before the check-in');
      }
      Object.assign(visit, {
        attitude: input.attitude,
        willingness: input.willingness,
        overdueReason: input.overdueReason,
        negotiatedResult: requireText(input.negotiatedResult, 'negotiatedResult', { max: 500 }),
        note: requireText(input.note, 'note', { max: 4000 }),
        followUpDate: input.followUpDate,
        checkedOutAt,
      });
    } else {
      visit.note = input.note ? requireText(input.note, 'note', { max: 4000 }) : null;
    }
    visit.status = input.outcome;
    await ctx.em.flush();
    return visit;
  }
}
