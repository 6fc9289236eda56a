/**
 * The one policy check: may this person be contacted on this case, through this channel, at
 * this instant? Pure: the caller passes the pack, the case's whole contact history (every
 * collector and partner), its holds, a recorded consent window and the calendar.
 *
 * History counts as of the instant asked about: entries at or before `at`, except for the
 * per-day caps, which count the whole local day (a call logged after the fact for the morning
 * cannot take a day past its cap).
 * Choices where the rules leave room: an unanswered dial is NOT_ANSWERED or FAILED; a failed
 * attempt on the borrower (for unlocking third parties) is one of those on any channel, and any
 * other result ends the run; conversations count with the borrower only and cap and cool down
 * calls to the borrower only; with the calendar on, Saturdays and Sundays are non-working
 * days too unless listed as make-up workdays; a consent window whose start equals its end
 * allows the whole day. A door-to-door visit (VISIT) is judged like any channel for holds,
 * quiet hours, the calendar and third parties; the dial, conversation and call-attempt rules
 * are the phone's alone.
 */
import { ContactChannel, type ContactResult, type HoldKind } from './enums.js';
import { ValidationError } from './errors.js';
import { type ClockTime, type RulePack, clockMinutes } from './rule-pack.js';
import {
  addDays,
  isValidLocalDate,
  isValidTimeZone,
  startOfDay,
  wallOf,
  zonedInstant,
} from './time.js';

/** Every rule the check can cite; the API exposes them as the PolicyRule enum. */
export const ContactRuleCode = {
  QUIET_HOURS: 'QUIET_HOURS',
  DIAL_CAP: 'DIAL_CAP',
  CONVERSATION_CAP: 'CONVERSATION_CAP',
  CALL_ATTEMPT_CAP: 'CALL_ATTEMPT_CAP',
  CONVERSATION_COOLDOWN: 'CONVERSATION_COOLDOWN',
  THIRD_PARTY_NOT_UNLOCKED: 'THIRD_PARTY_NOT_UNLOCKED',
  THIRD_PARTY_REFUSED: 'THIRD_PARTY_REFUSED',
  HOLD_DISPUTE: 'HOLD_DISPUTE',
  HOLD_COMPLAINT: 'HOLD_COMPLAINT',
  HOLD_HARDSHIP: 'HOLD_HARDSHIP',
  CEASE_CHANNEL: 'CEASE_CHANNEL',
  HOLIDAY: 'HOLIDAY',
} as const;
export type ContactRuleCode = (typeof ContactRuleCode)[keyof typeof ContactRuleCode];

/** Rules that clear by themselves as time passes; the others need something to happen. */
export const TIME_BASED_CONTACT_RULES: readonly ContactRuleCode[] = Object.freeze([
  'QUIET_HOURS',
  'DIAL_CAP',
  'CONVERSATION_CAP',
  'CALL_ATTEMPT_CAP',
  'CONVERSATION_COOLDOWN',
  'HOLIDAY',
]);

/** The channels of `ContactChannel` and a door-to-door visit (上门催收), which the check judges too. */
export const PolicyChannel = Object.freeze({ ...ContactChannel, VISIT: 'VISIT' } as const);
export type PolicyChannel = (typeof PolicyChannel)[keyof typeof PolicyChannel];

export type ContactPersonKind = 'BORROWER' | 'THIRD_PARTY';

export interface ContactHistoryEntry {
  at: Date;
  channel: ContactChannel;
  result: ContactResult;
  personKind: ContactPersonKind;
  phoneNumber?: string;
  /** The debt (case) it was about; the history spans all of the borrower's cases. */
  caseId?: string;
}

export interface ContactHold {
  kind: HoldKind;
  /** Only this channel is held (a cease for VISIT stops visits only); without it, every channel. */
  channel?: PolicyChannel;
}

export interface ContactCalendar {
  blockHolidays: boolean;
  /** Statutory holidays, "YYYY-MM-DD". */
  holidays: string[];
  /** Make-up workdays (调休), "YYYY-MM-DD": working days even on a weekend. */
  workdays: string[];
}

