import { describe, expect, it } from 'vitest';
import { assertContactRecord } from './contact-record.js';
import { ValidationError } from './errors.js';

describe('assertContactRecord', () => {
  it('accepts an answered, recorded call with a promise', () => {
    expect(() =>
      assertContactRecord({
        channel: 'PHONE',
        result: 'CONVERSATION',
        outcome: 'PROMISE_TO_PAY',
        recordingRef: 'rec://1',
      }),
    ).not.toThrow();
  });

  it('accepts an unanswered call without outcome or recording', () => {
    expect(() =>
      assertContactRecord({
        channel: 'PHONE',
        result: 'NOT_ANSWERED',
        outcome: null,
        recordingRef: null,
      }),
    ).not.toThrow();
  });

  it('refuses a result the channel cannot produce, naming the field', () => {
    const attempt = () =>
      assertContactRecord({
        channel: 'SMS',
        result: 'CONVERSATION',
        outcome: null,
        recordingRef: null,
      });
    expect(attempt).toThrow(ValidationError);
    expect(attempt).toThrow(/^result: CONVERSATION is not a result of SMS/);
  });

  it('refuses a right-party outcome when nobody answered', () => {
    expect(() =>
      assertContactRecord({
        channel: 'PHONE',
        result: 'NOT_ANSWERED',
        outcome: 'RIGHT_PARTY',
        recordingRef: null,
      }),
    ).toThrow(/^outcome:/);
  });

  it('allows a wrong-number outcome on a failed call', () => {
    expect(() =>
      assertContactRecord({
        channel: 'PHONE',
        result: 'FAILED',
        outcome: 'WRONG_NUMBER',
        recordingRef: null,
      }),
    ).not.toThrow();
  });

  it('refuses an answered phone call without a recording reference', () => {
    expect(() =>
      assertContactRecord({
        channel: 'PHONE',
        result: 'ANSWERED',
        outcome: 'RIGHT_PARTY',
        recordingRef: null,
      }),
    ).toThrow(/^recordingRef:/);
  });
});
