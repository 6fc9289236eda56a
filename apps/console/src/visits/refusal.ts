import { fieldMessagesOf } from '../common/errors';
import { ROOT_ERROR } from '../dataProvider/errors';

/**
 * What the screens of this folder read from the data provider's errors (`HttpError` with an
 * `ApiErrorBody`) beside `common/errors`: the message a notification shows, and the messages
 * a form shows on its inputs.
 */

/** The error's message, for a notification. */
export const errorMessageOf = (error: unknown): string => {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  return 'ra.notification.http_error';
};

/**
 * What a form's submit handler returns after a failed action, for react-admin to show under
 * the inputs: the API's message under each input it names (`rename` maps the API's input names
 * to the form's). Messages about inputs the form does not have (`inputs`), and the form-wide
 * message, are left out: the dialog shows and notifies those itself.
 */
export const submissionErrors = (
  error: unknown,
  { rename = {}, inputs }: { rename?: Record<string, string>; inputs?: readonly string[] } = {},
): Record<string, string> => {
  const errors: Record<string, string> = {};
  for (const [field, text] of fieldMessagesOf(error)) {
    if (field === ROOT_ERROR) continue;
    const source = rename[field] ?? field;
    if (inputs && !inputs.includes(source)) continue;
    errors[source] = errors[source] ? `${errors[source]} ${text}` : text;
  }
  return errors;
};
