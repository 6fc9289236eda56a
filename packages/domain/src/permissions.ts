import { Role } from './enums.js';

/**
 * What an actor may do. Roles (people) and partner scopes (API keys) both grant
 * permissions, so every check in the API asks one question: does the actor hold it?
 */
export const Permission = {
  INSTITUTIONS_READ: 'institutions:read',
  USERS_READ: 'users:read',
  USERS_MANAGE: 'users:manage',
  PARTNERS_MANAGE: 'partners:manage',
  BORROWERS_READ: 'borrowers:read',
  BORROWERS_WRITE: 'borrowers:write',
  PII_REVEAL: 'pii:reveal',
  CASES_READ: 'cases:read',
  CASES_CREATE: 'cases:create',
  CASES_WRITE: 'cases:write',
  CASES_ASSIGN: 'cases:assign',
  CONTACTS_READ: 'contacts:read',
  CONTACTS_WRITE: 'contacts:write',
  VISITS_READ: 'visits:read',
  VISITS_WRITE: 'visits:write',
  FEEDBACK_READ: 'feedback:read',
  FEEDBACK_MANAGE: 'feedback:manage',
  AUDIT_READ: 'audit:read',
  PAYMENTS_WRITE: 'payments:write',
  /** Lift a hold someone placed by hand (feedback and plan holds lift with their source). */
  HOLDS_RELEASE: 'holds:release',
  /** Choose the rule pack, tighten it, set the calendar and the escalation ladder. */
  POLICY_MANAGE: 'policy:manage',
  /** Run the daily cycle (re-bucket, evaluate plans, escalate) on demand. */
  STRATEGY_RUN: 'strategy:run',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

const READ_ALL: readonly Permission[] = [
  Permission.INSTITUTIONS_READ,
  Permission.USERS_READ,
  Permission.BORROWERS_READ,
  Permission.CASES_READ,
  Permission.CONTACTS_READ,
  Permission.VISITS_READ,
  Permission.FEEDBACK_READ,
];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  [Role.ADMIN]: [
    ...READ_ALL,
    Permission.USERS_MANAGE,
    Permission.PARTNERS_MANAGE,
    Permission.BORROWERS_WRITE,
    Permission.CASES_CREATE,
    Permission.CASES_WRITE,
    Permission.CASES_ASSIGN,
    Permission.FEEDBACK_MANAGE,
    Permission.AUDIT_READ,
    Permission.PAYMENTS_WRITE,
    Permission.HOLDS_RELEASE,
    Permission.POLICY_MANAGE,
    Permission.STRATEGY_RUN,
  ],
  [Role.SUPERVISOR]: [
    ...READ_ALL,
    Permission.BORROWERS_WRITE,
    Permission.PII_REVEAL,
    Permission.CASES_CREATE,
    Permission.CASES_WRITE,
    Permission.CASES_ASSIGN,
    Permission.CONTACTS_WRITE,
    Permission.VISITS_WRITE,
    Permission.FEEDBACK_MANAGE,
    Permission.PAYMENTS_WRITE,
    Permission.HOLDS_RELEASE,
  ],
  // Collectors work their own cases; the API narrows what they read to those.
  [Role.COLLECTOR]: [
    Permission.INSTITUTIONS_READ,
    Permission.USERS_READ,
    Permission.BORROWERS_READ,
    Permission.CASES_READ,
    Permission.CASES_WRITE,
    Permission.CONTACTS_READ,
    Permission.CONTACTS_WRITE,
    Permission.VISITS_READ,
    Permission.VISITS_WRITE,
    Permission.FEEDBACK_READ,
  ],
  // Auditors read everything and write nothing.
  [Role.AUDITOR]: [...READ_ALL, Permission.AUDIT_READ],
};

/** Scopes a partner app can be granted: the permissions that make sense for a machine. */
export const PARTNER_SCOPES: readonly Permission[] = [
  Permission.INSTITUTIONS_READ,
  Permission.BORROWERS_READ,
  Permission.BORROWERS_WRITE,
  Permission.CASES_READ,
  Permission.CASES_CREATE,
  Permission.CASES_WRITE,
  Permission.CONTACTS_READ,
  Permission.CONTACTS_WRITE,
  Permission.VISITS_READ,
  Permission.VISITS_WRITE,
  Permission.FEEDBACK_READ,
  Permission.PAYMENTS_WRITE,
];

export function isPartnerScope(value: string): value is Permission {
  return (PARTNER_SCOPES as readonly string[]).includes(value);
}

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
