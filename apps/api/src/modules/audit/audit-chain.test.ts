import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  auditHash,
  canonicalJson,
  verifyChain,
  type AuditContent,
  type ChainedAuditEvent,
} from './audit-chain.js';

function chain(count: number): ChainedAuditEvent[] {
  const events: ChainedAuditEvent[] = [];
  let prevHash: string | null = null;
  for (let sequence = 1; sequence <= count; sequence += 1) {
    const content: AuditContent = {
      id: `event-${sequence}`,
      institutionId: 'inst-1',
      sequence,
      occurredAt: new Date(Date.UTC(2026, 2, 1, 9, 30, sequence)),
      actor: 'user:u1',
      action: 'case.update',
      entityType: 'Case',
      entityId: 'case-1',
      before: { status: 'NEW', priority: sequence },
      after: { status: 'IN_PROGRESS', priority: sequence + 1 },
      requestId: `req-${sequence}`,
    };
    const hash = auditHash(prevHash, content);
    events.push({ ...content, prevHash, hash });
    prevHash = hash;
  }
  return events;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('gives the same text whatever order the keys were written in', () => {
    expect(canonicalJson({ x: 1, y: 'two', z: [true] })).toBe(
      canonicalJson({ z: [true], y: 'two', x: 1 }),
    );
  });

  it('writes dates as ISO strings and drops undefined like JSON does', () => {
    expect(canonicalJson({ at: new Date('2026-03-01T09:30:00.123Z'), gone: undefined })).toBe(
      '{"at":"2026-03-01T09:30:00.123Z"}',
    );
  });

  it('refuses values JSON cannot carry rather than hashing less than is stored', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
  });
});

describe('auditHash', () => {
  it('is the SHA-256 hex of the canonical content with prevHash', () => {
    const [first] = chain(1);
    const { prevHash: _p, hash, ...content } = first!;
    const expected = createHash('sha256')
      .update(canonicalJson({ ...content, prevHash: null }))
      .digest('hex');
    expect(hash).toBe(expected);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes when any field or the previous hash changes', () => {
    const [first] = chain(1);
    const { prevHash: _p, hash, ...content } = first!;
    expect(auditHash('0'.repeat(64), content)).not.toBe(hash);
    expect(auditHash(null, { ...content, actor: 'user:u2' })).not.toBe(hash);
    expect(auditHash(null, { ...content, after: { status: 'CLOSED' } })).not.toBe(hash);
    expect(auditHash(null, { ...content, requestId: null })).not.toBe(hash);
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain and counts it', () => {
    expect(verifyChain(chain(5))).toEqual({ ok: true, checked: 5 });
    expect(verifyChain([])).toEqual({ ok: true, checked: 0 });
  });

  it('reports an altered row by its own hash', () => {
    const events = chain(5);
    events[2] = { ...events[2]!, after: { status: 'CLOSED' } };
    expect(verifyChain(events)).toMatchObject({
      ok: false,
      brokenAt: 3,
      checked: 2,
      reason: expect.stringContaining('hash mismatch'),
    });
  });

  it('reports a row altered with its hash recomputed at the next link', () => {
    const events = chain(5);
    const { prevHash, hash: _h, ...content } = events[2]!;
    const forged = { ...content, actor: 'user:someone-else' };
    events[2] = { ...forged, prevHash, hash: auditHash(prevHash, forged) };
    expect(verifyChain(events)).toMatchObject({
      ok: false,
      brokenAt: 4,
      reason: expect.stringContaining('prevHash mismatch'),
    });
  });

  it('reports a removed row as a sequence gap', () => {
    const events = chain(5);
    events.splice(1, 1);
    expect(verifyChain(events)).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: expect.stringContaining('sequence gap: expected 2'),
    });
  });

  it('reports a removed first row', () => {
    expect(verifyChain(chain(3).slice(1))).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('reports swapped rows', () => {
    const events = chain(4);
    const third = events[2]!;
    events[2] = { ...events[3]!, sequence: 3 };
    events[3] = { ...third, sequence: 4 };
    expect(verifyChain(events)).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('continues from a checked head, so a chain can be checked page by page', () => {
    const events = chain(6);
    const head = { sequence: 3, hash: events[2]!.hash };
    expect(verifyChain(events.slice(3), head)).toEqual({ ok: true, checked: 3 });
    expect(verifyChain(events.slice(4), head)).toMatchObject({ ok: false, brokenAt: 5 });
  });
});