export interface ContactRequest {
  pack: RulePack;
  at: Date;
  /** The borrower's own IANA zone. */
  timeZone: string;
  channel: PolicyChannel;
  /** The debt asked about: per-debt caps (call attempts) count only its own history. */
  caseId?: string;
  person: { kind: 'BORROWER' } | { kind: 'THIRD_PARTY'; refusedContact: boolean };
  phoneNumber?: string;
  history: ContactHistoryEntry[];
  /** The borrower's own numbers are all invalid (失联). */
  borrowerUnreachable: boolean;
  holds: ContactHold[];
  /** A recorded consent: the borrower agreed to be contacted in this window, which replaces the quiet hours. */
  consentWindow?: { start: ClockTime; end: ClockTime };
  calendar?: ContactCalendar;
}

export interface ContactReason {
  code: ContactRuleCode;
  message: string;
}

export interface ContactDecision {
  allowed: boolean;
  reasons: ContactReason[];
  /** The earliest instant ≥ `at` with no time-based reason; null when another reason blocks. */
  nextAllowedAt: Date | null;
}

const MS_PER_DAY = 86_400_000;
/** How far `nextAllowedAt` searches before giving up (a cap of 0, a calendar of holidays). */
const MAX_STEPS = 1_000;

// ---- Rules ---------------------------------------------------------------------------------

/** A reason, and for a time-based one the instant it clears by itself (> the instant checked). */
interface Finding {
  reason: ContactReason;
  clearsAt?: number;
}

interface Context {
  request: ContactRequest;
  allowedStart: number;
  allowedEnd: number;
  quietLabel: string;
  holidays: Set<string>;
  workdays: Set<string>;
  history: { ms: number; entry: ContactHistoryEntry }[];
}

const UNANSWERED: ReadonlySet<ContactResult> = new Set<ContactResult>(['NOT_ANSWERED', 'FAILED']);

/** Inside the allowed window [start, end), which may cross midnight; start = end is all day. */
function inAllowedWindow(minutes: number, start: number, end: number): boolean {
  if (start === end) return true;
  if (start < end) return minutes >= start && minutes < end;
  return minutes >= start || minutes < end;
}

