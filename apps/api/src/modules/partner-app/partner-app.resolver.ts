import { Permission } from '@arrears/domain';
import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { inTransaction, type RequestContext } from '../../graphql/context.js';
import { Connection, PageArgs } from '../../graphql/pagination.js';
import { PartnerApp } from './partner-app.entity.js';
import {
  CreatePartnerAppInput,
  PartnerAppKeyInput,
  PartnerAppWithKey,
} from './partner-app.inputs.js';
import { PartnerAppService } from './partner-app.service.js';

export const PartnerAppConnection = Connection(PartnerApp, 'PartnerAppConnection');
export type PartnerAppConnection = InstanceType<typeof PartnerAppConnection>;

@Resolver(() => PartnerApp)
export class PartnerAppResolver {
  private readonly service = new PartnerAppService();

  @Authorized(Permission.PARTNERS_MANAGE)
  @Query(() => PartnerAppConnection, {
    description: "The institution's API clients, newest first.",
  })
  async partnerApps(
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<PartnerAppConnection> {
    return Object.assign(new PartnerAppConnection(), await this.service.list(ctx, page));
  }

  @Authorized(Permission.PARTNERS_MANAGE)
  @Mutation(() => PartnerAppWithKey)
  createPartnerApp(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreatePartnerAppInput) input: CreatePartnerAppInput,
  ): Promise<PartnerAppWithKey> {
    return inTransaction(ctx, (tx) => this.service.create(tx, input));
  }

  @Authorized(Permission.PARTNERS_MANAGE)
  @Mutation(() => PartnerAppWithKey, {
    description: 'Issues a new key; the old one stops working.',
  })
  rotatePartnerAppKey(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => PartnerAppKeyInput) input: PartnerAppKeyInput,
  ): Promise<PartnerAppWithKey> {
    return inTransaction(ctx, (tx) => this.service.rotate(tx, input.id));
  }

  @Authorized(Permission.PARTNERS_MANAGE)
  @Mutation(() => PartnerApp)
  revokePartnerApp(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => PartnerAppKeyInput) input: PartnerAppKeyInput,
  ): Promise<PartnerApp> {
    return inTransaction(ctx, (tx) => this.service.revoke(tx, input.id));
  }
}
