import {
  CaseStatus,
  Role,
  ValidationError,
  caseStatusMachine,
  daysPastDue,
  stageForDpd,
  dpdRangeOfBucket,
  localDate,
  overdueSinceBounds,
  requireText,
  type Bucket,
} from '@arrears/domain';
import type { FilterQuery } from '@mikro-orm/core';
import type { RequestContext } from '../../graphql/context.js';
import { ConflictError, NotFoundError } from '../../graphql/errors.js';
import {
  MAX_PAGE_SIZE,
  pageOf,
  planPage,
  type OrderKey,
  type Page,
  type PageArgs,
} from '../../graphql/pagination.js';
import { Borrower } from '../borrower/borrower.entity.js';
import { Institution } from '../institution/institution.entity.js';
import { institutionZones } from '../institution/institution-zones.js';
import { containsPattern } from '../common/search.js';
import { User } from '../user/user.entity.js';
import { Case } from './case.entity.js';
import { readCaseDetail, readCasePage, type CaseListShows } from './case-reads.js';
import type {
  AssignCaseInput,
  CaseFilter,
  CaseOrder,
  CreateCaseInput,
  UpdateCaseInput,
} from './case.inputs.js';

const DEFAULT_ORDER: CaseOrder[] = [{ field: 'PRIORITY', direction: 'DESC' }];

/** Roles that may hold cases. */
const ASSIGNABLE_ROLES: ReadonlySet<Role> = new Set([Role.COLLECTOR, Role.SUPERVISOR]);

export class CaseService {
  /** A page of cases, read with what the list `shows` in one statement (see readCasePage). */
  async list(
    ctx: RequestContext,
    args: PageArgs,
    filter: CaseFilter = {},
    orderBy: CaseOrder[] | null | undefined,
    shows: CaseListShows,
  ): Promise<Page<Case>> {
    const where = await this.where(ctx, filter);
    const plan = planPage(where, orderKeys(orderBy?.length ? orderBy : DEFAULT_ORDER), args);
    const { cases, total } = await readCasePage(ctx, plan, shows);
    return pageOf(cases, plan, async () => total ?? ctx.em.count(Case, where));
  }

  /** A case, with its borrower when the page shows it (see readCaseDetail). */
  async detail(
    ctx: RequestContext,
    id: string,
    shows: Pick<CaseListShows, 'case' | 'borrower'>,
  ): Promise<Case> {
    const found = await readCaseDetail(ctx, id, shows);
    if (!found) throw new NotFoundError('Case', id);
    return found;
  }

  async get(ctx: RequestContext, id: string): Promise<Case> {
    const found = await ctx.em.findOne(
      Case,
      { id },
      { populate: ['institution'] as never, strategy: 'joined' },
    );
    if (!found) throw new NotFoundError('Case', id);
    return found;
  }

  async create(ctx: RequestContext, input: CreateCaseInput): Promise<Case> {
    const loanNumber = requireText(input.loanNumber, 'loanNumber', { max: 40 }).toUpperCase();
    if (!/^[A-Z0-9-]+$/.test(loanNumber)) {
      throw new ValidationError('loanNumber', 'may only contain letters, digits and dashes');
    }
    for (const field of ['principalAmount', 'outstandingAmount', 'overdueAmount'] as const) {
      if (input[field].isNegative()) throw new ValidationError(field, 'must not be negative');
    }
    if (!input.principalAmount.isPositive())
      throw new ValidationError('principalAmount', 'must be more than 0');
    if (input.overdueAmount.compare(input.outstandingAmount) > 0) {
      throw new ValidationError('overdueAmount', 'cannot exceed the outstanding amount');
    }
    const institution = await ctx.em.findOne(Institution, { id: input.institutionId });
    if (!institution) throw new NotFoundError('Institution', input.institutionId);
    if (input.overdueSince > localDate(ctx.now, institution.timeZone)) {
      throw new ValidationError('overdueSince', 'cannot be in the future');
    }
    const borrower = await ctx.em.findOne(Borrower, { id: input.borrowerId, institution });
    if (!borrower) throw new NotFoundError('Borrower', input.borrowerId);
    const assignee = input.assigneeId
      ? await this.assignee(ctx, institution.id, input.assigneeId, 'assigneeId')
      : null;
    if (await ctx.em.count(Case, { institution, loanNumber })) {
      throw new ConflictError(`loan ${loanNumber} already has a case`, { field: 'loanNumber' });
    }
    const created = ctx.em.create(Case, {
      institution,
      borrower,
      assignee,
      loanNumber,
      product: input.product,
      principalFen: input.principalAmount.fen,
      outstandingFen: input.outstandingAmount.fen,
      overdueFen: input.overdueAmount.fen,
      overdueSince: input.overdueSince,
      stage: stageForDpd(daysPastDue(input.overdueSince, ctx.now, institution.timeZone)),
    });
    await ctx.em.flush();
    return created;
  }

