import {
  helper,
  Reference,
  ReferenceKind,
  type EntityManager,
  type EntityProperty,
  type FilterQuery,
} from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import { actorRef } from '../../auth/actor.js';
import type { RequestContext } from '../../graphql/context.js';
import { NotFoundError } from '../../graphql/errors.js';
import { paginate, type Page, type PageArgs } from '../../graphql/pagination.js';
import { Institution } from '../institution/institution.entity.js';
import {
  EMPTY_CHAIN,
  auditHash,
  verifyChain,
  type AuditContent,
  type ChainedAuditEvent,
  type ChainHead,
  type ChainReport,
  type JsonValue,
} from './audit-chain.js';
import { AuditEvent } from './audit-event.entity.js';
import type { AuditEventFilter } from './audit.inputs.js';

export const REDACTED = '[redacted]';

/** Personal data by name; secrets and their derivatives (ciphertexts, blind indexes, hashes) by suffix. */
const PERSONAL_KEYS: ReadonlySet<string> = new Set([
  'nationalId',
  'phones',
  'phone',
  'email',
  'addressDetail',
]);
const SECRET_SUFFIX = /(Cipher|Index|Hash)$/;

function isRedactedKey(key: string): boolean {
  return PERSONAL_KEYS.has(key) || SECRET_SUFFIX.test(key);
}

/**
 * A copy of `value` with personal data replaced by '[redacted]' at any depth. A null stays
 * null: that a value was absent, added or removed is what an auditor needs, not the value.
 */
export function redact(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(redact);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [
      key,
      v !== null && isRedactedKey(key) ? REDACTED : redact(v),
    ]),
  );
}

/** Dates become ISO strings and undefined disappears: exactly what a JSON column gives back. */
function toJson(value: unknown): JsonValue {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as JsonValue);
}

type JsonObject = { [key: string]: JsonValue };

/** Columns of the entity itself: scalars and the ids of the rows it points to, not collections. */
function storedProps(entity: object): EntityProperty[] {
  return helper(entity).__meta.props.filter(
    (prop) =>
      prop.persist !== false &&
      !prop.formula &&
      (prop.kind === ReferenceKind.SCALAR ||
        prop.kind === ReferenceKind.EMBEDDED ||
        prop.kind === ReferenceKind.MANY_TO_ONE ||
        (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)),
  );
}

function currentValue(entity: object, prop: EntityProperty): unknown {
  const value: unknown = (entity as Record<string, unknown>)[prop.name];
  if (prop.kind === ReferenceKind.SCALAR || prop.kind === ReferenceKind.EMBEDDED) return value;
  if (value == null) return value;
  return helper(Reference.unwrapReference(value as object)).getSerializedPrimaryKey();
}

/**
 * A change set's original data is in database form (ciphertexts, bigints as strings, dates as
 * the driver stores them); bring a value back to what the entity held.
 */
function originalValue(prop: EntityProperty, raw: unknown, em: EntityManager): unknown {
  if (raw == null || prop.hidden || isRedactedKey(prop.name)) return raw;
  if (prop.kind !== ReferenceKind.SCALAR) return raw;
  // `force`: JSON is a string here even where the driver parses it on reading (PostgreSQL).
  if (prop.customType)
    return prop.customType.convertToJSValue(raw, em.getPlatform(), { force: true });
  if (prop.runtimeType === 'Date') return new Date(raw as string | number | Date);
  return raw;
}

/**
 * The entity as an audit event shows it: its columns (relations as ids), personal data and
 * `hidden` properties redacted. `only` limits it to some properties, e.g. those an update changed.
 */
export function snapshot(entity: object, only?: Iterable<string>): JsonObject {
  const names = only ? new Set(only) : null;
  const out: Record<string, unknown> = {};
  for (const prop of storedProps(entity)) {
    if (names && !names.has(prop.name)) continue;
    const value = currentValue(entity, prop);
    // A lazy property that was never loaded is unknown, not null.
    if (value === undefined) continue;
    out[prop.name] = prop.hidden && value !== null ? REDACTED : value;
  }
  return redact(toJson(out)) as JsonObject;
}

/** The values an update replaced, from the change set's original data. */
export function snapshotBefore(
  em: EntityManager,
  entity: object,
  original: Record<string, unknown>,
  names: Iterable<string>,
): JsonObject {
  const props = new Map(storedProps(entity).map((prop) => [prop.name, prop]));
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const prop = props.get(name);
    if (!prop || !(name in original)) continue;
    const raw = original[name];
    out[name] = prop.hidden && raw != null ? REDACTED : originalValue(prop, raw, em);
  }
  return redact(toJson(out)) as JsonObject;
}

/** An event before it has a place in its chain. */
export type AuditDraft = Omit<AuditContent, 'id' | 'sequence'>;

const CHAIN_HEAD =
  'select sequence, hash from audit_event where institution_id = ? order by sequence desc limit 1';

/**
 * Takes the institution's chain for this transaction and reads where it stands. On
 * PostgreSQL an advisory lock, held until commit or rollback, makes concurrent appends to one
 * chain queue up instead of both taking the same sequence; SQLite has a single writer. The
 * unique (institution, sequence) index stops a fork even where no lock was held. Raw SQL
 * applies no ORM filters: the chain is read whole, whoever the actor is.
 */
