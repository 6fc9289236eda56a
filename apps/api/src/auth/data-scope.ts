import type { EntityManager, EntityName } from '@mikro-orm/core';
import { Role } from '@arrears/domain';
import type { Actor } from './actor.js';

/**
 * Row-level scoping through ORM filters, on by default for every query of a request:
 * - `tenant`: only the actor's institution. With no actor institution the filter has no
 *   arguments and MikroORM refuses the query: code that serves the public must opt out
 *   explicitly (`filters: false`) and constrain its query itself.
 * - `collectorScope`: a collector sees only the cases assigned to them and what hangs off
 *   them, and the visits they are on. Raw SQL is not filtered: it must carry its own conditions.
 */
const TENANT_ENTITIES = [
  'Borrower',
  'ThirdParty',
  'Case',
  'Contact',
  'Visit',
  'VisitCollector',
  'Feedback',
  'User',
  'Session',
  'PartnerApp',
  'AuditEvent',
  'IdempotencyRecord',
  'BorrowerPhoneIndex',
  'CaseHold',
  'RepaymentPlan',
  'Installment',
  'Payment',
  'Task',
];

const COLLECTOR_CONDITIONS: Record<string, (userId: string) => object> = {
  Case: (userId) => ({ assignee: userId }),
  Contact: (userId) => ({ case: { assignee: userId } }),
  Feedback: (userId) => ({ case: { assignee: userId } }),
  CaseHold: (userId) => ({ case: { assignee: userId } }),
  RepaymentPlan: (userId) => ({ case: { assignee: userId } }),
  Installment: (userId) => ({ plan: { case: { assignee: userId } } }),
  Payment: (userId) => ({ case: { assignee: userId } }),
  Task: (userId) => ({ case: { assignee: userId } }),
  Visit: (userId) => ({ collectors: { user: userId } }),
};

function nameOf(entity: EntityName<unknown> | undefined): string {
  return typeof entity === 'string'
    ? entity
    : ((entity as { name?: string } | undefined)?.name ?? '');
}

export const dataScopeFilters = {
  tenant: {
    cond: (
      args: { institutionId: string },
      _type: unknown,
      _em: unknown,
      _options: unknown,
      entity?: EntityName<unknown>,
    ) =>
      nameOf(entity) === 'Institution'
        ? { id: args.institutionId }
        : { institution: args.institutionId },
    entity: ['Institution', ...TENANT_ENTITIES],
    default: true,
  },
  collectorScope: {
    cond: (
      args: { userId: string | null },
      _type: unknown,
      _em: unknown,
      _options: unknown,
      entity?: EntityName<unknown>,
    ) => (args.userId ? (COLLECTOR_CONDITIONS[nameOf(entity)]?.(args.userId) ?? {}) : {}),
    entity: Object.keys(COLLECTOR_CONDITIONS),
    default: true,
  },
};

/** Points a request's EntityManager at what its actor may see. */
export function scopeToActor(em: EntityManager, actor: Actor): void {
  if (actor.kind === 'anonymous') return;
  em.setFilterParams('tenant', { institutionId: actor.institutionId });
  em.setFilterParams('collectorScope', {
    userId: actor.kind === 'user' && actor.role === Role.COLLECTOR ? actor.id : null,
  });
}

/** What of the data scope decides a query's text: one key per distinct scope. */
export function dataScopeKey(em: EntityManager): string {
  return JSON.stringify([em.getFilterParams('tenant'), em.getFilterParams('collectorScope')]);
}
