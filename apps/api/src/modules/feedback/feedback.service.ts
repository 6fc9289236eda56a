import { randomInt } from 'node:crypto';
import {
  CaseStatus,
  FeedbackKind,
  FeedbackStatus,
  TaskKind,
  ValidationError,
  feedbackDeadlines,
  feedbackStatusMachine,
  holdForFeedback,
  localDate,
  isFeedbackClosed,
  normalizeNationalId,
  requireText,
} from '@arrears/domain';
import type { FilterQuery } from '@mikro-orm/core';
import type { RequestContext } from '../../graphql/context.js';
import { NotFoundError } from '../../graphql/errors.js';
import { paginate, type Page, type PageArgs } from '../../graphql/pagination.js';
import type { Borrower } from '../borrower/borrower.entity.js';
import { Case } from '../case/case.entity.js';
import { findOrFail } from '../common/lookup.js';
import { HoldService } from '../hold/hold.service.js';
import { idempotent } from '../idempotency/idempotency.service.js';
import { businessCalendarOf } from '../institution/collection-policy.js';
import type { Institution } from '../institution/institution.entity.js';
import { TaskService } from '../task/task.service.js';
import { User } from '../user/user.entity.js';
import { Feedback } from './feedback.entity.js';
import type {
  FeedbackFilter,
  FeedbackReceipt,
  SubmitFeedbackInput,
  UpdateFeedbackStatusInput,
} from './feedback.inputs.js';

