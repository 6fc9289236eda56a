import {
  ChangeSetType,
  helper,
  Reference,
  type ChangeSet,
  type EntityManager,
  type EventSubscriber,
  type FlushEventArgs,
  type TransactionEventArgs,
  type UnitOfWork,
} from '@mikro-orm/core';
import { Institution } from '../institution/institution.entity.js';
import { currentAuditContext, type AuditContext } from './audit-context.js';
import { AuditEvent } from './audit-event.entity.js';
import { APPEND_ONLY_MESSAGE } from './audit-guard.sql.js';
import { chainAuditEvents, snapshot, snapshotBefore, type AuditDraft } from './audit.service.js';

const VERBS: Record<ChangeSetType, 'create' | 'update' | 'delete'> = {
  [ChangeSetType.CREATE]: 'create',
  [ChangeSetType.UPDATE]: 'update',
  [ChangeSetType.UPDATE_EARLY]: 'update',
  [ChangeSetType.DELETE]: 'delete',
  [ChangeSetType.DELETE_EARLY]: 'delete',
};

/** Each flush's events, from its change sets until its rows are written (by unit of work). */
const pending = new WeakMap<UnitOfWork, AuditDraft[]>();

/**
 * Records every row the unit of work inserts, updates or deletes as an audit event, in the
 * same flush and so the same transaction as the change: no service can forget to, and a
 * rollback takes the events with it. Actor and request come from runWithAuditContext.
 * The events are drafted from the change sets before anything is written, and appended to
 * the chain after the flush's own rows: the chain's lock is taken as late as the flush allows,
 * so appends to one institution queue for a head read, one insert and the commit, not for the
 * whole write.
 * Writes that bypass the unit of work (em.nativeUpdate, query builders, raw SQL) are not
 * seen here; services must not use them for audited data.
 */
export class AuditSubscriber implements EventSubscriber {
  onFlush({ em, uow }: FlushEventArgs): void {
    const context = currentAuditContext();
    const occurredAt = new Date();
    const drafts: AuditDraft[] = [];
    for (const changeSet of uow.getChangeSets()) {
      if (changeSet.entity instanceof AuditEvent) {
        // The database refuses too; failing here names the code that tried.
        if (changeSet.type !== ChangeSetType.CREATE) throw new Error(APPEND_ONLY_MESSAGE);
        continue;
      }
      drafts.push(draftOf(em, changeSet, context, occurredAt));
    }
    if (drafts.length > 0) pending.set(uow, drafts);
    else pending.delete(uow);
  }

  /** The flush ran in the caller's transaction, which is still open. */
  afterFlush({ em, uow }: FlushEventArgs): Promise<void> {
    return append(em, uow);
  }

  /** A flush outside any transaction runs in one of its own: append before it commits. */
  async beforeTransactionCommit({ em, uow }: TransactionEventArgs): Promise<void> {
    if (uow) await append(em, uow);
  }
}

async function append(em: EntityManager, uow: UnitOfWork): Promise<void> {
  const drafts = pending.get(uow);
  if (!drafts) return;
  pending.delete(uow);
  // One multi-row insert for every event of the flush.
  await em.insertMany(await chainAuditEvents(em, drafts));
}

function draftOf(
  em: EntityManager,
  changeSet: ChangeSet<object>,
  context: AuditContext,
  occurredAt: Date,
): AuditDraft {
  const entity = changeSet.entity;
  const verb = VERBS[changeSet.type];
  let before = null;
  let after = null;
  if (verb === 'create') {
    after = snapshot(entity);
  } else if (verb === 'delete') {
    before = snapshot(entity);
  } else {
    // Only what changed: with personal data redacted, whole rows would hide that it changed.
    const changed = Object.keys(changeSet.payload);
    before = snapshotBefore(em, entity, changeSet.originalEntity ?? {}, changed);
    after = snapshot(entity, changed);
  }
  const entityType = changeSet.meta.className;
  return {
    institutionId: institutionOf(entity),
    occurredAt,
    actor: context.actor,
    action: `${entityType.charAt(0).toLowerCase()}${entityType.slice(1)}.${verb}`,
    entityType,
    entityId: helper(entity).getSerializedPrimaryKey(),
    before,
    after,
    requestId: context.requestId,
  };
}

/** Whose chain an event joins: every row carries its institution, an institution is its own. */
function institutionOf(entity: object): string {
  if (entity instanceof Institution) return entity.id;
  const ref = (entity as { institution?: object | null }).institution;
  if (!ref) {
    throw new Error(
      `${helper(entity).__meta.className} has no institution, so it has no audit chain to join`,
    );
  }
  return helper(Reference.unwrapReference(ref)).getSerializedPrimaryKey();
}
