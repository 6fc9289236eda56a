import {
  ValidationError,
  assertMainlandMobile,
  assertNationalId,
  isValidTimeZone,
  optionalText,
  requireText,
  clockMinutes,
} from '@arrears/domain';
import type { FilterQuery } from '@mikro-orm/core';
import type { RequestContext } from '../../graphql/context.js';
import { ConflictError, NotFoundError } from '../../graphql/errors.js';
import { paginate, type Page, type PageArgs } from '../../graphql/pagination.js';
import { blindIndex } from '../../security/field-encryption.js';
import { containsPattern } from '../common/search.js';
import { AuditService } from '../audit/audit.service.js';
import { Institution } from '../institution/institution.entity.js';
import { BorrowerPhoneIndex } from './borrower-phone-index.entity.js';
import { Borrower } from './borrower.entity.js';
import type {
  BorrowerFilter,
  CreateBorrowerInput,
  RecordContactConsentInput,
} from './borrower.inputs.js';
import { ThirdParty } from './third-party.entity.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export class BorrowerService {
  list(ctx: RequestContext, args: PageArgs, filter: BorrowerFilter = {}): Promise<Page<Borrower>> {
    const conditions: FilterQuery<Borrower>[] = [];
    if (filter.institutionId) conditions.push({ institution: filter.institutionId });
    const pattern = containsPattern(filter.search);
    if (pattern) conditions.push({ fullName: { $like: pattern } });
    // Both are stored encrypted: exact matches go through their blind indexes.
    if (filter.nationalId) {
      const nationalId = assertNationalId(filter.nationalId, 'filter.nationalId');
      conditions.push({ nationalIdIndex: blindIndex(nationalId) });
    }
    if (filter.phone) {
      const phone = assertMainlandMobile(filter.phone, 'filter.phone');
      conditions.push({ phoneIndexes: { $some: { phoneIndex: blindIndex(phone) } } });
    }
    return paginate(ctx.em, Borrower, {
      where: conditions.length ? { $and: conditions } : {},
      order: [{ prop: 'createdAt', direction: 'DESC', kind: 'date' }],
      args,
    });
  }

  async get(ctx: RequestContext, id: string): Promise<Borrower> {
    const found = await ctx.em.findOne(Borrower, { id });
    if (!found) throw new NotFoundError('Borrower', id);
    return found;
  }

  async create(ctx: RequestContext, input: CreateBorrowerInput): Promise<Borrower> {
    const institution = await ctx.em.findOne(Institution, { id: input.institutionId });
    if (!institution) throw new NotFoundError('Institution', input.institutionId);
    const nationalId = assertNationalId(input.nationalId, 'nationalId');
    if (input.phones.length === 0)
      throw new ValidationError('phones', 'at least one mobile number is required');
    const phones = input.phones.map((phone, i) => assertMainlandMobile(phone, `phones.${i}`));
    if (new Set(phones).size !== phones.length)
      throw new ValidationError('phones', 'lists the same number twice');
    const email = optionalText(input.email, 'email', { max: 254 });
    if (email !== null && !EMAIL.test(email))
      throw new ValidationError('email', 'is not an email address');
    if (input.monthlyIncome?.isNegative())
      throw new ValidationError('monthlyIncome', 'must not be negative');
    if (
      input.creditScore != null &&
      (!Number.isInteger(input.creditScore) || input.creditScore < 0 || input.creditScore > 1000)
    ) {
      throw new ValidationError('creditScore', 'must be a whole number from 0 to 1000');
    }
    if (input.timeZone != null && !isValidTimeZone(input.timeZone)) {
      throw new ValidationError('timeZone', `"${input.timeZone}" is not an IANA time zone`);
    }
    if (await ctx.em.count(Borrower, { institution, nationalIdIndex: blindIndex(nationalId) })) {
      throw new ConflictError(
        'a borrower with this national ID already exists in the institution',
        { field: 'nationalId' },
      );
    }
    const borrower = ctx.em.create(Borrower, {
      institution,
      fullName: requireText(input.fullName, 'fullName', { max: 100 }),
      nationalId,
      phones,
      email,
      province: requireText(input.address.province, 'address.province', { max: 50 }),
      city: requireText(input.address.city, 'address.city', { max: 50 }),
      district: requireText(input.address.district, 'address.district', { max: 50 }),
      addressDetail: requireText(input.address.detail, 'address.detail', { max: 300 }),
      employer: optionalText(input.employer, 'employer', { max: 200 }),
      monthlyIncomeFen: input.monthlyIncome?.fen ?? null,
      creditScore: input.creditScore ?? null,
      timeZone: input.timeZone ?? null,
    });
    for (const phone of phones) {
      ctx.em.create(BorrowerPhoneIndex, { institution, borrower, phoneIndex: blindIndex(phone) });
    }
    input.thirdParties.forEach((person, i) => {
      ctx.em.create(ThirdParty, {
        institution,
        borrower,
        fullName: requireText(person.fullName, `thirdParties.${i}.fullName`, { max: 100 }),
        relation: person.relation,
        phone: assertMainlandMobile(person.phone, `thirdParties.${i}.phone`),
        debtRelated: person.debtRelated,
      });
    });
    await ctx.em.flush();
    return borrower;
  }

  /**
   * The unmasked national ID and phones. Only for a caller that has checked the permission and
   * records the audit event; the GraphQL types never expose these.
   */
  /** The unmasked national ID and phones, for a stated reason that the audit trail keeps. */
  async revealPii(
    ctx: RequestContext,
    borrowerId: string,
    reason: string,
  ): Promise<{ nationalId: string; phones: string[] }> {
    const why = requireText(reason, 'reason', { min: 5, max: 500 });
    const borrower = await this.get(ctx, borrowerId);
    await new AuditService().record(ctx, {
      institutionId: borrower.institution.id,
      action: 'borrower.revealPii',
      entityType: 'Borrower',
      entityId: borrower.id,
      after: { fields: ['nationalId', 'phones'], reason: why },
    });
    return { nationalId: borrower.nationalId, phones: [...borrower.phones] };
  }

  /** Records (or replaces) the borrower's consent to another contact window; audited as a change. */
  async recordConsent(ctx: RequestContext, input: RecordContactConsentInput): Promise<Borrower> {
    const borrower = await this.get(ctx, input.borrowerId);
    clockMinutes(input.windowStart, 'windowStart');
    clockMinutes(input.windowEnd, 'windowEnd');
    borrower.consentWindowStart = input.windowStart;
    borrower.consentWindowEnd = input.windowEnd;
    borrower.consentEvidence = requireText(input.evidence, 'evidence', { max: 200 });
    borrower.consentRecordedAt = ctx.now;
    await ctx.em.flush();
    return borrower;
  }

  /** The borrower withdrew the consent: the pack's quiet hours apply again. */
  async withdrawConsent(ctx: RequestContext, borrowerId: string): Promise<Borrower> {
    const borrower = await this.get(ctx, borrowerId);
    borrower.consentWindowStart = null;
    borrower.consentWindowEnd = null;
    borrower.consentEvidence = null;
    borrower.consentRecordedAt = null;
    await ctx.em.flush();
    return borrower;
  }
}
