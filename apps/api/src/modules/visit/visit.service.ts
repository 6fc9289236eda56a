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
import { effectivePack } from '../institution/collection-policy.js';
import { Institution } from '../institution/institution.entity.js';
import { PlanService } from '../plan/plan.service.js';
import { ContactPolicyService } from '../policy/contact-policy.service.js';
import { User } from '../user/user.entity.js';
import { VisitCollector } from './visit-collector.entity.js';
import { Visit } from './visit.entity.js';
import type {
  CancelVisitInput,
  CheckInVisitInput,
  ConfirmVisitInput,
  RecordVisitOutcomeInput,
  RescheduleVisitInput,
  ScheduleVisitInput,
  VisitFilter,
} from './visit.inputs.js';

/** Collectors may check in a little before the agreed window, never after it. */
const EARLY_CHECK_IN_MS = 30 * 60_000;

export class VisitService {
  private readonly policy = new ContactPolicyService();
  private readonly plans = new PlanService();

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
    const institution = await findOrFail(ctx.em, Institution, { id: target.institution.id });
    assertVisitPlan(
      {
        windowStart: input.windowStart,
        windowEnd: input.windowEnd,
        collectorIds: input.collectorIds,
      },
      ctx.now,
      effectivePack(institution).visitMinCollectors,
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
    // References first, so an id of another bank is NOT_FOUND whatever the policy says.
    await this.policy.assertVisitWindowAllowed(ctx, target, input);
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
    // idempotent() writes the visit with its own record in the request's one flush.
    return visit;
  }

  async confirm(ctx: RequestContext, input: ConfirmVisitInput): Promise<Visit> {
    const visit = await this.get(ctx, input.visitId);
    visitStatusMachine.assert(visit.status, VisitStatus.CONFIRMED);
    if (ctx.now.getTime() >= visit.windowStart.getTime()) {
      throw new ConflictError('the appointment must be agreed before the visit; reschedule it');
    }
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
    if (
      at.getTime() < visit.windowStart.getTime() - EARLY_CHECK_IN_MS ||
      at.getTime() > visit.windowEnd.getTime()
    ) {
      throw new ValidationError('at', 'check-in must fall within the agreed window');
    }
    if (!input.idShown) {
      throw new ValidationError('idShown', 'collectors show their identification before a visit');
    }
    if (Math.abs(input.latitude) > 90) throw new ValidationError('latitude', 'must be within ±90');
    if (Math.abs(input.longitude) > 180)
      throw new ValidationError('longitude', 'must be within ±180');
    // A collector on a colleague's visit may check in: the case need not be theirs.
    const target = await ctx.em.findOneOrFail(
      Case,
      { id: visit.case.id },
      { filters: { collectorScope: false } },
    );
    // The visit itself is contact with the borrower: a hold placed since it was planned stops it.
    await this.policy.assertAllowed(ctx, target, {
      person: { kind: 'BORROWER' },
      channel: 'VISIT',
      at,
    });
    Object.assign(visit, {
      status: VisitStatus.CHECKED_IN,
      checkedInAt: at,
      checkInLatitude: input.latitude,
      checkInLongitude: input.longitude,
      idShown: true,
      consentToEnter: input.consentToEnter,
    });
    await ctx.em.flush();
    return visit;
  }

  async cancel(ctx: RequestContext, input: CancelVisitInput): Promise<Visit> {
    const visit = await this.get(ctx, input.visitId);
    visitStatusMachine.assert(visit.status, VisitStatus.CANCELLED);
    visit.status = VisitStatus.CANCELLED;
    visit.note = requireText(input.reason, 'reason', { max: 1000 });
    await ctx.em.flush();
    return visit;
  }

  /** The old appointment stays as it was (RESCHEDULED); the new one is a new visit, checked anew. */
  async reschedule(ctx: RequestContext, input: RescheduleVisitInput): Promise<Visit> {
    const visit = await this.get(ctx, input.visitId);
    visitStatusMachine.assert(visit.status, VisitStatus.RESCHEDULED);
    await visit.collectors.load();
    visit.status = VisitStatus.RESCHEDULED;
    const next = await this.plan(ctx, {
      caseId: visit.case.id,
      windowStart: input.windowStart,
      windowEnd: input.windowEnd,
      collectorIds: visit.collectors.getItems().map((c) => c.user.id),
      purpose: visit.purpose,
      address: visit.address,
      plannedById: visit.plannedBy?.id ?? null,
    });
    return next;
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
      if (input.plan) throw new ValidationError('plan', 'only a completed visit negotiates a plan');
      visit.note = input.note ? requireText(input.note, 'note', { max: 4000 }) : null;
    }
    visit.status = input.outcome;
    if (input.plan) await this.plans.create(ctx, { ...input.plan, caseId: visit.case.id }, visit);
    await ctx.em.flush();
    return visit;
  }
}
