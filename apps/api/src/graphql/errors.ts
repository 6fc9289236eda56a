import { DomainError, ValidationError, type ErrorCode } from '@arrears/domain';
import { unwrapResolverError } from '@apollo/server/errors';
import {
  ForeignKeyConstraintViolationException,
  NotNullConstraintViolationException,
  OptimisticLockError,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import type { GraphQLFormattedError } from 'graphql';

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND' as const;
  constructor(entity: string, id: string) {
    super(`${entity} ${id} was not found`, { entity });
  }
}

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT' as const;
}

/** Apollo's own codes for requests that never reached a resolver, folded into ours. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

export interface ErrorReporter {
  (error: unknown): void;
}

/**
 * The single place errors become responses: typed `extensions.code`, the domain's details,
 * and nothing internal (no stack, no SQL) for anything unexpected, which is reported instead.
 */
export function createErrorFormatter(report: ErrorReporter) {
  return (formatted: GraphQLFormattedError, raw: unknown): GraphQLFormattedError => {
    const error = unwrapResolverError(raw);
    const base = {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
    };
    if (error instanceof DomainError) {
      return {
        ...base,
        message: error.message,
        extensions: { ...error.details, code: error.code },
      };
    }
    if (error instanceof OptimisticLockError) {
      return withCode(
        base,
        'CONFLICT',
        'The record was changed by someone else; reload it and try again',
      );
    }
    if (error instanceof UniqueConstraintViolationException) {
      return withCode(base, 'CONFLICT', 'A record with the same unique key already exists');
    }
    if (
      error instanceof ForeignKeyConstraintViolationException ||
      error instanceof NotNullConstraintViolationException
    ) {
      report(error);
      return withCode(base, 'BAD_USER_INPUT', 'The input refers to a record that does not exist');
    }
    const apolloCode = formatted.extensions?.code;
    if (typeof apolloCode === 'string' && REQUEST_ERROR_CODES.has(apolloCode)) {
      return withCode(base, 'BAD_USER_INPUT', formatted.message);
    }
    report(error);
    return withCode(
      { locations: base.locations, path: base.path },
      'INTERNAL',
      'Internal server error',
    );
  };
}

function withCode(
  base: Omit<GraphQLFormattedError, 'message'> & { message?: string },
  code: ErrorCode,
  message: string,
): GraphQLFormattedError {
  return { ...base, message, extensions: { code } };
}

/** Shorthand used by services for input problems they find themselves. */
export function invalid(field: string, message: string): ValidationError {
  return new ValidationError(field, message);
}

/**
 * Runs a domain check whose field names are the domain's (`installments[1].amountFen`) and
 * reports them by the input's names (`installments[1].amount`), so a client can put the
 * message on the right form field.
 */
export function withInputFields<T>(rename: (field: string) => string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const message = error.message.startsWith(`${error.field}: `)
      ? error.message.slice(error.field.length + 2)
      : error.message;
    throw new ValidationError(rename(error.field), message);
  }
}
