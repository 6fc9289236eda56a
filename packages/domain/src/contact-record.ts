import { ContactChannel, ContactOutcome, ContactResult } from './enums.js';
import { ValidationError } from './errors.js';

/** Results each channel can produce: a letter is delivered or not, a call is answered or not. */
const RESULTS_BY_CHANNEL: Record<ContactChannel, readonly ContactResult[]> = {
  PHONE: [
    ContactResult.NOT_ANSWERED,
    ContactResult.ANSWERED,
    ContactResult.CONVERSATION,
    ContactResult.FAILED,
  ],
  SMS: [ContactResult.DELIVERED, ContactResult.FAILED],
  EMAIL: [ContactResult.DELIVERED, ContactResult.FAILED],
  LETTER: [ContactResult.DELIVERED, ContactResult.FAILED],
  APP: [ContactResult.DELIVERED, ContactResult.FAILED, ContactResult.CONVERSATION],
};

/** Outcomes that say something about a person reached; they need someone to have answered. */
const REACHED_OUTCOMES: ReadonlySet<ContactOutcome> = new Set([
  ContactOutcome.RIGHT_PARTY,
  ContactOutcome.THIRD_PARTY,
  ContactOutcome.PROMISE_TO_PAY,
  ContactOutcome.REFUSAL,
  ContactOutcome.DISPUTE,
  ContactOutcome.HARDSHIP,
  ContactOutcome.CALLBACK_REQUESTED,
]);

const REACHED_RESULTS: ReadonlySet<ContactResult> = new Set([
  ContactResult.ANSWERED,
  ContactResult.CONVERSATION,
]);

export interface ContactRecord {
  channel: ContactChannel;
  result: ContactResult;
  outcome: ContactOutcome | null;
  recordingRef: string | null;
}

/**
 * A logged contact must describe something that can have happened: a result the channel
 * can produce, an outcome only when someone was reached, and a recording for every
 * phone call that was answered (records are evidence in a complaint).
 */
export function assertContactRecord(record: ContactRecord): void {
  if (!RESULTS_BY_CHANNEL[record.channel].includes(record.result)) {
    throw new ValidationError(
      'result',
      `${record.result} is not a result of ${record.channel} (expected ${RESULTS_BY_CHANNEL[record.channel].join(', ')})`,
    );
  }
  if (
    record.outcome &&
    REACHED_OUTCOMES.has(record.outcome) &&
    !REACHED_RESULTS.has(record.result)
  ) {
    throw new ValidationError(
      'outcome',
      `${record.outcome} needs someone to have answered, but the result is ${record.result}`,
    );
  }
  if (
    record.channel === ContactChannel.PHONE &&
    REACHED_RESULTS.has(record.result) &&
    !record.recordingRef
  ) {
    throw new ValidationError(
      'recordingRef',
      'an answered phone call must carry its recording reference',
    );
  }
}
