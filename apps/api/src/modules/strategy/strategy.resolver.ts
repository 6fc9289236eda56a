import { Permission, priorityScore } from '@arrears/domain';
import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { inTransaction, type RequestContext } from '../../graphql/context.js';
import { pageSize } from '../../graphql/pagination.js';
import { Case } from '../case/case.entity.js';
import { StrategyService } from './strategy.service.js';
import { DailyCycleReport, PriorityScoreType, Worklist } from './strategy.types.js';

@Resolver(() => Case)
export class StrategyResolver {
  private readonly service = new StrategyService();

  @Authorized(Permission.CASES_READ)
  @Query(() => Worklist, {
    description:
      "The signed-in collector's open cases in priority order, each with its next allowed action.",
  })
  myWorklist(
    @Ctx() ctx: RequestContext,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Arg('limit', () => Int, { nullable: true, description: 'Page size (1–100).' })
    limit?: number | null,
  ): Promise<Worklist> {
    return this.service.worklist(ctx, offset, pageSize(limit, 'limit'));
  }

  @Authorized(Permission.STRATEGY_RUN)
  @Mutation(() => DailyCycleReport, {
    description:
      "Runs the daily cycle for the admin's institution now: plans evaluated, cases escalated and re-prioritised, follow-ups created. Safe to repeat.",
  })
  runDailyCycle(
    @Ctx() ctx: RequestContext,
    @Arg('at', () => Date, {
      nullable: true,
      description: 'Judge as of this instant; defaults to now.',
    })
    at?: Date | null,
  ): Promise<DailyCycleReport> {
    return inTransaction(ctx, (tx) => this.service.runDailyCycle(tx, at ?? ctx.now));
  }

  @FieldResolver(() => PriorityScoreType, {
    description: 'The priority score as of now, with the factors that make it.',
  })
  async priorityScore(
    @Root() target: Case,
    @Ctx() ctx: RequestContext,
  ): Promise<PriorityScoreType> {
    return priorityScore(await ctx.loaders.priorityInputs.load(target));
  }
}
