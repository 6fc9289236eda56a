import type { Bucket } from '@arrears/domain';
import type { GetOneParams } from 'react-admin';

import { badRequest } from '../dataProvider/errors';
import { defineOperation, type GraphqlClient } from '../dataProvider/graphqlClient';
import type { ResourceHandlers } from '../dataProvider/resource';

/** How far back the dashboard looks, in days. */
export const REPORT_DAYS = 90;

export interface VisitOutcomeCounts {
  completed: number;
  noShow: number;
  cancelled: number;
  rescheduled: number;
  /** Planned, confirmed or checked in. */
  open: number;
}

/** The schema's `ReportMetrics`: money as exact decimal strings, rates 0–1 or null. */
export interface ReportMetrics {
  recovered: string;
  outstanding: string;
  recoveryRate: number | null;
  promisesKept: number;
  promisesBroken: number;
  promiseKeptRate: number | null;
  borrowerCalls: number;
  rightPartyContacts: number;
  rightPartyContactRate: number | null;
  contacts: number;
  complaints: number;
  complaintsPer1000Contacts: number | null;
  visits: VisitOutcomeCounts;
}

export interface WeekReport {
  /** The Monday the week starts on (YYYY-MM-DD). */
  weekStart: string;
  recovered: string;
  contacts: number;
}

export interface CollectionReport {
  from: string;
  to: string;
  total: ReportMetrics;
  byBucket: { bucket: Bucket; metrics: ReportMetrics }[];
  /** `collector` null: the cases nobody is assigned. */
  byCollector: { collector: { id: string; displayName: string } | null; metrics: ReportMetrics }[];
  weekly: WeekReport[];
}

/** `getOne('collectionReports', { id: days })`: the report over the last `days` days. */
export interface CollectionReportRecord extends CollectionReport {
  id: number;
}

const METRICS = /* GraphQL */ `
  recovered
  outstanding
  recoveryRate
  promisesKept
  promisesBroken
  promiseKeptRate
  borrowerCalls
  rightPartyContacts
  rightPartyContactRate
  contacts
  complaints
  complaintsPer1000Contacts
  visits {
    completed
    noShow
    cancelled
    rescheduled
    open
  }
`;

export const COLLECTION_REPORT_QUERY = defineOperation<
  { collectionReport: CollectionReport },
  { days: number }
>(/* GraphQL */ `
  query CollectionReport($days: Int!) {
    collectionReport(days: $days) {
      from
      to
      total {
        ${METRICS}
      }
      byBucket {
        bucket
        metrics {
          ${METRICS}
        }
      }
      byCollector {
        collector {
          id
          displayName
        }
        metrics {
          ${METRICS}
        }
      }
      weekly {
        weekStart
        recovered
        contacts
      }
    }
  }
`);

/**
 * The collection report as a read-only react-admin resource, so the dashboard loads it with
 * `useGetOne` (cached, refreshed by the app bar's refresh button, auth errors handled like
 * every other call). The id is the number of days; the API scopes it to the user (a
 * collector's report covers their own cases).
 */
export const collectionReportsHandlers = (client: GraphqlClient): ResourceHandlers => ({
  async getOne({ id, signal }: GetOneParams) {
    const days = Number(id);
    if (!Number.isSafeInteger(days) || days < 1) {
      throw badRequest(`A collection report covers a whole number of days, not "${String(id)}".`);
    }
    const { collectionReport } = await client.request(
      COLLECTION_REPORT_QUERY,
      { days },
      { signal },
    );
    return { data: { id: days, ...collectionReport } satisfies CollectionReportRecord };
  },
});
