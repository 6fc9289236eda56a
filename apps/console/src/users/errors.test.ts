import { HttpError } from 'react-admin';
import { describe, expect, it } from 'vitest';

import { errorMessage, formErrors, isForbidden, isNotFound } from './errors';

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
