import {
  PolicyViolationError,
  ValidationError,
  checkContact,
  checkVisitWindow,
  assertMainlandMobile,
  type ContactDecision,
  type ContactRequest,
  type PolicyChannel,
} from '@arrears/domain';
import type { RequestContext } from '../../graphql/context.js';
import { NotFoundError } from '../../graphql/errors.js';
import { blindIndex } from '../../security/field-encryption.js';
import { ThirdParty } from '../borrower/third-party.entity.js';
import type { Case } from '../case/case.entity.js';
import { contactCalendarOf, effectivePack } from '../institution/collection-policy.js';
import { loadPolicyFacts, type PolicyFacts } from './policy-facts.js';

/** Who would be contacted: the borrower, or one of the third parties they named. */
export type PolicyPerson = { kind: 'BORROWER' } | { kind: 'THIRD_PARTY'; thirdParty: ThirdParty };

export interface PolicyQuestion {
  person: PolicyPerson;
  channel: PolicyChannel;
  at: Date;
  /** The number to dial, as typed; must be one of the person's. */
  phoneNumber?: string | null;
}

/**
 * The API's side of the one policy check: it gathers the facts (pack, history across every
 * collector and partner, holds, consent, calendar) and asks `checkContact` in the domain.
 * Every write path that reaches a person calls `assertAllowed` before it writes.
 */
export class ContactPolicyService {
  async facts(ctx: RequestContext, target: Case, at: Date): Promise<PolicyFacts> {
    const facts = (await loadPolicyFacts(ctx.em, [target], at)).get(target.id);
    if (!facts) throw new NotFoundError('Case', target.id);
    return facts;
  }

  /** The borrower when `personId` is absent or is the borrower's id, else their third party. */
  async person(ctx: RequestContext, target: Case, personId?: string | null): Promise<PolicyPerson> {
    if (!personId || personId === target.borrower.id) return { kind: 'BORROWER' };
    const thirdParty = await ctx.em.findOne(ThirdParty, {
      id: personId,
      borrower: target.borrower.id,
    });
    if (!thirdParty) throw new NotFoundError('Person', personId);
    return { kind: 'THIRD_PARTY', thirdParty };
  }

  decide(facts: PolicyFacts, question: PolicyQuestion): ContactDecision {
    return checkContact({
      ...this.request(facts, question.person, question.at),
      channel: question.channel,
      at: question.at,
      ...(question.channel === 'PHONE' && {
        phoneNumber: dialedNumber(facts, question.person, question.phoneNumber),
      }),
    });
  }

  async assertAllowed(ctx: RequestContext, target: Case, question: PolicyQuestion): Promise<void> {
    refuseUnlessAllowed(this.decide(await this.facts(ctx, target, question.at), question));
  }

  /** A door-to-door visit over the whole window, judged like a contact with the borrower. */
  async assertVisitWindowAllowed(
    ctx: RequestContext,
    target: Case,
    window: { windowStart: Date; windowEnd: Date },
  ): Promise<void> {
    const facts = await this.facts(ctx, target, window.windowStart);
    refuseUnlessAllowed(
      checkVisitWindow({
        ...this.request(facts, { kind: 'BORROWER' }, window.windowStart),
        ...window,
      }),
    );
  }

  private request(
    facts: PolicyFacts,
    person: PolicyPerson,
    at: Date,
  ): Omit<ContactRequest, 'channel' | 'at'> {
    const { borrower, institution } = facts;
    const calendar = contactCalendarOf(institution, at);
    return {
      pack: effectivePack(institution),
      timeZone: borrower.timeZone ?? institution.timeZone,
      caseId: facts.target.id,
      person:
        person.kind === 'BORROWER'
          ? { kind: 'BORROWER' }
          : { kind: 'THIRD_PARTY', refusedContact: person.thirdParty.refusedContact },
      history: facts.history,
      borrowerUnreachable: facts.borrowerUnreachable,
      holds: facts.holdsInForce,
      // A consent covers contact from the moment it was recorded, never before.
      ...(borrower.consentWindowStart !== null &&
        borrower.consentWindowEnd !== null &&
        borrower.consentRecordedAt !== null &&
        borrower.consentRecordedAt.getTime() <= at.getTime() && {
          consentWindow: { start: borrower.consentWindowStart, end: borrower.consentWindowEnd },
        }),
      ...(calendar !== undefined && { calendar }),
    };
  }
}

export function refuseUnlessAllowed(decision: ContactDecision): void {
  if (!decision.allowed) throw new PolicyViolationError(decision.reasons, decision.nextAllowedAt);
}

/**
 * The blind index of the number dialled: the one given (it must be the person's), else the
 * person's only number. Undefined for a borrower with several numbers and none named: the
 * check then counts the busiest of them.
 */
export function dialedNumber(
  facts: PolicyFacts,
  person: PolicyPerson,
  phoneNumber?: string | null,
): string | undefined {
  const numbers = person.kind === 'BORROWER' ? facts.borrower.phones : [person.thirdParty.phone];
  if (phoneNumber == null) return numbers.length === 1 ? blindIndex(numbers[0]!) : undefined;
  const normalized = assertMainlandMobile(phoneNumber, 'phoneNumber');
  if (!numbers.includes(normalized)) {
    throw new ValidationError('phoneNumber', "is not one of this person's numbers");
  }
  return blindIndex(normalized);
}
