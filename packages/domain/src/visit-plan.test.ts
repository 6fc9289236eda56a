import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkContact } from './contact-policy.js';
import { chineseStatutoryCalendar } from './holiday-calendar.js';
import { RULE_PACKS, tightenPack } from './rule-pack.js';
import {
  type VisitWindowRequest,
  assertCompleteVisitRecord,
  assertVisitPlan,
  checkVisitWindow,
} from './visit-plan.js';

const now = new Date('2026-03-02T01:00:00Z');
const start = new Date('2026-03-03T02:00:00Z');
const end = new Date('2026-03-03T03:30:00Z');

describe('assertVisitPlan', () => {
  it('accepts two collectors in a future window', () => {
    expect(() =>
      assertVisitPlan({ windowStart: start, windowEnd: end, collectorIds: ['a', 'b'] }, now),
    ).not.toThrow();
  });

  it('refuses a single collector', () => {
    expect(() =>
      assertVisitPlan({ windowStart: start, windowEnd: end, collectorIds: ['a'] }, now),
    ).toThrow(/^collectorIds: a visit needs at least 2 collectors/);
  });

  it('does not count the same collector twice', () => {
    expect(() =>
      assertVisitPlan({ windowStart: start, windowEnd: end, collectorIds: ['a', 'a'] }, now),
    ).toThrow(/^collectorIds:/);
  });

  it('refuses a window that ends before it starts, or lasts more than 8 hours', () => {
    expect(() =>
      assertVisitPlan({ windowStart: end, windowEnd: start, collectorIds: ['a', 'b'] }, now),
    ).toThrow(/^windowEnd:/);
    const late = new Date(start.getTime() + 9 * 3600_000);
    expect(() =>
      assertVisitPlan({ windowStart: start, windowEnd: late, collectorIds: ['a', 'b'] }, now),
    ).toThrow(/8 hours/);
  });

  it('takes the pack’s minimum number of collectors', () => {
    const plan = { windowStart: start, windowEnd: end, collectorIds: ['a', 'b'] };
    expect(() => assertVisitPlan(plan, now, RULE_PACKS.CN.visitMinCollectors)).not.toThrow();
    const three = tightenPack(RULE_PACKS.CN, { visitMinCollectors: 3 }).visitMinCollectors;
    expect(() => assertVisitPlan(plan, now, three)).toThrow(
      /^collectorIds: a visit needs at least 3 collectors/,
    );
    expect(() =>
      assertVisitPlan({ ...plan, collectorIds: ['a', 'b', 'c'] }, now, three),
    ).not.toThrow();
    expect(() => assertVisitPlan(plan, now, 0)).toThrow(/^minCollectors:/);
  });

  it('refuses a window in the past', () => {
    expect(() =>
      assertVisitPlan(
        { windowStart: start, windowEnd: end, collectorIds: ['a', 'b'] },
        new Date('2026-03-04T00:00:00Z'),
      ),
    ).toThrow(/^windowStart:/);
  });
});

describe('assertCompleteVisitRecord', () => {
  const full = {
    attitude: 'COOPERATIVE',
    willingness: 'HIGH',
    overdueReason: 'INCOME_LOSS',
    negotiatedResult: '同意分期',
    note: '借款人在家',
    followUpDate: '2026-03-10',
  };

  it('accepts a full record', () => {
    expect(() => assertCompleteVisitRecord(full)).not.toThrow();
  });

  it.each(Object.keys(full))('names %s when it is missing or blank', (field) => {
    expect(() => assertCompleteVisitRecord({ ...full, [field]: null })).toThrow(
      new RegExp(`^${field}: is required`),
    );
    expect(() => assertCompleteVisitRecord({ ...full, [field]: '  ' })).toThrow(
      new RegExp(`^${field}: is required`),
    );
  });
});

describe('assertCompleteVisitRecord with fields left out', () => {
  it('names the first missing field', () => {
    expect(() => assertCompleteVisitRecord({ attitude: 'COOPERATIVE' })).toThrow(
      /^willingness: is required/,
    );
  });
});

// ---- checkVisitWindow -------------------------------------------------------------------------

const SH = 'Asia/Shanghai';
const NY = 'America/New_York';

function windowRequest(
  windowStart: string,
  windowEnd: string,
  over: Partial<VisitWindowRequest> = {},
): VisitWindowRequest {
  return {
    pack: RULE_PACKS.CN,
    timeZone: SH,
    person: { kind: 'BORROWER' },
    history: [],
    borrowerUnreachable: false,
    holds: [],
    windowStart: new Date(windowStart),
    windowEnd: new Date(windowEnd),
    ...over,
  };
}

