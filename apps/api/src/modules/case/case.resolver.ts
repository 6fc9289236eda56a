import { Bucket, Money, bucketForDpd, daysPastDue, Permission } from '@arrears/domain';
import { hasPermission } from '../../auth/actor.js';
import { authorize } from '../../auth/auth-checker.js';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Info,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { inTransaction, type RequestContext } from '../../graphql/context.js';
import { Connection, PageArgs, pageSize } from '../../graphql/pagination.js';
import { DecimalScalar } from '../../graphql/scalars.js';
import type { Projection } from '../../db/entity-columns.js';
import { projectionAt, type FieldReads } from '../../graphql/projection.js';
import { selectedFields } from '../../graphql/selection.js';
import { Borrower } from '../borrower/borrower.entity.js';
import { BORROWER_FIELD_READS } from '../borrower/borrower.resolver.js';
import { resolveRef, resolveRequiredRef, type MaybePromise } from '../common/refs.js';
import { Contact } from '../contact/contact.entity.js';
import { CONTACT_FIELD_READS } from '../contact/contact.resolver.js';
import { Feedback } from '../feedback/feedback.entity.js';
import { FEEDBACK_FIELD_READS } from '../feedback/feedback.resolver.js';
import { Institution } from '../institution/institution.entity.js';
import { User } from '../user/user.entity.js';
import { Visit } from '../visit/visit.entity.js';
import { VISIT_FIELD_READS } from '../visit/visit.resolver.js';
import { Case } from './case.entity.js';
import {
  AssignCaseInput,
  CaseFilter,
  CaseOrder,
  CreateCaseInput,
  UpdateCaseInput,
} from './case.inputs.js';
import { CaseService } from './case.service.js';

export const CaseConnection = Connection(Case, 'CaseConnection');
export type CaseConnection = InstanceType<typeof CaseConnection>;

const RECENT_DEFAULT = 20;

/** What the computed fields below read of a case (see FieldReads). */
export const CASE_FIELD_READS: FieldReads<Case> = {
  institution: ['institution'],
  borrower: ['borrower'],
  assignee: ['assignee'],
  dpd: ['overdueSince', 'institution'],
  bucket: ['overdueSince', 'institution'],
  principalAmount: ['principalFen'],
  outstandingAmount: ['outstandingFen'],
  overdueAmount: ['overdueFen'],
  lastContact: [],
  nextVisit: [],
  contacts: [],
  visits: [],
  feedback: [],
};

/** A relation a case's row can show: who may see it, and what its fields read. */
interface ShownRelation<T extends object> {
  permission: Permission;
  entity: new () => T;
  reads: FieldReads<T>;
}
const SHOWN_BORROWER: ShownRelation<Borrower> = {
  permission: Permission.BORROWERS_READ,
  entity: Borrower,
  reads: BORROWER_FIELD_READS,
};
const SHOWN_LAST_CONTACT: ShownRelation<Contact> = {
  permission: Permission.CONTACTS_READ,
  entity: Contact,
  reads: CONTACT_FIELD_READS,
};
const SHOWN_NEXT_VISIT: ShownRelation<Visit> = {
  permission: Permission.VISITS_READ,
  entity: Visit,
  reads: VISIT_FIELD_READS,
};

/**
 * What of `field` the rows at `path` show, when the query asks it and the actor may see it
 * (its field resolver checks again); undefined when it is not read with them.
 */
function relationShown<T extends object>(
  ctx: RequestContext,
  info: GraphQLResolveInfo,
  path: string[],
  field: string,
  relation: ShownRelation<T>,
): Projection | undefined {
  return selectedFields(info, path).has(field) && hasPermission(ctx.actor, relation.permission)
    ? projectionAt(info, [...path, field], ctx.em, relation.entity, relation.reads)
    : undefined;
}

@Resolver(() => Case)
export class CaseResolver {
  private readonly service = new CaseService();

  @Authorized(Permission.CASES_READ)
  @Query(() => CaseConnection, {
    description: 'Cases, filtered and ordered; default order is priority, highest first.',
  })
  async cases(
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => CaseFilter, { nullable: true }) filter: CaseFilter | null | undefined,
    @Arg('orderBy', () => [CaseOrder], { nullable: true }) orderBy: CaseOrder[] | null | undefined,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CaseConnection> {
    // Read with the page the columns its rows show, and the relations the actor may see (the
    // fields check again).
    const nodes = ['nodes'];
    return Object.assign(
      new CaseConnection(),
      await this.service.list(ctx, page, filter ?? {}, orderBy, {
        totalCount: selectedFields(info).has('totalCount'),
        case: projectionAt(info, nodes, ctx.em, Case, CASE_FIELD_READS),
        borrower: relationShown(ctx, info, nodes, 'borrower', SHOWN_BORROWER),
        lastContact: relationShown(ctx, info, nodes, 'lastContact', SHOWN_LAST_CONTACT),
        nextVisit: relationShown(ctx, info, nodes, 'nextVisit', SHOWN_NEXT_VISIT),
      }),
    );
  }

