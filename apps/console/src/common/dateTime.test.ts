import { describe, expect, it } from 'vitest';

import { formatDateTime, safeTimeZone, sortableDateTime } from './dateTime';

describe('formatDateTime', () => {
  const instant = '2026-03-01T14:30:00.000Z';

  it("shows the instant in the institution's time zone", () => {
    expect(formatDateTime(instant, 'zh-CN', 'Asia/Shanghai')).toBe('2026/03/01 22:30');
    expect(formatDateTime(instant, 'en', 'Asia/Shanghai')).toBe('03/01/2026, 22:30');
    expect(formatDateTime(instant, 'zh-CN', 'America/New_York')).toBe('2026/03/01 09:30');
  });

  it('falls back to the viewer’s zone for an unknown time zone', () => {
    expect(formatDateTime(instant, 'zh-CN', 'Mars/Olympus')).toBe(
      formatDateTime(instant, 'zh-CN', undefined),
    );
  });

  it('shows text that is not an instant as it came', () => {
    expect(formatDateTime('not a date', 'zh-CN', 'Asia/Shanghai')).toBe('not a date');
  });
});

describe('safeTimeZone', () => {
  it('falls back to the default zone for an unknown one', () => {
    expect(safeTimeZone('Mars/Olympus')).toBe('Asia/Shanghai');
    expect(safeTimeZone(undefined)).toBe('Asia/Shanghai');
    expect(safeTimeZone('America/New_York')).toBe('America/New_York');
  });
});

describe('sortableDateTime', () => {
  it('writes the instant as YYYY-MM-DD HH:MM in the zone, with the zone', () => {
    expect(sortableDateTime('2026-03-01T14:30:00Z', 'Asia/Shanghai')).toEqual({
      text: '2026-03-01 22:30',
      timeZone: 'Asia/Shanghai',
    });
  });

  it('falls back to UTC for an unknown zone, and has nothing for text that is no instant', () => {
    expect(sortableDateTime('2026-03-01T14:30:00Z', 'Mars/Olympus')).toEqual({
      text: '2026-03-01 14:30',
      timeZone: 'UTC',
    });
    expect(sortableDateTime('not a date', 'Asia/Shanghai')).toBeUndefined();
  });
});