function judge(windowStart: string, windowEnd: string, over: Partial<VisitWindowRequest> = {}) {
  const decision = checkVisitWindow(windowRequest(windowStart, windowEnd, over));
  return {
    codes: decision.reasons.map((r) => r.code),
    next: decision.nextAllowedAt?.toISOString() ?? null,
    allowed: decision.allowed,
    messages: decision.reasons.map((r) => r.message),
  };
}

const iso = (s: string) => new Date(s).toISOString();

describe('checkVisitWindow: quiet hours (CN, 22:00–08:00)', () => {
  for (const [zone, offset] of [
    [SH, '+08:00'],
    [NY, '-05:00'],
  ] as const) {
    const at = (time: string, day = '2026-01-15') => `${day}T${time}:00${offset}`;
    const over = { timeZone: zone };
    describe(zone, () => {
      it('allows 08:00–10:00', () => {
        expect(checkVisitWindow(windowRequest(at('08:00'), at('10:00'), over))).toEqual({
          allowed: true,
          reasons: [],
          nextAllowedAt: new Date(at('08:00')),
        });
      });
      it('refuses a 07:59 start, next allowed at 08:00 local', () => {
        const r = judge(at('07:59'), at('09:59'), over);
        expect(r.codes).toEqual(['QUIET_HOURS']);
        expect(r.next).toBe(iso(at('08:00')));
        expect(r.messages[0]).toMatch(/visit window .* starts in quiet hours/);
      });
      it('allows 20:00–22:00, ending exactly as quiet hours begin', () => {
        expect(judge(at('20:00'), at('22:00'), over)).toMatchObject({ allowed: true, codes: [] });
      });
      it('refuses 20:00–22:01, next allowed at 08:00 the next day', () => {
        const r = judge(at('20:00'), at('22:01'), over);
        expect(r.codes).toEqual(['QUIET_HOURS']);
        expect(r.next).toBe(iso(at('08:00', '2026-01-16')));
        expect(r.messages[0]).toMatch(/runs past 22:00, into quiet hours/);
      });
      it('refuses a start in the evening quiet hours, until the next morning', () => {
        const r = judge(at('22:00'), at('23:00'), over);
        expect(r.codes).toEqual(['QUIET_HOURS']);
        expect(r.next).toBe(iso(at('08:00', '2026-01-16')));
      });
      it('moves a too-long afternoon window to the next morning, not later the same day', () => {
        // 4 hours from 19:00 would end at 23:00; 18:00 is before windowStart, so the next day.
        expect(judge(at('19:00'), at('23:00'), over).next).toBe(iso(at('08:00', '2026-01-16')));
      });
    });
  }

  it('US pack: 19:00–21:00 allowed, 19:00–21:01 refused (New York, summer time)', () => {
    const over = { pack: RULE_PACKS.US_REG_F, timeZone: NY };
    expect(judge('2026-07-15T19:00:00-04:00', '2026-07-15T21:00:00-04:00', over).allowed).toBe(
      true,
    );
    const r = judge('2026-07-15T19:00:00-04:00', '2026-07-15T21:01:00-04:00', over);
    expect(r.codes).toEqual(['QUIET_HOURS']);
    expect(r.next).toBe(iso('2026-07-16T08:00:00-04:00'));
  });

  it('follows daylight saving: the morning New York springs forward', () => {
    const r = judge('2026-03-08T07:30:00-04:00', '2026-03-08T09:30:00-04:00', { timeZone: NY });
    expect(r.codes).toEqual(['QUIET_HOURS']);
    expect(r.next).toBe(iso('2026-03-08T08:00:00-04:00'));
  });

  it('uses a recorded consent window: 21:00–23:00 allowed within 07:00–23:00, 23:01 not', () => {
    const over = { consentWindow: { start: '07:00', end: '23:00' } };
    expect(judge('2026-01-15T21:00:00+08:00', '2026-01-15T23:00:00+08:00', over).allowed).toBe(
      true,
    );
    const r = judge('2026-01-15T21:00:00+08:00', '2026-01-15T23:01:00+08:00', over);
    expect(r.codes).toEqual(['QUIET_HOURS']);
    expect(r.messages[0]).toMatch(/consented to \(07:00–23:00\)/);
    expect(r.next).toBe(iso('2026-01-16T07:00:00+08:00'));
  });

  it('a consent window across midnight allows a window across midnight while the calendar is off', () => {
    const over = { consentWindow: { start: '20:00', end: '02:00' } };
    expect(judge('2026-01-15T23:00:00+08:00', '2026-01-16T01:00:00+08:00', over).allowed).toBe(
      true,
    );
    expect(judge('2026-01-16T01:00:00+08:00', '2026-01-16T02:00:00+08:00', over).allowed).toBe(
      true,
    );
    const r = judge('2026-01-16T01:00:00+08:00', '2026-01-16T02:30:00+08:00', over);
    expect(r.codes).toEqual(['QUIET_HOURS']);
    expect(r.next).toBe(iso('2026-01-16T20:00:00+08:00'));
  });
});

