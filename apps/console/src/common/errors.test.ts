import { HttpError } from 'react-admin';
import { describe, expect, it } from 'vitest';

import {
  errorCode,
  errorMessage,
  failedIdsOf,
  fieldMessagesOf,
  formErrors,
  isForbidden,
  isNotFound,
  policyRefusalOf,
} from './errors';

const forbidden = new HttpError('You do not have permission to do this', 403, {
  code: 'FORBIDDEN',
});

describe('API errors', () => {
  it('recognises FORBIDDEN by its code or its status', () => {
    expect(isForbidden(forbidden)).toBe(true);
    expect(isForbidden(new HttpError('no', 403))).toBe(true);
    expect(isForbidden({ body: { code: 'FORBIDDEN' } })).toBe(true);
    expect(isForbidden(new HttpError('gone', 404, { code: 'NOT_FOUND' }))).toBe(false);
    expect(isForbidden(new Error('network'))).toBe(false);
    expect(isForbidden(undefined)).toBe(false);
  });

  it('recognises NOT_FOUND', () => {
    expect(isNotFound(new HttpError('gone', 404, { code: 'NOT_FOUND' }))).toBe(true);
    expect(isNotFound(forbidden)).toBe(false);
  });

  it("keeps the API's message", () => {
    expect(errorMessage(forbidden)).toBe('You do not have permission to do this');
    expect(errorMessage({ message: '  ' })).toBeUndefined();
    expect(errorMessage('text')).toBeUndefined();
  });

  it('gives the per-input messages a form shows', () => {
    const error = new HttpError('resolution: must not be empty', 400, {
      code: 'BAD_USER_INPUT',
      field: 'resolution',
      errors: {
        resolution: 'must not be empty',
        'root.serverError': 'resolution: must not be empty',
      },
    });
    expect(formErrors(error)).toEqual({
      resolution: 'must not be empty',
      'root.serverError': 'resolution: must not be empty',
    });
    expect(formErrors(forbidden)).toBeUndefined();
    expect(formErrors(new HttpError('x', 400, { code: 'X', errors: { a: 1 } }))).toBeUndefined();
  });
});

describe('policyRefusalOf', () => {
  const refused = new HttpError('Refused by the collection policy: …', 422, {
    code: 'POLICY_VIOLATION',
    field: 'windowStart',
    rules: [{ code: 'QUIET_HOURS', message: 'no contact 22:00–08:00' }, { code: 'bogus' }],
    nextAllowedAt: '2026-11-24T00:00:00.000Z',
    errors: { windowStart: 'no contact 22:00–08:00', 'root.serverError': 'Refused …' },
  });

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
    expect(errorCode(hold)).toBe('POLICY_VIOLATION');
  });
});

describe('fieldMessagesOf', () => {
  it('keeps the text messages of the body, the form-wide one among them', () => {
    const error = new HttpError('x', 400, {
      code: 'BAD_USER_INPUT',
      errors: { reason: 'must not be empty', 'root.serverError': 'x', bogus: 1 },
    });
    expect(fieldMessagesOf(error)).toEqual([
      ['reason', 'must not be empty'],
      ['root.serverError', 'x'],
    ]);
    expect(fieldMessagesOf(new Error('network'))).toEqual([]);
    expect(fieldMessagesOf({ body: null })).toEqual([]);
  });
});

describe('failedIdsOf', () => {
  it('lists the records a bulk update failed for', () => {
    const partial = new HttpError('1 of 3 could not be assigned', 403, {
      code: 'FORBIDDEN',
      failedIds: ['c2'],
    });
    expect(failedIdsOf(partial)).toEqual(['c2']);
    expect(failedIdsOf(new Error('x'))).toEqual([]);
  });
});
