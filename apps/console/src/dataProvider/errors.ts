import type { ContactRuleCode, ErrorCode } from '@arrears/domain';
import { HttpError } from 'react-admin';

import { sortableDateTime } from '../common/dateTime';

/** The `extensions.code` values the API promises: the domain's error codes. */
export type ApiErrorCode = ErrorCode;

/** Codes the console itself raises, never the API. */
export type ClientErrorCode = 'NOT_SUPPORTED' | 'NETWORK_ERROR' | 'BAD_RESPONSE';

/** One entry of a GraphQL response's `errors` array. */
export interface GraphqlError {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; field?: string; [key: string]: unknown };
}

/** One rule that refused an action (POLICY_VIOLATION's `extensions.rules`). */
export interface PolicyRuleMessage {
  code: ContactRuleCode;
  message: string;
}

/**
 * The key under `errors` for the form-wide message: react-admin hands `errors` to
 * react-hook-form's `setError` key by key, and notifies `root.serverError` when it is set
 * (instead of its generic "the form is not valid").
 */
export const ROOT_ERROR = 'root.serverError';

/**
 * What `HttpError.body` holds for every error the data provider raises.
 *
 * `errors` follows react-admin's server-side validation convention: a message per input
 * source (a dotted path for nested inputs, `installments.1.amount`), which a form in
 * `pessimistic` mutation mode shows under the matching input, plus `root.serverError` with
 * the whole message for the notification. It is set whenever the API names a field, and for
 * every POLICY_VIOLATION.
 */
export interface ApiErrorBody {
  /** An `ApiErrorCode`, a `ClientErrorCode`, or a code the server framework added. */
  code: string;
  /** The input the (first) error is about, as a form source. */
  field?: string;
  /** POLICY_VIOLATION: the rules that refuse the action, each with its message. */
  rules?: PolicyRuleMessage[];
  /** POLICY_VIOLATION: the next instant it would be allowed; null when only an event can allow it. */
  nextAllowedAt?: string | null;
  errors?: Record<string, string>;
  graphqlErrors?: GraphqlError[];
  /** A bulk update that failed for some records: their ids. */
  failedIds?: string[];
}

/**
 * How one operation's errors land on its form. The API names fields by its input's names;
 * forms use the same names unless `rename` says otherwise. A POLICY_VIOLATION names no field,
 * only rules: `policy` says which input each rule is about (the time of a contact, the
 * number dialled …). A rule left out is about the action as a whole (a hold), and shows as
 * the form-wide message only.
 */
export interface ErrorFieldMap {
  rename?: Readonly<Record<string, string>>;
  policy?: Readonly<Partial<Record<ContactRuleCode, string>>>;
}

export interface ErrorContext {
  fields?: ErrorFieldMap | undefined;
  /** The IANA zone the next allowed time is written in; the viewer's own when left out. */
  timeZone?: string | undefined;
}

const STATUS_BY_CODE: Record<ApiErrorCode | ClientErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  POLICY_VIOLATION: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  NOT_SUPPORTED: 501,
  // No HTTP exchange took place; 0 is what a browser reports for that.
  NETWORK_ERROR: 0,
  BAD_RESPONSE: 502,
};

/** Used when the API sent an error without a message (it should not). */
const FALLBACK_MESSAGE: Record<ApiErrorCode, string> = {
  BAD_USER_INPUT: 'The input is not valid.',
  UNAUTHENTICATED: 'Please sign in again.',
  FORBIDDEN: 'You are not allowed to do this.',
  NOT_FOUND: 'Not found.',
  CONFLICT: 'Someone else changed this record; reload and try again.',
  POLICY_VIOLATION: 'The collection policy does not allow this now.',
  RATE_LIMITED: 'Too many requests; wait a moment and try again.',
  INTERNAL: 'The server failed; try again later.',
};

const isKnownCode = (code: unknown): code is ApiErrorCode =>
  typeof code === 'string' && Object.hasOwn(FALLBACK_MESSAGE, code);

/** An `HttpError` whose status follows from `code` unless `status` says otherwise. */
export const apiError = (
  message: string,
  code: ApiErrorCode | ClientErrorCode,
  { status = STATUS_BY_CODE[code], ...body }: Omit<ApiErrorBody, 'code'> & { status?: number } = {},
): HttpError => new HttpError(message, status, { code, ...body } satisfies ApiErrorBody);

/** For data-provider methods and resources the API has no operation for yet. */
export const notSupported = (resource: string, method: string): HttpError =>
  apiError(
    `${resource}.${method} is not supported yet: the API has no operation for it.`,
    'NOT_SUPPORTED',
  );

/** For parameters the console cannot turn into a valid API request. */
export const badRequest = (message: string): HttpError => apiError(message, 'BAD_USER_INPUT');

/** The API's field path (`installments[1].amount`) as a form source (`installments.1.amount`). */
export const toFormSource = (field: string, rename?: ErrorFieldMap['rename']): string => {
  const dotted = field.replace(/\[(\d+)\]/g, '.$1');
  return rename?.[field] ?? rename?.[dotted] ?? dotted;
};

/** "occurredAt: cannot be in the future" under the occurredAt input reads "cannot be in the future". */
const withoutFieldPrefix = (message: string, field: string): string =>
  message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;

/**
 * An instant as "2026-03-02 08:00 (Asia/Shanghai)": unambiguous in any locale, and in the zone
 * the viewer works in. An unknown zone falls back to UTC; a malformed instant is shown as sent.
 */
export const formatInstant = (iso: string, timeZone?: string): string => {
  const written = sortableDateTime(iso, timeZone);
  return written ? `${written.text} (${written.timeZone})` : iso;
};

