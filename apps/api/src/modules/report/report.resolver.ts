import { Permission } from '@arrears/domain';
import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { ReportService } from './report.service.js';
import { CollectionReport } from './report.types.js';

@Resolver()
export class ReportResolver {
  private readonly service = new ReportService();

  @Authorized(Permission.CASES_READ)
  @Query(() => CollectionReport, {
    description:
      "The institution's collection report over the last `days` days (a collector's: their own cases).",
  })
  collectionReport(
    @Ctx() ctx: RequestContext,
    @Arg('days', () => Int, { defaultValue: 90 }) days: number,
  ): Promise<CollectionReport> {
    return this.service.collectionReport(ctx, days);
  }
}
