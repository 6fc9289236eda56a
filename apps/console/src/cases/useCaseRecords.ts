import { Permission } from '@arrears/domain';
import { useGetManyReference, type Identifier, type RaRecord } from 'react-admin';

import { useCan } from '../common/useCan';
import { MAX_PAGE_SIZE } from '../dataProvider';
import type {
  AuditEventRecord,
  ContactRecord,
  FeedbackRecord,
  HoldRecord,
  PaymentRecord,
  RepaymentPlanRecord,
  VisitRecord,
} from '../dataProvider/types';
import type { TimelineKind, TimelineSources } from './timeline';

/** Each list in its API's own order (react-admin's `id` sort means "the API's order"). */
const API_ORDER = { field: 'id', order: 'DESC' } as const;
const PAGE = { page: 1, perPage: MAX_PAGE_SIZE };

/**
 * One per-case list through its resource's `getManyReference`. Lists the user's role may not
 * read are not asked for. The case page's panels and its timeline share these queries, so each
 * is fetched once (and refetched after an action refreshes the page).
 */
const useCaseList = <T extends RaRecord>(
  resource: string,
  target: string,
  caseId: Identifier,
  enabled: boolean,
  filter: Record<string, unknown> = {},
) =>
  useGetManyReference<T>(
    resource,
    { target, id: caseId, pagination: PAGE, sort: API_ORDER, filter },
    { enabled },
  );

export interface CaseRecords {
  sources: TimelineSources;
  /** The kinds that could not be loaded. */
  failed: TimelineKind[];
  isPending: boolean;
}

/** Everything that happened on a case, for its timeline and its side panels. */
export const useCaseRecords = (caseId: Identifier): CaseRecords => {
  const can = useCan();
  const contacts = useCaseList<ContactRecord>(
    'contacts',
    'caseId',
    caseId,
    can(Permission.CONTACTS_READ),
  );
  const visits = useCaseList<VisitRecord>('visits', 'caseId', caseId, can(Permission.VISITS_READ));
  const plans = useCaseList<RepaymentPlanRecord>(
    'repaymentPlans',
    'caseId',
    caseId,
    can(Permission.CASES_READ),
  );
  const payments = useCaseList<PaymentRecord>(
    'payments',
    'caseId',
    caseId,
    can(Permission.CASES_READ),
  );
  const feedback = useCaseList<FeedbackRecord>(
    'feedback',
    'caseId',
    caseId,
    can(Permission.FEEDBACK_READ),
  );
  const holds = useCaseList<HoldRecord>('holds', 'caseId', caseId, can(Permission.CASES_READ), {
    includeReleased: true,
  });
  const auditEvents = useCaseList<AuditEventRecord>(
    'auditEvents',
    'entityId',
    caseId,
    can(Permission.AUDIT_READ),
  );

  const queries = { contacts, visits, plans, payments, feedback, holds, auditEvents };
  const kinds: Record<keyof typeof queries, TimelineKind> = {
    contacts: 'contact',
    visits: 'visit',
    plans: 'plan',
    payments: 'payment',
    feedback: 'feedback',
    holds: 'hold',
    auditEvents: 'audit',
  };
  const failed = (Object.keys(queries) as (keyof typeof queries)[])
    .filter((name) => queries[name].error)
    .map((name) => kinds[name]);

  return {
    sources: {
      contacts: contacts.data,
      visits: visits.data,
      plans: plans.data,
      payments: payments.data,
      feedback: feedback.data,
      holds: holds.data,
      auditEvents: auditEvents.data,
    },
    failed,
    // A disabled query stays pending; only the ones asked for count.
    isPending: Object.values(queries).some((query) => query.isLoading),
  };
};
