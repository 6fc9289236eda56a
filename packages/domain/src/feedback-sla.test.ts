import { describe, expect, it } from 'vitest';
import { FEEDBACK_SLA, feedbackDeadlines, isFeedbackClosed } from './feedback-sla.js';
import { chineseStatutoryCalendar } from './holiday-calendar.js';

const SH = 'Asia/Shanghai';
const NY = 'America/New_York';
const calendar = chineseStatutoryCalendar(2025, 2026);

function due(
  submitted: string,
  options: Parameters<typeof feedbackDeadlines>[1] = { timeZone: SH },
) {
  const { acknowledgeDueAt, resolveDueAt } = feedbackDeadlines(new Date(submitted), options);
  return { ack: acknowledgeDueAt.toISOString(), resolve: resolveDueAt.toISOString() };
}

const iso = (s: string) => new Date(s).toISOString();

describe('FEEDBACK_SLA', () => {
  it('acknowledges within a business day and resolves within fifteen days', () => {
    expect(FEEDBACK_SLA).toEqual({ acknowledgeBusinessDays: 1, resolveDays: 15 });
  });
});

describe('feedbackDeadlines: acknowledge by the end of the next business day', () => {
  it('a weekday submission is due at the end of the next day', () => {
    expect(due('2026-11-18T15:00:00+08:00').ack).toBe(iso('2026-11-20T00:00:00+08:00'));
  });

  it('a Friday afternoon submission is due at the end of Monday', () => {
    expect(due('2026-11-20T15:00:00+08:00').ack).toBe(iso('2026-11-24T00:00:00+08:00'));
  });

  it('counts from the local day of submission, not the UTC one', () => {
    // 23:30 on Friday in Shanghai is still Friday 15:30 UTC; 00:30 Saturday is Friday UTC.
    expect(due('2026-11-20T23:30:00+08:00').ack).toBe(iso('2026-11-24T00:00:00+08:00'));
    expect(due('2026-11-21T00:30:00+08:00').ack).toBe(iso('2026-11-24T00:00:00+08:00'));
  });

  it('a weekend submission is due at the end of Monday', () => {
    expect(due('2026-11-22T10:00:00+08:00').ack).toBe(iso('2026-11-24T00:00:00+08:00'));
  });

  it('skips the National Day holiday with the statutory calendar', () => {
    // Wednesday 2026-09-30; Oct 1–7 are days off, Thursday Oct 8 is the next business day.
    expect(due('2026-09-30T15:00:00+08:00', { timeZone: SH, calendar }).ack).toBe(
      iso('2026-10-09T00:00:00+08:00'),
    );
    // Without the calendar only the weekend (Oct 3–4) is skipped: Thursday Oct 1 counts.
    expect(due('2026-09-30T15:00:00+08:00').ack).toBe(iso('2026-10-02T00:00:00+08:00'));
  });

  it('counts a make-up workday: Friday 2026-10-09 is due at the end of Saturday Oct 10', () => {
    expect(due('2026-10-09T15:00:00+08:00', { timeZone: SH, calendar }).ack).toBe(
      iso('2026-10-11T00:00:00+08:00'),
    );
    expect(due('2026-10-09T15:00:00+08:00').ack).toBe(iso('2026-10-13T00:00:00+08:00'));
  });

  it('across Spring Festival 2026: the make-up Saturday Feb 14 counts, Feb 15–23 do not', () => {
    expect(due('2026-02-13T15:00:00+08:00', { timeZone: SH, calendar }).ack).toBe(
      iso('2026-02-15T00:00:00+08:00'),
    );
    expect(due('2026-02-14T15:00:00+08:00', { timeZone: SH, calendar }).ack).toBe(
      iso('2026-02-25T00:00:00+08:00'),
    );
  });

  it('counts N business days for a longer SLA', () => {
    const sla = { acknowledgeBusinessDays: 3, resolveDays: 15 };
    // Thursday 2025-09-25: Fri 26, Sun 28 (a make-up workday), Mon 29; due at the end of Monday.
    expect(due('2025-09-25T10:00:00+08:00', { timeZone: SH, calendar, sla }).ack).toBe(
      iso('2025-09-30T00:00:00+08:00'),
    );
  });

  it('with 0 business days, is due at the end of the day of submission', () => {
    const sla = { acknowledgeBusinessDays: 0, resolveDays: 15 };
    expect(due('2026-11-21T10:00:00+08:00', { timeZone: SH, sla }).ack).toBe(
      iso('2026-11-22T00:00:00+08:00'),
    );
  });

  it('uses the institution’s zone', () => {
    // Friday 2026-11-20 20:00 in New York is Saturday 09:00 in Shanghai.
    const at = '2026-11-20T20:00:00-05:00';
    expect(due(at, { timeZone: NY }).ack).toBe(iso('2026-11-24T00:00:00-05:00'));
    expect(due(at, { timeZone: SH }).ack).toBe(iso('2026-11-24T00:00:00+08:00'));
  });
});

