import { AsyncLocalStorage } from 'node:async_hooks';
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
