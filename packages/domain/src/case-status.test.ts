import { caseStatusMachine } from './case-status.js';
import { describeTransitions } from './state-machine.test-support.js';

describeTransitions(caseStatusMachine, {
  NEW: ['IN_PROGRESS', 'ON_HOLD', 'CLOSED'],
  IN_PROGRESS: ['PROMISED', 'ON_HOLD', 'ESCALATED', 'CLOSED'],
  PROMISED: ['IN_PROGRESS', 'ESCALATED', 'ON_HOLD', 'CLOSED'],
  ON_HOLD: ['IN_PROGRESS', 'ESCALATED', 'CLOSED'],
  ESCALATED: ['IN_PROGRESS', 'ON_HOLD', 'CLOSED'],
  CLOSED: [],
});
