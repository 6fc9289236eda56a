import { Permission } from '@arrears/domain';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { inTransaction, type RequestContext } from '../../graphql/context.js';
import { Connection, PageArgs } from '../../graphql/pagination.js';
import type { FieldReads } from '../../graphql/projection.js';
import { Case } from '../case/case.entity.js';
import { resolveRequiredRef, type MaybePromise } from '../common/refs.js';
import { Feedback } from './feedback.entity.js';
import {
  FeedbackFilter,
  FeedbackReceipt,
  SubmitFeedbackInput,
  UpdateFeedbackStatusInput,
} from './feedback.inputs.js';
import { FeedbackService } from './feedback.service.js';

export const FeedbackConnection = Connection(Feedback, 'FeedbackConnection');
export type FeedbackConnection = InstanceType<typeof FeedbackConnection>;

/** What the computed fields below read of a feedback (see FieldReads). */
export const FEEDBACK_FIELD_READS: FieldReads<Feedback> = { case: ['case'] };

@Resolver(() => Feedback)
export class FeedbackResolver {
  private readonly service = new FeedbackService();

  @Authorized(Permission.FEEDBACK_READ)
  @Query(() => FeedbackConnection, { description: 'Borrower feedback, newest first.' })
  async feedback(
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => FeedbackFilter, { nullable: true }) filter?: FeedbackFilter | null,
  ): Promise<FeedbackConnection> {
    return Object.assign(
      new FeedbackConnection(),
      await this.service.list(ctx, page, filter ?? {}),
    );
  }

  @Query(() => FeedbackReceipt, {
    description: 'Public: the status of feedback by its receipt code, and nothing else.',
  })
  feedbackStatus(
    @Ctx() ctx: RequestContext,
    @Arg('receiptCode', () => String) receiptCode: string,
  ): Promise<FeedbackReceipt> {
    return this.service.receipt(ctx, receiptCode);
  }

  @Mutation(() => FeedbackReceipt, {
    description: 'Public: a borrower submits feedback and receives a receipt code.',
  })
  submitFeedback(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => SubmitFeedbackInput) input: SubmitFeedbackInput,
  ): Promise<FeedbackReceipt> {
    return inTransaction(ctx, (tx) => this.service.submit(tx, input));
  }

  @Authorized(Permission.FEEDBACK_MANAGE)
  @Mutation(() => Feedback)
  updateFeedbackStatus(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateFeedbackStatusInput) input: UpdateFeedbackStatusInput,
  ): Promise<Feedback> {
    return inTransaction(ctx, (tx) => this.service.updateStatus(tx, input));
  }

  @FieldResolver(() => Case)
  case(@Root() feedback: Feedback, @Ctx() ctx: RequestContext): MaybePromise<Case> {
    return resolveRequiredRef(feedback.case, ctx.loaders.case);
  }
}
