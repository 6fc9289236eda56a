import { TaskStatus } from '@arrears/domain';
import { describe, expect, it } from 'vitest';

import { daysBetween, formatLocalDate, taskDueState, todayIn } from './due';

describe('todayIn', () => {
  it("is the institution's local day", () => {
    const lateEveningUtc = new Date('2026-11-22T17:30:00Z');
    expect(todayIn('Asia/Shanghai', lateEveningUtc)).toBe('2026-11-23');
    expect(todayIn('America/New_York', lateEveningUtc)).toBe('2026-11-22');
  });

  it('falls back rather than failing on an unknown zone', () => {
    expect(todayIn('Mars/Olympus', new Date('2026-11-22T17:30:00Z'))).toBe('2026-11-22');
  });
});

describe('taskDueState', () => {
  const today = '2026-11-23';
  const open = (dueDate: string) => ({ status: TaskStatus.OPEN, dueDate });

  it('tells overdue, due today and upcoming open tasks apart', () => {
    expect(taskDueState(open('2026-11-22'), today)).toBe('overdue');
    expect(taskDueState(open('2026-11-23'), today)).toBe('today');
    expect(taskDueState(open('2026-12-01'), today)).toBe('upcoming');
  });

  it('never flags a task that is done or cancelled', () => {
    expect(taskDueState({ status: TaskStatus.DONE, dueDate: '2026-01-01' }, today)).toBe('closed');
    expect(taskDueState({ status: TaskStatus.CANCELLED, dueDate: '2026-01-01' }, today)).toBe(
      'closed',
    );
  });

  it('counts the days late', () => {
    expect(daysBetween('2026-11-20', today)).toBe(3);
    expect(daysBetween(today, today)).toBe(0);
  });
});

describe('formatLocalDate', () => {
  it('never moves a day, whatever the locale', () => {
    expect(formatLocalDate('2026-11-23', 'zh-CN')).toBe('2026/11/23');
    expect(formatLocalDate('2026-11-23', 'en')).toBe('11/23/2026');
    expect(formatLocalDate('bad', 'en')).toBe('bad');
  });
});