/** The sentence a refusal ends with: when it would be allowed, or that only an event can allow it. */
export const nextAllowedSentence = (nextAllowedAt: string | null, timeZone?: string): string =>
  nextAllowedAt
    ? `Allowed again from ${formatInstant(nextAllowedAt, timeZone)}.`
    : 'No time is set: it stays refused until what blocks it is lifted.';

const sentence = (text: string): string => (/[.!?。]$/.test(text) ? text : `${text}.`);

/** A POLICY_VIOLATION's `rules`, read defensively: entries without a code and a message are dropped. */
export const parseRules = (value: unknown): PolicyRuleMessage[] =>
  Array.isArray(value)
    ? value.flatMap((rule: unknown) =>
        typeof rule === 'object' &&
        rule !== null &&
        typeof (rule as { code?: unknown }).code === 'string' &&
        typeof (rule as { message?: unknown }).message === 'string'
          ? [rule as PolicyRuleMessage]
          : [],
      )
    : [];

/**
 * A POLICY_VIOLATION as a person reads it: every rule's message and the next allowed time,
 * the whole under `root.serverError` and each rule's message under the input it is about.
 */
const fromPolicyViolation = (
  error: GraphqlError,
  errors: GraphqlError[],
  { fields, timeZone }: ErrorContext,
): HttpError => {
  const rules = parseRules(error.extensions?.rules);
  const next = error.extensions?.nextAllowedAt;
  const nextAllowedAt = typeof next === 'string' ? next : null;
  const when = nextAllowedSentence(nextAllowedAt, timeZone);
  const reasons = rules.map((rule) => sentence(rule.message.trim()));
  const message = reasons.length
    ? `Refused by the collection policy: ${reasons.join(' ')} ${when}`
    : `${sentence(error.message.trim() || FALLBACK_MESSAGE.POLICY_VIOLATION)} ${when}`;

  // The API may name the input itself; otherwise each rule goes where the operation maps it.
  const byField = new Map<string, string[]>();
  const named = error.extensions?.field;
  if (typeof named === 'string' && named) {
    byField.set(toFormSource(named, fields?.rename), reasons.length ? reasons : [message]);
  } else {
    rules.forEach((rule, index) => {
      const field = fields?.policy?.[rule.code];
      if (field) byField.set(field, [...(byField.get(field) ?? []), reasons[index]!]);
    });
  }
  const fieldErrors: Record<string, string> = {};
  for (const [field, messages] of byField) {
    const text = messages.join(' ');
    fieldErrors[field] = text.endsWith(when) ? text : `${text} ${when}`;
  }
  const [field] = byField.keys();

  const body: ApiErrorBody = {
    code: 'POLICY_VIOLATION',
    ...(field ? { field } : {}),
    rules,
    nextAllowedAt,
    errors: { ...fieldErrors, [ROOT_ERROR]: message },
    graphqlErrors: errors,
  };
  return new HttpError(message, STATUS_BY_CODE.POLICY_VIOLATION, body);
};

/**
 * Turns a GraphQL `errors` array into one `HttpError`. The first error decides the status;
 * the message lists every distinct message, and each error that names a field also lands
 * under `body.errors[source]` (see `ApiErrorBody`). A POLICY_VIOLATION becomes a sentence
 * with its rules and the next allowed time, with the rules on the inputs `context.fields`
 * maps them to.
 *
 * @param httpStatus the status of the HTTP response, used when the code is not one the API
 *   documents (for instance a GraphQL validation error raised by the server framework).
 */
export const fromGraphqlErrors = (
  errors: GraphqlError[],
  httpStatus: number,
  context: ErrorContext = {},
): HttpError => {
  const [first] = errors;
  const code = first?.extensions?.code;
  if (first && code === 'POLICY_VIOLATION') return fromPolicyViolation(first, errors, context);

  const messages = [...new Set(errors.map((error) => error.message.trim()).filter(Boolean))];
  const message =
    messages.join('; ') ||
    (isKnownCode(code) ? FALLBACK_MESSAGE[code] : 'The API reported an error.');

  const fieldErrors: Record<string, string> = {};
  let firstField: string | undefined;
  for (const error of errors) {
    const field = error.extensions?.field;
    if (typeof field !== 'string' || !field) continue;
    const source = toFormSource(field, context.fields?.rename);
    const text = withoutFieldPrefix(error.message.trim(), field);
    fieldErrors[source] = fieldErrors[source] ? `${fieldErrors[source]}; ${text}` : text;
    firstField ??= source;
  }

  const status = isKnownCode(code)
    ? STATUS_BY_CODE[code]
    : httpStatus >= 400
      ? httpStatus
      : STATUS_BY_CODE.INTERNAL;
  const body: ApiErrorBody = {
    code: typeof code === 'string' ? code : 'INTERNAL',
    ...(firstField ? { field: firstField } : {}),
    graphqlErrors: errors,
    ...(firstField ? { errors: { ...fieldErrors, [ROOT_ERROR]: message } } : {}),
  };
  return new HttpError(message, status, body);
};

/**
 * For bulk updates done one record at a time: the records that failed, the first failure's
 * status and message, and which ids to look at. The others were updated.
 */
export const partialFailure = (
  action: string,
  total: number,
  failures: { id: string; error: unknown }[],
): HttpError => {
  const [first] = failures;
  const cause = first?.error;
  const status = cause instanceof HttpError ? cause.status : STATUS_BY_CODE.INTERNAL;
  const code =
    cause instanceof HttpError && typeof (cause.body as ApiErrorBody | undefined)?.code === 'string'
      ? (cause.body as ApiErrorBody).code
      : 'INTERNAL';
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new HttpError(`${failures.length} of ${total} could not be ${action}: ${reason}`, status, {
    code,
    failedIds: failures.map((f) => f.id),
  } satisfies ApiErrorBody);
};
