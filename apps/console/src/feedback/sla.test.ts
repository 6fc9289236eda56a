import { FeedbackStatus } from '@arrears/domain';
import { describe, expect, it } from 'vitest';

import {
  acknowledgeState,
  isFeedbackOverdue,
  resolveState,
  roughDuration,
  type FeedbackSlaFields,
} from './sla';

const HOUR = 3_600_000;
const received = Date.parse('2026-11-20T02:00:00Z');
const base: FeedbackSlaFields = {
  status: FeedbackStatus.RECEIVED,
  acknowledgeDueAt: '2026-11-21T16:00:00.000Z',
  resolveDueAt: '2026-12-05T02:00:00.000Z',
  acknowledgedAt: null,
  closedAt: null,
};
const ackDue = Date.parse(base.acknowledgeDueAt);
const resolveDue = Date.parse(base.resolveDueAt);

describe('acknowledgeState', () => {
  it('is pending, then due soon, then late while nobody handles it', () => {
    expect(acknowledgeState(base, received)).toBe('pending');
    expect(acknowledgeState(base, ackDue - 2 * HOUR)).toBe('dueSoon');
    expect(acknowledgeState(base, ackDue)).toBe('dueSoon');
    expect(acknowledgeState(base, ackDue + 1)).toBe('late');
  });

  it('is met or met late once acknowledged, whatever the time now', () => {
    const onTime = {
      ...base,
      status: FeedbackStatus.ACKNOWLEDGED,
      acknowledgedAt: '2026-11-20T03:00:00Z',
    };
    expect(acknowledgeState(onTime, resolveDue + HOUR)).toBe('met');
    const late = { ...onTime, acknowledgedAt: '2026-11-22T01:00:00Z' };
    expect(acknowledgeState(late, received)).toBe('metLate');
  });

  it('counts a closing without acknowledgement time as handling it', () => {
    const rejected = { ...base, status: FeedbackStatus.REJECTED, closedAt: '2026-11-23T00:00:00Z' };
    expect(acknowledgeState(rejected, received)).toBe('metLate');
  });
});

describe('resolveState', () => {
  it('runs on while the feedback is open, whatever its status', () => {
    const investigating = {
      ...base,
      status: FeedbackStatus.INVESTIGATING,
      acknowledgedAt: '2026-11-20T03:00:00Z',
    };
    expect(resolveState(investigating, received)).toBe('pending');
    expect(resolveState(investigating, resolveDue - HOUR)).toBe('dueSoon');
    expect(resolveState(investigating, resolveDue + HOUR)).toBe('late');
  });

  it('is met or met late once resolved or rejected', () => {
    const resolved = { ...base, status: FeedbackStatus.RESOLVED, closedAt: '2026-11-25T00:00:00Z' };
    expect(resolveState(resolved, resolveDue + 100 * HOUR)).toBe('met');
    const late = { ...resolved, closedAt: '2026-12-06T00:00:00Z' };
    expect(resolveState(late, received)).toBe('metLate');
  });
});

describe('isFeedbackOverdue (as the API filters it)', () => {
  it('flags received feedback past its acknowledge deadline', () => {
    expect(isFeedbackOverdue(base, ackDue - 1)).toBe(false);
    expect(isFeedbackOverdue(base, ackDue + 1)).toBe(true);
  });

  it('does not flag acknowledged feedback for the acknowledge deadline', () => {
    const acknowledged = {
      ...base,
      status: FeedbackStatus.ACKNOWLEDGED,
      acknowledgedAt: '2026-11-22T01:00:00Z',
    };
    expect(isFeedbackOverdue(acknowledged, ackDue + HOUR)).toBe(false);
    expect(isFeedbackOverdue(acknowledged, resolveDue + 1)).toBe(true);
  });

  it('never flags closed feedback', () => {
    const resolved = { ...base, status: FeedbackStatus.RESOLVED, closedAt: '2026-12-09T00:00:00Z' };
    expect(isFeedbackOverdue(resolved, resolveDue + 100 * HOUR)).toBe(false);
  });
});

describe('roughDuration', () => {
  it('uses the largest whole unit', () => {
    expect(roughDuration(3 * 24 * HOUR + 5 * HOUR)).toEqual({ unit: 'days', count: 3 });
    expect(roughDuration(-5 * HOUR - 59 * 60_000)).toEqual({ unit: 'hours', count: 5 });
    expect(roughDuration(59 * 60_000)).toEqual({ unit: 'minutes', count: 59 });
    expect(roughDuration(10_000)).toEqual({ unit: 'minutes', count: 1 });
  });
});
