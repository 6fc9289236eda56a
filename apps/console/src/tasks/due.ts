import { TaskStatus, diffDays, isValidLocalDate, localDate } from '@arrears/domain';

/** `overdue`: open past its day; `today`: open and due today; `upcoming`: open, later; `closed`: done or cancelled. */
export type TaskDueState = 'overdue' | 'today' | 'upcoming' | 'closed';

/** Today in the institution's zone ("YYYY-MM-DD"), the day task due dates are read against. */
export const todayIn = (timeZone: string | undefined, now: Date = new Date()): string => {
  try {
    return localDate(now, timeZone ?? 'Asia/Shanghai');
  } catch {
    return now.toISOString().slice(0, 10);
  }
};

export const taskDueState = (
  task: { status: TaskStatus; dueDate: string },
  today: string,
): TaskDueState => {
  if (task.status !== TaskStatus.OPEN) return 'closed';
  if (!isValidLocalDate(task.dueDate) || !isValidLocalDate(today)) return 'upcoming';
  if (task.dueDate < today) return 'overdue';
  return task.dueDate === today ? 'today' : 'upcoming';
};

/** Whole days from `from` to `to` (both "YYYY-MM-DD"); positive when `to` is later. */
export const daysBetween = (from: string, to: string): number => diffDays(to, from);

/**
 * A calendar day ("YYYY-MM-DD", no time zone) in the reader's locale, e.g. 2026/11/23 or
 * 11/23/2026. Formatted at UTC midnight, so no zone can move it to another day.
 */
export const formatLocalDate = (day: string, locale: string): string => {
  if (!isValidLocalDate(day)) return day;
  const options: Intl.DateTimeFormatOptions = {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'UTC',
  };
  try {
    return new Intl.DateTimeFormat(locale, options).format(new Date(`${day}T00:00:00Z`));
  } catch {
    return day;
  }
};
