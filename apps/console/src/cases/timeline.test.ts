import { describe, expect, it } from 'vitest';

import type {
  AuditEventRecord,
  ContactRecord,
  FeedbackRecord,
  HoldRecord,
  PaymentRecord,
  RepaymentPlanRecord,
  VisitRecord,
} from '../dataProvider/types';
import { auditChanges, buildTimeline, filterTimeline } from './timeline';

const contact = (id: string, occurredAt: string) => ({ id, occurredAt }) as ContactRecord;

describe('buildTimeline', () => {
  it('mixes every kind of record, newest first', () => {
    const timeline = buildTimeline({
      contacts: [contact('c1', '2026-03-01T02:00:00Z'), contact('c2', '2026-03-03T02:00:00Z')],
      payments: [{ id: 'p1', paidAt: '2026-03-02T02:00:00Z' } as PaymentRecord],
      auditEvents: [{ id: 'a1', occurredAt: '2026-03-04T02:00:00Z' } as AuditEventRecord],
    });
    expect(timeline.map((entry) => entry.key)).toEqual([
      'audit:a1:recorded',
      'contact:c2:logged',
      'payment:p1:received',
      'contact:c1:logged',
    ]);
  });

  it('gives one entry per step of a visit, at the moment of each step', () => {
    const visit = {
      id: 'v1',
      status: 'COMPLETED',
      createdAt: '2026-03-01T00:00:00Z',
      confirmedAt: '2026-03-02T00:00:00Z',
      checkedInAt: '2026-03-05T01:00:00Z',
      checkedOutAt: '2026-03-05T02:00:00Z',
      updatedAt: '2026-03-05T02:00:01Z',
    } as VisitRecord;
    expect(buildTimeline({ visits: [visit] }).map((e) => [e.event, e.at])).toEqual([
      ['completed', '2026-03-05T02:00:00Z'],
      ['checkedIn', '2026-03-05T01:00:00Z'],
      ['confirmed', '2026-03-02T00:00:00Z'],
      ['planned', '2026-03-01T00:00:00Z'],
    ]);
  });

  it('shows a cancelled visit, a broken plan, resolved feedback and a released hold', () => {
    const timeline = buildTimeline({
      visits: [
        {
          id: 'v2',
          status: 'CANCELLED',
          createdAt: '2026-03-01T00:00:00Z',
          confirmedAt: null,
          checkedInAt: null,
          checkedOutAt: null,
          updatedAt: '2026-03-02T00:00:00Z',
        } as VisitRecord,
      ],
      plans: [
        {
          id: 'pl',
          status: 'BROKEN',
          createdAt: '2026-02-01T00:00:00Z',
          closedAt: '2026-02-20T00:00:00Z',
          updatedAt: '2026-02-20T00:00:00Z',
        } as RepaymentPlanRecord,
      ],
      feedback: [
        {
          id: 'f',
          status: 'RESOLVED',
          createdAt: '2026-01-01T00:00:00Z',
          acknowledgedAt: '2026-01-02T00:00:00Z',
          closedAt: '2026-01-05T00:00:00Z',
          updatedAt: '2026-01-05T00:00:00Z',
        } as FeedbackRecord,
      ],
      holds: [
        {
          id: 'h',
          placedAt: '2026-01-01T00:00:00Z',
          releasedAt: '2026-01-05T00:00:00Z',
        } as HoldRecord,
      ],
    });
    expect(timeline.map((e) => e.key)).toEqual([
      'visit:v2:cancelled',
      'visit:v2:planned',
      'plan:pl:broken',
      'plan:pl:created',
      'hold:h:released',
      'feedback:f:resolved',
      'feedback:f:acknowledged',
      'hold:h:placed',
      'feedback:f:received',
    ]);
  });

  it('leaves out steps that have not happened and instants it cannot read', () => {
    const timeline = buildTimeline({
      holds: [{ id: 'h', placedAt: '2026-01-01T00:00:00Z', releasedAt: null } as HoldRecord],
      contacts: [contact('bad', 'not a time')],
    });
    expect(timeline.map((e) => e.key)).toEqual(['hold:h:placed']);
  });

  it('is empty without records', () => {
    expect(buildTimeline({})).toEqual([]);
  });
});

describe('filterTimeline', () => {
  it('keeps the kinds switched on', () => {
    const timeline = buildTimeline({
      contacts: [contact('c1', '2026-03-01T02:00:00Z')],
      payments: [{ id: 'p1', paidAt: '2026-03-02T02:00:00Z' } as PaymentRecord],
    });
    expect(filterTimeline(timeline, new Set(['payment'])).map((e) => e.kind)).toEqual(['payment']);
  });
});

describe('auditChanges', () => {
  it('lists the fields that changed', () => {
    expect(
      auditChanges(
        { status: 'NEW', priority: 10, version: 1 },
        { status: 'IN_PROGRESS', priority: 10, version: 2, assigneeId: 'u1' },
      ),
    ).toEqual([
      { field: 'status', before: 'NEW', after: 'IN_PROGRESS' },
      { field: 'version', before: 1, after: 2 },
      { field: 'assigneeId', before: undefined, after: 'u1' },
    ]);
  });

  it('treats a missing side as empty', () => {
    expect(auditChanges(null, { a: 1 })).toEqual([{ field: 'a', before: undefined, after: 1 }]);
    expect(auditChanges({ a: 1 }, undefined)).toEqual([
      { field: 'a', before: 1, after: undefined },
    ]);
  });
});
