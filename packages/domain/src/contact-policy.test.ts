import { describe, expect, it } from 'vitest';
import {
  type ContactHistoryEntry,
  type ContactRequest,
  PolicyChannel,
  checkContact,
} from './contact-policy.js';
import { RULE_PACKS, tightenPack } from './rule-pack.js';

const CN = RULE_PACKS.CN;
const US = RULE_PACKS.US_REG_F;
const SH = 'Asia/Shanghai';
const NY = 'America/New_York';
const NUMBER = '13800000001';

function request(over: Partial<ContactRequest> = {}): ContactRequest {
  return {
    pack: CN,
    at: new Date('2026-01-15T15:00:00+08:00'),
    timeZone: SH,
    channel: 'PHONE',
    person: { kind: 'BORROWER' },
    phoneNumber: NUMBER,
    history: [],
    borrowerUnreachable: false,
    holds: [],
    ...over,
  };
}

function codes(over: Partial<ContactRequest>): string[] {
  return checkContact(request(over)).reasons.map((r) => r.code);
}

function next(over: Partial<ContactRequest>): string | undefined {
  return checkContact(request(over)).nextAllowedAt?.toISOString();
}

const iso = (s: string) => new Date(s).toISOString();

function entries(
  count: number,
  start: string,
  stepMinutes: number,
  entry: Omit<ContactHistoryEntry, 'at'>,
): ContactHistoryEntry[] {
  const t0 = new Date(start).getTime();
  return Array.from({ length: count }, (_, i) => ({
    ...entry,
    at: new Date(t0 + i * stepMinutes * 60_000),
  }));
}

describe('QUIET_HOURS (CN, 22:00–08:00)', () => {
  for (const [zone, offset] of [
    [SH, '+08:00'],
    [NY, '-05:00'],
  ] as const) {
    describe(zone, () => {
      it('allows 21:59 local', () => {
        expect(codes({ timeZone: zone, at: new Date(`2026-01-15T21:59:00${offset}`) })).toEqual([]);
      });
      it('refuses 22:00 local, next allowed at 08:00 the next day', () => {
        const over = { timeZone: zone, at: new Date(`2026-01-15T22:00:00${offset}`) };
        expect(codes(over)).toEqual(['QUIET_HOURS']);
        expect(next(over)).toBe(iso(`2026-01-16T08:00:00${offset}`));
      });
      it('refuses 07:59 local, next allowed at 08:00', () => {
        const over = { timeZone: zone, at: new Date(`2026-01-16T07:59:00${offset}`) };
        expect(codes(over)).toEqual(['QUIET_HOURS']);
        expect(next(over)).toBe(iso(`2026-01-16T08:00:00${offset}`));
      });
      it('allows 08:00 local', () => {
        const over = { timeZone: zone, at: new Date(`2026-01-16T08:00:00${offset}`) };
        expect(checkContact(request(over))).toEqual({
          allowed: true,
          reasons: [],
          nextAllowedAt: new Date(`2026-01-16T08:00:00${offset}`),
        });
      });
    });
  }

  it('applies to every channel', () => {
    for (const channel of ['SMS', 'EMAIL', 'APP', 'LETTER', 'VISIT'] as const) {
      expect(codes({ channel, at: new Date('2026-01-15T23:00:00+08:00') })).toEqual([
        'QUIET_HOURS',
      ]);
    }
  });

  it('uses the borrower’s zone: 22:30 in Shanghai is 09:30 in New York', () => {
    const at = new Date('2026-01-15T22:30:00+08:00');
    expect(codes({ at, timeZone: SH })).toEqual(['QUIET_HOURS']);
    expect(codes({ at, timeZone: NY })).toEqual([]);
  });

  it('follows daylight saving: the night New York springs forward', () => {
    const over = { timeZone: NY, at: new Date('2026-03-08T01:30:00-05:00') };
    expect(codes(over)).toEqual(['QUIET_HOURS']);
    expect(next(over)).toBe(iso('2026-03-08T08:00:00-04:00'));
    expect(codes({ timeZone: NY, at: new Date('2026-03-08T07:59:00-04:00') })).toEqual([
      'QUIET_HOURS',
    ]);
    expect(codes({ timeZone: NY, at: new Date('2026-03-08T08:00:00-04:00') })).toEqual([]);
  });

  it('follows daylight saving: the night New York falls back', () => {
    const over = { timeZone: NY, at: new Date('2026-11-01T01:30:00-04:00') };
    expect(next(over)).toBe(iso('2026-11-01T08:00:00-05:00'));
    expect(codes({ timeZone: NY, at: new Date('2026-11-01T07:59:00-05:00') })).toEqual([
      'QUIET_HOURS',
    ]);
    expect(codes({ timeZone: NY, at: new Date('2026-10-31T21:59:00-04:00') })).toEqual([]);
  });
});

