import { describe, expect, it } from 'vitest';
import { reportRates, type ReportCounts } from './report.js';

const none: ReportCounts = {
  recoveredFen: 0,
  outstandingFen: 0,
  plansKept: 0,
  plansBroken: 0,
  borrowerCalls: 0,
  rightPartyContacts: 0,
  contacts: 0,
  complaints: 0,
};

describe('reportRates', () => {
  it('computes each rate from its counts', () => {
    expect(
      reportRates({
        recoveredFen: 25_000,
        outstandingFen: 75_000,
        plansKept: 3,
        plansBroken: 1,
        borrowerCalls: 40,
        rightPartyContacts: 10,
        contacts: 2_000,
        complaints: 3,
      }),
    ).toEqual({
      recoveryRate: 0.25,
      promiseKeptRate: 0.75,
      rightPartyContactRate: 0.25,
      complaintsPer1000Contacts: 1.5,
    });
  });

  it('gives null, not zero, where there is nothing to divide by', () => {
    expect(reportRates(none)).toEqual({
      recoveryRate: null,
      promiseKeptRate: null,
      rightPartyContactRate: null,
      complaintsPer1000Contacts: null,
    });
    expect(reportRates({ ...none, outstandingFen: 10 }).recoveryRate).toBe(0);
  });
});
