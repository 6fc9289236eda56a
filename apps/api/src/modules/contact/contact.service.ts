import {
  CaseStatus,
  ContactChannel,
  ContactDirection,
  ContactOutcome,
  HoldKind,
  assertContactRecord,
  assertNotInFuture,
  optionalText,
} from '@arrears/domain';
import type { FilterQuery } from '@mikro-orm/core';
import type { RequestContext } from '../../graphql/context.js';
import { ConflictError } from '../../graphql/errors.js';
import { paginate, type Page, type PageArgs } from '../../graphql/pagination.js';
import { ThirdParty } from '../borrower/third-party.entity.js';
import { Case } from '../case/case.entity.js';
import { findOrFail } from '../common/lookup.js';
import { HoldService } from '../hold/hold.service.js';
import { idempotent } from '../idempotency/idempotency.service.js';
import {
  ContactPolicyService,
  dialedNumber,
  refuseUnlessAllowed,
  type PolicyPerson,
} from '../policy/contact-policy.service.js';
import { actingUser } from '../user/acting-user.js';
import { User } from '../user/user.entity.js';
import { Contact } from './contact.entity.js';
import type { ContactFilter, LogContactInput } from './contact.inputs.js';

export class ContactService {
  private readonly policy = new ContactPolicyService();
  private readonly holds = new HoldService();

  list(ctx: RequestContext, args: PageArgs, filter: ContactFilter = {}): Promise<Page<Contact>> {
    const conditions: FilterQuery<Contact>[] = [];
    if (filter.institutionId) conditions.push({ institution: filter.institutionId });
    if (filter.caseId) conditions.push({ case: filter.caseId });
    if (filter.channel?.length) conditions.push({ channel: { $in: filter.channel } });
    if (filter.result?.length) conditions.push({ result: { $in: filter.result } });
    if (filter.madeById) conditions.push({ madeBy: filter.madeById });
    if (filter.occurredFrom) conditions.push({ occurredAt: { $gte: filter.occurredFrom } });
    if (filter.occurredTo) conditions.push({ occurredAt: { $lt: filter.occurredTo } });
    return paginate(ctx.em, Contact, {
      where: conditions.length ? { $and: conditions } : {},
      order: [{ prop: 'occurredAt', direction: 'DESC', kind: 'date' }],
      args,
    });
  }

  log(ctx: RequestContext, { idempotencyKey, ...input }: LogContactInput): Promise<Contact> {
    return idempotent(ctx, {
      operation: 'logContact',
      key: idempotencyKey,
      input,
      run: async () => {
        const contact = await this.create(ctx, input);
        return { result: contact, ref: contact.id, institutionId: contact.institution.id };
      },
      load: (id) => findOrFail(ctx.em, Contact, { id }),
    });
  }

  /** Adds the contact and what it sets in motion to the unit of work; `log` flushes. */
  private async create(
    ctx: RequestContext,
    input: Omit<LogContactInput, 'idempotencyKey'>,
  ): Promise<Contact> {
    // Institution and borrower come in the same query: the policy facts need both.
    const target = await findOrFail(
      ctx.em,
      Case,
      { id: input.caseId },
      { populate: ['institution', 'borrower'], strategy: 'joined' },
    );
    if (target.status === CaseStatus.CLOSED)
      throw new ConflictError('the case is closed; no further contact is logged');
    const occurredAt = input.occurredAt ?? ctx.now;
    assertNotInFuture(occurredAt, ctx.now, 'occurredAt');
    const recordingRef = optionalText(input.recordingRef, 'recordingRef', { max: 200 });
    assertContactRecord({
      channel: input.channel,
      result: input.result,
      outcome: input.outcome ?? null,
      recordingRef,
    });
    const thirdParty = input.thirdPartyId
      ? await findOrFail(ctx.em, ThirdParty, {
          id: input.thirdPartyId,
          borrower: target.borrower.id,
        })
      : null;
    // Whoever signed in made it, unless the form names a colleague (a partner app: nobody).
    const madeBy = input.madeById
      ? await findOrFail(ctx.em, User, { id: input.madeById, institution: target.institution.id })
      : actingUser(ctx);
    const person: PolicyPerson = thirdParty
      ? { kind: 'THIRD_PARTY', thirdParty }
      : { kind: 'BORROWER' };
    // Reaching out is judged by the policy; a call the borrower makes to us is not.
    const facts = await this.policy.facts(ctx, target, occurredAt);
    if (input.direction === ContactDirection.OUTBOUND) {
      refuseUnlessAllowed(
        this.policy.decide(facts, {
          person,
          channel: input.channel,
          at: occurredAt,
          phoneNumber: input.phoneNumber,
        }),
      );
    }
    const dialedNumberIndex =
      input.channel === ContactChannel.PHONE
        ? (dialedNumber(facts, person, input.phoneNumber) ?? null)
        : null;
    const contact = ctx.em.create(Contact, {
      institution: target.institution,
      case: target,
      thirdParty,
      madeBy,
      channel: input.channel,
      direction: input.direction,
      occurredAt,
      result: input.result,
      outcome: input.outcome ?? null,
      attitude: input.attitude ?? null,
      note: optionalText(input.note, 'note', { max: 2000 }),
      recordingRef,
      dialedNumberIndex,
    });
    // Working a new case starts it.
    if (target.status === CaseStatus.NEW && input.direction === ContactDirection.OUTBOUND) {
      target.status = CaseStatus.IN_PROGRESS;
    }
    // A third party who refuses is never contacted again; a dispute stops collection.
    if (thirdParty && input.outcome === ContactOutcome.REFUSAL) thirdParty.refusedContact = true;
    if (!thirdParty && input.outcome === ContactOutcome.DISPUTE) {
      await this.holds.place(ctx, {
        target,
        kind: HoldKind.DISPUTE,
        reason: `The borrower disputed the debt on a ${input.channel} contact.`,
      });
    }
    return contact;
  }
}
