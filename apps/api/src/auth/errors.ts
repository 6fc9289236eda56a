import { DomainError } from '@arrears/domain';

/** No valid credentials: log in, or send a valid API key. */
export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED' as const;
  constructor(message = 'Sign in, or send a valid API key, to do this') {
    super(message);
  }
}

/** Valid credentials that do not carry the permission asked for. */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN' as const;
  constructor(
    message = 'You do not have permission to do this',
    details: Record<string, unknown> = {},
  ) {
    super(message, details);
  }
}
