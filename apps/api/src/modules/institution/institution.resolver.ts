import { Permission } from '@arrears/domain';
import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { Connection, PageArgs, paginate } from '../../graphql/pagination.js';
import { Institution } from './institution.entity.js';

export const InstitutionConnection = Connection(Institution, 'InstitutionConnection');
export type InstitutionConnection = InstanceType<typeof InstitutionConnection>;

@Resolver(() => Institution)
export class InstitutionResolver {
  @Authorized(Permission.INSTITUTIONS_READ)
  @Query(() => InstitutionConnection, { description: 'Lenders, by code.' })
  async institutions(
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<InstitutionConnection> {
    const result = await paginate(ctx.em, Institution, {
      where: {},
      order: [{ prop: 'code', direction: 'ASC', kind: 'string' }],
      args: page,
    });
    return Object.assign(new InstitutionConnection(), result);
  }
}
