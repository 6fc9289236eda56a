import { AsyncLocalStorage } from 'node:async_hooks';
import type { MiddlewareFn } from 'type-graphql';
import { actorRef, type Actor } from '../../auth/actor.js';

/** Who the audit trail names for a change, and the request it came in. */
export interface AuditContext {
  readonly actor: string;
  readonly requestId: string | null;
}

/** Changes made outside any request (seeding, migrations of data, jobs without an actor). */
export const SYSTEM_AUDIT_CONTEXT: AuditContext = { actor: 'system', requestId: null };

const storage = new AsyncLocalStorage<AuditContext>();

/**
 * Runs `fn` with `actor` and `requestId` as the audit context of every flush inside it.
 * The flush subscriber has no request context of its own, only the EntityManager.
 */
export function runWithAuditContext<T>(
  context: { readonly actor: Actor; readonly requestId: string | null },
  fn: () => T,
): T {
  return storage.run({ actor: actorRef(context.actor), requestId: context.requestId }, fn);
}

export function currentAuditContext(): AuditContext {
  return storage.getStore() ?? SYSTEM_AUDIT_CONTEXT;
}

/**
 * type-graphql middleware that runs each root Query/Mutation field inside its request's
 * audit context. Apollo awaits the context function before execution, so a context set there
 * would not reach the resolvers; wrapping the resolver does.
 */
export const auditContextMiddleware: MiddlewareFn<{
  readonly actor: Actor;
  readonly requestId: string;
}> = ({ context, info }, next) =>
  info.path.prev === undefined
    ? runWithAuditContext({ actor: context.actor, requestId: context.requestId }, next)
    : next();
