/**
 * The rates of the collection report (PRODUCT.md: reports), from counts and sums the caller
 * gathers for one slice (an institution, a bucket, a collector). A rate with nothing to
 * divide by is null, not zero: "no promises came due" is not "no promise was kept".
 */
export interface ReportCounts {
  /** Money received in the period, fen. */
  recoveredFen: number;
  /** What the cases still owe now, fen. */
  outstandingFen: number;
  /** Plans that came to an end in the period, kept or broken. */
  plansKept: number;
  plansBroken: number;
  /** Outbound phone calls to borrowers, and those that reached the borrower in person. */
  borrowerCalls: number;
  rightPartyContacts: number;
  /** Every outbound contact, and the complaints received. */
  contacts: number;
  complaints: number;
}

export interface ReportRates {
  /** Recovered / (recovered + still outstanding): the share of the period's debt brought back. */
  recoveryRate: number | null;
  promiseKeptRate: number | null;
  rightPartyContactRate: number | null;
  complaintsPer1000Contacts: number | null;
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

export function reportRates(counts: ReportCounts): ReportRates {
  return {
    recoveryRate: ratio(counts.recoveredFen, counts.recoveredFen + counts.outstandingFen),
    promiseKeptRate: ratio(counts.plansKept, counts.plansKept + counts.plansBroken),
    rightPartyContactRate: ratio(counts.rightPartyContacts, counts.borrowerCalls),
    complaintsPer1000Contacts:
      counts.contacts > 0 ? (counts.complaints * 1000) / counts.contacts : null,
  };
}

/** Outcomes that mean the borrower in person was on the line (a right-party contact). */
export const RIGHT_PARTY_OUTCOMES = Object.freeze([
  'RIGHT_PARTY',
  'PROMISE_TO_PAY',
  'REFUSAL',
  'DISPUTE',
  'HARDSHIP',
  'CALLBACK_REQUESTED',
] as const);
