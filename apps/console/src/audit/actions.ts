/**
 * The entity types the audit trail records (the API's entity class names) and the actions
 * on them. Every write through the API's unit of work is recorded as
 * `<entityType with a lower-case first letter>.<create|update|delete>`; revealing a
 * borrower's personal data is recorded as `borrower.revealPii`.
 */
export const AUDIT_ENTITY_TYPES = [
  'Case',
  'Borrower',
  'BorrowerPhoneIndex',
  'ThirdParty',
  'Contact',
  'Visit',
  'VisitCollector',
  'RepaymentPlan',
  'Installment',
  'Payment',
  'CaseHold',
  'Feedback',
  'Task',
  'User',
  'Session',
  'PartnerApp',
  'Institution',
  'IdempotencyRecord',
] as const;

export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

export const AUDIT_VERBS = ['create', 'update', 'delete', 'revealPii'] as const;
export type AuditVerb = (typeof AUDIT_VERBS)[number];

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** Every action the trail can hold, e.g. `case.update`. */
export const AUDIT_ACTIONS: readonly string[] = [
  ...AUDIT_ENTITY_TYPES.flatMap((type) =>
    (['create', 'update', 'delete'] as const).map((verb) => `${lowerFirst(type)}.${verb}`),
  ),
  'borrower.revealPii',
];

const TYPE_BY_PREFIX = new Map<string, AuditEntityType>(
  AUDIT_ENTITY_TYPES.map((type) => [lowerFirst(type), type]),
);

export const isAuditEntityType = (value: string): value is AuditEntityType =>
  (AUDIT_ENTITY_TYPES as readonly string[]).includes(value);

/** `case.update` → { entityType: 'Case', verb: 'update' }; undefined for an action of another shape. */
export const splitAction = (
  action: string,
): { entityType: AuditEntityType; verb: AuditVerb } | undefined => {
  const dot = action.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const entityType = TYPE_BY_PREFIX.get(action.slice(0, dot));
  const verb = action.slice(dot + 1);
  if (!entityType || !(AUDIT_VERBS as readonly string[]).includes(verb)) return undefined;
  return { entityType, verb: verb as AuditVerb };
};

/** The console resource whose page shows an entity of this type, where there is one. */
export const RESOURCE_BY_ENTITY_TYPE: Partial<Record<AuditEntityType, string>> = {
  Case: 'cases',
  Borrower: 'borrowers',
  Contact: 'contacts',
  Visit: 'visits',
  Feedback: 'feedback',
  User: 'users',
  PartnerApp: 'partnerApps',
};
