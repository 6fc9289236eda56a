import { Permission, PolicyChannel } from '@arrears/domain';
import {
  Arg,
  Authorized,
  Ctx,
  Extensions,
  FieldResolver,
  ID,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { Case } from '../case/case.entity.js';
import { findOrFail } from '../common/lookup.js';
import { ContactPolicyService } from './contact-policy.service.js';
import { ChannelContactability, ContactDecision } from './policy.types.js';

@Resolver(() => Case)
export class ContactPolicyResolver {
  private readonly policy = new ContactPolicyService();

  @Authorized(Permission.CASES_READ)
  @Query(() => ContactDecision, {
    description:
      'May this person be contacted on this case through this channel at this instant? For dialers and partner apps to ask before they act.',
  })
  async canContact(
    @Ctx() ctx: RequestContext,
    @Arg('caseId', () => ID) caseId: string,
    @Arg('channel', () => PolicyChannel) channel: PolicyChannel,
    @Arg('personId', () => ID, {
      nullable: true,
      description: "The borrower's or a third party's id; the borrower when left out.",
    })
    personId?: string | null,
    @Arg('at', () => Date, { nullable: true, description: 'Defaults to now.' }) at?: Date | null,
    @Arg('phoneNumber', () => String, {
      nullable: true,
      description: "The number to dial; one of the person's.",
    })
    phoneNumber?: string | null,
  ): Promise<ContactDecision> {
    const target = await findOrFail(ctx.em, Case, { id: caseId });
    const when = at ?? ctx.now;
    const facts = await this.policy.facts(ctx, target, when);
    const person = await this.policy.person(ctx, target, personId);
    return this.policy.decide(facts, { person, channel, at: when, phoneNumber });
  }

  @Extensions({ listSize: Object.keys(PolicyChannel).length })
  @FieldResolver(() => [ChannelContactability], {
    description: 'Per channel: may the borrower be contacted now, why not, and from when.',
  })
  async contactability(
    @Root() target: Case,
    @Ctx() ctx: RequestContext,
  ): Promise<ChannelContactability[]> {
    const facts = await ctx.loaders.policyFacts.load(target);
    return Object.values(PolicyChannel).map((channel) => ({
      channel,
      ...this.policy.decide(facts, { person: { kind: 'BORROWER' }, channel, at: ctx.now }),
    }));
  }
}
