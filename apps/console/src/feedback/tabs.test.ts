import { describe, expect, it } from 'vitest';

import { DEFAULT_STATUSES, tabOf, withTab } from './tabs';

describe('feedback triage tabs', () => {
  it('finds the tab of a status filter, in any order', () => {
    expect(tabOf(DEFAULT_STATUSES)).toBe('open');
    expect(tabOf(['INVESTIGATING', 'RECEIVED', 'ACKNOWLEDGED'])).toBe('open');
    expect(tabOf(['RECEIVED'])).toBe('RECEIVED');
    expect(tabOf('ACKNOWLEDGED')).toBe('ACKNOWLEDGED');
    expect(tabOf(['REJECTED', 'RESOLVED'])).toBe('closed');
    expect(tabOf(undefined)).toBe('all');
    expect(tabOf([])).toBe('all');
    expect(tabOf(['RECEIVED', 'RESOLVED'])).toBe(false);
  });

  it('swaps the statuses and keeps the other filters', () => {
    expect(withTab({ status: ['RECEIVED'], overdue: true, kind: ['COMPLAINT'] }, 'closed')).toEqual(
      {
        status: ['RESOLVED', 'REJECTED'],
        overdue: true,
        kind: ['COMPLAINT'],
      },
    );
    expect(withTab({ status: ['RECEIVED'], overdue: true }, 'all')).toEqual({ overdue: true });
  });
});
