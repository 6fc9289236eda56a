import {
  CaseStatus,
  HoldKind,
  ValidationError,
  caseStatusMachine,
  requireText,
  type PolicyChannel,
} from '@arrears/domain';
import type { RequestContext, WorkContext } from '../../graphql/context.js';
import { ConflictError } from '../../graphql/errors.js';
import { Case } from '../case/case.entity.js';
import { findOrFail } from '../common/lookup.js';
import type { Feedback } from '../feedback/feedback.entity.js';
import type { RepaymentPlan } from '../plan/repayment-plan.entity.js';
import { actingUser } from '../user/acting-user.js';
import { CaseHold } from './case-hold.entity.js';
import type { PlaceHoldInput, ReleaseHoldInput } from './hold.inputs.js';

interface HoldRequest {
  target: Case;
  kind: HoldKind;
  channel?: PolicyChannel | null;
  reason: string;
  feedback?: Feedback;
  plan?: RepaymentPlan;
}

/**
 * Holds and the case status that mirrors them: a case with an open hold on every channel is
 * ON_HOLD, and goes back to IN_PROGRESS when the last such hold is released.
 */
export class HoldService {
  /** By hand: a dispute or complaint heard on a call, or a cease request. */
  async placeByHand(ctx: RequestContext, input: PlaceHoldInput): Promise<CaseHold> {
    if (input.kind === HoldKind.HARDSHIP_PLAN) {
      throw new ValidationError(
        'kind',
        'hardship holds come with a hardship plan; create the plan',
      );
    }
    if (input.kind === HoldKind.CEASE_CHANNEL && !input.channel) {
      throw new ValidationError('channel', 'a cease request names the channel to stop');
    }
    const target = await findOrFail(ctx.em, Case, { id: input.caseId });
    const hold = await this.place(ctx, {
      target,
      kind: input.kind,
      channel: input.channel ?? null,
      reason: requireText(input.reason, 'reason', { max: 1000 }),
    });
    await ctx.em.flush();
    return hold;
  }

  /** Places a hold (the caller flushes). */
  async place(ctx: WorkContext, request: HoldRequest): Promise<CaseHold> {
    const { target } = request;
    if (target.status === CaseStatus.CLOSED) {
      throw new ConflictError('the case is closed; there is nothing to hold');
    }
    const hold = ctx.em.create(CaseHold, {
      institution: target.institution,
      case: target,
      kind: request.kind,
      channel: request.channel ?? null,
      reason: request.reason,
      placedAt: ctx.now,
      placedBy: actingUser(ctx),
      feedback: request.feedback ?? null,
      plan: request.plan ?? null,
    });
    if (hold.channel === null && caseStatusMachine.can(target.status, CaseStatus.ON_HOLD)) {
      target.status = CaseStatus.ON_HOLD;
    }
    return hold;
  }

  /** By hand: only holds placed by hand; the others lift with their feedback or plan. */
  async releaseByHand(ctx: RequestContext, input: ReleaseHoldInput): Promise<CaseHold> {
    const hold = await findOrFail(ctx.em, CaseHold, { id: input.holdId });
    if (hold.releasedAt) throw new ConflictError('the hold was already released');
    if (hold.feedback) {
      throw new ConflictError('this hold lifts when its feedback is resolved or rejected');
    }
    if (hold.plan)
      throw new ConflictError('this hold lifts when its plan is kept, broken or cancelled');
    await this.release(ctx, [hold], requireText(input.note, 'note', { max: 1000 }));
    await ctx.em.flush();
    return hold;
  }

  /** Releases the open holds a feedback or a plan raised (the caller flushes). */
  async releaseFrom(
    ctx: WorkContext,
    source: { feedback: Feedback } | { plan: RepaymentPlan },
    note: string,
  ): Promise<void> {
    const holds = await ctx.em.find(CaseHold, {
      ...('feedback' in source ? { feedback: source.feedback } : { plan: source.plan }),
      releasedAt: null,
    });
    await this.release(ctx, holds, note);
  }

  private async release(ctx: WorkContext, holds: CaseHold[], note: string): Promise<void> {
    for (const hold of holds) {
      hold.releasedAt = ctx.now;
      hold.releasedBy = actingUser(ctx);
      hold.releaseNote = note;
    }
    for (const caseId of new Set(holds.map((h) => h.case.id))) {
      const target = await findOrFail(ctx.em, Case, { id: caseId });
      const stillHeld = await ctx.em.count(CaseHold, {
        case: caseId,
        channel: null,
        releasedAt: null,
        id: { $nin: holds.map((h) => h.id) },
      });
      if (stillHeld === 0 && target.status === CaseStatus.ON_HOLD) {
        target.status = CaseStatus.IN_PROGRESS;
      }
    }
  }
}
