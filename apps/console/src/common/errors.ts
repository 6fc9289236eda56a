import { parseRules, type PolicyRuleMessage } from '../dataProvider/errors';

/** What the data provider's `HttpError` carries, read defensively (any thrown value may arrive). */
interface ErrorLike {
  status?: unknown;
  message?: unknown;
  body?: {
    code?: unknown;
    errors?: unknown;
    rules?: unknown;
    nextAllowedAt?: unknown;
    failedIds?: unknown;
  } | null;
}

const asErrorLike = (error: unknown): ErrorLike =>
  typeof error === 'object' && error !== null ? (error as ErrorLike) : {};

/** The API's `extensions.code` (FORBIDDEN, NOT_FOUND, CONFLICT …) when the error has one. */
export const errorCode = (error: unknown): string | undefined => {
  const code = asErrorLike(error).body?.code;
  return typeof code === 'string' ? code : undefined;
};

/** The HTTP status the data provider gave the error (403 for FORBIDDEN, 404 for NOT_FOUND …). */
export const errorStatus = (error: unknown): number | undefined => {
  const status = asErrorLike(error).status;
  return typeof status === 'number' ? status : undefined;
};

/** The API refused because the signed-in user's role may not do this. */
export const isForbidden = (error: unknown): boolean =>
  errorCode(error) === 'FORBIDDEN' || errorStatus(error) === 403;

export const isNotFound = (error: unknown): boolean =>
  errorCode(error) === 'NOT_FOUND' || errorStatus(error) === 404;

/** The records a bulk update failed for (`failedIds`), when it failed for some. */
export const failedIdsOf = (error: unknown): string[] => {
  const ids = asErrorLike(error).body?.failedIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
};

/** A refusal by the collection policy: the rules that refuse, and when it would be allowed. */
export interface PolicyRefusal {
  rules: PolicyRuleMessage[];
  /** Null when only an event (a hold released …) can allow it. */
  nextAllowedAt: string | null;
}

/** The rules that refused the action and when it would be allowed; null for any other error. */
export const policyRefusalOf = (error: unknown): PolicyRefusal | null => {
  const body = asErrorLike(error).body;
  if (!body || body.code !== 'POLICY_VIOLATION') return null;
  return {
    rules: parseRules(body.rules),
    nextAllowedAt: typeof body.nextAllowedAt === 'string' ? body.nextAllowedAt : null,
  };
};

/** The error's own message (the API's words), or undefined when it has none. */
export const errorMessage = (error: unknown): string | undefined => {
  const message = asErrorLike(error).message;
  return typeof message === 'string' && message.trim() ? message.trim() : undefined;
};

/**
 * Server-side validation errors per form input (react-admin's convention, see
 * `dataProvider/errors.ts`), for a form's submit handler to return so each message lands
 * under its input. Undefined when the error names no input.
 */
export const formErrors = (error: unknown): Record<string, string> | undefined => {
  const entries = fieldMessagesOf(error);
  return entries.length ? Object.fromEntries(entries) : undefined;
};

/** The per-input messages of the error's body (`ROOT_ERROR` among them), as [source, message]. */
export const fieldMessagesOf = (error: unknown): [string, string][] => {
  const errors = asErrorLike(error).body?.errors;
  if (typeof errors !== 'object' || errors === null) return [];
  return Object.entries(errors).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string',
  );
};
