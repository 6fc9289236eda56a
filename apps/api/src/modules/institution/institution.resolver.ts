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
import { Connection, PageArgs, paginate } from '../../graphql/pagination.js';
import { CollectionPolicyType, UpdateCollectionPolicyInput } from './collection-policy.types.js';
import { Institution } from './institution.entity.js';
import { InstitutionService } from './institution.service.js';

export const InstitutionConnection = Connection(Institution, 'InstitutionConnection');
export type InstitutionConnection = InstanceType<typeof InstitutionConnection>;

@Resolver(() => Institution)
export class InstitutionResolver {
  private readonly service = new InstitutionService();

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

  @Authorized(Permission.POLICY_MANAGE)
  @Mutation(() => Institution, {
    description:
      'Choose the rule pack, tighten its numbers (never loosen), turn the holiday calendar on or off, set the escalation ladder.',
  })
  updateCollectionPolicy(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateCollectionPolicyInput) input: UpdateCollectionPolicyInput,
  ): Promise<Institution> {
    return inTransaction(ctx, (tx) => this.service.updatePolicy(tx, input));
  }

  @FieldResolver(() => CollectionPolicyType)
  collectionPolicy(@Root() institution: Institution): CollectionPolicyType {
    return this.service.policyOf(institution);
  }
}
