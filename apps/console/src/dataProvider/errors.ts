import type { ErrorCode } from '@arrears/domain';
import { HttpError } from 'react-admin';

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

/**
 * What `HttpError.body` holds for every error the data provider raises. `errors` follows
 * react-admin's server-side validation convention: a message per input name, which a form
 * shows under the matching input.
 */
export interface ApiErrorBody {
  /** An `ApiErrorCode`, a `ClientErrorCode`, or a code the server framework added. */
  code: string;
  errors?: Record<string, string>;
  graphqlErrors?: GraphqlError[];
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

/** For list parameters the console cannot turn into a valid API request. */
export const badRequest = (message: string): HttpError => apiError(message, 'BAD_USER_INPUT');

/**
 * Turns a GraphQL `errors` array into one `HttpError`. The first error decides the status;
 * the message lists every distinct message, and each BAD_USER_INPUT that names a field also
 * lands under `body.errors[field]`.
 *
 * @param httpStatus the status of the HTTP response, used when the code is not one the API
 *   documents (for instance a GraphQL validation error raised by the server framework).
 */
export const fromGraphqlErrors = (errors: GraphqlError[], httpStatus: number): HttpError => {
  const [first] = errors;
  const code = first?.extensions?.code;
  const messages = [...new Set(errors.map((error) => error.message.trim()).filter(Boolean))];
  const message =
    messages.join('; ') ||
    (isKnownCode(code) ? FALLBACK_MESSAGE[code] : 'The API reported an error.');

  const fieldErrors: Record<string, string> = {};
  for (const error of errors) {
    const field = error.extensions?.field;
    if (error.extensions?.code === 'BAD_USER_INPUT' && typeof field === 'string' && field) {
      fieldErrors[field] = fieldErrors[field]
        ? `${fieldErrors[field]}; ${error.message}`
        : error.message;
    }
  }

  const status = isKnownCode(code)
    ? STATUS_BY_CODE[code]
    : httpStatus >= 400
      ? httpStatus
      : STATUS_BY_CODE.INTERNAL;
  const body: ApiErrorBody = {
    code: typeof code === 'string' ? code : 'INTERNAL',
    graphqlErrors: errors,
    ...(Object.keys(fieldErrors).length > 0 ? { errors: fieldErrors } : {}),
  };
  return new HttpError(message, status, body);
};
