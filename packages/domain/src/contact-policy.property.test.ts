import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ContactHistoryEntry,
  type ContactRequest,
  type PolicyChannel,
  TIME_BASED_CONTACT_RULES,
  checkContact,
} from './contact-policy.js';
import type { ContactChannel, ContactResult } from './enums.js';
import { RULE_PACKS, type RulePack, tightenPack } from './rule-pack.js';

const DAY = 86_400_000;
const FROM = Date.parse('2026-03-01T00:00:00Z');
const TO = Date.parse('2026-04-10T00:00:00Z');
// Zones with DST on different dates, a 30-minute DST shift, and a DST change at midnight.
const ZONES = [
  'Asia/Shanghai',
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe',
  'America/Santiago',
];

const PACKS: RulePack[] = [
  RULE_PACKS.CN,
  RULE_PACKS.US_REG_F,
  tightenPack(RULE_PACKS.CN, {
    quietHours: { start: '20:30', end: '09:00' },
    maxUnansweredDialsPerNumberPerDay: 2,
    maxConversationsPerBorrowerPerDay: 1,
    maxCallAttemptsPerRollingDays: { attempts: 4, days: 2 },
    noCallAfterConversationDays: 1,
  }),
  tightenPack(RULE_PACKS.US_REG_F, {
    maxCallAttemptsPerRollingDays: { attempts: 3, days: 7 },
    maxUnansweredDialsPerNumberPerDay: 2,
    maxConversationsPerBorrowerPerDay: 2,
  }),
];

const channel = fc.constantFrom<ContactChannel>('PHONE', 'PHONE', 'PHONE', 'SMS', 'APP');
const result = fc.constantFrom<ContactResult>(
  'NOT_ANSWERED',
  'NOT_ANSWERED',
  'FAILED',
  'ANSWERED',
  'CONVERSATION',
  'DELIVERED',
);
// The request may be a visit too; the history holds contacts only.
const requestChannel = fc.constantFrom<PolicyChannel>('PHONE', 'PHONE', 'SMS', 'APP', 'VISIT');
const phone = fc.constantFrom<string | undefined>('A', 'A', 'B', undefined);
const clock = fc.constantFrom('00:00', '02:00', '07:00', '08:00', '09:30', '20:00', '23:00');
const localDay = fc
  .integer({ min: 0, max: 40 })
  .map((n) => new Date(FROM + n * DAY).toISOString().slice(0, 10));

const requestArb: fc.Arbitrary<ContactRequest> = fc
  .record({
    pack: fc.constantFrom(...PACKS),
    atMs: fc.integer({ min: FROM, max: TO }),
    timeZone: fc.constantFrom(...ZONES),
    channel: requestChannel,
    person: fc.oneof(
      fc.constant({ kind: 'BORROWER' as const }),
      fc.constant({ kind: 'BORROWER' as const }),
      fc.record({ kind: fc.constant('THIRD_PARTY' as const), refusedContact: fc.boolean() }),
    ),
    phoneNumber: phone,
    history: fc.array(
      fc.record({
        offsetMinutes: fc.oneof(
          fc.integer({ min: -180, max: 0 }),
          fc.integer({ min: -24 * 60, max: 60 }),
          fc.integer({ min: -10 * 24 * 60, max: 24 * 60 }),
        ),
        channel,
        result,
        personKind: fc.constantFrom<'BORROWER' | 'THIRD_PARTY'>(
          'BORROWER',
          'BORROWER',
          'THIRD_PARTY',
        ),
        phoneNumber: phone,
      }),
      { maxLength: 25 },
    ),
    borrowerUnreachable: fc.boolean(),
    holds: fc.subarray([
      { kind: 'DISPUTE' as const },
      { kind: 'COMPLAINT' as const },
      { kind: 'HARDSHIP_PLAN' as const },
      { kind: 'CEASE_CHANNEL' as const, channel: 'SMS' as const },
      { kind: 'CEASE_CHANNEL' as const, channel: 'PHONE' as const },
      { kind: 'CEASE_CHANNEL' as const, channel: 'VISIT' as const },
    ]),
    holdsOn: fc.integer({ min: 0, max: 3 }),
    consentWindow: fc.option(fc.record({ start: clock, end: clock }), { nil: undefined }),
    calendar: fc.option(
      fc.record({
        blockHolidays: fc.boolean(),
        holidays: fc.array(localDay, { maxLength: 8 }),
        workdays: fc.array(localDay, { maxLength: 3 }),
      }),
      { nil: undefined },
    ),
  })
  .map((r) => ({
    pack: r.pack,
    at: new Date(r.atMs),
    timeZone: r.timeZone,
    channel: r.channel,
    person: r.person,
    ...(r.phoneNumber !== undefined && { phoneNumber: r.phoneNumber }),
    history: r.history.map(
      (h): ContactHistoryEntry => ({
        at: new Date(r.atMs + h.offsetMinutes * 60_000),
        channel: h.channel,
        result: h.result,
        personKind: h.personKind,
        ...(h.phoneNumber !== undefined && { phoneNumber: h.phoneNumber }),
      }),
    ),
    borrowerUnreachable: r.borrowerUnreachable,
    // Mostly no holds, so the other rules get exercised.
    holds: r.holdsOn === 0 ? r.holds : [],
    ...(r.consentWindow && { consentWindow: r.consentWindow }),
    ...(r.calendar && { calendar: r.calendar }),
  }));

