import {
  ValidationError,
  assertMainlandMobile,
  assertNationalId,
  isValidTimeZone,
  optionalText,
  requireText,
} from '@arrears/domain';
import type { FilterQuery } from '@mikro-orm/core';
import type { RequestContext } from '../../graphql/context.js';
import { ConflictError, NotFoundError } from '../../graphql/errors.js';
import { paginate, type Page, type PageArgs } from '../../graphql/pagination.js';
import { containsPattern } from '../common/search.js';
import { Institution } from '../institution/institution.entity.js';
import { Borrower } from './borrower.entity.js';
import type { BorrowerFilter, CreateBorrowerInput } from './borrower.inputs.js';
import { ThirdParty } from './third-party.entity.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export class BorrowerService {
  list(ctx: RequestContext, args: PageArgs, filter: BorrowerFilter = {}): Promise<Page<Borrower>> {
    const conditions: FilterQuery<Borrower>[] = [];
    if (filter.institutionId) conditions.push({ institution: filter.institutionId });
    const pattern = containsPattern(filter.search);
    if (pattern) conditions.push({ fullName: { $like: pattern } });
    if (filter.nationalId)
      conditions.push({ nationalId: assertNationalId(filter.nationalId, 'filter.nationalId') });
    if (filter.phone) {
      // Phones live in a JSON array; the exact-match index arrives with the encrypted blind index.
      conditions.push({
        phones: { $like: `%"${assertMainlandMobile(filter.phone, 'filter.phone')}"%` },
      } as FilterQuery<Borrower>);
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
    if (await ctx.em.count(Borrower, { institution, nationalId })) {
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
}
