import { type VisitStatus } from './enums.js';
import { defineStateMachine } from './state-machine.js';

/**
 * A visit happens only by appointment: it must be CONFIRMED before the collectors can check
 * in, and only a checked-in visit can be COMPLETED. A rescheduled visit is final; the new
 * appointment is a new visit, so the record of the old one stays as it was.
 */
export const visitStatusMachine = defineStateMachine<VisitStatus>('VisitStatus', {
  PLANNED: ['CONFIRMED', 'CANCELLED', 'RESCHEDULED'],
  CONFIRMED: ['CHECKED_IN', 'NO_SHOW', 'CANCELLED', 'RESCHEDULED'],
  CHECKED_IN: ['COMPLETED'],
  COMPLETED: [],
  NO_SHOW: [],
  CANCELLED: [],
  RESCHEDULED: [],
});
