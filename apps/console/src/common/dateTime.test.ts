import { describe, expect, it } from 'vitest';

import { formatDateTime } from './dateTime';

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