async function lockChain(em: EntityManager, institutionId: string): Promise<ChainHead> {
  const connection = (em as SqlEntityManager).getConnection();
  const tx = em.getTransactionContext();
  let head: { sequence: number | string; hash: string } | undefined;
  if (em.getPlatform() instanceof PostgreSqlPlatform) {
    // Lock and read in one round trip, as two statements of one simple query: each statement
    // takes its own snapshot, so the read sees every append committed before the lock was
    // granted (one statement calling the lock would read with a snapshot from before the wait).
    // Two-key form: its own lock space, apart from other users of single-key advisory locks.
    const [, rows] = await connection.execute<[unknown, (typeof head)[]]>(
      `select pg_advisory_xact_lock(hashtext('audit_event'), hashtext(?)); ${CHAIN_HEAD}`,
      [institutionId, institutionId],
      'all',
      tx,
    );
    head = rows[0];
  } else {
    head = await connection.execute<NonNullable<typeof head>>(
      CHAIN_HEAD,
      [institutionId],
      'get',
      tx,
    );
  }
  return head ? { sequence: Number(head.sequence), hash: head.hash } : EMPTY_CHAIN;
}

/**
 * Gives each draft its place at the end of its institution's chain, in `em`'s transaction.
 * Returns unsaved events: the caller inserts them in the same transaction.
 */
export async function chainAuditEvents(
  em: EntityManager,
  drafts: readonly AuditDraft[],
): Promise<AuditEvent[]> {
  const byInstitution = new Map<string, AuditDraft[]>();
  for (const draft of drafts) {
    const list = byInstitution.get(draft.institutionId) ?? [];
    list.push(draft);
    byInstitution.set(draft.institutionId, list);
  }
  const events: AuditEvent[] = [];
  // Locks in one global order, so two transactions touching the same institutions cannot deadlock.
  for (const institutionId of [...byInstitution.keys()].sort()) {
    let head = await lockChain(em, institutionId);
    for (const draft of byInstitution.get(institutionId)!) {
      const content: AuditContent = { ...draft, id: uuidv7(), sequence: head.sequence + 1 };
      const hash = auditHash(head.hash, content);
      const { institutionId: _, ...fields } = content;
      events.push(
        em.create(
          AuditEvent,
          { ...fields, institution: institutionId, prevHash: head.hash, hash },
          { persist: false },
        ),
      );
      head = { sequence: content.sequence, hash };
    }
  }
  return events;
}

/** What a service tells the audit trail about an action the flush cannot see, such as a read. */
export interface AuditEntry {
  institutionId: string;
  /** `<entity>.<verb>`, e.g. `borrower.revealPii`. */
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

function chainedEvent(event: AuditEvent): ChainedAuditEvent {
  return {
    id: event.id,
    institutionId: event.institution.id,
    sequence: event.sequence,
    occurredAt: event.occurredAt,
    actor: event.actor,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    before: event.before,
    after: event.after,
    requestId: event.requestId,
    prevHash: event.prevHash,
    hash: event.hash,
  };
}

/** Rows are read in pages of this size when a chain is verified. */
const VERIFY_PAGE = 500;

export class AuditService {
  /**
   * Appends one event now, in the caller's transaction when there is one (so it commits or
   * rolls back with the change it describes), else in a transaction of its own. Changes to
   * entities need no call: AuditSubscriber records every flush. Await each call before the
   * next in the same transaction: two at once would claim the same sequence.
   */
  async record(
    ctx: Pick<RequestContext, 'em' | 'actor' | 'requestId'>,
    entry: AuditEntry,
  ): Promise<AuditEvent> {
    const draft: AuditDraft = {
      institutionId: entry.institutionId,
      occurredAt: new Date(),
      actor: actorRef(ctx.actor),
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: redact(toJson(entry.before)),
      after: redact(toJson(entry.after)),
      requestId: ctx.requestId,
    };
    const append = async (em: EntityManager) => {
      const [event] = await chainAuditEvents(em, [draft]);
      // Inserted at once, not at the next flush: the chain's head in the database stays current.
      await em.insert(event!);
      return event!;
    };
    return ctx.em.isInTransaction() ? append(ctx.em) : ctx.em.transactional(append);
  }

  list(
    ctx: RequestContext,
    args: PageArgs,
    filter: AuditEventFilter = {},
  ): Promise<Page<AuditEvent>> {
    const where: FilterQuery<AuditEvent> = {};
    if (filter.institutionId) where.institution = filter.institutionId;
    if (filter.entityType) where.entityType = filter.entityType;
    if (filter.entityId) where.entityId = filter.entityId;
    if (filter.actor) where.actor = filter.actor;
    if (filter.action) where.action = filter.action;
    if (filter.from || filter.to) {
      where.occurredAt = {
        ...(filter.from ? { $gte: filter.from } : {}),
        ...(filter.to ? { $lt: filter.to } : {}),
      };
    }
    return paginate(ctx.em, AuditEvent, {
      where,
      order: [{ prop: 'sequence', direction: 'DESC', kind: 'number' }],
      args,
    });
  }

  /** Re-hashes the institution's whole chain, page by page, and reports the first broken link. */
  async verify(ctx: Pick<RequestContext, 'em'>, institutionId: string): Promise<ChainReport> {
    // Through the request's filters: an institution the actor may not see is not found.
    const institution = await ctx.em.findOne(Institution, { id: institutionId });
    if (!institution) throw new NotFoundError('Institution', institutionId);
    let head = EMPTY_CHAIN;
    let checked = 0;
    for (;;) {
      const page = await ctx.em.find(
        AuditEvent,
        { institution: institutionId, sequence: { $gt: head.sequence } },
        // Rows as stored now, not as this request's identity map remembers them.
        { orderBy: { sequence: 'asc' }, limit: VERIFY_PAGE, disableIdentityMap: true },
      );
      const report = verifyChain(page.map(chainedEvent), head);
      checked += report.checked;
      if (!report.ok) return { ...report, checked };
      if (page.length < VERIFY_PAGE) return { ok: true, checked };
      const last = page.at(-1)!;
      head = { sequence: last.sequence, hash: last.hash };
    }
  }
}