/** Crockford base32: no I, L, O or U, so a code read over the phone is unambiguous. */
const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export class FeedbackService {
  private readonly holds = new HoldService();
  private readonly tasks = new TaskService();

  list(ctx: RequestContext, args: PageArgs, filter: FeedbackFilter = {}): Promise<Page<Feedback>> {
    const conditions: FilterQuery<Feedback>[] = [];
    if (filter.institutionId) conditions.push({ institution: filter.institutionId });
    if (filter.caseId) conditions.push({ case: filter.caseId });
    if (filter.status?.length) conditions.push({ status: { $in: filter.status } });
    if (filter.kind?.length) conditions.push({ kind: { $in: filter.kind } });
    if (filter.overdue != null) {
      const open = { status: { $nin: [FeedbackStatus.RESOLVED, FeedbackStatus.REJECTED] } };
      const late = {
        $or: [
          { status: FeedbackStatus.RECEIVED, acknowledgeDueAt: { $lt: ctx.now } },
          { resolveDueAt: { $lt: ctx.now } },
        ],
      };
      conditions.push(filter.overdue ? { $and: [open, late] } : { $not: { $and: [open, late] } });
    }
    return paginate(ctx.em, Feedback, {
      where: conditions.length ? { $and: conditions } : {},
      order: [{ prop: 'createdAt', direction: 'DESC', kind: 'date' }],
      args,
    });
  }

  get(ctx: RequestContext, id: string): Promise<Feedback> {
    return findOrFail(ctx.em, Feedback, { id });
  }

  /**
   * Public. The loan must exist and the verification must match its borrower; either failing
   * gives the same NOT_FOUND, so the endpoint cannot be used to discover loans.
   */
  submit(
    ctx: RequestContext,
    { idempotencyKey, ...input }: SubmitFeedbackInput,
  ): Promise<FeedbackReceipt> {
    return idempotent(ctx, {
      operation: 'submitFeedback',
      key: idempotencyKey,
      input,
      run: async () => {
        const feedback = await this.receive(ctx, input);
        return {
          result: toReceipt(feedback),
          ref: feedback.receiptCode,
          institutionId: feedback.institution.id,
        };
      },
      load: (code) => this.receipt(ctx, code),
    });
  }

  /** Adds the feedback and what it sets in motion to the unit of work; `submit` flushes. */
  private async receive(
    ctx: RequestContext,
    input: Omit<SubmitFeedbackInput, 'idempotencyKey'>,
  ): Promise<Feedback> {
    // Counted before verification, so the last-4 check cannot be guessed by trying.
    await ctx.rateLimits.consume('feedback-ip', ctx.clientIp);
    await ctx.rateLimits.consume(
      'feedback-case',
      `${input.institutionCode}:${input.caseReference}`.toUpperCase(),
    );
    const message = requireText(input.message, 'message', { min: 5, max: 4000 });
    if (
      input.rating != null &&
      (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5)
    ) {
      throw new ValidationError('rating', 'must be a whole number of stars from 1 to 5');
    }
    const verification = normalizeNationalId(input.verification);
    if (!/^[0-9X]{4}$/.test(verification)) {
      throw new ValidationError(
        'verification',
        'must be the last 4 characters of your national ID or mobile number',
      );
    }
    // The public has no tenant: the lookup names the institution itself. One joined query
    // brings the case with its institution and borrower.
    const target = await ctx.em.findOne(
      Case,
      {
        institution: { code: input.institutionCode.trim().toUpperCase() },
        loanNumber: input.caseReference.trim().toUpperCase(),
      },
      { populate: ['institution', 'borrower'], strategy: 'joined', filters: false },
    );
    const institution = target?.institution.getEntity();
    const borrower = target?.borrower.getEntity();
    if (
      !target ||
      !institution ||
      !borrower ||
      borrower.institution.id !== institution.id ||
      !matchesBorrower(borrower, verification)
    ) {
      throw new NotFoundError('Case', 'for this reference and verification');
    }
    const feedback = ctx.em.create(Feedback, {
      institution: target.institution,
      case: target,
      borrower,
      receiptCode: receiptCode(),
      kind: input.kind,
      category: input.category,
      message,
      rating: input.rating ?? null,
      createdAt: ctx.now,
      ...feedbackDeadlines(ctx.now, {
        timeZone: institution.timeZone,
        calendar: businessCalendarOf(institution, ctx.now),
      }),
    });
    await this.act(ctx, feedback, target, institution);
    return feedback;
  }

  /** What the feedback sets in motion: a hold on the case, or a hardship review. */
  private async act(
    ctx: RequestContext,
    feedback: Feedback,
    target: Case,
    institution: Institution,
  ): Promise<void> {
    const hold = holdForFeedback(feedback.kind, feedback.category);
    if (hold && target.status !== CaseStatus.CLOSED) {
      await this.holds.place(ctx, {
        target,
        kind: hold,
        reason: `Borrower ${feedback.kind.toLowerCase()} (${feedback.category}), receipt ${feedback.receiptCode}: on hold until a supervisor resolves it.`,
        feedback,
      });
    }
    if (feedback.kind === FeedbackKind.HARDSHIP && target.status !== CaseStatus.CLOSED) {
      target.hardshipRequestedAt = ctx.now;
      await this.tasks.ensure(ctx, {
        target,
        kind: TaskKind.HARDSHIP_REVIEW,
        // The deadline is the midnight that ends the business day the review is due on.
        dueDate: localDate(new Date(feedback.acknowledgeDueAt.getTime() - 1), institution.timeZone),
        note: `Review the borrower's hardship request (receipt ${feedback.receiptCode}).`,
        dedupeKey: `hardship:${feedback.id}`,
      });
    }
  }

  async receipt(ctx: RequestContext, code: string): Promise<FeedbackReceipt> {
    // Public: the receipt code is the whole key, and only status and dates go back.
    const feedback = await ctx.em.findOne(
      Feedback,
      { receiptCode: code.trim().toUpperCase() },
      { filters: false },
    );
    if (!feedback) throw new NotFoundError('Feedback', 'for this receipt code');
    return toReceipt(feedback);
  }

  async updateStatus(ctx: RequestContext, input: UpdateFeedbackStatusInput): Promise<Feedback> {
    const feedback = await this.get(ctx, input.id);
    feedbackStatusMachine.assert(feedback.status, input.status);
    if (isFeedbackClosed(input.status)) {
      feedback.resolution = requireText(input.resolution, 'resolution', { max: 4000 });
      feedback.closedAt = ctx.now;
      await this.holds.releaseFrom(
        ctx,
        { feedback },
        `Feedback ${input.status.toLowerCase()}: ${feedback.resolution}`,
      );
    }
    feedback.acknowledgedAt ??= ctx.now;
    if (input.handledById) {
      feedback.handledBy = ctx.em.getReference(
        User,
        (
          await findOrFail(ctx.em, User, {
            id: input.handledById,
            institution: feedback.institution.id,
          })
        ).id,
        { wrapped: true },
      );
    }
    feedback.status = input.status;
    await ctx.em.flush();
    return feedback;
  }
}

function matchesBorrower(borrower: Borrower, lastFour: string): boolean {
  return (
    borrower.nationalId.endsWith(lastFour) ||
    borrower.phones.some((phone) => phone.endsWith(lastFour))
  );
}

function receiptCode(): string {
  let code = 'FB';
  for (let i = 0; i < 10; i += 1) code += RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)];
  return code;
}

function toReceipt(feedback: Feedback): FeedbackReceipt {
  return {
    receiptCode: feedback.receiptCode,
    status: feedback.status,
    submittedAt: feedback.createdAt,
    acknowledgeDueAt: feedback.acknowledgeDueAt,
    resolveDueAt: feedback.resolveDueAt,
    closedAt: feedback.closedAt,
  };
}
