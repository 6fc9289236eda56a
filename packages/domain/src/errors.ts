/**
 * Errors the rules raise. Each carries the public error code the API exposes as
 * `extensions.code`; the API maps them in one place and adds nothing domain-specific.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'POLICY_VIOLATION'
  | 'RATE_LIMITED'
  | 'INTERNAL';

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  /** Extra facts for the client (rendered into `extensions`). Never personal data. */
  readonly details: Record<string, unknown>;

  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

/** Input that breaks a rule of form: names the offending field (dotted path for nested input). */
export class ValidationError extends DomainError {
  readonly code = 'BAD_USER_INPUT' as const;
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`, { field });
  }
}

/** A state machine was asked for a move it does not allow. */
export class InvalidTransitionError extends DomainError {
  readonly code = 'CONFLICT' as const;
  constructor(
    readonly machine: string,
    readonly from: string,
    readonly to: string,
    readonly allowed: readonly string[],
  ) {
    super(
      `${machine} cannot move from ${from} to ${to}` +
        (allowed.length ? ` (allowed: ${allowed.join(', ')})` : ` (${from} is final)`),
      { machine, from, to, allowed },
    );
  }
}

/** A rule of collection refuses the action: which rules, why, and when it would be allowed. */
export class PolicyViolationError extends DomainError {
  readonly code = 'POLICY_VIOLATION' as const;
  constructor(
    readonly rules: readonly { code: string; message: string }[],
    readonly nextAllowedAt: Date | null,
  ) {
    super(`Refused by the collection policy: ${rules.map((r) => r.message).join(' ')}`, {
      rules: rules.map((r) => ({ code: r.code, message: r.message })),
      nextAllowedAt: nextAllowedAt?.toISOString() ?? null,
    });
  }
}
