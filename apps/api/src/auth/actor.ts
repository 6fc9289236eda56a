import { type Permission, ROLE_PERMISSIONS, type Role } from '@arrears/domain';

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
    };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

export function hasPermission(actor: Actor, permission: Permission): boolean {
  switch (actor.kind) {
    case 'anonymous':
      return false;
    case 'user':
      return ROLE_PERMISSIONS[actor.role].includes(permission);
    case 'partner':
      return actor.scopes.includes(permission);
  }
}

/** The institution whose rows the actor may see; null for the anonymous public. */
export function actorInstitution(actor: Actor): string | null {
  return actor.kind === 'anonymous' ? null : actor.institutionId;
}

/** How the audit trail names the actor: `user:<id>`, `partner:<id>` or `anonymous`. */
export function actorRef(actor: Actor): string {
  return actor.kind === 'anonymous' ? 'anonymous' : `${actor.kind}:${actor.id}`;
}
