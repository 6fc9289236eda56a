import { feedbackStatusMachine } from './feedback-status.js';
import { describeTransitions } from './state-machine.test-support.js';

describeTransitions(feedbackStatusMachine, {
  RECEIVED: ['ACKNOWLEDGED', 'INVESTIGATING', 'REJECTED'],
  ACKNOWLEDGED: ['INVESTIGATING', 'RESOLVED', 'REJECTED'],
  INVESTIGATING: ['RESOLVED', 'REJECTED'],
  RESOLVED: [],
  REJECTED: [],
});
