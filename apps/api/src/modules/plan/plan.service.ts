import {
  CaseStatus,
  HoldKind,
  Money,
  RepaymentPlanStatus,
  TaskKind,
  assertPlanSchedule,
  caseStatusMachine,
  evaluatePlan,
  localDate,
  nextStage,
  optionalText,
  requireText,
} from '@arrears/domain';
import type { FilterQuery } from '@mikro-orm/core';
import type { RequestContext, WorkContext } from '../../graphql/context.js';
import { ConflictError, withInputFields } from '../../graphql/errors.js';
import { paginate, type Page, type PageArgs } from '../../graphql/pagination.js';
import { Case } from '../case/case.entity.js';
import { findOrFail } from '../common/lookup.js';
import { HoldService } from '../hold/hold.service.js';
import { effectivePack } from '../institution/collection-policy.js';
import { Institution } from '../institution/institution.entity.js';
import { TaskService } from '../task/task.service.js';
import { actingUser } from '../user/acting-user.js';
import type { Visit } from '../visit/visit.entity.js';
import { Installment } from './installment.entity.js';
import type {
  CancelRepaymentPlanInput,
  CreateRepaymentPlanInput,
  RepaymentPlanFilter,
} from './plan.inputs.js';
import { RepaymentPlan } from './repayment-plan.entity.js';

/** A plan moves the case along: taken → PROMISED; kept → back to work; broken → escalated. */
export class PlanService {
  private readonly holds = new HoldService();
  private readonly tasks = new TaskService();

  list(
    ctx: RequestContext,
    args: PageArgs,
    filter: RepaymentPlanFilter = {},
  ): Promise<Page<RepaymentPlan>> {
    const conditions: FilterQuery<RepaymentPlan>[] = [];
    if (filter.caseId) conditions.push({ case: filter.caseId });
    if (filter.status?.length) conditions.push({ status: { $in: filter.status } });
    if (filter.kind?.length) conditions.push({ kind: { $in: filter.kind } });
    return paginate(ctx.em, RepaymentPlan, {
      where: conditions.length ? { $and: conditions } : {},
      order: [{ prop: 'createdAt', direction: 'DESC', kind: 'date' }],
      args,
    });
  }

  /** The case's ACTIVE plan, if any (at most one exists). */
  activePlan(ctx: RequestContext, caseId: string): Promise<RepaymentPlan | null> {
    return ctx.em.findOne(
      RepaymentPlan,
      { case: caseId, status: RepaymentPlanStatus.ACTIVE },
      { populate: ['installments'] },
    );
  }

  async create(
    ctx: RequestContext,
    input: CreateRepaymentPlanInput,
    visit?: Visit,
  ): Promise<RepaymentPlan> {
    const target = await findOrFail(ctx.em, Case, { id: input.caseId });
    if (target.status === CaseStatus.CLOSED) throw new ConflictError('the case is closed');
    if (await this.activePlan(ctx, target.id)) {
      throw new ConflictError('the case already has an active plan; cancel it first');
    }
    const institution = await findOrFail(ctx.em, Institution, { id: target.institution.id });
    const draft = {
      kind: input.kind,
      hardship: input.hardship,
      totalFen: input.total.fen,
      installments: input.installments.map((i) => ({
        dueDate: i.dueDate,
        amountFen: i.amount.fen,
      })),
    };
    // Negotiated on a visit, the terms are the outcome's `plan` input.
    const prefix = visit ? 'plan.' : '';
    withInputFields(
      (field) => prefix + field.replace(/amountFen/g, 'amount').replace(/^totalFen$/, 'total'),
      () =>
        assertPlanSchedule(draft, {
          today: localDate(ctx.now, institution.timeZone),
          outstandingFen: target.outstandingFen,
          hardshipPlanMaxYears: effectivePack(institution).hardshipPlanMaxYears,
        }),
    );
    const plan = ctx.em.create(RepaymentPlan, {
      institution: target.institution,
      case: target,
      kind: input.kind,
      hardship: input.hardship,
      totalFen: draft.totalFen,
      createdBy: actingUser(ctx),
      visit: visit ?? null,
      note: optionalText(input.note, 'note', { max: 2000 }),
    });
    draft.installments.forEach((installment, index) =>
      ctx.em.create(Installment, {
        institution: target.institution,
        plan,
        sequence: index + 1,
        dueDate: installment.dueDate,
        amountFen: installment.amountFen,
      }),
    );
    if (target.status === CaseStatus.NEW) target.status = CaseStatus.IN_PROGRESS;
    if (caseStatusMachine.can(target.status, CaseStatus.PROMISED))
      target.status = CaseStatus.PROMISED;
    if (plan.hardship) {
      await this.holds.place(ctx, {
        target,
        kind: HoldKind.HARDSHIP_PLAN,
        reason: 'The borrower is on a hardship plan; collection waits while it is honoured.',
        plan,
      });
    }
    await ctx.em.flush();
    return plan;
  }