describe('checkVisitWindow: the calendar (Chinese statutory, on)', () => {
  const calendar = { blockHolidays: true, ...chineseStatutoryCalendar(2025, 2026) };

  it('refuses National Day, next allowed on the first working day after', () => {
    const r = judge('2025-10-01T10:00:00+08:00', '2025-10-01T12:00:00+08:00', { calendar });
    expect(r.codes).toEqual(['HOLIDAY']);
    expect(r.messages[0]).toMatch(/falls on 2025-10-01, not a working day/);
    expect(r.next).toBe(iso('2025-10-09T08:00:00+08:00'));
  });

  it('allows the make-up workday Sunday 2025-09-28, refuses the ordinary Sunday before', () => {
    expect(
      judge('2025-09-28T10:00:00+08:00', '2025-09-28T12:00:00+08:00', { calendar }).allowed,
    ).toBe(true);
    const r = judge('2025-09-21T10:00:00+08:00', '2025-09-21T12:00:00+08:00', { calendar });
    expect(r.codes).toEqual(['HOLIDAY']);
    expect(r.next).toBe(iso('2025-09-22T08:00:00+08:00'));
  });

  it('from the eve of Spring Festival 2026, the make-up Saturday, waits until Feb 24', () => {
    expect(
      judge('2026-02-14T09:00:00+08:00', '2026-02-14T11:00:00+08:00', { calendar }).allowed,
    ).toBe(true);
    const r = judge('2026-02-14T21:00:00+08:00', '2026-02-14T23:00:00+08:00', { calendar });
    expect(r.codes).toEqual(['QUIET_HOURS']);
    expect(r.next).toBe(iso('2026-02-24T08:00:00+08:00'));
  });

  it('keeps a window on one local day, even one the borrower consented to across midnight', () => {
    const over = { calendar, consentWindow: { start: '20:00', end: '02:00' } };
    // Thursday 2026-01-15 into Friday: both working days, but the window crosses midnight.
    const r = judge('2026-01-15T23:00:00+08:00', '2026-01-16T01:00:00+08:00', over);
    expect(r.codes).toEqual(['HOLIDAY']);
    expect(r.messages[0]).toMatch(/runs past midnight into 2026-01-16/);
    expect(r.next).toBe(iso('2026-01-16T00:00:00+08:00'));
    expect(judge('2026-01-15T22:00:00+08:00', '2026-01-16T00:00:00+08:00', over).allowed).toBe(
      true,
    );
  });

  it('ignores the calendar when it is off', () => {
    const off = { ...calendar, blockHolidays: false };
    expect(
      judge('2025-10-01T10:00:00+08:00', '2025-10-01T12:00:00+08:00', { calendar: off }).allowed,
    ).toBe(true);
  });
});

describe('checkVisitWindow: rules time does not lift', () => {
  it('a cease request for visits refuses with no next start; one for the phone does not', () => {
    const r = judge('2026-01-15T10:00:00+08:00', '2026-01-15T12:00:00+08:00', {
      holds: [{ kind: 'CEASE_CHANNEL', channel: 'VISIT' }],
    });
    expect(r).toMatchObject({ allowed: false, codes: ['CEASE_CHANNEL'], next: null });
    expect(
      judge('2026-01-15T10:00:00+08:00', '2026-01-15T12:00:00+08:00', {
        holds: [{ kind: 'CEASE_CHANNEL', channel: 'PHONE' }],
      }).allowed,
    ).toBe(true);
  });

  it('a dispute during quiet hours reports both, with no next start', () => {
    const r = judge('2026-01-15T20:00:00+08:00', '2026-01-15T23:00:00+08:00', {
      holds: [{ kind: 'DISPUTE' }],
    });
    expect(r.codes).toEqual(['HOLD_DISPUTE', 'QUIET_HOURS']);
    expect(r.next).toBeNull();
  });

  it('a third party is visited only once unlocked, and never after a refusal', () => {
    const tp = { person: { kind: 'THIRD_PARTY', refusedContact: false } } as const;
    expect(judge('2026-01-15T10:00:00+08:00', '2026-01-15T12:00:00+08:00', tp)).toMatchObject({
      codes: ['THIRD_PARTY_NOT_UNLOCKED'],
      next: null,
    });
    expect(
      judge('2026-01-15T10:00:00+08:00', '2026-01-15T12:00:00+08:00', {
        ...tp,
        borrowerUnreachable: true,
      }).allowed,
    ).toBe(true);
    expect(
      judge('2026-01-15T10:00:00+08:00', '2026-01-15T12:00:00+08:00', {
        person: { kind: 'THIRD_PARTY', refusedContact: true },
        borrowerUnreachable: true,
      }).codes,
    ).toEqual(['THIRD_PARTY_REFUSED']);
  });

  it('is not held up by phone caps', () => {
    const history = Array.from({ length: 8 }, (_, i) => ({
      at: new Date(Date.parse('2026-01-15T08:00:00+08:00') + i * 600_000),
      channel: 'PHONE' as const,
      result: 'CONVERSATION' as const,
      personKind: 'BORROWER' as const,
      phoneNumber: '13800000001',
    }));
    expect(
      judge('2026-01-15T10:00:00+08:00', '2026-01-15T12:00:00+08:00', { history }).allowed,
    ).toBe(true);
  });

  it('gives no next start when no allowed period is long enough', () => {
    const r = judge('2026-01-15T08:00:00+08:00', '2026-01-15T23:00:00+08:00');
    expect(r).toMatchObject({ allowed: false, codes: ['QUIET_HOURS'], next: null });
  });
});

