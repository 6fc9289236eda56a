import { auditActions, auditEventsHandlers } from './auditEvents';
import { borrowerActions, borrowersHandlers } from './borrowers';
import { casesHandlers } from './cases';
import { contactsHandlers } from './contacts';
import { notSupported } from './errors';
import { feedbackHandlers } from './feedback';
import { createGraphqlClient, type GraphqlClientOptions } from './graphqlClient';
import { holdsHandlers } from './holds';
import { institutionsHandlers } from './institutions';
import { partnerAppActions, partnerAppsHandlers } from './partnerApps';
import { paymentsHandlers } from './payments';
import { policyActions } from './policy';
import { repaymentPlanActions, repaymentPlansHandlers } from './repaymentPlans';
import type { DataProviderMethod, ResourceHandlers } from './resource';
import { strategyActions } from './strategy';
import { tasksHandlers } from './tasks';
import type { ArrearsActions, ArrearsDataProvider } from './types';
import { usersHandlers } from './users';
import { visitActions, visitsHandlers } from './visits';

export type { ApiErrorBody, ApiErrorCode, PolicyRuleMessage } from './errors';
export { ROOT_ERROR } from './errors';
export { MAX_PAGE_SIZE } from './params';
export type { ArrearsActions, ArrearsDataProvider } from './types';

export type DataProviderOptions = Partial<GraphqlClientOptions>;

/** The resources the console has, each in its own module. */
export const RESOURCES = [
  'cases',
  'borrowers',
  'contacts',
  'visits',
  'feedback',
  'users',
  'partnerApps',
  'auditEvents',
  'repaymentPlans',
  'payments',
  'tasks',
  'holds',
  'institutions',
] as const;
export type ResourceName = (typeof RESOURCES)[number];

/**
 * react-admin's data provider over the Arrears GraphQL API. Each resource declares the
 * methods it supports in its own module; everything else rejects with a 501 "not supported
 * yet" `HttpError`, so a screen that needs a missing operation fails loudly. Beside the
 * standard methods it has the workflow actions of `ArrearsActions` (`useDataProvider<
 * ArrearsDataProvider>()`).
 */
export const createDataProvider = ({
  url = '/graphql',
  fetch,
  auth,
  timeZone,
}: DataProviderOptions = {}): ArrearsDataProvider => {
  const client = createGraphqlClient({
    url,
    ...(fetch ? { fetch } : {}),
    ...(auth ? { auth } : {}),
    ...(timeZone ? { timeZone } : {}),
  });
  const resources: Record<ResourceName, ResourceHandlers> = {
    cases: casesHandlers(client),
    borrowers: borrowersHandlers(client),
    contacts: contactsHandlers(client),
    visits: visitsHandlers(client),
    feedback: feedbackHandlers(client),
    users: usersHandlers(client),
    partnerApps: partnerAppsHandlers(client),
    auditEvents: auditEventsHandlers(client),
    repaymentPlans: repaymentPlansHandlers(client),
    payments: paymentsHandlers(client),
    tasks: tasksHandlers(client),
    holds: holdsHandlers(client),
    institutions: institutionsHandlers(client),
  };
  const actions: ArrearsActions = {
    ...policyActions(client),
    ...visitActions(client),
    ...borrowerActions(client),
    ...partnerAppActions(client),
    ...strategyActions(client),
    ...auditActions(client),
    ...repaymentPlanActions(client),
  };

  const handler = <M extends DataProviderMethod>(
    resource: string,
    method: M,
  ): NonNullable<ResourceHandlers[M]> => {
    const implemented = Object.hasOwn(resources, resource)
      ? resources[resource as ResourceName][method]
      : undefined;
    return implemented ?? (() => Promise.reject(notSupported(resource, method)));
  };

  return {
    getList: (resource, params) => handler(resource, 'getList')(params),
    getOne: (resource, params) => handler(resource, 'getOne')(params),
    getMany: (resource, params) => handler(resource, 'getMany')(params),
    getManyReference: (resource, params) => handler(resource, 'getManyReference')(params),
    update: (resource, params) => handler(resource, 'update')(params),
    updateMany: (resource, params) => handler(resource, 'updateMany')(params),
    create: (resource, params) => handler(resource, 'create')(params),
    delete: (resource, params) => handler(resource, 'delete')(params),
    deleteMany: (resource, params) => handler(resource, 'deleteMany')(params),
    // react-admin then passes each query's AbortSignal, and the client hands it to fetch.
    supportAbortSignal: true,
    ...actions,
  };
};