  async cancel(ctx: RequestContext, input: CancelRepaymentPlanInput): Promise<RepaymentPlan> {
    const plan = await findOrFail(ctx.em, RepaymentPlan, { id: input.planId });
    if (plan.status !== RepaymentPlanStatus.ACTIVE) {
      throw new ConflictError(`the plan is already ${plan.status}`);
    }
    const reason = requireText(input.reason, 'reason', { max: 1000 });
    await this.close(ctx, plan, RepaymentPlanStatus.CANCELLED, `Plan cancelled: ${reason}`);
    plan.note = reason;
    await ctx.em.flush();
    return plan;
  }

  /**
   * Marks an ACTIVE plan KEPT or BROKEN when its installments say so on `today` (the caller
   * flushes). A broken plan escalates the case one rung and leaves a follow-up for its
   * collector. Returns the new status, or null when the plan stays ACTIVE.
   */
  async evaluate(
    ctx: WorkContext,
    plan: RepaymentPlan,
    today: string,
  ): Promise<RepaymentPlanStatus | null> {
    await plan.installments.load();
    const verdict = evaluatePlan(
      plan.installments.getItems().map((i) => ({
        id: i.id,
        dueDate: i.dueDate,
        amountFen: i.amountFen,
        paidFen: i.paidFen,
      })),
      today,
    );
    if (verdict.status === RepaymentPlanStatus.ACTIVE) return null;
    if (verdict.status === RepaymentPlanStatus.KEPT) {
      await this.close(ctx, plan, RepaymentPlanStatus.KEPT, 'Plan kept.');
      return RepaymentPlanStatus.KEPT;
    }
    await this.close(ctx, plan, RepaymentPlanStatus.BROKEN, 'Plan broken.');
    const target = await findOrFail(ctx.em, Case, { id: plan.case.id });
    target.stage = nextStage(target.stage);
    if (caseStatusMachine.can(target.status, CaseStatus.ESCALATED))
      target.status = CaseStatus.ESCALATED;
    const broken = plan.installments.getItems().find((i) => i.id === verdict.brokenInstallmentId);
    await this.tasks.ensure(ctx, {
      target,
      kind: TaskKind.BROKEN_PROMISE,
      dueDate: today,
      note: `The ${plan.kind.toLowerCase()} was broken: installment ${broken?.sequence ?? '?'} due ${broken?.dueDate ?? '?'} is short by ${Money.ofFen(verdict.shortfallFen).format()}. Call the borrower.`,
      dedupeKey: `broken-plan:${plan.id}`,
    });
    return RepaymentPlanStatus.BROKEN;
  }

  private async close(
    ctx: WorkContext,
    plan: RepaymentPlan,
    status: RepaymentPlanStatus,
    note: string,
  ): Promise<void> {
    plan.status = status;
    plan.closedAt = ctx.now;
    await this.holds.releaseFrom(ctx, { plan }, note);
    const target = await findOrFail(ctx.em, Case, { id: plan.case.id });
    if (target.status === CaseStatus.PROMISED && status !== RepaymentPlanStatus.BROKEN) {
      target.status = CaseStatus.IN_PROGRESS;
    }
  }
}
