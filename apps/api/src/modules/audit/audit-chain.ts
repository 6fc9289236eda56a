import { createHash } from 'node:crypto';

/** A JSON value as stored in an audit event's `before`/`after`. */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | JsonValue[]
  | { [key: string]: JsonValue };

/** Everything an audit event says; the hash covers all of it, so no field can change unseen. */
export interface AuditContent {
  id: string;
  institutionId: string;
  sequence: number;
  occurredAt: Date;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  before: JsonValue | null;
  after: JsonValue | null;
  requestId: string | null;
}

export interface ChainedAuditEvent extends AuditContent {
  prevHash: string | null;
  hash: string;
}

/** Where a chain stands: its last event's sequence and hash (sequence 0, no hash, when empty). */
export interface ChainHead {
  sequence: number;
  hash: string | null;
}

export const EMPTY_CHAIN: ChainHead = { sequence: 0, hash: null };

export type ChainReport =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAt: number; reason: string };

/**
 * JSON with object keys sorted by UTF-16 code units at every depth (as RFC 8785 does), so
 * the same content always gives the same text: PostgreSQL's jsonb reorders keys, and an
 * auditor's own tool can recompute a hash without our code.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  switch (typeof value) {
    case 'boolean':
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`cannot hash the number ${value}`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    default:
      // Silently dropping a value (as JSON.stringify does with functions) would hash less than is stored.
      throw new TypeError(`cannot hash a value of type ${typeof value}`);
  }
}

/** SHA-256 (hex) of the event's content together with the previous event's hash. */
export function auditHash(prevHash: string | null, content: AuditContent): string {
  const fields: Record<keyof AuditContent, unknown> & { prevHash: string | null } = {
    id: content.id,
    institutionId: content.institutionId,
    sequence: content.sequence,
    occurredAt: content.occurredAt,
    actor: content.actor,
    action: content.action,
    entityType: content.entityType,
    entityId: content.entityId,
    before: content.before,
    after: content.after,
    requestId: content.requestId,
    prevHash,
  };
  return createHash('sha256').update(canonicalJson(fields)).digest('hex');
}

/**
 * Checks events of one institution, in sequence order, continuing from `from` (so a long
 * chain can be checked page by page). The first broken link is reported: a hash that does
 * not match its content means that row was altered; a sequence gap or a `prevHash` that is
 * not the previous row's hash means rows were removed, inserted or reordered.
 */
export function verifyChain(
  events: Iterable<ChainedAuditEvent>,
  from: ChainHead = EMPTY_CHAIN,
): ChainReport {
  let head = from;
  let checked = 0;
  for (const event of events) {
    const expected = head.sequence + 1;
    const broken = (reason: string): ChainReport => ({
      ok: false,
      checked,
      brokenAt: event.sequence,
      reason,
    });
    if (event.sequence !== expected) {
      return broken(
        `sequence gap: expected ${expected}, found ${event.sequence} (events removed or reordered)`,
      );
    }
    if (event.prevHash !== head.hash) {
      const link = head.hash === null ? 'no prevHash' : `the hash of event ${head.sequence}`;
      return broken(`prevHash mismatch: expected ${link} (events removed, reordered or rewritten)`);
    }
    if (auditHash(event.prevHash, event) !== event.hash) {
      return broken('hash mismatch: the event was altered after it was written');
    }
    head = { sequence: event.sequence, hash: event.hash };
    checked += 1;
  }
  return { ok: true, checked };
}
