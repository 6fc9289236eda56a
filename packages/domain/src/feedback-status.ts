import { type FeedbackStatus } from './enums.js';
import { defineStateMachine } from './state-machine.js';

/** Borrower feedback moves forward only; a resolution or rejection is final. */
export const feedbackStatusMachine = defineStateMachine<FeedbackStatus>('FeedbackStatus', {
  RECEIVED: ['ACKNOWLEDGED', 'INVESTIGATING', 'REJECTED'],
  ACKNOWLEDGED: ['INVESTIGATING', 'RESOLVED', 'REJECTED'],
  INVESTIGATING: ['RESOLVED', 'REJECTED'],
  RESOLVED: [],
  REJECTED: [],
});
