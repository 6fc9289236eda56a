import { Permission, Role, roleHasPermission } from '@arrears/domain';

/**
 * Who may do what in the console: react-admin's `authProvider.canAccess({ resource, action })`
 * answers from this table. It decides what the console offers (menu entries, pages, buttons);
 * the API checks every request itself with the same permissions (`ROLE_PERMISSIONS` of
 * `@arrears/domain`), so the two cannot drift apart: an action here needs the permission the
 * API's resolver asks for.
 *
 * Actions are react-admin's (`list`, `show`, `create`, `edit`, `delete`, `export`) plus the
 * workflow verbs screens ask about (`assign`, `revealPII`, `checkIn`, `run`, …).
 */

/** Page actions that only read. */
const READ_ACTIONS: ReadonlySet<string> = new Set(['list', 'show', 'export']);

interface ResourceRule {
  /** Needed to read it at all (`list`, `show`, `export`). */
  read: Permission;
  /**
   * Roles that get its pages and menu entry (`list`). Others may still `show` a record they
   * reach from another page (a case's borrower) when they can read it. Left out: every role
   * that can read it.
   */
  screens?: readonly Role[];
  /** Every other action and the permission it needs; `null`: nobody (append-only records). */
  actions?: Readonly<Record<string, Permission | null>>;
  /** The permission for an action `actions` does not name; `null` (default): nobody. */
  write?: Permission | null;
}

const { ADMIN, SUPERVISOR, COLLECTOR, AUDITOR } = Role;
const P = Permission;

/** Resources and custom pages, by the name react-admin (or `canAccess`) uses. */
export const ACCESS_RULES: Readonly<Record<string, ResourceRule>> = {
  // ---- custom pages
  /** The reports dashboard (the collector's start page is the worklist instead). */
  dashboard: { read: P.CASES_READ, screens: [ADMIN, SUPERVISOR, AUDITOR] },
  /** The signed-in collector's prioritised worklist (`myWorklist`). */
  worklist: { read: P.CASES_READ, screens: [COLLECTOR] },
  /** The institution's collection policy (rule pack, tightenings, calendar, ladder). */
  collectionPolicies: { read: P.POLICY_MANAGE, write: P.POLICY_MANAGE },
  /** The report behind the dashboard; a collector's covers their own cases. */
  collectionReports: { read: P.CASES_READ },
  /** Running the daily cycle on demand (`runDailyCycle`). */
  dailyCycle: { read: P.STRATEGY_RUN, write: P.STRATEGY_RUN },

  // ---- resources with screens
  cases: {
    read: P.CASES_READ,
    actions: { create: P.CASES_CREATE, assign: P.CASES_ASSIGN, delete: null },
    write: P.CASES_WRITE,
  },
  borrowers: {
    read: P.BORROWERS_READ,
    screens: [ADMIN, SUPERVISOR],
    actions: { revealPII: P.PII_REVEAL, delete: null },
    write: P.BORROWERS_WRITE,
  },
  contacts: {
    read: P.CONTACTS_READ,
    screens: [ADMIN, SUPERVISOR, COLLECTOR],
    // A contact is a record of what happened: logged once, never edited or deleted.
    actions: { create: P.CONTACTS_WRITE, edit: null, delete: null },
  },
  visits: {
    read: P.VISITS_READ,
    screens: [ADMIN, SUPERVISOR, COLLECTOR],
    actions: { delete: null },
    write: P.VISITS_WRITE,
  },
  feedback: {
    read: P.FEEDBACK_READ,
    screens: [ADMIN, SUPERVISOR],
    // Borrowers submit feedback through the public mutation, not the console.
    actions: { create: null, delete: null },
    write: P.FEEDBACK_MANAGE,
  },
  tasks: {
    read: P.CASES_READ,
    screens: [ADMIN, SUPERVISOR, COLLECTOR],
    actions: { delete: null },
    write: P.CASES_WRITE,
  },
  users: {
    read: P.USERS_READ,
    screens: [ADMIN],
    actions: { delete: null },
    write: P.USERS_MANAGE,
  },
  partnerApps: { read: P.PARTNERS_MANAGE, screens: [ADMIN], write: P.PARTNERS_MANAGE },
  auditEvents: { read: P.AUDIT_READ, screens: [ADMIN, AUDITOR], actions: { verify: P.AUDIT_READ } },

  // ---- per-case records (shown on the case page, no menu entry of their own)
  repaymentPlans: { read: P.CASES_READ, actions: { delete: null }, write: P.CASES_WRITE },
  payments: { read: P.CASES_READ, actions: { create: P.PAYMENTS_WRITE } },
  holds: {
    read: P.CASES_READ,
    actions: { create: P.CASES_WRITE, edit: P.HOLDS_RELEASE, release: P.HOLDS_RELEASE },
  },
  institutions: { read: P.INSTITUTIONS_READ, screens: [] },
};

const ROLES: ReadonlySet<string> = new Set(Object.values(Role));

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && ROLES.has(value);

/**
 * Whether `role` may perform `action` on `resource`. No role (signed out): nothing. A
 * field-level resource (`users.role`) follows its resource. A resource this table does not know
 * is allowed, so a new screen is not hidden by accident: the API still decides.
 */
export const canRoleAccess = (role: unknown, resource: string, action: string): boolean => {
  if (!isRole(role)) return false;
  const rule = ACCESS_RULES[resource.split('.')[0] ?? resource];
  if (!rule) return true;
  if (!roleHasPermission(role, rule.read)) return false;
  if (action === 'list') return rule.screens ? rule.screens.includes(role) : true;
  if (READ_ACTIONS.has(action)) return true;
  const needed =
    rule.actions && Object.hasOwn(rule.actions, action) ? rule.actions[action] : rule.write;
  return needed != null && roleHasPermission(role, needed);
};