describe('QUIET_HOURS (US_REG_F, 21:00–08:00)', () => {
  for (const [zone, offset] of [
    [NY, '-05:00'],
    [NY, '-04:00'],
    [SH, '+08:00'],
  ] as const) {
    const day = offset === '-04:00' ? '2026-07-15' : '2026-01-15';
    const dayAfter = offset === '-04:00' ? '2026-07-16' : '2026-01-16';
    it(`${zone} ${offset}: 20:59 allowed, 21:00 refused until 08:00, 07:59 refused, 08:00 allowed`, () => {
      const at = (d: string, t: string) => new Date(`${d}T${t}:00${offset}`);
      expect(codes({ pack: US, timeZone: zone, at: at(day, '20:59') })).toEqual([]);
      expect(codes({ pack: US, timeZone: zone, at: at(day, '21:00') })).toEqual(['QUIET_HOURS']);
      expect(next({ pack: US, timeZone: zone, at: at(day, '21:00') })).toBe(
        at(dayAfter, '08:00').toISOString(),
      );
      expect(codes({ pack: US, timeZone: zone, at: at(dayAfter, '07:59') })).toEqual([
        'QUIET_HOURS',
      ]);
      expect(codes({ pack: US, timeZone: zone, at: at(dayAfter, '08:00') })).toEqual([]);
    });
  }
});

describe('QUIET_HOURS with a recorded consent window', () => {
  const consentWindow = { start: '07:00', end: '23:00' };
  it('widens the window: 22:30 and 07:00 allowed', () => {
    expect(codes({ consentWindow, at: new Date('2026-01-15T22:30:00+08:00') })).toEqual([]);
    expect(codes({ consentWindow, at: new Date('2026-01-16T07:00:00+08:00') })).toEqual([]);
  });
  it('still refuses outside it: 23:00 and 06:59, next allowed at 07:00', () => {
    const over = { consentWindow, at: new Date('2026-01-15T23:00:00+08:00') };
    expect(codes(over)).toEqual(['QUIET_HOURS']);
    expect(next(over)).toBe(iso('2026-01-16T07:00:00+08:00'));
    expect(codes({ consentWindow, at: new Date('2026-01-16T06:59:00+08:00') })).toEqual([
      'QUIET_HOURS',
    ]);
  });
  it('may cross midnight (a night-shift borrower)', () => {
    const night = { start: '20:00', end: '02:00' };
    expect(codes({ consentWindow: night, at: new Date('2026-01-16T01:00:00+08:00') })).toEqual([]);
    const over = { consentWindow: night, at: new Date('2026-01-16T10:00:00+08:00') };
    expect(codes(over)).toEqual(['QUIET_HOURS']);
    expect(next(over)).toBe(iso('2026-01-16T20:00:00+08:00'));
  });
});