  async update(ctx: RequestContext, input: UpdateCaseInput): Promise<Case> {
    const target = await this.get(ctx, input.id);
    if (target.version !== input.version) {
      throw new ConflictError(
        `Case ${input.id} is at version ${target.version}, not ${input.version}; reload it`,
        {
          currentVersion: target.version,
        },
      );
    }
    if (input.status && input.status !== target.status) {
      caseStatusMachine.assert(target.status, input.status);
      if (input.status === CaseStatus.CLOSED && !input.closeReason) {
        throw new ValidationError('closeReason', 'is required to close a case');
      }
      target.status = input.status;
      target.closeReason = input.status === CaseStatus.CLOSED ? (input.closeReason ?? null) : null;
    } else if (input.closeReason) {
      throw new ValidationError('closeReason', 'can only be given when closing the case');
    }
    if (input.stage) target.stage = input.stage;
    if (input.priority != null) {
      if (!Number.isInteger(input.priority) || input.priority < 0 || input.priority > 100) {
        throw new ValidationError('priority', 'must be a whole number from 0 to 100');
      }
      target.priority = input.priority;
    }
    if (input.nextAction !== undefined) {
      target.nextAction =
        input.nextAction === null
          ? null
          : requireText(input.nextAction, 'nextAction', { max: 200 });
    }
    if (input.nextActionAt !== undefined) target.nextActionAt = input.nextActionAt;
    // The version column also guards the write itself against a concurrent update.
    await ctx.em.flush();
    return target;
  }

  async assign(ctx: RequestContext, input: AssignCaseInput): Promise<Case> {
    const target = await this.get(ctx, input.caseId);
    if (target.status === CaseStatus.CLOSED)
      throw new ConflictError('a closed case cannot be assigned');
    target.assignee = input.assigneeId
      ? ctx.em.getReference(
          User,
          (await this.assignee(ctx, target.institution.id, input.assigneeId, 'assigneeId')).id,
          { wrapped: true },
        )
      : null;
    await ctx.em.flush();
    return target;
  }

  private async assignee(
    ctx: RequestContext,
    institutionId: string,
    userId: string,
    field: string,
  ): Promise<User> {
    const user = await ctx.em.findOne(User, { id: userId, institution: institutionId });
    if (!user) throw new NotFoundError('User', userId);
    if (!user.active || !ASSIGNABLE_ROLES.has(user.role)) {
      throw new ValidationError(field, 'must be an active collector or supervisor');
    }
    return user;
  }

