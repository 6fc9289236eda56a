import { FeedbackStatus } from './enums.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Default service levels for borrower feedback: acknowledge within a day, resolve within 15. */
export const FEEDBACK_SLA = { acknowledgeDays: 1, resolveDays: 15 } as const;

export function feedbackDeadlines(submittedAt: Date): {
  acknowledgeDueAt: Date;
  resolveDueAt: Date;
} {
  return {
    acknowledgeDueAt: new Date(submittedAt.getTime() + FEEDBACK_SLA.acknowledgeDays * DAY_MS),
    resolveDueAt: new Date(submittedAt.getTime() + FEEDBACK_SLA.resolveDays * DAY_MS),
  };
}

/** Feedback is closed once resolved or rejected; only open feedback can miss a deadline. */
export function isFeedbackClosed(status: FeedbackStatus): boolean {
  return status === FeedbackStatus.RESOLVED || status === FeedbackStatus.REJECTED;
}