describe('DIAL_CAP (CN, 6 unanswered dials per number per day)', () => {
  const dials = (n: number, phoneNumber = NUMBER) =>
    entries(n, '2026-01-15T08:30:00+08:00', 30, {
      channel: 'PHONE',
      result: 'NOT_ANSWERED',
      personKind: 'BORROWER',
      phoneNumber,
    });
  it('allows the 6th unanswered dial', () => {
    expect(codes({ history: dials(5) })).toEqual([]);
  });
  it('refuses the 7th, until the next local day’s quiet hours end', () => {
    expect(codes({ history: dials(6) })).toEqual(['DIAL_CAP']);
    expect(next({ history: dials(6) })).toBe(iso('2026-01-16T08:00:00+08:00'));
  });
  it('counts per number', () => {
    expect(codes({ history: dials(6, '13900000002') })).toEqual([]);
  });
  it('counts per local day of the borrower', () => {
    const yesterday = entries(6, '2026-01-14T12:00:00+08:00', 30, {
      channel: 'PHONE',
      result: 'NOT_ANSWERED',
      personKind: 'BORROWER',
      phoneNumber: NUMBER,
    });
    expect(codes({ history: yesterday })).toEqual([]);
  });
  it('applies to the phone only', () => {
    expect(codes({ history: dials(6), channel: 'SMS' })).toEqual([]);
  });
  it('does not count answered calls', () => {
    const answered = dials(6).map((d) => ({ ...d, result: 'ANSWERED' as const }));
    expect(codes({ history: answered })).toEqual([]);
  });
});

describe('per-day caps count the whole local day', () => {
  it('refuses a dial logged after the fact for the morning when the day already had 6', () => {
    const afternoon = entries(6, '2026-01-15T14:00:00+08:00', 5, {
      channel: 'PHONE',
      result: 'NOT_ANSWERED',
      personKind: 'BORROWER',
      phoneNumber: NUMBER,
    });
    expect(codes({ at: new Date('2026-01-15T09:00:00+08:00'), history: afternoon })).toEqual([
      'DIAL_CAP',
    ]);
  });
});

describe('CONVERSATION_CAP (CN, 3 conversations per borrower per day)', () => {
  const talks = (n: number, personKind: 'BORROWER' | 'THIRD_PARTY' = 'BORROWER') =>
    entries(n, '2026-01-15T09:00:00+08:00', 60, {
      channel: 'PHONE',
      result: 'CONVERSATION',
      personKind,
      phoneNumber: n % 2 ? NUMBER : '13900000002',
    });
  it('allows a call after the 2nd conversation (the 3rd)', () => {
    expect(codes({ history: talks(2) })).toEqual([]);
  });
  it('refuses a call after the 3rd (the 4th), until the next day', () => {
    expect(codes({ history: talks(3) })).toEqual(['CONVERSATION_CAP']);
    expect(next({ history: talks(3) })).toBe(iso('2026-01-16T08:00:00+08:00'));
  });
  it('does not count conversations with third parties', () => {
    expect(codes({ history: talks(3, 'THIRD_PARTY') })).toEqual([]);
  });
});

describe('CALL_ATTEMPT_CAP (US, 7 attempts per 7 rolling days)', () => {
  const at = new Date('2026-01-15T12:00:00-05:00');
  const attempts = (n: number) =>
    entries(n, '2026-01-09T12:00:00-05:00', 12 * 60, {
      channel: 'PHONE',
      result: 'NOT_ANSWERED',
      personKind: 'BORROWER',
      phoneNumber: NUMBER,
    });
  it('allows the 7th attempt', () => {
    expect(codes({ pack: US, timeZone: NY, at, history: attempts(6) })).toEqual([]);
  });
  it('refuses the 8th until the oldest leaves the window', () => {
    const over = { pack: US, timeZone: NY, at, history: attempts(7) };
    expect(codes(over)).toEqual(['CALL_ATTEMPT_CAP']);
    expect(next(over)).toBe(iso('2026-01-16T12:00:00-05:00'));
  });
  it("counts per debt: attempts on the borrower's other loan do not count", () => {
    const onOtherLoan = attempts(7).map((entry) => ({ ...entry, caseId: 'loan-2' }));
    const base = { pack: US, timeZone: NY, at, caseId: 'loan-1' };
    expect(codes({ ...base, history: onOtherLoan })).toEqual([]);
    const onThisLoan = onOtherLoan.map((entry) => ({ ...entry, caseId: 'loan-1' }));
    expect(codes({ ...base, history: onThisLoan })).toEqual(['CALL_ATTEMPT_CAP']);
  });
});

