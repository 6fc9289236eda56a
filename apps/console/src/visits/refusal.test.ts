import { HttpError } from 'react-admin';
import { describe, expect, it } from 'vitest';

import { ROOT_ERROR } from '../dataProvider/errors';
import { submissionErrors } from './refusal';

const refused = new HttpError('Refused by the collection policy: …', 422, {
  code: 'POLICY_VIOLATION',
  field: 'windowStart',
  rules: [{ code: 'QUIET_HOURS', message: 'no contact 22:00–08:00' }, { code: 'bogus' }],
  nextAllowedAt: '2026-11-24T00:00:00.000Z',
  errors: { windowStart: 'no contact 22:00–08:00', [ROOT_ERROR]: 'Refused …' },
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