  private async where(ctx: RequestContext, filter: CaseFilter): Promise<FilterQuery<Case>> {
    const conditions: FilterQuery<Case>[] = [];
    if (filter.ids) {
      if (filter.ids.length > MAX_PAGE_SIZE) {
        throw new ValidationError('ids', `at most ${MAX_PAGE_SIZE} ids`);
      }
      conditions.push({ id: { $in: filter.ids } });
    }
    if (filter.institutionId) conditions.push({ institution: filter.institutionId });
    if (filter.borrowerId) conditions.push({ borrower: filter.borrowerId });
    if (filter.status?.length) conditions.push({ status: { $in: filter.status } });
    if (filter.stage?.length) conditions.push({ stage: { $in: filter.stage } });
    if (filter.assigneeId) conditions.push({ assignee: filter.assigneeId });
    if (filter.unassigned != null)
      conditions.push({ assignee: filter.unassigned ? null : { $ne: null } });
    if (filter.outstandingMin)
      conditions.push({ outstandingFen: { $gte: filter.outstandingMin.fen } });
    if (filter.outstandingMax)
      conditions.push({ outstandingFen: { $lte: filter.outstandingMax.fen } });
    const pattern = containsPattern(filter.search);
    if (pattern) {
      conditions.push({
        $or: [
          { loanNumber: { $like: pattern.toUpperCase() } },
          { borrower: { fullName: { $like: pattern } } },
        ],
      });
    }
    const dpdRanges = dpdFilterRanges(filter);
    if (dpdRanges.length)
      conditions.push(
        await this.overdueSinceCondition(ctx, filter.institutionId ?? null, dpdRanges),
      );
    return conditions.length ? { $and: conditions } : {};
  }

  /**
   * DPD is judged in the institution's own zone, so a DPD range becomes an overdueSince date
   * range; the column is indexed behind institution_id. A request sees one institution: the
   * filter's, else the actor's.
   */
  private async overdueSinceCondition(
    ctx: RequestContext,
    institutionId: string | null,
    ranges: { min: number; max: number | null }[],
  ): Promise<FilterQuery<Case>> {
    const id = institutionId ?? (ctx.actor.kind === 'anonymous' ? null : ctx.actor.institutionId);
    const timeZone = id ? (await institutionZones(ctx.em, [id])).get(id) : undefined;
    if (!id || !timeZone) return { id: null };
    return {
      institution: id,
      $or: ranges.map((range) => {
        const { earliest, latest } = overdueSinceBounds(range.min, range.max, ctx.now, timeZone);
        return {
          overdueSince: {
            ...(earliest ? { $gte: earliest } : {}),
            ...(latest ? { $lte: latest } : {}),
          },
        };
      }),
    };
  }
}

/** The DPD ranges a filter asks for: the union of its buckets, cut to dpdMin–dpdMax. */
function dpdFilterRanges(filter: CaseFilter): { min: number; max: number | null }[] {
  const { dpdMin, dpdMax } = filter;
  if (dpdMin != null && dpdMin < 0) throw new ValidationError('dpdMin', 'must be 0 or more');
  if (dpdMin != null && dpdMax != null && dpdMax < dpdMin)
    throw new ValidationError('dpdMax', 'must not be below dpdMin');
  const buckets: Bucket[] = filter.bucket ?? [];
  if (!buckets.length && dpdMin == null && dpdMax == null) return [];
  const base = buckets.length ? buckets.map(dpdRangeOfBucket) : [{ min: 0, max: null }];
  return base
    .map((r) => ({
      min: Math.max(r.min, dpdMin ?? 0),
      max: r.max == null ? (dpdMax ?? null) : dpdMax == null ? r.max : Math.min(r.max, dpdMax),
    }))
    .filter((r) => r.max == null || r.max >= r.min);
}

function orderKeys(order: CaseOrder[]): OrderKey<Case>[] {
  return order.map(({ field, direction }): OrderKey<Case> => {
    switch (field) {
      case 'PRIORITY':
        return { prop: 'priority', direction, kind: 'number' };
      // More days past due means an earlier overdueSince.
      case 'DPD':
        return {
          prop: 'overdueSince',
          direction: direction === 'ASC' ? 'DESC' : 'ASC',
          kind: 'string',
        };
      case 'OVERDUE_SINCE':
        return { prop: 'overdueSince', direction, kind: 'string' };
      case 'OUTSTANDING_AMOUNT':
        return { prop: 'outstandingFen', direction, kind: 'number' };
      case 'LOAN_NUMBER':
        return { prop: 'loanNumber', direction, kind: 'string' };
      case 'CREATED_AT':
        return { prop: 'createdAt', direction, kind: 'date' };
    }
  });
}
