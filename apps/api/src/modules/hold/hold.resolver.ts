import { HoldSource, Permission } from '@arrears/domain';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { inTransaction, type RequestContext } from '../../graphql/context.js';
import { Case } from '../case/case.entity.js';
import { resolveRef, resolveRequiredRef, type MaybePromise } from '../common/refs.js';
import { User } from '../user/user.entity.js';
import { CaseHold } from './case-hold.entity.js';
import { PlaceHoldInput, ReleaseHoldInput } from './hold.inputs.js';
import { HoldService } from './hold.service.js';

@Resolver(() => CaseHold)
export class HoldResolver {
  private readonly service = new HoldService();

  @Authorized(Permission.CASES_WRITE)
  @Mutation(() => CaseHold)
  placeHold(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => PlaceHoldInput) input: PlaceHoldInput,
  ): Promise<CaseHold> {
    return inTransaction(ctx, (tx) => this.service.placeByHand(tx, input));
  }

  @Authorized(Permission.HOLDS_RELEASE)
  @Mutation(() => CaseHold, {
    description: 'Only holds placed by hand; feedback and plan holds lift with their source.',
  })
  releaseHold(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ReleaseHoldInput) input: ReleaseHoldInput,
  ): Promise<CaseHold> {
    return inTransaction(ctx, (tx) => this.service.releaseByHand(tx, input));
  }

  @FieldResolver(() => HoldSource, {
    description:
      'MANUAL holds are released by hand; FEEDBACK and PLAN holds lift with their source.',
  })
  source(@Root() hold: CaseHold): HoldSource {
    if (hold.feedback) return HoldSource.FEEDBACK;
    if (hold.plan) return HoldSource.PLAN;
    return HoldSource.MANUAL;
  }

  @FieldResolver(() => Case)
  case(@Root() hold: CaseHold, @Ctx() ctx: RequestContext): MaybePromise<Case> {
    return resolveRequiredRef(hold.case, ctx.loaders.case);
  }

  @FieldResolver(() => User, { nullable: true })
  async placedBy(@Root() hold: CaseHold, @Ctx() ctx: RequestContext): Promise<User | null> {
    return hold.placedBy ? resolveRef(hold.placedBy, ctx.loaders.user) : null;
  }

  @FieldResolver(() => User, { nullable: true })
  async releasedBy(@Root() hold: CaseHold, @Ctx() ctx: RequestContext): Promise<User | null> {
    return hold.releasedBy ? resolveRef(hold.releasedBy, ctx.loaders.user) : null;
  }
}

@Resolver(() => Case)
export class CaseHoldsResolver {
  @FieldResolver(() => [CaseHold], { description: 'Holds on the case, newest first.' })
  async holds(
    @Root() target: Case,
    @Ctx() ctx: RequestContext,
    @Arg('includeReleased', () => Boolean, { defaultValue: false }) includeReleased: boolean,
  ): Promise<CaseHold[]> {
    const holds = await ctx.loaders.holds.load(target);
    return includeReleased ? holds : holds.filter((h) => h.releasedAt === null);
  }
}