describe('CONVERSATION_COOLDOWN (US, no call for 7 days after a conversation)', () => {
  const talk = (at: string): ContactHistoryEntry[] => [
    { at: new Date(at), channel: 'PHONE', result: 'CONVERSATION', personKind: 'BORROWER' },
  ];
  const at = new Date('2026-01-15T12:00:00-05:00');
  it('refuses 6 days 23 hours after, until 7 days after', () => {
    const over = { pack: US, timeZone: NY, at, history: talk('2026-01-08T13:00:00-05:00') };
    expect(codes(over)).toEqual(['CONVERSATION_COOLDOWN']);
    expect(next(over)).toBe(iso('2026-01-15T13:00:00-05:00'));
  });
  it('allows 7 days after', () => {
    expect(
      codes({ pack: US, timeZone: NY, at, history: talk('2026-01-08T12:00:00-05:00') }),
    ).toEqual([]);
  });
  it('does not stop an SMS', () => {
    expect(
      codes({
        pack: US,
        timeZone: NY,
        at,
        channel: 'SMS',
        history: talk('2026-01-14T12:00:00-05:00'),
      }),
    ).toEqual([]);
  });
});

describe('THIRD_PARTY_NOT_UNLOCKED and THIRD_PARTY_REFUSED', () => {
  const thirdParty = { kind: 'THIRD_PARTY', refusedContact: false } as const;
  const failed = (n: number) =>
    entries(n, '2026-01-15T09:00:00+08:00', 30, {
      channel: 'PHONE',
      result: 'FAILED',
      personKind: 'BORROWER',
      phoneNumber: NUMBER,
    });
  it('refuses a third party after 2 failed attempts on the borrower, with no next instant', () => {
    const over = { person: thirdParty, phoneNumber: '13700000003', history: failed(2) };
    expect(codes(over)).toEqual(['THIRD_PARTY_NOT_UNLOCKED']);
    expect(next(over)).toBeUndefined();
  });
  it('unlocks third parties at the 3rd consecutive failed attempt', () => {
    expect(codes({ person: thirdParty, phoneNumber: '13700000003', history: failed(3) })).toEqual(
      [],
    );
  });
  it('locks them again when the borrower is reached', () => {
    const history = [
      ...failed(3),
      {
        at: new Date('2026-01-15T11:00:00+08:00'),
        channel: 'PHONE' as const,
        result: 'ANSWERED' as const,
        personKind: 'BORROWER' as const,
      },
    ];
    expect(codes({ person: thirdParty, history })).toEqual(['THIRD_PARTY_NOT_UNLOCKED']);
  });
  it('counts an attempt that reached the borrower as the later of two at the same instant', () => {
    const at = new Date('2026-01-15T11:00:00+08:00');
    const reached = { at, channel: 'PHONE', result: 'ANSWERED', personKind: 'BORROWER' } as const;
    const missed = { ...reached, result: 'NOT_ANSWERED' } as const;
    for (const history of [
      [...failed(2), missed, reached],
      [...failed(2), reached, missed],
    ]) {
      expect(codes({ person: thirdParty, history })).toEqual(['THIRD_PARTY_NOT_UNLOCKED']);
    }
  });
  it('unlocks them when the borrower’s own numbers are invalid', () => {
    expect(codes({ person: thirdParty, borrowerUnreachable: true })).toEqual([]);
  });
  it('never contacts a third party who refused', () => {
    const over = {
      person: { kind: 'THIRD_PARTY', refusedContact: true } as const,
      borrowerUnreachable: true,
    };
    expect(codes(over)).toEqual(['THIRD_PARTY_REFUSED']);
    expect(next(over)).toBeUndefined();
  });
});

describe('holds', () => {
  it.each([
    ['DISPUTE', 'HOLD_DISPUTE'],
    ['COMPLAINT', 'HOLD_COMPLAINT'],
    ['HARDSHIP_PLAN', 'HOLD_HARDSHIP'],
    ['CEASE_CHANNEL', 'CEASE_CHANNEL'],
  ] as const)('%s stops every channel with %s and no next instant', (kind, code) => {
    for (const channel of ['PHONE', 'SMS', 'LETTER', 'VISIT'] as const) {
      const decision = checkContact(request({ channel, holds: [{ kind }] }));
      expect(decision.allowed).toBe(false);
      expect(decision.reasons.map((r) => r.code)).toEqual([code]);
      expect(decision.reasons[0]?.message).toMatch(/\S/);
      expect(decision.nextAllowedAt).toBeNull();
    }
  });
  it('a cease request for SMS stops SMS only', () => {
    const holds = [{ kind: 'CEASE_CHANNEL', channel: 'SMS' } as const];
    expect(codes({ channel: 'SMS', holds })).toEqual(['CEASE_CHANNEL']);
    expect(codes({ channel: 'PHONE', holds })).toEqual([]);
  });
  it('reports a hold together with quiet hours, and no next instant', () => {
    const over = {
      holds: [{ kind: 'DISPUTE' } as const],
      at: new Date('2026-01-15T23:00:00+08:00'),
    };
    expect(codes(over).sort()).toEqual(['HOLD_DISPUTE', 'QUIET_HOURS']);
    expect(next(over)).toBeUndefined();
  });
});

