import type { Ref } from '@mikro-orm/core';
import type { WorkContext } from '../../graphql/context.js';
import { User } from './user.entity.js';

/** The signed-in person behind the request, for "placed by" / "recorded by"; null for partners. */
export function actingUser(ctx: WorkContext): Ref<User> | null {
  return ctx.actor.kind === 'user'
    ? ctx.em.getReference(User, ctx.actor.id, { wrapped: true })
    : null;
}
