import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RepaymentPlanKind } from './enums.js';
import { ValidationError } from './errors.js';
import { Money } from './money.js';
import {
  DEFAULT_PLAN_TERMS,
  type InstallmentState,
  MAX_INSTALLMENTS,
  type PlanDraft,
  allocatePayment,
  assertPlanSchedule,
  evaluatePlan,
} from './repayment-plan.js';
import { RULE_PACKS } from './rule-pack.js';
import { addDays, diffDays } from './time.js';

const TODAY = '2026-11-23';
const CONTEXT = {
  today: TODAY,
  outstandingFen: 5_000_000,
  hardshipPlanMaxYears: RULE_PACKS.CN.hardshipPlanMaxYears,
};

function refusal(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

const promise = (dueDate: string, amountFen = 100_000): PlanDraft => ({
  kind: RepaymentPlanKind.PROMISE,
  hardship: false,
  totalFen: amountFen,
  installments: [{ dueDate, amountFen }],
});

/** Monthly installments from `first`, splitting the total the way Money.allocate does. */
function monthly(
  totalFen: number,
  count: number,
  first = '2026-12-01',
  hardship = false,
): PlanDraft {
  const [y, m] = first.split('-').map(Number) as [number, number];
  return {
    kind: RepaymentPlanKind.INSTALLMENT,
    hardship,
    totalFen,
    installments: Money.ofFen(totalFen)
      .allocate(count)
      .map((part, i) => {
        const month = m - 1 + i;
        const date = `${y + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`;
        return { dueDate: date, amountFen: part.fen };
      }),
  };
}

describe('assertPlanSchedule', () => {
  it('accepts a promise, an extension and an installment plan', () => {
    expect(() => assertPlanSchedule(promise('2026-11-30'), CONTEXT)).not.toThrow();
    expect(() =>
      assertPlanSchedule(
        {
          kind: RepaymentPlanKind.EXTENSION,
          hardship: false,
          totalFen: 5_000_000,
          installments: [{ dueDate: '2027-02-01', amountFen: 5_000_000 }],
        },
        CONTEXT,
      ),
    ).not.toThrow();
    expect(() => assertPlanSchedule(monthly(5_000_000, 12), CONTEXT)).not.toThrow();
  });

  it('accepts a plan settling only part of the balance, and one settling all of it', () => {
    expect(() => assertPlanSchedule(promise(TODAY, 1), CONTEXT)).not.toThrow();
    expect(() => assertPlanSchedule(promise(TODAY, 5_000_000), CONTEXT)).not.toThrow();
  });

  it.each([
    [RepaymentPlanKind.PROMISE, 0],
    [RepaymentPlanKind.PROMISE, 2],
    [RepaymentPlanKind.EXTENSION, 2],
    [RepaymentPlanKind.INSTALLMENT, 1],
    [RepaymentPlanKind.INSTALLMENT, MAX_INSTALLMENTS + 1],
  ])('refuses a %s with %i installments', (kind, count) => {
    const draft: PlanDraft = {
      kind,
      hardship: false,
      totalFen: count || 1,
      installments: Array.from({ length: count }, (_, i) => ({
        dueDate: addDays(TODAY, i),
        amountFen: 1,
      })),
    };
    const error = refusal(() => assertPlanSchedule(draft, CONTEXT));
    expect(error.field).toBe('installments');
    expect(error.message).toMatch(/installment/);
  });

  it(`accepts ${MAX_INSTALLMENTS} monthly installments under a hardship plan`, () => {
    expect(() =>
      assertPlanSchedule(monthly(6_000_000, MAX_INSTALLMENTS, '2026-12-01', true), {
        ...CONTEXT,
        outstandingFen: 6_000_000,
      }),
    ).not.toThrow();
  });

  it('refuses an unknown kind', () => {
    const draft = { ...promise(TODAY), kind: 'LOAN' as RepaymentPlanKind };
    expect(refusal(() => assertPlanSchedule(draft, CONTEXT)).field).toBe('kind');
  });

  it('allows hardship only on an installment plan', () => {
    const error = refusal(() => assertPlanSchedule({ ...promise(TODAY), hardship: true }, CONTEXT));
    expect(error.field).toBe('hardship');
    expect(error.message).toBe('hardship: only an installment plan can be a hardship plan');
  });

  it.each([0, -100, 1.5, NaN, Number.MAX_SAFE_INTEGER + 2])('refuses a total of %s', (totalFen) => {
    const draft = { ...promise(TODAY), totalFen };
    expect(refusal(() => assertPlanSchedule(draft, CONTEXT)).field).toBe('totalFen');
  });

  it('refuses a total above the outstanding balance', () => {
    const error = refusal(() => assertPlanSchedule(promise(TODAY, 5_000_001), CONTEXT));
    expect(error.field).toBe('totalFen');
    expect(error.message).toBe(
      'totalFen: ¥50,000.01 is more than the outstanding balance of ¥50,000.00',
    );
  });

  it.each([0, -1, 0.5, NaN])('names the installment whose amount is %s', (amountFen) => {
    const draft = monthly(300, 3);
    draft.installments[2]!.amountFen = amountFen;
    const error = refusal(() => assertPlanSchedule(draft, CONTEXT));
    expect(error.field).toBe('installments[2].amountFen');
  });

  it('requires the amounts to add up to exactly the total', () => {
    const draft = monthly(300_000, 3);
    draft.installments[1]!.amountFen += 1;
    const error = refusal(() => assertPlanSchedule(draft, CONTEXT));
    expect(error.field).toBe('installments');
    expect(error.message).toBe(
      "installments: amounts add up to ¥3,000.01, not the plan's total of ¥3,000.00",
    );
  });

  it('handles amounts whose sum leaves the safe range', () => {
    const max = Number.MAX_SAFE_INTEGER;
    const draft: PlanDraft = {
      kind: RepaymentPlanKind.INSTALLMENT,
      hardship: false,
      totalFen: max,
      installments: [
        { dueDate: '2026-12-01', amountFen: max },
        { dueDate: '2027-01-01', amountFen: max },
      ],
    };
    const error = refusal(() => assertPlanSchedule(draft, { ...CONTEXT, outstandingFen: max }));
    expect(error.message).toMatch(/add up to more than the plan's total/);
  });

  it.each(['2026-02-29', '2026-13-01', '26-12-01', '2026-12-1', ''])(
    'refuses the due date %j',
    (dueDate) => {
      const draft = monthly(300, 3);
      draft.installments[1]!.dueDate = dueDate;
      expect(refusal(() => assertPlanSchedule(draft, CONTEXT)).field).toBe(
        'installments[1].dueDate',
      );
    },
  );

  it('requires strictly increasing due dates', () => {
    const draft = monthly(300, 3);
    draft.installments[2]!.dueDate = draft.installments[1]!.dueDate;
    const error = refusal(() => assertPlanSchedule(draft, CONTEXT));
    expect(error.field).toBe('installments[2].dueDate');
    expect(error.message).toBe(
      'installments[2].dueDate: must be after installments[1].dueDate (2027-01-01), got 2027-01-01',
    );
  });

  it('allows the first due date today but not yesterday', () => {
    expect(() => assertPlanSchedule(promise(TODAY), CONTEXT)).not.toThrow();
    const error = refusal(() => assertPlanSchedule(promise('2026-11-22'), CONTEXT));
    expect(error.field).toBe('installments[0].dueDate');
    expect(error.message).toMatch(/cannot be in the past \(today is 2026-11-23\)/);
  });

  it('lets a promise be due at most promiseMaxDays from today', () => {
    expect(() => assertPlanSchedule(promise('2026-12-23'), CONTEXT)).not.toThrow();
    const error = refusal(() => assertPlanSchedule(promise('2026-12-24'), CONTEXT));
    expect(error.field).toBe('installments[0].dueDate');
    expect(error.message).toBe(
      'installments[0].dueDate: a promise is due within 30 days (by 2026-12-23), got 2026-12-24',
    );
  });

  it('lets an extension be due at most extensionMaxDays from today', () => {
    const extension = (dueDate: string): PlanDraft => ({
      ...promise(dueDate),
      kind: RepaymentPlanKind.EXTENSION,
    });
    expect(() => assertPlanSchedule(extension('2027-02-21'), CONTEXT)).not.toThrow();
    expect(refusal(() => assertPlanSchedule(extension('2027-02-22'), CONTEXT)).message).toMatch(
      /an extension is due within 90 days \(by 2027-02-21\)/,
    );
  });

  it('lets an installment plan run one calendar year, a hardship plan the pack’s years', () => {
    const plan = (last: string, hardship: boolean): PlanDraft => ({
      kind: RepaymentPlanKind.INSTALLMENT,
      hardship,
      totalFen: 200,
      installments: [
        { dueDate: '2026-12-01', amountFen: 100 },
        { dueDate: last, amountFen: 100 },
      ],
    });
    expect(() => assertPlanSchedule(plan('2027-11-23', false), CONTEXT)).not.toThrow();
    const error = refusal(() => assertPlanSchedule(plan('2027-11-24', false), CONTEXT));
    expect(error.field).toBe('installments[1].dueDate');
    expect(error.message).toMatch(/an installment plan runs at most 1 years \(by 2027-11-23\)/);

    expect(() => assertPlanSchedule(plan('2031-11-23', true), CONTEXT)).not.toThrow();
    expect(refusal(() => assertPlanSchedule(plan('2031-11-24', true), CONTEXT)).message).toMatch(
      /a hardship plan runs at most 5 years \(by 2031-11-23\)/,
    );
    // An institution that tightened the pack to 3 years gets 3.
    expect(() =>
      assertPlanSchedule(plan('2029-11-24', true), { ...CONTEXT, hardshipPlanMaxYears: 3 }),
    ).toThrow(/by 2029-11-23/);
  });

  it('counts calendar years from 29 February to 28 February', () => {
    const plan: PlanDraft = {
      kind: RepaymentPlanKind.INSTALLMENT,
      hardship: false,
      totalFen: 200,
      installments: [
        { dueDate: '2028-03-01', amountFen: 100 },
        { dueDate: '2029-03-01', amountFen: 100 },
      ],
    };
    const leapDay = { ...CONTEXT, today: '2028-02-29' };
    expect(refusal(() => assertPlanSchedule(plan, leapDay)).message).toMatch(/by 2029-02-28/);
  });

  it('honours other terms', () => {
    const terms = { ...DEFAULT_PLAN_TERMS, promiseMaxDays: 7 };
    expect(() => assertPlanSchedule(promise('2026-12-01'), { ...CONTEXT, terms })).toThrow(
      /within 7 days/,
    );
  });

  it('refuses a malformed context', () => {
    const draft = promise(TODAY);
    expect(refusal(() => assertPlanSchedule(draft, { ...CONTEXT, today: 'x' })).field).toBe(
      'today',
    );
    expect(refusal(() => assertPlanSchedule(draft, { ...CONTEXT, outstandingFen: -1 })).field).toBe(
      'outstandingFen',
    );
    expect(
      refusal(() => assertPlanSchedule(draft, { ...CONTEXT, hardshipPlanMaxYears: 0 })).field,
    ).toBe('hardshipPlanMaxYears');
    const terms = { ...DEFAULT_PLAN_TERMS, graceDays: -1 };
    expect(refusal(() => assertPlanSchedule(draft, { ...CONTEXT, terms })).field).toBe(
      'terms.graceDays',
    );
  });
});

const inst = (id: string, dueDate: string, amountFen: number, paidFen = 0): InstallmentState => ({
  id,
  dueDate,
  amountFen,
  paidFen,
});

describe('allocatePayment', () => {
  const plan = [
    inst('c', '2027-01-10', 10_000),
    inst('a', '2026-11-10', 10_000, 10_000),
    inst('b', '2026-12-10', 10_000, 2_500),
  ];

  it('fills the earliest-due open installment first', () => {
    expect(allocatePayment(plan, 5_000)).toEqual({
      allocations: [{ installmentId: 'b', amountFen: 5_000 }],
      unallocatedFen: 0,
    });
    expect(allocatePayment(plan, 12_000)).toEqual({
      allocations: [
        { installmentId: 'b', amountFen: 7_500 },
        { installmentId: 'c', amountFen: 4_500 },
      ],
      unallocatedFen: 0,
    });
  });

  it('leaves what no installment can take unallocated', () => {
    expect(allocatePayment(plan, 20_000)).toEqual({
      allocations: [
        { installmentId: 'b', amountFen: 7_500 },
        { installmentId: 'c', amountFen: 10_000 },
      ],
      unallocatedFen: 2_500,
    });
    expect(allocatePayment([inst('a', '2026-11-10', 100, 100)], 50)).toEqual({
      allocations: [],
      unallocatedFen: 50,
    });
    expect(allocatePayment([], 50)).toEqual({ allocations: [], unallocatedFen: 50 });
  });

  it('breaks due-date ties by array order', () => {
    const tied = [inst('x', '2026-12-10', 100), inst('y', '2026-12-10', 100)];
    expect(allocatePayment(tied, 150).allocations).toEqual([
      { installmentId: 'x', amountFen: 100 },
      { installmentId: 'y', amountFen: 50 },
    ]);
  });

  it.each([0, -1, 0.5, NaN, Number.MAX_SAFE_INTEGER + 1])('refuses a payment of %s', (amount) => {
    expect(refusal(() => allocatePayment(plan, amount)).field).toBe('amountFen');
  });

  it('refuses installments paid beyond their amount, naming the installment', () => {
    const bad = [inst('a', '2026-11-10', 100), inst('b', '2026-12-10', 100, 101)];
    expect(refusal(() => allocatePayment(bad, 1)).field).toBe('installments[1].paidFen');
  });
});

// Open installments as fast-check sees them: small amounts so ties and exhaustion both happen.
const installmentsArb = fc
  .array(
    fc
      .record({
        day: fc.integer({ min: 0, max: 20 }),
        amountFen: fc.integer({ min: 1, max: 10_000 }),
        paidShare: fc.double({ min: 0, max: 1, noNaN: true }),
      })
      .map(({ day, amountFen, paidShare }) => ({
        dueDate: addDays('2026-11-01', day),
        amountFen,
        paidFen: Math.floor(amountFen * paidShare),
      })),
    { maxLength: 12 },
  )
  .map((rows) => rows.map((row, i): InstallmentState => ({ id: `i${i}`, ...row })));

describe('allocatePayment properties', () => {
  it('conserves money, never over-fills and fills in due order', () => {
    fc.assert(
      fc.property(installmentsArb, fc.integer({ min: 1, max: 150_000 }), (installments, amount) => {
        const { allocations, unallocatedFen } = allocatePayment(installments, amount);
        expect(allocations.reduce((s, a) => s + a.amountFen, 0) + unallocatedFen).toBe(amount);
        expect(unallocatedFen).toBeGreaterThanOrEqual(0);

        const given = new Map<string, number>();
        for (const a of allocations) {
          expect(a.amountFen).toBeGreaterThan(0);
          expect(given.has(a.installmentId)).toBe(false);
          given.set(a.installmentId, a.amountFen);
        }
        const ordered = installments
          .map((row, index) => ({ row, index }))
          .sort((a, b) => a.row.dueDate.localeCompare(b.row.dueDate) || a.index - b.index)
          .map(({ row }) => row);
        // Walking in due order: full, full, …, at most one partial, then nothing.
        let stillFilling = true;
        for (const row of ordered) {
          const open = row.amountFen - row.paidFen;
          const got = given.get(row.id) ?? 0;
          expect(got).toBeLessThanOrEqual(open);
          if (!stillFilling) expect(got).toBe(0);
          if (got < open) stillFilling = false;
        }
        // Money is left over only when every installment is full.
        if (unallocatedFen > 0) expect(stillFilling).toBe(true);
      }),
    );
  });
});

describe('evaluatePlan', () => {
  const due = '2026-11-10';

  it('keeps the plan ACTIVE through the last grace day and breaks it the day after', () => {
    const plan = [inst('a', due, 10_000, 0)];
    // 2026-11-10 + 3 grace days = 2026-11-13: still time to pay.
    expect(evaluatePlan(plan, '2026-11-10')).toEqual({
      status: 'ACTIVE',
      brokenInstallmentId: null,
      shortfallFen: 0,
    });
    expect(evaluatePlan(plan, '2026-11-13').status).toBe('ACTIVE');
    expect(evaluatePlan(plan, '2026-11-14')).toEqual({
      status: 'BROKEN',
      brokenInstallmentId: 'a',
      shortfallFen: 10_000,
    });
  });

  it('forgives a shortfall of exactly the tolerance, not one fen more', () => {
    expect(evaluatePlan([inst('a', due, 10_000, 9_900)], '2026-11-14')).toEqual({
      status: 'KEPT',
      brokenInstallmentId: null,
      shortfallFen: 0,
    });
    expect(evaluatePlan([inst('a', due, 10_000, 9_899)], '2026-11-14')).toEqual({
      status: 'BROKEN',
      brokenInstallmentId: 'a',
      shortfallFen: 101,
    });
  });

  it('is KEPT once everything is paid, even before the due dates', () => {
    const plan = [inst('a', '2026-12-10', 500, 500), inst('b', '2027-01-10', 500, 450)];
    expect(evaluatePlan(plan, '2026-11-01').status).toBe('KEPT');
  });

  it('is ACTIVE while paid installments are due and later ones are not', () => {
    const plan = [inst('a', '2026-11-10', 500, 500), inst('b', '2026-12-10', 500, 0)];
    expect(evaluatePlan(plan, '2026-12-13').status).toBe('ACTIVE');
    expect(evaluatePlan(plan, '2026-12-14')).toMatchObject({
      status: 'BROKEN',
      brokenInstallmentId: 'b',
    });
  });

  it('reports the earliest-due broken installment, whatever the array order', () => {
    const plan = [
      inst('late', '2026-12-10', 500, 0),
      inst('early', '2026-11-10', 500, 100),
      inst('tie', '2026-11-10', 500, 0),
    ];
    expect(evaluatePlan(plan, '2027-01-01')).toEqual({
      status: 'BROKEN',
      brokenInstallmentId: 'early',
      shortfallFen: 400,
    });
  });

  it('honours other terms', () => {
    const terms = { ...DEFAULT_PLAN_TERMS, graceDays: 0, toleranceFen: 0 };
    const plan = [inst('a', due, 10_000, 9_999)];
    expect(evaluatePlan(plan, '2026-11-10', terms).status).toBe('ACTIVE');
    expect(evaluatePlan(plan, '2026-11-11', terms).status).toBe('BROKEN');
  });

  it('refuses an empty plan, a bad date and malformed installments', () => {
    expect(refusal(() => evaluatePlan([], TODAY)).field).toBe('installments');
    expect(refusal(() => evaluatePlan([inst('a', due, 1)], '2026-11-31')).field).toBe('today');
    expect(refusal(() => evaluatePlan([inst('a', 'soon', 1)], TODAY)).field).toBe(
      'installments[0].dueDate',
    );
  });

  it('never breaks a plan before a due date plus grace has passed', () => {
    fc.assert(
      fc.property(installmentsArb, fc.integer({ min: 0, max: 30 }), (installments, day) => {
        fc.pre(installments.length > 0);
        const today = addDays('2026-11-01', day);
        const result = evaluatePlan(installments, today);
        if (result.status === 'BROKEN') {
          const broken = installments.find((i) => i.id === result.brokenInstallmentId)!;
          expect(diffDays(today, broken.dueDate)).toBeGreaterThan(DEFAULT_PLAN_TERMS.graceDays);
          expect(result.shortfallFen).toBeGreaterThan(DEFAULT_PLAN_TERMS.toleranceFen);
        }
        const allPaid = installments.every(
          (i) => i.amountFen - i.paidFen <= DEFAULT_PLAN_TERMS.toleranceFen,
        );
        expect(result.status === 'KEPT').toBe(allPaid);
      }),
    );
  });
});

describe('assertPlanSchedule properties', () => {
  // A total split at distinct cut points into n positive parts, due on n increasing dates.
  const scheduleArb = fc
    .record({
      kind: fc.constantFrom(
        RepaymentPlanKind.PROMISE,
        RepaymentPlanKind.EXTENSION,
        RepaymentPlanKind.INSTALLMENT,
      ),
      hardship: fc.boolean(),
      totalFen: fc.integer({ min: MAX_INSTALLMENTS, max: 1_000_000_000 }),
      slack: fc.integer({ min: 0, max: 1_000_000 }),
      count: fc.integer({ min: 2, max: MAX_INSTALLMENTS }),
      seed: fc.integer(),
    })
    .chain(({ kind, hardship, totalFen, slack, count, seed }) => {
      const n = kind === RepaymentPlanKind.INSTALLMENT ? count : 1;
      const horizon =
        kind === RepaymentPlanKind.PROMISE
          ? DEFAULT_PLAN_TERMS.promiseMaxDays
          : kind === RepaymentPlanKind.EXTENSION
            ? DEFAULT_PLAN_TERMS.extensionMaxDays
            : diffDays(hardship ? '2031-11-23' : '2027-11-23', TODAY);
      return fc
        .record({
          cuts: fc.uniqueArray(fc.integer({ min: 1, max: totalFen - 1 }), {
            minLength: n - 1,
            maxLength: n - 1,
          }),
          offsets: fc.uniqueArray(fc.integer({ min: 0, max: horizon }), {
            minLength: n,
            maxLength: n,
          }),
        })
        .map(({ cuts, offsets }) => {
          const bounds = [0, ...cuts.sort((a, b) => a - b), totalFen];
          const days = offsets.sort((a, b) => a - b);
          const draft: PlanDraft = {
            kind,
            hardship: kind === RepaymentPlanKind.INSTALLMENT && hardship,
            totalFen,
            installments: days.map((offset, i) => ({
              dueDate: addDays(TODAY, offset),
              amountFen: bounds[i + 1]! - bounds[i]!,
            })),
          };
          return { draft, outstandingFen: totalFen + slack, seed };
        });
    });

  it('accepts every well-formed schedule', () => {
    fc.assert(
      fc.property(scheduleArb, ({ draft, outstandingFen }) => {
        assertPlanSchedule(draft, { ...CONTEXT, outstandingFen });
      }),
    );
  });

  it('refuses it once one amount is off by a fen', () => {
    fc.assert(
      fc.property(scheduleArb, fc.boolean(), ({ draft, outstandingFen, seed }, up) => {
        const i = Math.abs(seed) % draft.installments.length;
        const row = draft.installments[i]!;
        fc.pre(up || row.amountFen > 1);
        row.amountFen += up ? 1 : -1;
        const error = refusal(() => assertPlanSchedule(draft, { ...CONTEXT, outstandingFen }));
        expect(error.field).toBe('installments');
      }),
    );
  });
});