describe('VISIT (door-to-door)', () => {
  it('is a policy channel beside the contact channels', () => {
    expect(Object.values(PolicyChannel)).toEqual([
      'SMS',
      'EMAIL',
      'PHONE',
      'LETTER',
      'APP',
      'VISIT',
    ]);
  });

  const visit = { channel: 'VISIT', phoneNumber: undefined } as const;
  const dials = entries(6, '2026-01-15T08:30:00+08:00', 30, {
    channel: 'PHONE',
    result: 'NOT_ANSWERED',
    personKind: 'BORROWER',
    phoneNumber: NUMBER,
  });

  it('is allowed in the daytime with no history', () => {
    expect(checkContact(request(visit))).toEqual({
      allowed: true,
      reasons: [],
      nextAllowedAt: new Date('2026-01-15T15:00:00+08:00'),
    });
  });

  it('keeps quiet hours: refused at 22:00 until 08:00 (CN) and at 21:00 (US)', () => {
    const over = { ...visit, at: new Date('2026-01-15T22:00:00+08:00') };
    expect(codes(over)).toEqual(['QUIET_HOURS']);
    expect(next(over)).toBe(iso('2026-01-16T08:00:00+08:00'));
    expect(
      codes({ ...visit, pack: US, timeZone: NY, at: new Date('2026-01-15T21:00:00-05:00') }),
    ).toEqual(['QUIET_HOURS']);
  });

  it('follows a recorded consent window instead of the quiet hours', () => {
    const consentWindow = { start: '07:00', end: '23:00' };
    expect(codes({ ...visit, consentWindow, at: new Date('2026-01-15T22:30:00+08:00') })).toEqual(
      [],
    );
  });

  it('keeps the calendar when it is on', () => {
    const calendar = { blockHolidays: true, holidays: ['2026-10-01'], workdays: ['2026-10-10'] };
    expect(codes({ ...visit, calendar, at: new Date('2026-10-01T10:00:00+08:00') })).toEqual([
      'HOLIDAY',
    ]);
    expect(codes({ ...visit, calendar, at: new Date('2026-10-10T10:00:00+08:00') })).toEqual([]);
  });

  it('is not a phone call: no dial cap, conversation cap, call-attempt cap or cooldown', () => {
    const talks = entries(3, '2026-01-15T09:00:00+08:00', 60, {
      channel: 'PHONE',
      result: 'CONVERSATION',
      personKind: 'BORROWER',
    });
    expect(codes({ ...visit, history: [...dials, ...talks] })).toEqual([]);
    const usAt = new Date('2026-01-15T12:00:00-05:00');
    const calls = entries(7, '2026-01-14T09:00:00-05:00', 60, {
      channel: 'PHONE',
      result: 'CONVERSATION',
      personKind: 'BORROWER',
    });
    expect(codes({ ...visit, pack: US, timeZone: NY, at: usAt, history: calls })).toEqual([]);
  });

  it('a cease request for VISIT stops visits only, and a cease for PHONE does not stop visits', () => {
    const holds = [{ kind: 'CEASE_CHANNEL', channel: 'VISIT' } as const];
    const decision = checkContact(request({ ...visit, holds }));
    expect(decision.reasons.map((r) => r.code)).toEqual(['CEASE_CHANNEL']);
    expect(decision.reasons[0]?.message).toMatch(/door-to-door visits/);
    expect(decision.nextAllowedAt).toBeNull();
    expect(codes({ channel: 'PHONE', holds })).toEqual([]);
    expect(codes({ ...visit, holds: [{ kind: 'CEASE_CHANNEL', channel: 'PHONE' }] })).toEqual([]);
  });

  it('a hold on every channel stops visits too', () => {
    expect(codes({ ...visit, holds: [{ kind: 'COMPLAINT' }] })).toEqual(['HOLD_COMPLAINT']);
  });

  it('applies the third-party rules to the person visited', () => {
    const thirdParty = { kind: 'THIRD_PARTY', refusedContact: false } as const;
    expect(codes({ ...visit, person: thirdParty })).toEqual(['THIRD_PARTY_NOT_UNLOCKED']);
    expect(codes({ ...visit, person: thirdParty, history: dials.slice(0, 3) })).toEqual([]);
    expect(
      codes({
        ...visit,
        person: { kind: 'THIRD_PARTY', refusedContact: true },
        borrowerUnreachable: true,
      }),
    ).toEqual(['THIRD_PARTY_REFUSED']);
  });
});

