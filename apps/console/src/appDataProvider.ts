import type { DataProvider } from 'react-admin';

import type { Session } from './auth';
import { collectionReportsHandlers } from './dashboard/reportResource';
import { createDataProvider, RESOURCES, type ArrearsDataProvider } from './dataProvider';
import { createGraphqlClient, type GraphqlClientOptions } from './dataProvider/graphqlClient';
import type { ResourceHandlers } from './dataProvider/resource';
import { collectionPoliciesHandlers } from './policy/policyResource';

/**
 * The console's data provider: `src/dataProvider` plus the two resources the dashboard and the
 * policy page read through react-admin's hooks, which the shared provider does not have (yet):
 *
 * - `collectionReports` — `getOne({ id: days })`: the API's `collectionReport(days)`;
 * - `collectionPolicies` — `getOne`/`update` with the institution's id: `institution.collectionPolicy`
 *   (through `me`) and `updateCollectionPolicy`.
 *
 * Should `src/dataProvider` come to serve these resources itself (list them in its
 * `RESOURCES`), it takes over.
 */
export const createAppDataProvider = (
  session: Session,
  { url = '/graphql', fetch }: Partial<Pick<GraphqlClientOptions, 'url' | 'fetch'>> = {},
): ArrearsDataProvider => {
  // Refusals name their next allowed time in the institution's zone, like the rest of the console.
  const timeZone = () => session.user()?.institution.timeZone;
  const options = { url, auth: session, timeZone, ...(fetch ? { fetch } : {}) };
  const base = createDataProvider(options);
  const client = createGraphqlClient(options);
  const served: ReadonlySet<string> = new Set(RESOURCES);
  const extra: Record<string, ResourceHandlers> = Object.fromEntries(
    Object.entries({
      collectionReports: collectionReportsHandlers(client),
      collectionPolicies: collectionPoliciesHandlers(client),
    }).filter(([resource]) => !served.has(resource)),
  );

  // The handlers answer with records of the resource they serve, whatever type the caller named.
  const getOne = ((resource, params) =>
    extra[resource]?.getOne?.(params) ?? base.getOne(resource, params)) as DataProvider['getOne'];
  const update = ((resource, params) =>
    extra[resource]?.update?.(params) ?? base.update(resource, params)) as DataProvider['update'];
  return { ...base, getOne, update };
};
