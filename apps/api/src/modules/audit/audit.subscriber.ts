import {
  ChangeSetType,
  helper,
  Reference,
  type ChangeSet,
  type EntityManager,
  type EventSubscriber,
  type FlushEventArgs,
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

/**
 * Records every row the unit of work inserts, updates or deletes as an audit event, in the
 * same flush and so the same transaction as the change: no service can forget to, and a
 * rollback takes the events with it. Actor and request come from runWithAuditContext.
 * Writes that bypass the unit of work (em.nativeUpdate, query builders, raw SQL) are not
 * seen here; services must not use them for audited data.
 */
export class AuditSubscriber implements EventSubscriber {
  async onFlush({ em, uow }: FlushEventArgs): Promise<void> {
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
    if (drafts.length === 0) return;
    for (const event of await chainAuditEvents(em, drafts)) {
      // Entities added during onFlush need their change set computed by hand.
      em.persist(event);
      uow.computeChangeSet(event);
    }
  }
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