  @Authorized(Permission.CASES_READ)
  @Query(() => Case)
  case(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Case> {
    // Read with the case the columns the page shows, and its borrower when the actor may see
    // it; the case's lists come from the loaders, together in one statement.
    return this.service.detail(ctx, id, {
      case: projectionAt(info, [], ctx.em, Case, CASE_FIELD_READS),
      borrower: relationShown(ctx, info, [], 'borrower', SHOWN_BORROWER),
    });
  }

  @Authorized(Permission.CASES_CREATE)
  @Mutation(() => Case)
  createCase(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateCaseInput) input: CreateCaseInput,
  ): Promise<Case> {
    return inTransaction(ctx, (tx) => this.service.create(tx, input));
  }

  @Authorized(Permission.CASES_WRITE)
  @Mutation(() => Case)
  updateCase(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateCaseInput) input: UpdateCaseInput,
  ): Promise<Case> {
    return inTransaction(ctx, (tx) => this.service.update(tx, input));
  }

  @Authorized(Permission.CASES_ASSIGN)
  @Mutation(() => Case)
  assignCase(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => AssignCaseInput) input: AssignCaseInput,
  ): Promise<Case> {
    return inTransaction(ctx, (tx) => this.service.assign(tx, input));
  }

  @FieldResolver(() => Institution)
  institution(@Root() c: Case, @Ctx() ctx: RequestContext): MaybePromise<Institution> {
    return resolveRequiredRef(c.institution, ctx.loaders.institution);
  }

  @FieldResolver(() => Borrower)
  borrower(@Root() c: Case, @Ctx() ctx: RequestContext): MaybePromise<Borrower> {
    authorize(ctx, Permission.BORROWERS_READ);
    return resolveRequiredRef(c.borrower, ctx.loaders.borrower);
  }

  @FieldResolver(() => User, { nullable: true })
  async assignee(@Root() c: Case, @Ctx() ctx: RequestContext): Promise<User | null> {
    return c.assignee ? resolveRef(c.assignee, ctx.loaders.user) : null;
  }

  @FieldResolver(() => Int, { description: "Days past due today, in the institution's time zone." })
  async dpd(@Root() c: Case, @Ctx() ctx: RequestContext): Promise<number> {
    const timeZone = await ctx.loaders.timeZone.load(c.institution.id);
    return daysPastDue(c.overdueSince, ctx.now, timeZone);
  }

  @FieldResolver(() => Bucket)
  async bucket(@Root() c: Case, @Ctx() ctx: RequestContext): Promise<Bucket> {
    return bucketForDpd(await this.dpd(c, ctx));
  }

  @FieldResolver(() => DecimalScalar)
  principalAmount(@Root() c: Case): Money {
    return Money.ofFen(c.principalFen);
  }

  @FieldResolver(() => DecimalScalar)
  outstandingAmount(@Root() c: Case): Money {
    return Money.ofFen(c.outstandingFen);
  }

  @FieldResolver(() => DecimalScalar)
  overdueAmount(@Root() c: Case): Money {
    return Money.ofFen(c.overdueFen);
  }

  @FieldResolver(() => Contact, { nullable: true })
  lastContact(
    @Root() c: Case,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): MaybePromise<Contact | null> {
    authorize(ctx, Permission.CONTACTS_READ);
    return ctx.loaders.lastContact(c, projectionAt(info, [], ctx.em, Contact, CONTACT_FIELD_READS));
  }

  @FieldResolver(() => Visit, {
    nullable: true,
    description: 'The earliest planned or confirmed visit that has not ended.',
  })
  nextVisit(
    @Root() c: Case,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): MaybePromise<Visit | null> {
    authorize(ctx, Permission.VISITS_READ);
    return ctx.loaders.nextVisit(c, projectionAt(info, [], ctx.em, Visit, VISIT_FIELD_READS));
  }

  @FieldResolver(() => [Contact], { description: 'Most recent first.' })
  contacts(
    @Root() c: Case,
    @Ctx() ctx: RequestContext,
    @Arg('last', () => Int, { defaultValue: RECENT_DEFAULT }) last: number,
    @Info() info: GraphQLResolveInfo,
  ): MaybePromise<Contact[]> {
    authorize(ctx, Permission.CONTACTS_READ);
    return ctx.loaders.rowsOf(
      'contacts',
      c,
      pageSize(last, 'last'),
      projectionAt(info, [], ctx.em, Contact, CONTACT_FIELD_READS),
    );
  }

  @FieldResolver(() => [Visit], { description: 'Most recent first.' })
  visits(
    @Root() c: Case,
    @Ctx() ctx: RequestContext,
    @Arg('last', () => Int, { defaultValue: RECENT_DEFAULT }) last: number,
    @Info() info: GraphQLResolveInfo,
  ): MaybePromise<Visit[]> {
    authorize(ctx, Permission.VISITS_READ);
    return ctx.loaders.rowsOf(
      'visits',
      c,
      pageSize(last, 'last'),
      projectionAt(info, [], ctx.em, Visit, VISIT_FIELD_READS),
    );
  }

  @FieldResolver(() => [Feedback], { description: 'Most recent first.' })
  feedback(
    @Root() c: Case,
    @Ctx() ctx: RequestContext,
    @Arg('last', () => Int, { defaultValue: RECENT_DEFAULT }) last: number,
    @Info() info: GraphQLResolveInfo,
  ): MaybePromise<Feedback[]> {
    authorize(ctx, Permission.FEEDBACK_READ);
    return ctx.loaders.rowsOf(
      'feedback',
      c,
      pageSize(last, 'last'),
      projectionAt(info, [], ctx.em, Feedback, FEEDBACK_FIELD_READS),
    );
  }
}
