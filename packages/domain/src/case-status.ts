import { type CaseStatus } from './enums.js';
import { defineStateMachine } from './state-machine.js';

/**
 * Any open case can be closed (paid, settled, recalled…) and a closed case never reopens.
 * A promise is taken while the case is worked; a broken one escalates it.
 */
export const caseStatusMachine = defineStateMachine<CaseStatus>('CaseStatus', {
  NEW: ['IN_PROGRESS', 'ON_HOLD', 'CLOSED'],
  IN_PROGRESS: ['PROMISED', 'ON_HOLD', 'ESCALATED', 'CLOSED'],
  PROMISED: ['IN_PROGRESS', 'ESCALATED', 'ON_HOLD', 'CLOSED'],
  ON_HOLD: ['IN_PROGRESS', 'ESCALATED', 'CLOSED'],
  ESCALATED: ['IN_PROGRESS', 'ON_HOLD', 'CLOSED'],
  CLOSED: [],
});