describe('checkVisitWindow properties', () => {
  const FROM = Date.parse('2025-09-15T00:00:00Z');
  const calendar = { blockHolidays: true, ...chineseStatutoryCalendar(2025, 2026) };
  const arb = fc.record({
    startMs: fc.integer({ min: FROM, max: FROM + 60 * 86_400_000 }),
    lengthMinutes: fc.integer({ min: 1, max: 8 * 60 }),
    timeZone: fc.constantFrom(SH, NY, 'Europe/London', 'Australia/Lord_Howe'),
    pack: fc.constantFrom(RULE_PACKS.CN, RULE_PACKS.US_REG_F),
    consentWindow: fc.option(
      fc.record({
        start: fc.constantFrom('00:00', '07:00', '09:30', '20:00'),
        end: fc.constantFrom('00:00', '02:00', '18:00', '23:00'),
      }),
      { nil: undefined },
    ),
    calendarOn: fc.boolean(),
  });
  const build = (r: typeof arb extends fc.Arbitrary<infer T> ? T : never, startMs: number) =>
    windowRequest(
      new Date(startMs).toISOString(),
      new Date(startMs + r.lengthMinutes * 60_000).toISOString(),
      {
        pack: r.pack,
        timeZone: r.timeZone,
        ...(r.consentWindow && { consentWindow: r.consentWindow }),
        ...(r.calendarOn && { calendar }),
      },
    );

  it('allows a window of the same length at nextAllowedAt, and none starting just before', () => {
    fc.assert(
      fc.property(arb, (r) => {
        const decision = checkVisitWindow(build(r, r.startMs));
        if (decision.allowed) expect(decision.nextAllowedAt?.getTime()).toBe(r.startMs);
        const next = decision.nextAllowedAt?.getTime();
        if (next === undefined) return;
        expect(next).toBeGreaterThanOrEqual(r.startMs);
        expect(checkVisitWindow(build(r, next)).allowed).toBe(true);
        if (next > r.startMs) expect(checkVisitWindow(build(r, next - 1)).allowed).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('is allowed only if its start and its last instant are allowed by checkContact', () => {
    fc.assert(
      fc.property(arb, (r) => {
        const request = build(r, r.startMs);
        if (!checkVisitWindow(request).allowed) return;
        const { windowStart, windowEnd, ...rest } = request;
        for (const at of [windowStart, new Date(windowEnd.getTime() - 1)]) {
          expect(checkContact({ ...rest, channel: 'VISIT', at }).allowed).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('checkVisitWindow: input', () => {
  it('refuses an empty or reversed window, an invalid instant and an unknown zone', () => {
    const at = '2026-01-15T10:00:00+08:00';
    expect(() => checkVisitWindow(windowRequest(at, at))).toThrow(/^windowEnd: must be after/);
    expect(() => checkVisitWindow(windowRequest('nope', at))).toThrow(/^windowStart:/);
    expect(() => checkVisitWindow(windowRequest(at, 'nope'))).toThrow(/^windowEnd:/);
    expect(() =>
      checkVisitWindow(windowRequest(at, '2026-01-15T11:00:00+08:00', { timeZone: 'Mars/Base' })),
    ).toThrow(/^timeZone:/);
  });
});