function isNonWorkingDay(date: string, ctx: Context): boolean {
  if (ctx.workdays.has(date)) return false;
  if (ctx.holidays.has(date)) return true;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

function channelLabel(channel: PolicyChannel): string {
  return channel === 'VISIT' ? 'door-to-door visits' : channel;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Every reason against contact at `ms`, time-based ones with the instant they clear. */
function findings(ctx: Context, ms: number): Finding[] {
  const { request } = ctx;
  const { pack, timeZone, channel, person } = request;
  const out: Finding[] = [];
  const wall = wallOf(ms, timeZone);
  const past = ctx.history.filter((h) => h.ms <= ms);
  const nextDayStart = () => startOfDay(addDays(wall.date, 1), timeZone);

  // Holds stop every channel (or the one named).
  for (const hold of request.holds) {
    if (hold.channel !== undefined && hold.channel !== channel) continue;
    const by = hold.channel ? ` by ${channelLabel(hold.channel)}` : '';
    switch (hold.kind) {
      case 'DISPUTE':
        out.push({
          reason: {
            code: 'HOLD_DISPUTE',
            message: `Collection${by} is on hold: the debt is disputed and the dispute is open.`,
          },
        });
        break;
      case 'COMPLAINT':
        out.push({
          reason: {
            code: 'HOLD_COMPLAINT',
            message: `Collection${by} is on hold while a complaint is under review.`,
          },
        });
        break;
      case 'HARDSHIP_PLAN':
        out.push({
          reason: {
            code: 'HOLD_HARDSHIP',
            message: `Collection${by} is on hold: the borrower is honouring a hardship plan.`,
          },
        });
        break;
      case 'CEASE_CHANNEL':
        out.push({
          reason: {
            code: 'CEASE_CHANNEL',
            message: `The borrower asked to stop contact through ${hold.channel ? channelLabel(hold.channel) : 'every channel'}.`,
          },
        });
        break;
    }
  }

  if (person.kind === 'THIRD_PARTY') {
    if (person.refusedContact) {
      out.push({
        reason: {
          code: 'THIRD_PARTY_REFUSED',
          message: 'This third party refused contact and is never contacted again.',
        },
      });
    }
    if (!request.borrowerUnreachable) {
      const needed = pack.thirdPartyUnreachableAfterFailedAttempts;
      const failed = consecutiveFailedBorrowerAttempts(past);
      if (failed < needed) {
        out.push({
          reason: {
            code: 'THIRD_PARTY_NOT_UNLOCKED',
            message: `Third parties may be contacted only once the borrower is unreachable: own numbers invalid, or ${plural(needed, 'consecutive failed attempt')} (now ${failed}).`,
          },
        });
      }
    }
  }

  if (!inAllowedWindow(wall.minutes, ctx.allowedStart, ctx.allowedEnd)) {
    const startToday = zonedInstant(wall.date, ctx.allowedStart, timeZone);
    const clearsAt =
      startToday > ms
        ? startToday
        : zonedInstant(addDays(wall.date, 1), ctx.allowedStart, timeZone);
    out.push({
      reason: {
        code: 'QUIET_HOURS',
        message: `${ctx.quietLabel} in the borrower's time zone (${timeZone}).`,
      },
      clearsAt,
    });
  }

  if (request.calendar?.blockHolidays && isNonWorkingDay(wall.date, ctx)) {
    let next = addDays(wall.date, 1);
    for (let i = 0; i < 400 && isNonWorkingDay(next, ctx); i++) next = addDays(next, 1);
    out.push({
      reason: {
        code: 'HOLIDAY',
        message: `${wall.date} is not a working day in the institution's calendar.`,
      },
      clearsAt: startOfDay(next, timeZone),
    });
  }

  if (channel === 'PHONE') {
    const dialCap = pack.maxUnansweredDialsPerNumberPerDay;
    if (dialCap !== null) {
      const perNumber = new Map<string, number>();
      for (const h of ctx.history) {
        if (h.entry.channel !== 'PHONE' || !UNANSWERED.has(h.entry.result)) continue;
        if (wallOf(h.ms, timeZone).date !== wall.date) continue;
        const key = h.entry.phoneNumber ?? '';
        perNumber.set(key, (perNumber.get(key) ?? 0) + 1);
      }
      // Without a number, the busiest number of the day stands in for it.
      const dials =
        request.phoneNumber === undefined
          ? Math.max(0, ...perNumber.values())
          : (perNumber.get(request.phoneNumber) ?? 0);
      if (dials >= dialCap) {
        out.push({
          reason: {
            code: 'DIAL_CAP',
            message: `${plural(dials, 'unanswered dial')} to this number today; at most ${dialCap} a day.`,
          },
          clearsAt: nextDayStart(),
        });
      }
    }

    if (person.kind === 'BORROWER') {
      const conversationCap = pack.maxConversationsPerBorrowerPerDay;
      if (conversationCap !== null) {
        const conversations = ctx.history.filter(
          (h) =>
            h.entry.result === 'CONVERSATION' &&
            h.entry.personKind === 'BORROWER' &&
            wallOf(h.ms, timeZone).date === wall.date,
        ).length;
        if (conversations >= conversationCap) {
          out.push({
            reason: {
              code: 'CONVERSATION_CAP',
              message: `${plural(conversations, 'conversation')} with the borrower today, counting every collector and partner; at most ${conversationCap} a day.`,
            },
            clearsAt: nextDayStart(),
          });
        }
      }

      const cooldownDays = pack.noCallAfterConversationDays;
      if (cooldownDays !== null) {
        const windowMs = cooldownDays * MS_PER_DAY;
        const last = past
          .filter(
            (h) =>
              h.entry.result === 'CONVERSATION' &&
              h.entry.personKind === 'BORROWER' &&
              h.ms > ms - windowMs,
          )
          .reduce((max, h) => Math.max(max, h.ms), -Infinity);
        if (last !== -Infinity) {
          out.push({
            reason: {
              code: 'CONVERSATION_COOLDOWN',
              message: `A conversation took place in the last ${plural(cooldownDays, 'day')}; no call until ${new Date(last + windowMs).toISOString()}.`,
            },
            clearsAt: last + windowMs,
          });
        }
      }
    }

    const rolling = pack.maxCallAttemptsPerRollingDays;
    if (rolling !== null) {
      const windowMs = rolling.days * MS_PER_DAY;
      const attempts = past
        .filter(
          (h) =>
            h.entry.channel === 'PHONE' &&
            h.ms > ms - windowMs &&
            (request.caseId === undefined || h.entry.caseId === request.caseId),
        )
        .map((h) => h.ms)
        .sort((a, b) => a - b);
      if (attempts.length >= rolling.attempts) {
        const leaving = attempts[attempts.length - rolling.attempts];
        out.push({
          reason: {
            code: 'CALL_ATTEMPT_CAP',
            message: `${plural(attempts.length, 'call attempt')} on this case in the last ${plural(rolling.days, 'day')}; at most ${rolling.attempts}.`,
          },
          ...(leaving !== undefined && { clearsAt: leaving + windowMs }),
        });
      }
    }
  }
  return out;
}

/**
 * Failed attempts on the borrower since the last one that reached them. Of attempts at the same
 * instant, one that reached them counts as the later, so the order of the history never matters.
 */
function consecutiveFailedBorrowerAttempts(
  past: { ms: number; entry: ContactHistoryEntry }[],
): number {
  const failed = (h: { entry: ContactHistoryEntry }) => Number(UNANSWERED.has(h.entry.result));
  const attempts = past
    .filter((h) => h.entry.personKind === 'BORROWER')
    .sort((a, b) => b.ms - a.ms || failed(a) - failed(b));
  let run = 0;
  for (const h of attempts) {
    if (!UNANSWERED.has(h.entry.result)) break;
    run++;
  }
  return run;
}

function isTimeBased(code: ContactRuleCode): boolean {
  return TIME_BASED_CONTACT_RULES.includes(code);
}

/**
 * May this person be contacted through this channel at `request.at`? Every violated rule with
 * a message, and the next instant no time-based rule blocks (null when a hold, a refusal or
 * the third-party lock blocks, which time alone does not lift).
 * @throws ValidationError on an unknown zone, an invalid instant or a malformed window or date.
 */
export function checkContact(request: ContactRequest): ContactDecision {
  const at = request.at.getTime();
  if (!Number.isFinite(at)) throw new ValidationError('at', 'is not a valid instant');
  if (!isValidTimeZone(request.timeZone)) {
    throw new ValidationError('timeZone', `unknown time zone "${request.timeZone}"`);
  }
  const window = request.consentWindow ?? {
    start: request.pack.quietHours.end,
    end: request.pack.quietHours.start,
  };
  const field = request.consentWindow ? 'consentWindow' : 'pack.quietHours';
  const allowedStart = clockMinutes(
    window.start,
    `${field}.${request.consentWindow ? 'start' : 'end'}`,
  );
  const allowedEnd = clockMinutes(
    window.end,
    `${field}.${request.consentWindow ? 'end' : 'start'}`,
  );
  const calendar = request.calendar;
  for (const [key, dates] of [
    ['holidays', calendar?.holidays ?? []],
    ['workdays', calendar?.workdays ?? []],
  ] as const) {
    const bad = dates.find((d) => !isValidLocalDate(d));
    if (bad !== undefined)
      throw new ValidationError(`calendar.${key}`, `not a date (YYYY-MM-DD): ${bad}`);
  }
  const ctx: Context = {
    request,
    allowedStart,
    allowedEnd,
    quietLabel: request.consentWindow
      ? `Outside the window the borrower consented to (${window.start}–${window.end})`
      : `Quiet hours: no contact between ${request.pack.quietHours.start} and ${request.pack.quietHours.end}`,
    holidays: new Set(calendar?.holidays ?? []),
    workdays: new Set(calendar?.workdays ?? []),
    history: request.history.map((entry) => ({ ms: entry.at.getTime(), entry })),
  };

  const now = findings(ctx, at);
  const reasons = now.map((f) => f.reason);
  if (reasons.length === 0) return { allowed: true, reasons, nextAllowedAt: request.at };
  if (reasons.some((r) => !isTimeBased(r.code)))
    return { allowed: false, reasons, nextAllowedAt: null };

  let t = at;
  let current = now;
  for (let step = 0; step < MAX_STEPS; step++) {
    const timed = current.filter((f) => isTimeBased(f.reason.code));
    if (timed.length === 0) return { allowed: false, reasons, nextAllowedAt: new Date(t) };
    let next = -Infinity;
    for (const f of timed) {
      if (f.clearsAt === undefined) return { allowed: false, reasons, nextAllowedAt: null };
      next = Math.max(next, f.clearsAt);
    }
    t = next > t ? next : t + 1;
    current = findings(ctx, t);
  }
  return { allowed: false, reasons, nextAllowedAt: null };
}