// ---- An independent, deliberately simple statement of every rule --------------------------

function local(ms: number, timeZone: string): { date: string; minutes: number; weekday: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  return {
    date,
    minutes:
      Number(parts.hour) * 60 +
      Number(parts.minute) +
      Number(parts.second) / 60 +
      (ms % 1000) / 60000,
    weekday: new Date(`${date}T12:00:00Z`).getUTCDay(),
  };
}

const hhmm = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));

function brokenRules(req: ContactRequest): Set<string> {
  const broken = new Set<string>();
  const t = req.at.getTime();
  const now = local(t, req.timeZone);
  const past = req.history.filter((h) => h.at.getTime() <= t);
  const sameDay = (h: ContactHistoryEntry) => local(h.at.getTime(), req.timeZone).date === now.date;

  for (const hold of req.holds) {
    if (hold.channel && hold.channel !== req.channel) continue;
    broken.add(
      {
        DISPUTE: 'HOLD_DISPUTE',
        COMPLAINT: 'HOLD_COMPLAINT',
        HARDSHIP_PLAN: 'HOLD_HARDSHIP',
        CEASE_CHANNEL: 'CEASE_CHANNEL',
      }[hold.kind],
    );
  }

  // Quiet hours: outside the allowed window (consented, or the complement of quiet hours).
  const from = hhmm(req.consentWindow?.start ?? req.pack.quietHours.end);
  const to = hhmm(req.consentWindow?.end ?? req.pack.quietHours.start);
  const m = now.minutes;
  const inside = from === to || (from < to ? m >= from && m < to : m >= from || m < to);
  if (!inside) broken.add('QUIET_HOURS');

  const cal = req.calendar;
  if (cal?.blockHolidays && !cal.workdays.includes(now.date)) {
    if (cal.holidays.includes(now.date) || now.weekday === 0 || now.weekday === 6) {
      broken.add('HOLIDAY');
    }
  }

  if (req.person.kind === 'THIRD_PARTY') {
    if (req.person.refusedContact) broken.add('THIRD_PARTY_REFUSED');
    if (!req.borrowerUnreachable) {
      const failed = (h: ContactHistoryEntry) =>
        h.result === 'NOT_ANSWERED' || h.result === 'FAILED';
      // At the same instant, an attempt that reached the borrower counts as the later one.
      const borrower = past
        .filter((h) => h.personKind === 'BORROWER')
        .sort((a, b) => a.at.getTime() - b.at.getTime() || Number(failed(b)) - Number(failed(a)));
      let run = 0;
      for (const h of borrower) {
        run = failed(h) ? run + 1 : 0;
      }
      if (run < req.pack.thirdPartyUnreachableAfterFailedAttempts) {
        broken.add('THIRD_PARTY_NOT_UNLOCKED');
      }
    }
  }

  if (req.channel !== 'PHONE') return broken;
  const p = req.pack;
  if (p.maxUnansweredDialsPerNumberPerDay !== null) {
    const numbers = req.phoneNumber !== undefined ? [req.phoneNumber] : ['A', 'B', ''];
    for (const n of numbers) {
      // The day caps count the whole local day, entries after `at` included.
      const dials = req.history.filter(
        (h) =>
          h.channel === 'PHONE' &&
          (h.result === 'NOT_ANSWERED' || h.result === 'FAILED') &&
          (h.phoneNumber ?? '') === n &&
          sameDay(h),
      ).length;
      if (dials >= p.maxUnansweredDialsPerNumberPerDay) broken.add('DIAL_CAP');
    }
  }
  if (req.person.kind === 'BORROWER') {
    const talks = past.filter((h) => h.result === 'CONVERSATION' && h.personKind === 'BORROWER');
    if (
      p.maxConversationsPerBorrowerPerDay !== null &&
      req.history
        .filter((h) => h.result === 'CONVERSATION' && h.personKind === 'BORROWER')
        .filter(sameDay).length >= p.maxConversationsPerBorrowerPerDay
    ) {
      broken.add('CONVERSATION_CAP');
    }
    if (
      p.noCallAfterConversationDays !== null &&
      talks.some((h) => t - h.at.getTime() < p.noCallAfterConversationDays! * DAY)
    ) {
      broken.add('CONVERSATION_COOLDOWN');
    }
  }
  const rolling = p.maxCallAttemptsPerRollingDays;
  if (rolling !== null) {
    const calls = past.filter(
      (h) => h.channel === 'PHONE' && t - h.at.getTime() < rolling.days * DAY,
    ).length;
    if (calls >= rolling.attempts) broken.add('CALL_ATTEMPT_CAP');
  }
  return broken;
}

