import { FeedbackStatus } from '@arrears/domain';
import { describe, expect, it } from 'vitest';

import { feedbackMilestones } from './history';

const received = {
  status: FeedbackStatus.RECEIVED,
  createdAt: '2026-11-20T02:00:00Z',
  acknowledgedAt: null,
  closedAt: null,
  resolution: null,
};

describe('feedbackMilestones', () => {
  it('starts with the feedback coming in', () => {
    expect(feedbackMilestones(received)).toEqual([
      { step: 'received', at: received.createdAt, status: 'RECEIVED', note: null },
    ]);
  });

  it('shows when it was taken up, with the status it is in now', () => {
    const investigating = {
      ...received,
      status: FeedbackStatus.INVESTIGATING,
      acknowledgedAt: '2026-11-20T05:00:00Z',
    };
    expect(feedbackMilestones(investigating).map((e) => [e.step, e.status])).toEqual([
      ['received', 'RECEIVED'],
      ['handled', 'INVESTIGATING'],
    ]);
  });

  it('ends with the resolution once closed', () => {
    const resolved = {
      ...received,
      status: FeedbackStatus.RESOLVED,
      acknowledgedAt: '2026-11-20T05:00:00Z',
      closedAt: '2026-11-22T05:00:00Z',
      resolution: '已致电借款人道歉并调整催收时段。',
    };
    expect(feedbackMilestones(resolved)).toEqual([
      { step: 'received', at: received.createdAt, status: 'RECEIVED', note: null },
      { step: 'handled', at: '2026-11-20T05:00:00Z', status: 'ACKNOWLEDGED', note: null },
      {
        step: 'closed',
        at: '2026-11-22T05:00:00Z',
        status: 'RESOLVED',
        note: '已致电借款人道歉并调整催收时段。',
      },
    ]);
  });

  it('does not repeat the handling of feedback rejected straight away', () => {
    const rejected = {
      ...received,
      status: FeedbackStatus.REJECTED,
      acknowledgedAt: '2026-11-20T05:00:00Z',
      closedAt: '2026-11-20T05:00:00Z',
      resolution: '重复提交。',
    };
    expect(feedbackMilestones(rejected).map((e) => e.step)).toEqual(['received', 'closed']);
  });
});