describe('HOLIDAY (institution calendar)', () => {
  const calendar = {
    blockHolidays: true,
    holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
    workdays: ['2026-10-10'],
  };
  it('refuses a statutory holiday when on, until the next working day', () => {
    const over = { calendar, at: new Date('2026-10-01T10:00:00+08:00') };
    expect(codes(over)).toEqual(['HOLIDAY']);
    expect(next(over)).toBe(iso('2026-10-08T08:00:00+08:00'));
  });
  it('allows a make-up workday (a Saturday) when on', () => {
    expect(codes({ calendar, at: new Date('2026-10-10T10:00:00+08:00') })).toEqual([]);
  });
  it('refuses an ordinary weekend when on', () => {
    expect(codes({ calendar, at: new Date('2026-10-11T10:00:00+08:00') })).toEqual(['HOLIDAY']);
  });
  it('ignores the calendar when off', () => {
    const off = { ...calendar, blockHolidays: false };
    expect(codes({ calendar: off, at: new Date('2026-10-01T10:00:00+08:00') })).toEqual([]);
    expect(codes({ calendar: off, at: new Date('2026-10-11T10:00:00+08:00') })).toEqual([]);
  });
  it('a weekday not in the calendar is a working day', () => {
    expect(codes({ calendar, at: new Date('2026-10-09T10:00:00+08:00') })).toEqual([]);
  });
});

describe('nextAllowedAt combining rules', () => {
  it('past the dial cap, on the eve of a holiday, waits for the working day after', () => {
    const history = entries(6, '2026-09-30T09:00:00+08:00', 30, {
      channel: 'PHONE',
      result: 'NOT_ANSWERED',
      personKind: 'BORROWER',
      phoneNumber: NUMBER,
    });
    const calendar = { blockHolidays: true, holidays: ['2026-10-01', '2026-10-02'], workdays: [] };
    expect(next({ history, calendar, at: new Date('2026-09-30T15:00:00+08:00') })).toBe(
      iso('2026-10-05T08:00:00+08:00'),
    );
  });
  it('gives none when a tightened cap of 0 never clears', () => {
    const pack = tightenPack(CN, { maxConversationsPerBorrowerPerDay: 0 });
    const decision = checkContact(request({ pack }));
    expect(decision.reasons.map((r) => r.code)).toEqual(['CONVERSATION_CAP']);
    expect(decision.nextAllowedAt).toBeNull();
  });
});

describe('input validation', () => {
  it('refuses an unknown zone, an invalid instant, a bad window or date', () => {
    expect(() => checkContact(request({ timeZone: 'Mars/Olympus' }))).toThrow(/^timeZone:/);
    expect(() => checkContact(request({ at: new Date(NaN) }))).toThrow(/^at:/);
    expect(() => checkContact(request({ consentWindow: { start: '7:00', end: '23:00' } }))).toThrow(
      /^consentWindow.start:/,
    );
    expect(() =>
      checkContact(
        request({ calendar: { blockHolidays: true, holidays: ['2026-02-30'], workdays: [] } }),
      ),
    ).toThrow(/^calendar.holidays:/);
  });
});
