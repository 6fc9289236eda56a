import { FeedbackStatus, isFeedbackClosed } from '@arrears/domain';

/** What the feedback record itself tells of its history. */
export interface FeedbackHistorySource {
  status: FeedbackStatus;
  createdAt: string;
  acknowledgedAt: string | null;
  closedAt: string | null;
  resolution: string | null;
}

export interface FeedbackHistoryEntry {
  /** received: it came in; handled: first taken up (acknowledged); closed: resolved or rejected. */
  step: 'received' | 'handled' | 'closed';
  at: string;
  /** The status it reached: RECEIVED, the current one while open, RESOLVED or REJECTED. */
  status: FeedbackStatus;
  note: string | null;
}

/**
 * The milestones a feedback record keeps (when it came in, was first handled, was closed),
 * oldest first. The full trail of status changes is in the audit log; this is what every
 * reader of the record can see. A record closed straight from RECEIVED was handled at the
 * moment it closed, so that step is not repeated.
 */
export const feedbackMilestones = (feedback: FeedbackHistorySource): FeedbackHistoryEntry[] => {
  const entries: FeedbackHistoryEntry[] = [
    { step: 'received', at: feedback.createdAt, status: FeedbackStatus.RECEIVED, note: null },
  ];
  const closed = isFeedbackClosed(feedback.status) && feedback.closedAt ? feedback.closedAt : null;
  if (feedback.acknowledgedAt && feedback.acknowledgedAt !== closed) {
    entries.push({
      step: 'handled',
      at: feedback.acknowledgedAt,
      status: closed ? FeedbackStatus.ACKNOWLEDGED : feedback.status,
      note: null,
    });
  }
  if (closed) {
    entries.push({
      step: 'closed',
      at: closed,
      status: feedback.status,
      note: feedback.resolution,
    });
  }
  return entries;
};
