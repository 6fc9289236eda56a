import {
  Bucket,
  CaseStatus,
  ContactChannel,
  ContactOutcome,
  ContactResult,
  Role,
  VisitStatus,
  addDays,
  assertCompleteVisitRecord,
  assertContactRecord,
  bucketForDpd,
  chineseStatutoryCalendar,
  holdForFeedback,
  daysPastDue,
  stageForDpd,
  isValidMainlandMobile,
  isValidNationalId,
  localDate,
} from '@arrears/domain';
import { describe, expect, it } from 'vitest';
import { acknowledgeDeadlineProblem } from '../../test/fixtures.js';
import { demoLogins, generateSeedData } from './seed.js';

const CALENDAR = chineseStatutoryCalendar(2025, 2026);

const NOW = new Date('2026-03-16T04:30:15.250Z'); // 12:30 in Shanghai, with stray milliseconds
const ZONE = 'Asia/Shanghai';
const DAY_MS = 86_400_000;
const options = { now: NOW, passwordHash: '$argon2id$demo', scale: 0.1 };

// Independent of the generator's fixed-offset arithmetic: Intl with the real zone.
const clock = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const localTime = (d: Date) => clock.format(d); // "09:30"

const data = generateSeedData(options);
const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
const users = byId(data.users);
const borrowers = byId(data.borrowers);
const cases = byId(data.cases);
const thirdParties = byId(data.thirdParties);

