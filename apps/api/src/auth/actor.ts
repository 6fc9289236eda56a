import { type Permission, type Role, roleHasPermission } from '@arrears/domain';

/**
 * Who is making a request. Every service call carries one; the tenant filter, the
 * permission checks and the audit trail all read it.
 */
export type Actor =
  | { readonly kind: 'anonymous' }
  | {
      readonly kind: 'user';
      readonly id: string;
      readonly institutionId: string;
      readonly role: Role;
      readonly sessionId: string;
    }
  | {
      readonly kind: 'partner';
      readonly id: string;
      readonly institutionId: string;
      readonly scopes: readonly Permission[];
    }
  /** A scheduled job of one institution (the daily cycle run from the command line). */
  | { readonly kind: 'system'; readonly id: string; readonly institutionId: string };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

export function hasPermission(actor: Actor, permission: Permission): boolean {
  switch (actor.kind) {
    case 'anonymous':
      return false;
    case 'user':
      return roleHasPermission(actor.role, permission);
    case 'partner':
      return actor.scopes.includes(permission);
    case 'system':
      return false; // jobs call services directly, never resolvers
  }
}

/** How the audit trail names the actor: `user:<id>`, `partner:<id>` or `anonymous`. */
export function actorRef(actor: Actor): string {
  return actor.kind === 'anonymous' ? 'anonymous' : `${actor.kind}:${actor.id}`;
}
