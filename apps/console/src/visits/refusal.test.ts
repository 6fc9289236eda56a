import { HttpError } from 'react-admin';
import { describe, expect, it } from 'vitest';

import { errorCodeOf, policyRefusalOf, ROOT_ERROR, submissionErrors } from './refusal';

const refused = new HttpError('Refused by the collection policy: …', 422, {
  code: 'POLICY_VIOLATION',
  field: 'windowStart',
  rules: [{ code: 'QUIET_HOURS', message: 'no contact 22:00–08:00' }, { code: 'bogus' }],
  nextAllowedAt: '2026-11-24T00:00:00.000Z',
  errors: { windowStart: 'no contact 22:00–08:00', [ROOT_ERROR]: 'Refused …' },
});

describe('policyRefusalOf', () => {
  it('reads the rules and the next allowed time of a policy refusal', () => {
    expect(policyRefusalOf(refused)).toEqual({
      rules: [{ code: 'QUIET_HOURS', message: 'no contact 22:00–08:00' }],
      nextAllowedAt: '2026-11-24T00:00:00.000Z',
    });
  });

  it('is null for any other error', () => {
    expect(policyRefusalOf(new HttpError('gone', 409, { code: 'CONFLICT' }))).toBeNull();
    expect(policyRefusalOf(new Error('boom'))).toBeNull();
    expect(policyRefusalOf(undefined)).toBeNull();
  });

  it('keeps a refusal without a next time (only an event lifts it)', () => {
    const hold = new HttpError('held', 422, {
      code: 'POLICY_VIOLATION',
      rules: [],
      nextAllowedAt: null,
    });
    expect(policyRefusalOf(hold)).toEqual({ rules: [], nextAllowedAt: null });
    expect(errorCodeOf(hold)).toBe('POLICY_VIOLATION');
  });
});

describe('submissionErrors', () => {
  it('puts the API’s messages on the form’s inputs, renamed, without the form-wide one', () => {
    expect(
      submissionErrors(refused, {
        rename: { windowStart: 'startTime' },
        inputs: ['date', 'startTime', 'endTime'],
      }),
    ).toEqual({ startTime: 'no contact 22:00–08:00' });
  });

  it('leaves out messages about inputs the form does not have', () => {
    expect(submissionErrors(refused, { inputs: ['reason'] })).toEqual({});
  });

  it('has nothing for an error that names no field', () => {
    expect(submissionErrors(new Error('network down'))).toEqual({});
  });
});