describe('feedbackDeadlines: resolve within fifteen calendar days', () => {
  it('is fifteen days later at the same time, holidays included', () => {
    expect(due('2026-03-01T10:00:00Z').resolve).toBe('2026-03-16T10:00:00.000Z');
    expect(due('2026-09-30T15:00:00.123+08:00', { timeZone: SH, calendar }).resolve).toBe(
      iso('2026-10-15T15:00:00.123+08:00'),
    );
  });

  it('keeps the local time across a daylight-saving change', () => {
    expect(due('2026-10-25T10:00:00-04:00', { timeZone: NY }).resolve).toBe(
      iso('2026-11-09T10:00:00-05:00'),
    );
  });

  it('takes the SLA’s number of days', () => {
    const sla = { acknowledgeBusinessDays: 1, resolveDays: 30 };
    expect(due('2026-03-01T10:00:00Z', { timeZone: SH, sla }).resolve).toBe(
      '2026-03-31T10:00:00.000Z',
    );
  });
});

describe('feedbackDeadlines: input', () => {
  it('refuses an invalid instant, zone, calendar date or SLA number', () => {
    const at = new Date('2026-03-01T10:00:00Z');
    expect(() => feedbackDeadlines(new Date(NaN), { timeZone: SH })).toThrow(/^submittedAt:/);
    expect(() => feedbackDeadlines(at, { timeZone: 'Mars/Base' })).toThrow(/^timeZone:/);
    expect(() =>
      feedbackDeadlines(at, { timeZone: SH, calendar: { holidays: ['2026-02-30'], workdays: [] } }),
    ).toThrow(/^calendar.holidays:/);
    expect(() =>
      feedbackDeadlines(at, {
        timeZone: SH,
        sla: { acknowledgeBusinessDays: -1, resolveDays: 15 },
      }),
    ).toThrow(/^sla.acknowledgeBusinessDays:/);
    expect(() =>
      feedbackDeadlines(at, {
        timeZone: SH,
        sla: { acknowledgeBusinessDays: 1, resolveDays: 1.5 },
      }),
    ).toThrow(/^sla.resolveDays:/);
  });

  it('gives up on a calendar with no business day', () => {
    const holidays = Array.from({ length: 4000 }, (_, i) =>
      new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
    );
    expect(() =>
      feedbackDeadlines(new Date('2026-01-01T10:00:00Z'), {
        timeZone: SH,
        calendar: { holidays, workdays: [] },
      }),
    ).toThrow(/^calendar:/);
  });
});

describe('isFeedbackClosed', () => {
  it.each([
    ['RECEIVED', false],
    ['ACKNOWLEDGED', false],
    ['INVESTIGATING', false],
    ['RESOLVED', true],
    ['REJECTED', true],
  ] as const)('%s closed: %s', (status, closed) => {
    expect(isFeedbackClosed(status)).toBe(closed);
  });
});
