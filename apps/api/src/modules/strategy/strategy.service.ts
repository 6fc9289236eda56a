import {
  CaseStatus,
  NextActionKind,
  RepaymentPlanStatus,
  STAGE_ACTIONS,
  TaskKind,
  VisitStatus,
  ValidationError,
  addDays,
  assertNotInFuture,
  daysPastDue,
  escalatedStage,
  localDate,
  priorityScore,
  type PolicyChannel,
} from '@arrears/domain';
import type { RequestContext, WorkContext } from '../../graphql/context.js';
import { ForbiddenError } from '../../auth/errors.js';
import { Case } from '../case/case.entity.js';
import { escalationLadderOf } from '../institution/collection-policy.js';
import { Institution } from '../institution/institution.entity.js';
import { PlanService } from '../plan/plan.service.js';
import { RepaymentPlan } from '../plan/repayment-plan.entity.js';
import { ContactPolicyService } from '../policy/contact-policy.service.js';
import { loadPolicyFacts } from '../policy/policy-facts.js';
import { TaskService } from '../task/task.service.js';
import { Visit } from '../visit/visit.entity.js';
import { loadPriorityInputs } from './priority-inputs.js';
import type { DailyCycleReport, NextAction, Worklist } from './strategy.types.js';

/** A worklist ranks at most this many open cases; a collector never carries more. */
const WORKLIST_CAP = 1_000;
/** Follow-up dates this far back still get their task when a run was missed. */
const FOLLOW_UP_CATCH_UP_DAYS = 7;

export class StrategyService {
  private readonly plans = new PlanService();
  private readonly tasks = new TaskService();
  private readonly policy = new ContactPolicyService();

  /**
   * The actor's open cases in priority order (score, then id, so ties are stable), each with
   * the action its stage calls for and when the policy allows it.
   */
  async worklist(ctx: RequestContext, offset: number, limit: number): Promise<Worklist> {
    if (ctx.actor.kind !== 'user')
      throw new ForbiddenError('a worklist belongs to a signed-in person');
    if (offset < 0) throw new ValidationError('offset', 'must be 0 or more');
    const cases = await ctx.em.find(
      Case,
      { assignee: ctx.actor.id, status: { $ne: CaseStatus.CLOSED } },
      { limit: WORKLIST_CAP, orderBy: { priority: 'DESC', id: 'ASC' } },
    );
    const inputs = await loadPriorityInputs(ctx.em, cases, ctx.now);
    const ranked = cases
      .map((c) => ({ target: c, priority: priorityScore(inputs.get(c.id)!) }))
      .sort(
        (a, b) => b.priority.score - a.priority.score || a.target.id.localeCompare(b.target.id),
      );
    const page = ranked.slice(offset, offset + limit);
    const facts = await loadPolicyFacts(
      ctx.em,
      page.map((item) => item.target),
      ctx.now,
    );
    return {
      totalCount: ranked.length,
      nodes: page.map(({ target, priority }) => {
        const kind = STAGE_ACTIONS[target.stage];
        return {
          case: target,
          priority,
          nextAction: this.nextAction(kind, facts.get(target.id), ctx.now),
        };
      }),
    };
  }

  private nextAction(
    kind: NextActionKind,
    facts: Parameters<ContactPolicyService['decide']>[0] | undefined,
    now: Date,
  ): NextAction {
    // A legal review is desk work, not contact: nothing in the policy applies to it.
    if (kind === NextActionKind.LEGAL_REVIEW || !facts) {
      return { kind, allowed: true, at: now, reasons: [] };
    }
    const decision = this.policy.decide(facts, {
      person: { kind: 'BORROWER' },
      channel: kind as PolicyChannel,
      at: now,
    });
    return {
      kind,
      allowed: decision.allowed,
      at: decision.allowed ? now : decision.nextAllowedAt,
      reasons: decision.reasons,
    };
  }

  /**
   * The nightly run, for every institution the context can see, judged at `at`: plans due
   * are marked KEPT or BROKEN (a broken one escalates its case and leaves a follow-up), cases
   * climb the ladder their DPD reaches, priorities are recomputed, and visits whose follow-up
   * date has come get a task. Deterministic in the data and `at`; a second run at the same
   * `at` changes nothing (stages only rise, tasks are keyed by what raised them).
   */
  async runDailyCycle(ctx: WorkContext, at: Date): Promise<DailyCycleReport> {
    if (!Number.isFinite(at.getTime())) throw new ValidationError('at', 'is not a valid instant');
    assertNotInFuture(at, ctx.now, 'at', 'plans would break early');
    const work: WorkContext = { ...ctx, now: at };
    const report: DailyCycleReport = {
      at,
      institutions: 0,
      casesExamined: 0,
      stagesRaised: 0,
      prioritiesChanged: 0,
      plansKept: 0,
      plansBroken: 0,
      tasksCreated: 0,
    };
    const institutions = await ctx.em.find(Institution, {}, { orderBy: { code: 'ASC' } });
    for (const institution of institutions) {
      report.institutions += 1;
      const today = localDate(at, institution.timeZone);

      const active = await ctx.em.find(
        RepaymentPlan,
        { institution, status: RepaymentPlanStatus.ACTIVE },
        { populate: ['installments'], orderBy: { id: 'ASC' } },
      );
      for (const plan of active) {
        const outcome = await this.plans.evaluate(work, plan, today);
        if (outcome === RepaymentPlanStatus.KEPT) report.plansKept += 1;
        if (outcome === RepaymentPlanStatus.BROKEN) {
          report.plansBroken += 1;
          report.tasksCreated += 1;
        }
      }

      const cases = await ctx.em.find(
        Case,
        { institution, status: { $ne: CaseStatus.CLOSED } },
        { orderBy: { id: 'ASC' } },
      );
      const ladder = escalationLadderOf(institution);
      const inputs = await loadPriorityInputs(ctx.em, cases, at);
      for (const target of cases) {
        report.casesExamined += 1;
        const stage = escalatedStage(
          target.stage,
          Math.max(0, daysPastDue(target.overdueSince, at, institution.timeZone)),
          ladder,
        );
        if (stage !== target.stage) {
          target.stage = stage;
          report.stagesRaised += 1;
        }
        const { score } = priorityScore(inputs.get(target.id)!);
        if (score !== target.priority) {
          target.priority = score;
          report.prioritiesChanged += 1;
        }
      }

      const dueFollowUps = await ctx.em.find(
        Visit,
        {
          institution,
          status: VisitStatus.COMPLETED,
          followUpDate: { $lte: today, $gt: addDays(today, -FOLLOW_UP_CATCH_UP_DAYS) },
        },
        { orderBy: { id: 'ASC' } },
      );
      for (const visit of dueFollowUps) {
        const target = cases.find((c) => c.id === visit.case.id);
        if (!target) continue; // closed since the visit
        const created = await this.tasks.ensure(work, {
          target,
          kind: TaskKind.VISIT_FOLLOW_UP,
          dueDate: visit.followUpDate!,
          note: `Follow up the visit of ${localDate(visit.windowStart, institution.timeZone)}: ${visit.negotiatedResult ?? ''}`.trim(),
          dedupeKey: `visit-follow-up:${visit.id}`,
        });
        if (created) report.tasksCreated += 1;
      }
      await ctx.em.flush();
    }
    return report;
  }
}
