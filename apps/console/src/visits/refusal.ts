import type { ContactRuleCode } from '@arrears/domain';

/**
 * What the screens of this folder read from the data provider's errors (`HttpError` with an
 * `ApiErrorBody`), without depending on react-admin: a policy refusal's rules and next allowed
 * time, and the messages a form shows on its inputs.
 */

/** Where the data provider puts the form-wide message among the field messages. */
export const ROOT_ERROR = 'root.serverError';

export interface PolicyRefusal {
  rules: { code: ContactRuleCode; message: string }[];
  /** Null when only an event (a hold released …) can allow it. */
  nextAllowedAt: string | null;
}

interface ErrorBody {
  code?: unknown;
  rules?: unknown;
  nextAllowedAt?: unknown;
  errors?: unknown;
}

const bodyOf = (error: unknown): ErrorBody | undefined => {
  if (typeof error !== 'object' || error === null || !('body' in error)) return undefined;
  const { body } = error;
  return typeof body === 'object' && body !== null ? (body as ErrorBody) : undefined;
};

/** The API's error code (`POLICY_VIOLATION`, `CONFLICT` …), when the error carries one. */
export const errorCodeOf = (error: unknown): string | undefined => {
  const code = bodyOf(error)?.code;
  return typeof code === 'string' ? code : undefined;
};

/** The rules that refused the action and when it would be allowed; null for any other error. */
export const policyRefusalOf = (error: unknown): PolicyRefusal | null => {
  const body = bodyOf(error);
  if (!body || body.code !== 'POLICY_VIOLATION') return null;
  const rules = Array.isArray(body.rules)
    ? body.rules.filter(
        (rule): rule is PolicyRefusal['rules'][number] =>
          typeof rule === 'object' &&
          rule !== null &&
          typeof (rule as { code?: unknown }).code === 'string' &&
          typeof (rule as { message?: unknown }).message === 'string',
      )
    : [];
  return {
    rules,
    nextAllowedAt: typeof body.nextAllowedAt === 'string' ? body.nextAllowedAt : null,
  };
};

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
  const fieldErrors = bodyOf(error)?.errors;
  if (typeof fieldErrors === 'object' && fieldErrors !== null) {
    for (const [field, text] of Object.entries(fieldErrors)) {
      if (field === ROOT_ERROR || typeof text !== 'string') continue;
      const source = rename[field] ?? field;
      if (inputs && !inputs.includes(source)) continue;
      errors[source] = errors[source] ? `${errors[source]} ${text}` : text;
    }
  }
  return errors;
};
