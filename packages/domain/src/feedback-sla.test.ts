import { describe, expect, it } from 'vitest';
import { feedbackDeadlines, isFeedbackClosed } from './feedback-sla.js';

describe('feedbackDeadlines', () => {
  it('gives a day to acknowledge and fifteen to resolve', () => {
    const { acknowledgeDueAt, resolveDueAt } = feedbackDeadlines(new Date('2026-03-01T10:00:00Z'));
    expect(acknowledgeDueAt.toISOString()).toBe('2026-03-02T10:00:00.000Z');
    expect(resolveDueAt.toISOString()).toBe('2026-03-16T10:00:00.000Z');
  });
});

describe('isFeedbackClosed', () => {
  it.each([
    ['RECEIVED', false],
    ['ACKNOWLEDGED', false],
    ['INVESTIGATING', false],
    ['RESOLVED', true],
    ['REJECTED', true],
  ] as const)('%s closed: %s', (status, closed) => {
    expect(isFeedbackClosed(status)).toBe(closed);
  });
});
