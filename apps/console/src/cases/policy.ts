import {
  assertContactRecord,
  ContactResult,
  type ContactChannel,
  type ContactOutcome,
} from '@arrears/domain';

import { errorCode, fieldMessagesOf } from '../common/errors';
import { ROOT_ERROR } from '../dataProvider/errors';
import type { ChannelContactability } from '../dataProvider/types';

/** The per-input messages of an error from the API, without the form-wide one. */
const inputMessagesOf = (error: unknown) =>
  fieldMessagesOf(error).filter(([key]) => key !== ROOT_ERROR);

/**
 * The messages a form shows under its inputs for an error from the API (react-admin's
 * server-side validation shape: source → message), or `undefined` when the error names no
 * input. The form-wide message is left out: the form notifies the failure itself, in the
 * user's language. A policy refusal is shown by the form itself too (see `policyRefusalOf`).
 */
export const formErrorsOf = (error: unknown): Record<string, string> | undefined => {
  if (errorCode(error) === 'POLICY_VIOLATION') return undefined;
  const errors = inputMessagesOf(error);
  return errors.length ? Object.fromEntries(errors) : undefined;
};

/** The message of any error, for a notification. */
export const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : typeof error === 'string' ? error : '';

/** A channel's contactability, or `undefined` when the case did not report that channel. */
export const contactabilityOf = (
  contactability: readonly ChannelContactability[] | undefined,
  channel: string | undefined,
): ChannelContactability | undefined =>
  channel ? contactability?.find((entry) => entry.channel === channel) : undefined;

/** The results a channel can produce: a letter is delivered or not, a call answered or not. */
export const resultsForChannel = (channel: ContactChannel): ContactResult[] =>
  Object.values(ContactResult).filter((result) => {
    try {
      assertContactRecord({ channel, result, outcome: null, recordingRef: 'recording' });
      return true;
    } catch {
      return false;
    }
  });

/**
 * Why a contact as filled in cannot have happened (the domain's own check, run before the API
 * does): the input it is about, or `undefined` when it is fine.
 */
export const contactRecordProblem = (values: {
  channel?: ContactChannel | null;
  result?: ContactResult | null;
  outcome?: ContactOutcome | null;
  recordingRef?: string | null;
}): 'result' | 'outcome' | 'recordingRef' | undefined => {
  if (!values.channel || !values.result) return undefined;
  try {
    assertContactRecord({
      channel: values.channel,
      result: values.result,
      outcome: values.outcome ?? null,
      recordingRef: values.recordingRef?.trim() || null,
    });
    return undefined;
  } catch (error) {
    const field = (error as { field?: unknown }).field;
    return field === 'result' || field === 'outcome' || field === 'recordingRef' ? field : 'result';
  }
};

/** The inputs the data provider put a policy refusal on (the time, the number, the person …). */
export const refusedFieldsOf = (error: unknown): string[] =>
  inputMessagesOf(error).map(([key]) => key);
