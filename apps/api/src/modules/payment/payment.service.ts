import {
  CaseStatus,
  CloseReason,
  ValidationError,
  allocatePayment,
  assertNotInFuture,
  caseStatusMachine,
  localDate,
  requireText,
} from '@arrears/domain';
import type { FilterQuery } from '@mikro-orm/core';
import type { RequestContext } from '../../graphql/context.js';
import { ConflictError } from '../../graphql/errors.js';
import { paginate, type Page, type PageArgs } from '../../graphql/pagination.js';
import { Case } from '../case/case.entity.js';
import { findOrFail } from '../common/lookup.js';
import { Institution } from '../institution/institution.entity.js';
import { PlanService } from '../plan/plan.service.js';
import { actingUser } from '../user/acting-user.js';
import { Payment } from './payment.entity.js';
import type { PaymentFilter, RecordPaymentInput } from './payment.inputs.js';

export class PaymentService {
  private readonly plans = new PlanService();

  list(ctx: RequestContext, args: PageArgs, filter: PaymentFilter = {}): Promise<Page<Payment>> {
    const conditions: FilterQuery<Payment>[] = [];
    if (filter.caseId) conditions.push({ case: filter.caseId });
    if (filter.planId) conditions.push({ plan: filter.planId });
    if (filter.paidFrom) conditions.push({ paidAt: { $gte: filter.paidFrom } });
    if (filter.paidTo) conditions.push({ paidAt: { $lt: filter.paidTo } });
    return paginate(ctx.em, Payment, {
      where: conditions.length ? { $and: conditions } : {},
      order: [{ prop: 'paidAt', direction: 'DESC', kind: 'date' }],
      args,
    });
  }

  /**
   * Records a payment once per external reference: the same reference with the same details
   * returns the first payment; with other details it is a CONFLICT. The amount fills the
   * active plan's installments in due order and reduces the case's balance; a case paid to
   * zero closes, and a plan paid in full is kept at once.
   */
  async record(ctx: RequestContext, input: RecordPaymentInput): Promise<Payment> {
    const externalRef = requireText(input.externalRef, 'externalRef', { max: 100 });
    const previous = await ctx.em.findOne(
      Payment,
      { externalRef },
      { filters: { collectorScope: false } },
    );
    if (previous) {
      const same =
        previous.case.id === input.caseId &&
        previous.amountFen === input.amount.fen &&
        previous.paidAt.getTime() === input.paidAt.getTime() &&
        previous.channel === input.channel;
      if (!same) {
        throw new ConflictError('this external reference was already recorded with other details', {
          field: 'externalRef',
        });
      }
      return previous;
    }

    const target = await findOrFail(ctx.em, Case, { id: input.caseId });
    if (target.status === CaseStatus.CLOSED) throw new ConflictError('the case is closed');
    if (!input.amount.isPositive()) throw new ValidationError('amount', 'must be more than zero');
    if (input.amount.fen > target.outstandingFen) {
      throw new ValidationError('amount', 'is more than the outstanding balance');
    }
    assertNotInFuture(input.paidAt, ctx.now, 'paidAt');

    const plan = await this.plans.activePlan(ctx, target.id);
    const installments = plan?.installments.getItems() ?? [];
    const { allocations, unallocatedFen } = allocatePayment(
      installments.map((i) => ({
        id: i.id,
        dueDate: i.dueDate,
        amountFen: i.amountFen,
        paidFen: i.paidFen,
      })),
      input.amount.fen,
    );
    for (const allocation of allocations) {
      const installment = installments.find((i) => i.id === allocation.installmentId)!;
      installment.paidFen += allocation.amountFen;
    }
    if (plan) plan.paidFen += input.amount.fen - unallocatedFen;

    target.outstandingFen -= input.amount.fen;
    target.overdueFen = Math.max(0, target.overdueFen - input.amount.fen);
    const payment = ctx.em.create(Payment, {
      institution: target.institution,
      case: target,
      plan,
      amountFen: input.amount.fen,
      paidAt: input.paidAt,
      channel: input.channel,
      externalRef,
      allocations,
      unallocatedFen,
      recordedBy: actingUser(ctx),
    });
    if (plan) {
      const institution = await findOrFail(ctx.em, Institution, { id: target.institution.id });
      await this.plans.evaluate(ctx, plan, localDate(ctx.now, institution.timeZone));
    }
    if (target.outstandingFen === 0 && caseStatusMachine.can(target.status, CaseStatus.CLOSED)) {
      target.status = CaseStatus.CLOSED;
      target.closeReason = CloseReason.PAID_IN_FULL;
    }
    await ctx.em.flush();
    return payment;
  }
}
