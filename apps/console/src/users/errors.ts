/** What the data provider's `HttpError` carries, read defensively (any thrown value may arrive). */
interface ErrorLike {
  status?: unknown;
  message?: unknown;
  body?: { code?: unknown; errors?: unknown } | null;
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
  const errors = asErrorLike(error).body?.errors;
  if (typeof errors !== 'object' || errors === null) return undefined;
  const entries = Object.entries(errors).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string',
  );
  return entries.length ? Object.fromEntries(entries) : undefined;
};
