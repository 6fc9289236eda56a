import type { Permission } from '@arrears/domain';
import type { AuthChecker } from 'type-graphql';
import type { RequestContext } from '../graphql/context.js';
import { hasPermission } from './actor.js';
import { ForbiddenError, UnauthenticatedError } from './errors.js';

/**
 * The actor must hold one of `permissions` (any actor when none is named). Anonymous callers
 * are told to authenticate; authenticated ones that lack it are forbidden.
 */
export function authorize(ctx: RequestContext, ...permissions: Permission[]): void {
  const { actor } = ctx;
  if (actor.kind === 'anonymous') throw new UnauthenticatedError();
  if (permissions.length > 0 && !permissions.some((permission) => hasPermission(actor, permission)))
    throw new ForbiddenError('You do not have permission to do this', { required: permissions });
}

/**
 * `@Authorized(Permission.X, …)` on a root field. Field resolvers of a page's rows call
 * `authorize` themselves: type-graphql runs `@Authorized` as an async middleware chain, a
 * handful of promises for every row of every page.
 */
export const authChecker: AuthChecker<RequestContext, Permission> = ({ context }, permissions) => {
  authorize(context, ...permissions);
  return true;
};
