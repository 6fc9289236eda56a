import type { Permission } from '@arrears/domain';
import type { AuthChecker } from 'type-graphql';
import type { RequestContext } from '../graphql/context.js';
import { hasPermission } from './actor.js';
import { ForbiddenError, UnauthenticatedError } from './errors.js';

/**
 * `@Authorized(Permission.X, …)` on a field: the actor must hold one of the permissions.
 * Anonymous callers are told to authenticate; authenticated ones that lack it are forbidden.
 */
export const authChecker: AuthChecker<RequestContext, Permission> = ({ context }, permissions) => {
  const { actor } = context;
  if (actor.kind === 'anonymous') throw new UnauthenticatedError();
  if (
    permissions.length === 0 ||
    permissions.some((permission) => hasPermission(actor, permission))
  )
    return true;
  throw new ForbiddenError('You do not have permission to do this', { required: permissions });
};
