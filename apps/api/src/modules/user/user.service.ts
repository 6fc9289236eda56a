import { ValidationError, requireText } from '@arrears/domain';
import type { RequestContext } from '../../graphql/context.js';
import { findOrFail } from '../common/lookup.js';
import { Institution } from '../institution/institution.entity.js';
import { hashPassword } from './password.js';
import { User } from './user.entity.js';
import type { CreateUserInput } from './user.inputs.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MIN_PASSWORD = 12;

export class UserService {
  /** An admin adds staff to their institution; an email taken anywhere is a CONFLICT. */
  async create(ctx: RequestContext, input: CreateUserInput): Promise<User> {
    const institution = await findOrFail(ctx.em, Institution, { id: input.institutionId });
    const email = input.email.trim().toLowerCase();
    if (!EMAIL.test(email)) throw new ValidationError('email', 'is not an e-mail address');
    if (input.password.length < MIN_PASSWORD) {
      throw new ValidationError('password', `must be at least ${MIN_PASSWORD} characters`);
    }
    const user = ctx.em.create(User, {
      institution,
      email,
      displayName: requireText(input.displayName, 'displayName', { max: 100 }),
      role: input.role,
      passwordHash: await hashPassword(input.password),
    });
    await ctx.em.flush();
    return user;
  }

  /** Deactivated staff cannot sign in; their records stay. */
  async setActive(ctx: RequestContext, id: string, active: boolean): Promise<User> {
    const user = await findOrFail(ctx.em, User, { id });
    if (ctx.actor.kind === 'user' && ctx.actor.id === id && !active) {
      throw new ValidationError('active', 'you cannot deactivate yourself');
    }
    user.active = active;
    await ctx.em.flush();
    return user;
  }
}
