import { describeTransitions } from './state-machine.test-support.js';
import { visitStatusMachine } from './visit-status.js';

describeTransitions(visitStatusMachine, {
  PLANNED: ['CONFIRMED', 'CANCELLED', 'RESCHEDULED'],
  CONFIRMED: ['CHECKED_IN', 'NO_SHOW', 'CANCELLED', 'RESCHEDULED'],
  CHECKED_IN: ['COMPLETED'],
  COMPLETED: [],
  NO_SHOW: [],
  CANCELLED: [],
  RESCHEDULED: [],
});
