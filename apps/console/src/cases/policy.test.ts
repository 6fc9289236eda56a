import { HttpError } from 'react-admin';
import { describe, expect, it } from 'vitest';

import {
  contactabilityOf,
  contactRecordProblem,
  formErrorsOf,
  refusedFieldsOf,
  resultsForChannel,
} from './policy';

const refused = new HttpError('Refused by the collection policy: …', 422, {
  code: 'POLICY_VIOLATION',
  rules: [{ code: 'QUIET_HOURS', message: 'No contact between 22:00 and 08:00' }],
  nextAllowedAt: '2026-03-02T00:00:00.000Z',
  errors: { occurredAt: 'No contact …', 'root.serverError': 'Refused …' },
});

const invalid = new HttpError('recordingRef: an answered phone call must carry …', 400, {
  code: 'BAD_USER_INPUT',
  field: 'recordingRef',
  errors: { recordingRef: 'an answered phone call must carry …', 'root.serverError': 'x' },
});

describe('formErrorsOf', () => {
  it('puts server messages on the inputs they name, without the form-wide one', () => {
    expect(formErrorsOf(invalid)).toEqual({ recordingRef: 'an answered phone call must carry …' });
  });

  it('leaves a policy refusal to the form', () => {
    expect(formErrorsOf(refused)).toBeUndefined();
    expect(refusedFieldsOf(refused)).toEqual(['occurredAt']);
  });

  it('is undefined when the error names no input', () => {
    expect(formErrorsOf(new HttpError('Not found', 404, { code: 'NOT_FOUND' }))).toBeUndefined();
  });
});

describe('contact rules', () => {
  it('offers only the results a channel can produce', () => {
    expect(resultsForChannel('SMS')).toEqual(['DELIVERED', 'FAILED']);
    expect(resultsForChannel('PHONE').sort()).toEqual(
      ['ANSWERED', 'CONVERSATION', 'FAILED', 'NOT_ANSWERED'].sort(),
    );
  });

  it('names the input that makes a contact impossible', () => {
    expect(contactRecordProblem({ channel: 'PHONE', result: 'CONVERSATION' })).toBe('recordingRef');
    expect(
      contactRecordProblem({ channel: 'PHONE', result: 'CONVERSATION', recordingRef: 'rec-1' }),
    ).toBeUndefined();
    expect(
      contactRecordProblem({ channel: 'PHONE', result: 'NOT_ANSWERED', outcome: 'PROMISE_TO_PAY' }),
    ).toBe('outcome');
    expect(contactRecordProblem({ channel: 'SMS', result: 'ANSWERED' })).toBe('result');
    expect(contactRecordProblem({ channel: 'SMS' })).toBeUndefined();
  });

  it("finds a channel's contactability", () => {
    const phone = { channel: 'PHONE' as const, allowed: false, nextAllowedAt: null, reasons: [] };
    expect(contactabilityOf([phone], 'PHONE')).toBe(phone);
    expect(contactabilityOf([phone], 'SMS')).toBeUndefined();
    expect(contactabilityOf(undefined, 'SMS')).toBeUndefined();
  });
});
