import { FeedbackStatus } from '@arrears/domain';

/** The triage tabs, each a set of statuses; `all` sets none. */
export const FEEDBACK_TABS = [
  {
    id: 'open',
    statuses: [FeedbackStatus.RECEIVED, FeedbackStatus.ACKNOWLEDGED, FeedbackStatus.INVESTIGATING],
  },
  { id: 'RECEIVED', statuses: [FeedbackStatus.RECEIVED] },
  { id: 'ACKNOWLEDGED', statuses: [FeedbackStatus.ACKNOWLEDGED] },
  { id: 'INVESTIGATING', statuses: [FeedbackStatus.INVESTIGATING] },
  { id: 'closed', statuses: [FeedbackStatus.RESOLVED, FeedbackStatus.REJECTED] },
  { id: 'all', statuses: undefined },
] as const satisfies readonly { id: string; statuses: readonly FeedbackStatus[] | undefined }[];

export type FeedbackTabId = (typeof FEEDBACK_TABS)[number]['id'];

/** The list opens on what needs handling. */
export const DEFAULT_STATUSES: FeedbackStatus[] = [...FEEDBACK_TABS[0].statuses];

/**
 * Which tab a `status` filter value belongs to (a list of statuses, in any order, or one
 * status from a hand-written URL); none set is `all`, any other set is no tab (false).
 */
export const tabOf = (status: unknown): FeedbackTabId | false => {
  if (status === undefined || status === null || (Array.isArray(status) && status.length === 0)) {
    return 'all';
  }
  const wanted = [...new Set(Array.isArray(status) ? status.map(String) : [String(status)])].sort();
  const tab = FEEDBACK_TABS.find(
    ({ statuses }) =>
      statuses !== undefined &&
      statuses.length === wanted.length &&
      [...statuses].sort().every((value, i) => value === wanted[i]),
  );
  return tab ? tab.id : false;
};

/** The filter values with a tab's statuses in place of the current ones. */
export const withTab = (
  filterValues: Record<string, unknown>,
  tab: FeedbackTabId,
): Record<string, unknown> => {
  const { status: _status, ...rest } = filterValues;
  const statuses = FEEDBACK_TABS.find(({ id }) => id === tab)?.statuses;
  return statuses ? { ...rest, status: [...statuses] } : rest;
};
