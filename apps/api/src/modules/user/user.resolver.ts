import { Permission } from '@arrears/domain';
import type { FilterQuery } from '@mikro-orm/core';
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
import { Connection, PageArgs, paginate } from '../../graphql/pagination.js';
import { resolveRequiredRef, type MaybePromise } from '../common/refs.js';
import { Institution } from '../institution/institution.entity.js';
import { User } from './user.entity.js';
import { CreateUserInput, UserFilter } from './user.inputs.js';
import { UserService } from './user.service.js';

export const UserConnection = Connection(User, 'UserConnection');
export type UserConnection = InstanceType<typeof UserConnection>;

@Resolver(() => User)
export class UserResolver {
  private readonly service = new UserService();

  @Authorized(Permission.USERS_MANAGE)
  @Mutation(() => User)
  createUser(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateUserInput) input: CreateUserInput,
  ): Promise<User> {
    return inTransaction(ctx, (tx) => this.service.create(tx, input));
  }

  @Authorized(Permission.USERS_MANAGE)
  @Mutation(() => User, { description: 'Deactivated staff cannot sign in; their records stay.' })
  setUserActive(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('active', () => Boolean) active: boolean,
  ): Promise<User> {
    return inTransaction(ctx, (tx) => this.service.setActive(tx, id, active));
  }

  @Authorized(Permission.USERS_READ)
  @Query(() => UserConnection, {
    description: 'Staff, by display name; e.g. the collectors a case can go to.',
  })
  async users(
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => UserFilter, { nullable: true }) filter?: UserFilter | null,
  ): Promise<UserConnection> {
    const where: FilterQuery<User> = {};
    if (filter?.institutionId) where.institution = filter.institutionId;
    if (filter?.role?.length) where.role = { $in: filter.role };
    if (filter?.active != null) where.active = filter.active;
    const result = await paginate(ctx.em, User, {
      where,
      order: [{ prop: 'displayName', direction: 'ASC', kind: 'string' }],
      args: page,
    });
    return Object.assign(new UserConnection(), result);
  }

  @FieldResolver(() => Institution)
  institution(@Root() user: User, @Ctx() ctx: RequestContext): MaybePromise<Institution> {
    return resolveRequiredRef(user.institution, ctx.loaders.institution);
  }
}