const timeBased = (code: string) => (TIME_BASED_CONTACT_RULES as readonly string[]).includes(code);

describe('checkContact properties', () => {
  it('is allowed exactly when no rule is broken, and names every broken rule', () => {
    fc.assert(
      fc.property(requestArb, (req) => {
        const decision = checkContact(req);
        const expected = brokenRules(req);
        expect(new Set(decision.reasons.map((r) => r.code))).toEqual(expected);
        expect(decision.allowed).toBe(expected.size === 0);
        if (decision.allowed) expect(decision.nextAllowedAt).toEqual(req.at);
      }),
      { numRuns: 1000 },
    );
  });

  it('is allowed by time at nextAllowedAt, which exists whenever only time blocks', () => {
    fc.assert(
      fc.property(requestArb, (req) => {
        const decision = checkContact(req);
        const onlyTime = decision.reasons.every((r) => timeBased(r.code));
        if (onlyTime) expect(decision.nextAllowedAt).not.toBeNull();
        else expect(decision.nextAllowedAt).toBeNull();
        if (decision.nextAllowedAt === null) return;
        expect(decision.nextAllowedAt.getTime()).toBeGreaterThanOrEqual(req.at.getTime());
        const later = { ...req, at: decision.nextAllowedAt };
        const left = [...brokenRules(later)].filter(timeBased);
        expect(left).toEqual([]);
        expect(checkContact(later).reasons.filter((r) => timeBased(r.code))).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('is blocked by time just before nextAllowedAt, when that lies after the instant asked', () => {
    fc.assert(
      fc.property(requestArb, (req) => {
        const next = checkContact(req).nextAllowedAt;
        if (next === null || next.getTime() <= req.at.getTime()) return;
        const before = { ...req, at: new Date(next.getTime() - 1) };
        expect([...brokenRules(before)].some(timeBased)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
