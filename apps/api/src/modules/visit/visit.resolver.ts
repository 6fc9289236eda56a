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
import type { FieldReads } from '../../graphql/projection.js';
import { Case } from '../case/case.entity.js';
import { resolveRef, resolveRequiredRef, type MaybePromise } from '../common/refs.js';
import { User } from '../user/user.entity.js';
import { Visit } from './visit.entity.js';
import {
  CancelVisitInput,
  CheckInVisitInput,
  ConfirmVisitInput,
  RecordVisitOutcomeInput,
  RescheduleVisitInput,
  ScheduleVisitInput,
  VisitFilter,
} from './visit.inputs.js';
import { VisitService } from './visit.service.js';

export const VisitConnection = Connection(Visit, 'VisitConnection');
export type VisitConnection = InstanceType<typeof VisitConnection>;

/** What the computed fields below read of a visit (see FieldReads). */
export const VISIT_FIELD_READS: FieldReads<Visit> = {
  case: ['case'],
  confirmedBy: ['confirmedBy'],
  plannedBy: ['plannedBy'],
  collectors: [],
};

@Resolver(() => Visit)
export class VisitResolver {
  private readonly service = new VisitService();

  @Authorized(Permission.VISITS_READ)
  @Query(() => VisitConnection, { description: 'Visits by window start.' })
  async visits(
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => VisitFilter, { nullable: true }) filter?: VisitFilter | null,
  ): Promise<VisitConnection> {
    return Object.assign(new VisitConnection(), await this.service.list(ctx, page, filter ?? {}));
  }

  @Authorized(Permission.VISITS_READ)
  @Query(() => Visit)
  visit(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Visit> {
    return this.service.get(ctx, id);
  }

  @Authorized(Permission.VISITS_WRITE)
  @Mutation(() => Visit)
  scheduleVisit(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ScheduleVisitInput) input: ScheduleVisitInput,
  ): Promise<Visit> {
    return inTransaction(ctx, (tx) => this.service.schedule(tx, input));
  }

  @Authorized(Permission.VISITS_WRITE)
  @Mutation(() => Visit)
  confirmVisit(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ConfirmVisitInput) input: ConfirmVisitInput,
  ): Promise<Visit> {
    return inTransaction(ctx, (tx) => this.service.confirm(tx, input));
  }

  @Authorized(Permission.VISITS_WRITE)
  @Mutation(() => Visit)
  checkInVisit(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CheckInVisitInput) input: CheckInVisitInput,
  ): Promise<Visit> {
    return inTransaction(ctx, (tx) => this.service.checkIn(tx, input));
  }

  @Authorized(Permission.VISITS_WRITE)
  @Mutation(() => Visit)
  cancelVisit(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CancelVisitInput) input: CancelVisitInput,
  ): Promise<Visit> {
    return inTransaction(ctx, (tx) => this.service.cancel(tx, input));
  }

  @Authorized(Permission.VISITS_WRITE)
  @Mutation(() => Visit, { description: 'Returns the new visit.' })
  rescheduleVisit(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RescheduleVisitInput) input: RescheduleVisitInput,
  ): Promise<Visit> {
    return inTransaction(ctx, (tx) => this.service.reschedule(tx, input));
  }

  @Authorized(Permission.VISITS_WRITE)
  @Mutation(() => Visit)
  recordVisitOutcome(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RecordVisitOutcomeInput) input: RecordVisitOutcomeInput,
  ): Promise<Visit> {
    return inTransaction(ctx, (tx) => this.service.recordOutcome(tx, input));
  }

  @FieldResolver(() => Case)
  case(@Root() visit: Visit, @Ctx() ctx: RequestContext): MaybePromise<Case> {
    return resolveRequiredRef(visit.case, ctx.loaders.caseOfVisit);
  }

  @FieldResolver(() => User, {
    nullable: true,
    description: 'Who agreed the appointment with the borrower.',
  })
  async confirmedBy(@Root() visit: Visit, @Ctx() ctx: RequestContext): Promise<User | null> {
    return visit.confirmedBy ? resolveRef(visit.confirmedBy, ctx.loaders.user) : null;
  }

  @FieldResolver(() => User, { nullable: true })
  async plannedBy(@Root() visit: Visit, @Ctx() ctx: RequestContext): Promise<User | null> {
    return visit.plannedBy ? resolveRef(visit.plannedBy, ctx.loaders.user) : null;
  }

  @FieldResolver(() => [User])
  collectors(@Root() visit: Visit, @Ctx() ctx: RequestContext): Promise<User[]> {
    return ctx.loaders.visitCollectors.load(visit.id);
  }
}
