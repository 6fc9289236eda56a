import { visitStatusMachine, type VisitStatus } from '@arrears/domain';

import { localDateOf } from './time';

/** The status actions a visit offers, each a move of the visit state machine. */
export type VisitAction = 'confirm' | 'checkIn' | 'complete' | 'noShow' | 'cancel' | 'reschedule';

/** Each action and the status it moves the visit to. */
const ACTION_TARGET: Record<VisitAction, VisitStatus> = {
  confirm: 'CONFIRMED',
  checkIn: 'CHECKED_IN',
  complete: 'COMPLETED',
  noShow: 'NO_SHOW',
  reschedule: 'RESCHEDULED',
  cancel: 'CANCELLED',
};

/** The order the buttons show in: the way forward first, cancelling last. */
export const VISIT_ACTIONS = Object.keys(ACTION_TARGET) as VisitAction[];

/**
 * The actions a visit in `status` offers, from the domain's state machine (the same one the
 * API enforces): a planned visit is confirmed, a confirmed one checked in or marked a no-show,
 * a checked-in one completed; planned and confirmed ones can be rescheduled or cancelled.
 */
export const actionsFor = (status: VisitStatus): VisitAction[] =>
  VISIT_ACTIONS.filter((action) => visitStatusMachine.can(status, ACTION_TARGET[action]));

/** Visits that still happen: the ones an agenda shows by default. */
export const isOpen = (status: VisitStatus): boolean =>
  status === 'PLANNED' || status === 'CONFIRMED' || status === 'CHECKED_IN';

interface Person {
  id: string;
  displayName: string;
}

interface AgendaVisit {
  id: string;
  windowStart: string;
  collectors: readonly Person[];
}

export interface CollectorGroup<V extends AgendaVisit> {
  collector: Person;
  visits: V[];
}

const byWindowStart = (a: AgendaVisit, b: AgendaVisit) =>
  a.windowStart === b.windowStart
    ? a.id.localeCompare(b.id)
    : Date.parse(a.windowStart) - Date.parse(b.windowStart);

/**
 * A day's visits per collector: a visit made by two collectors is on both their agendas.
 * Collectors by name (the signed-in user's own agenda first), visits by start time.
 */
export const groupByCollector = <V extends AgendaVisit>(
  visits: readonly V[],
  { firstId, locale }: { firstId?: string | undefined; locale?: string | undefined } = {},
): CollectorGroup<V>[] => {
  const groups = new Map<string, CollectorGroup<V>>();
  for (const visit of visits) {
    for (const collector of visit.collectors) {
      let group = groups.get(collector.id);
      if (!group) {
        group = { collector, visits: [] };
        groups.set(collector.id, group);
      }
      if (!group.visits.includes(visit)) group.visits.push(visit);
    }
  }
  const collator = new Intl.Collator(locale);
  return [...groups.values()]
    .map((group) => ({ ...group, visits: [...group.visits].sort(byWindowStart) }))
    .sort((a, b) => {
      if (a.collector.id === firstId) return -1;
      if (b.collector.id === firstId) return 1;
      return collator.compare(a.collector.displayName, b.collector.displayName);
    });
};

/**
 * The week's visits under the day each starts on (in the institution's zone), for each of
 * `days`, by start time. Visits starting on other days are left out.
 */
export const visitsByDay = <V extends AgendaVisit>(
  visits: readonly V[],
  days: readonly string[],
  timeZone: string,
): Map<string, V[]> => {
  const byDay = new Map<string, V[]>(days.map((day) => [day, []]));
  for (const visit of [...visits].sort(byWindowStart)) {
    byDay.get(localDateOf(visit.windowStart, timeZone))?.push(visit);
  }
  return byDay;
};