describe('generateSeedData', () => {
  it('gives identical data for the same now', () => {
    expect(generateSeedData(options)).toEqual(data);
  });

  it('creates the five banks with their full demo staff', () => {
    expect(data.institutions.map((i) => [i.code, i.name])).toEqual([
      ['XBGS', '西北工商银行'],
      ['LSB', '临商银行'],
      ['PSBC', '邮储银行'],
      ['KMB', '昆明银行'],
      ['HSCZ', '恒升村镇银行'],
    ]);
    const institutionCode = new Map(data.institutions.map((i) => [i.id, i.code]));
    expect(
      data.users.map((u) => ({
        email: u.email,
        role: u.role,
        institution: institutionCode.get(u.institution),
      })),
    ).toEqual(demoLogins());
    expect(data.users).toHaveLength(35);
    expect(data.users.every((u) => u.passwordHash === options.passwordHash)).toBe(true);
    expect(data.users.every((u) => /^\p{Script=Han}{2,3}$/u.test(u.displayName))).toBe(true);
  });

  it('gives every borrower a valid national ID, born 1960–2002, unique per bank', () => {
    for (const b of data.borrowers) {
      expect(isValidNationalId(b.nationalId), b.nationalId).toBe(true);
      expect(Number(b.nationalId.slice(6, 10))).toBeGreaterThanOrEqual(1960);
      expect(Number(b.nationalId.slice(6, 10))).toBeLessThanOrEqual(2002);
    }
    const keys = data.borrowers.map((b) => `${b.institution}/${b.nationalId}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives borrowers and third parties mainland mobiles', () => {
    for (const b of data.borrowers) {
      expect(b.phones.length).toBeGreaterThanOrEqual(1);
      expect(b.phones.length).toBeLessThanOrEqual(2);
      for (const phone of b.phones) expect(isValidMainlandMobile(phone), phone).toBe(true);
    }
    for (const t of data.thirdParties) expect(isValidMainlandMobile(t.phone), t.phone).toBe(true);
  });

  it('fills every bucket and derives each stage from the DPD', () => {
    const buckets = new Set<Bucket>();
    for (const c of data.cases) {
      const dpd = daysPastDue(c.overdueSince, NOW, ZONE);
      buckets.add(bucketForDpd(dpd));
      expect(c.stage).toBe(stageForDpd(dpd));
    }
    expect([...buckets].sort()).toEqual(Object.values(Bucket).sort());
  });

  it('keeps amounts in integer fen, overdue within outstanding', () => {
    for (const c of data.cases) {
      expect(Number.isSafeInteger(c.principalFen) && c.principalFen > 0).toBe(true);
      expect(Number.isSafeInteger(c.outstandingFen)).toBe(true);
      expect(Number.isSafeInteger(c.overdueFen) && c.overdueFen >= 0).toBe(true);
      expect(c.overdueFen).toBeLessThanOrEqual(c.outstandingFen);
    }
  });

  it('numbers loans uniquely per bank and keeps status, assignee and priority consistent', () => {
    const numbers = data.cases.map((c) => `${c.institution}/${c.loanNumber}`);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const c of data.cases) {
      const code = data.institutions.find((i) => i.id === c.institution)!.code;
      expect(c.loanNumber).toMatch(new RegExp(`^${code}-(CL|CC|CS|BL|ML)-\\d{4}-\\d{6}$`));
      expect(c.closeReason !== null).toBe(c.status === CaseStatus.CLOSED);
      expect(c.assignee === null).toBe(c.status === CaseStatus.NEW);
      if (c.assignee) {
        expect(users.get(c.assignee)).toMatchObject({
          role: Role.COLLECTOR,
          institution: c.institution,
        });
      }
      expect(Number.isInteger(c.priority) && c.priority >= 0 && c.priority <= 100).toBe(true);
      expect(borrowers.get(c.borrower)?.institution).toBe(c.institution);
    }
  });

  it('logs contacts in the last 90 days, in legal hours, with consistent results', () => {
    expect(data.contacts.length).toBeGreaterThan(0);
    for (const contact of data.contacts) {
      const c = cases.get(contact.case)!;
      const at = contact.occurredAt.getTime();
      expect(at).toBeLessThanOrEqual(NOW.getTime());
      expect(at).toBeGreaterThanOrEqual(NOW.getTime() - 90 * DAY_MS);
      expect(at).toBeGreaterThanOrEqual(c.createdAt.getTime());
      expect(localTime(contact.occurredAt) >= '08:00').toBe(true);
      expect(localTime(contact.occurredAt) < '22:00').toBe(true);
      expect(() => assertContactRecord(contact)).not.toThrow();
      if (contact.outcome === ContactOutcome.PROMISE_TO_PAY) {
        expect(contact.result).toBe(ContactResult.CONVERSATION);
      }
      if (contact.result === ContactResult.NOT_ANSWERED) {
        expect(contact.outcome).not.toBe(ContactOutcome.RIGHT_PARTY);
      }
      if (contact.channel === ContactChannel.PHONE) {
        const day = localDate(contact.occurredAt, ZONE).replaceAll('-', '');
        const code = data.institutions.find((i) => i.id === c.institution)!.code;
        expect(contact.recordingRef).toMatch(new RegExp(`^rec://${code}/${day}/\\d+$`));
      }
      expect(contact.madeBy).toBe(c.assignee);
      if (contact.thirdParty) {
        const person = thirdParties.get(contact.thirdParty)!;
        expect(person.borrower).toBe(c.borrower);
        expect(person.refusedContact).toBe(false);
      }
    }
    expect(data.contacts.some((c) => c.thirdParty !== null)).toBe(true);
  });

  it('calls a third party only after three missed calls to the borrower in a row', () => {
    const history = new Map<string, typeof data.contacts>();
    const chronological = [...data.contacts].sort(
      (a, b) => a.occurredAt.getTime() - b.occurredAt.getTime(),
    );
    for (const contact of chronological) {
      const contacts = history.get(contact.case) ?? [];
      contacts.push(contact);
      history.set(contact.case, contacts);
    }
    for (const contacts of history.values()) {
      let missed = 0;
      for (const contact of contacts) {
        if (contact.thirdParty) {
          expect(missed).toBeGreaterThanOrEqual(3);
          missed = 0;
        } else if (contact.channel === ContactChannel.PHONE) {
          const failed =
            contact.result === ContactResult.NOT_ANSWERED ||
            contact.result === ContactResult.FAILED;
          missed = failed ? missed + 1 : 0;
        }
      }
    }
  });

  it('ends a promised case on a recent promise to pay', () => {
    for (const c of data.cases.filter((c) => c.status === CaseStatus.PROMISED)) {
      const last = data.contacts.filter((contact) => contact.case === c.id).at(-1);
      expect(last?.outcome).toBe(ContactOutcome.PROMISE_TO_PAY);
    }
  });

  it('sends at least two collectors of the case’s bank on every visit', () => {
    expect(data.visits.length).toBeGreaterThan(0);
    for (const visit of data.visits) {
      const crew = data.visitCollectors.filter((vc) => vc.visit === visit.id);
      expect(crew.length).toBeGreaterThanOrEqual(2);
      expect(new Set(crew.map((vc) => vc.user)).size).toBe(crew.length);
      for (const member of crew) {
        expect(member.institution).toBe(visit.institution);
        expect(users.get(member.user)).toMatchObject({
          role: Role.COLLECTOR,
          institution: visit.institution,
        });
      }
    }
  });

  it('plans visits in office hours for visit-stage cases, with a full record when completed', () => {
    const lastVisitDay = addDays(localDate(NOW, ZONE), 14);
    for (const visit of data.visits) {
      const c = cases.get(visit.case)!;
      expect(['VISIT', 'LEGAL']).toContain(c.stage);
      expect(localTime(visit.windowStart) >= '09:00').toBe(true);
      expect(localTime(visit.windowEnd) <= '18:00').toBe(true);
      const hours = (visit.windowEnd.getTime() - visit.windowStart.getTime()) / 3_600_000;
      expect(hours).toBeGreaterThanOrEqual(1);
      expect(hours).toBeLessThanOrEqual(2);
      expect(visit.address.startsWith(borrowers.get(c.borrower)!.province)).toBe(true);
      expect(visit.createdAt.getTime()).toBeLessThanOrEqual(visit.windowStart.getTime());
      if (visit.windowStart > NOW) {
        expect(localDate(visit.windowStart, ZONE) <= lastVisitDay).toBe(true);
        expect([VisitStatus.PLANNED, VisitStatus.CONFIRMED]).toContain(visit.status);
      } else {
        expect([VisitStatus.COMPLETED, VisitStatus.NO_SHOW, VisitStatus.CANCELLED]).toContain(
          visit.status,
        );
      }
      if (visit.status !== VisitStatus.PLANNED && visit.status !== VisitStatus.CANCELLED) {
        expect(visit.confirmedAt).not.toBeNull();
      }
      if (visit.status === VisitStatus.COMPLETED) {
        expect(() => assertCompleteVisitRecord(visit)).not.toThrow();
        expect(visit.checkedInAt!.getTime()).toBeLessThan(visit.checkedOutAt!.getTime());
        expect(visit.checkedOutAt!.getTime()).toBeLessThanOrEqual(NOW.getTime());
      }
    }
    expect(data.visits.some((v) => v.status === VisitStatus.COMPLETED)).toBe(true);
    expect(data.visits.some((v) => v.windowStart > NOW)).toBe(true);
  });

  it('dates feedback in the last 90 days with SLA deadlines and a resolution once closed', () => {
    expect(data.feedback.length).toBeGreaterThan(0);
    const codes = data.feedback.map((f) => f.receiptCode);
    expect(new Set(codes).size).toBe(codes.length);
    for (const f of data.feedback) {
      const created = f.createdAt.getTime();
      expect(f.receiptCode).toMatch(/^FB[0-9A-HJKMNP-TV-Z]{10}$/);
      expect(created).toBeLessThanOrEqual(NOW.getTime());
      expect(created).toBeGreaterThanOrEqual(NOW.getTime() - 90 * DAY_MS);
      expect(
        acknowledgeDeadlineProblem(new Date(created), f.acknowledgeDueAt, CALENDAR),
      ).toBeNull();
      expect(f.resolveDueAt.getTime()).toBe(created + 15 * DAY_MS);
      expect(cases.get(f.case)?.borrower).toBe(f.borrower);
      const closed = f.status === 'RESOLVED' || f.status === 'REJECTED';
      expect(f.closedAt !== null).toBe(closed);
      expect(f.resolution !== null).toBe(closed);
      expect(f.acknowledgedAt !== null).toBe(f.status !== 'RECEIVED');
      if (f.closedAt) expect(f.closedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      if (f.rating !== null) expect(f.rating >= 1 && f.rating <= 5).toBe(true);
    }
  });

  it('writes nothing after now but appointments and plans', () => {
    const past = [
      ...data.borrowers,
      ...data.cases,
      ...data.contacts,
      ...data.visits,
      ...data.feedback,
    ];
    for (const row of past) {
      expect(row.createdAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      expect(row.updatedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      expect(row.updatedAt.getTime()).toBeGreaterThanOrEqual(row.createdAt.getTime());
    }
  });

  it('keeps a handful of borrowers per bank at a tiny scale', () => {
    const tiny = generateSeedData({ ...options, scale: 0.01 });
    for (const institution of tiny.institutions) {
      const count = tiny.borrowers.filter((b) => b.institution === institution.id).length;
      expect(count).toBeGreaterThanOrEqual(5);
    }
    expect(tiny.users).toHaveLength(35);
  });

  it('produces the documented volumes at scale 1', () => {
    const full = generateSeedData({ ...options, scale: 1 });
    expect(full.borrowers).toHaveLength(2000);
    expect(full.cases.length).toBeGreaterThan(2800);
    expect(full.cases.length).toBeLessThan(3200);
    expect(full.contacts.length).toBeGreaterThan(8500);
    expect(full.contacts.length).toBeLessThan(11_500);
    expect(full.visits.length).toBeGreaterThan(350);
    expect(full.visits.length).toBeLessThan(480);
    expect(full.feedback).toHaveLength(150);
    // Weighted towards early delinquency: M1–M3 hold most cases.
    const early = full.cases.filter((c) =>
      ['M1', 'M2', 'M3'].includes(bucketForDpd(daysPastDue(c.overdueSince, NOW, ZONE))),
    );
    expect(early.length / full.cases.length).toBeGreaterThan(0.5);
    const assigned = full.cases.filter((c) => c.assignee !== null).length / full.cases.length;
    expect(assigned).toBeGreaterThan(0.75);
    expect(assigned).toBeLessThan(0.9);
  });

  it('moves with now: a day later, overdue dates are a day later', () => {
    const later = generateSeedData({ ...options, now: new Date(NOW.getTime() + DAY_MS) });
    expect(later.cases.map((c) => c.overdueSince)).toEqual(
      data.cases.map((c) => addDays(c.overdueSince, 1)),
    );
  });

  it('holds a case for each open complaint about conduct and open dispute, as the API would', () => {
    const openHolds = data.holds.filter((h) => h.releasedAt === null);
    expect(openHolds.length).toBeGreaterThan(0);
    for (const f of data.feedback) {
      const hold = data.holds.find((h) => h.feedback === f.id);
      expect(hold?.kind ?? null, f.receiptCode).toBe(holdForFeedback(f.kind, f.category));
      if (hold) expect(hold.releasedAt, f.receiptCode).toEqual(f.closedAt);
    }
    for (const hold of openHolds) {
      const held = data.cases.find((c) => c.id === hold.case)!;
      expect([CaseStatus.ON_HOLD, CaseStatus.CLOSED]).toContain(held.status);
    }
  });

  it('turns the promises heard into plans: kept ones paid in full, active ones on promised cases', () => {
    expect(data.plans.length).toBeGreaterThan(0);
    const statuses = new Set(data.plans.map((p) => p.status));
    expect([...statuses]).toEqual(expect.arrayContaining(['BROKEN', 'KEPT']));
    for (const plan of data.plans) {
      const paid = data.payments.filter((p) => p.plan === plan.id);
      const installment = data.installments.find((i) => i.plan === plan.id)!;
      expect(installment.amountFen).toBe(plan.totalFen);
      if (plan.status === 'KEPT') {
        expect(paid.map((p) => p.amountFen)).toEqual([plan.totalFen]);
        expect(paid[0]!.paidAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      } else {
        expect(paid).toEqual([]);
      }
      if (plan.status === 'ACTIVE') {
        expect(data.cases.find((c) => c.id === plan.case)!.status).toBe(CaseStatus.PROMISED);
      }
    }
    const refs = data.payments.map((p) => p.externalRef);
    expect(new Set(refs).size).toBe(refs.length);
  });
});
