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
import { ThirdParty } from '../borrower/third-party.entity.js';
import { Case } from '../case/case.entity.js';
import { resolveRef, resolveRequiredRef, type MaybePromise } from '../common/refs.js';
import { User } from '../user/user.entity.js';
import { Contact } from './contact.entity.js';
import { ContactFilter, LogContactInput } from './contact.inputs.js';
import { ContactService } from './contact.service.js';

export const ContactConnection = Connection(Contact, 'ContactConnection');
export type ContactConnection = InstanceType<typeof ContactConnection>;

/** What the computed fields below read of a contact (see FieldReads). */
export const CONTACT_FIELD_READS: FieldReads<Contact> = {
  case: ['case'],
  thirdParty: ['thirdParty'],
  madeBy: ['madeBy'],
};

@Resolver(() => Contact)
export class ContactResolver {
  private readonly service = new ContactService();

  @Authorized(Permission.CONTACTS_READ)
  @Query(() => ContactConnection, { description: 'Contacts, most recent first.' })
  async contacts(
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ContactFilter, { nullable: true }) filter?: ContactFilter | null,
  ): Promise<ContactConnection> {
    return Object.assign(new ContactConnection(), await this.service.list(ctx, page, filter ?? {}));
  }

  @Authorized(Permission.CONTACTS_WRITE)
  @Mutation(() => Contact)
  logContact(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => LogContactInput) input: LogContactInput,
  ): Promise<Contact> {
    return inTransaction(ctx, (tx) => this.service.log(tx, input));
  }

  @FieldResolver(() => Case)
  case(@Root() contact: Contact, @Ctx() ctx: RequestContext): MaybePromise<Case> {
    return resolveRequiredRef(contact.case, ctx.loaders.case);
  }

  @FieldResolver(() => ThirdParty, {
    nullable: true,
    description: 'Null when the borrower was reached.',
  })
  async thirdParty(
    @Root() contact: Contact,
    @Ctx() ctx: RequestContext,
  ): Promise<ThirdParty | null> {
    return contact.thirdParty ? resolveRef(contact.thirdParty, ctx.loaders.thirdParty) : null;
  }

  @FieldResolver(() => User, { nullable: true })
  async madeBy(@Root() contact: Contact, @Ctx() ctx: RequestContext): Promise<User | null> {
    return contact.madeBy ? resolveRef(contact.madeBy, ctx.loaders.user) : null;
  }
}
