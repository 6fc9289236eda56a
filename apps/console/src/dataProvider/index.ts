import type { DataProvider } from 'react-admin';

import { casesHandlers } from './cases';
import { notSupported } from './errors';
import { createGraphqlClient, type GraphqlClientOptions } from './graphqlClient';
import { institutionsHandlers } from './institutions';
import type { DataProviderMethod, ResourceHandlers } from './resource';

export type { ApiErrorBody, ApiErrorCode } from './errors';
export { MAX_PAGE_SIZE } from './params';

export type DataProviderOptions = Partial<GraphqlClientOptions>;

/**
 * react-admin's data provider over the Arrears GraphQL API. Each resource declares the
 * methods it supports in its own module; everything else rejects with a 501 "not supported
 * yet" `HttpError`, so a screen that needs a missing operation fails loudly.
 */
export const createDataProvider = ({
  url = '/graphql',
  fetch,
  auth,
}: DataProviderOptions = {}): DataProvider => {
  const client = createGraphqlClient({
    url,
    ...(fetch ? { fetch } : {}),
    ...(auth ? { auth } : {}),
  });
  const resources: Record<string, ResourceHandlers> = {
    cases: casesHandlers(client),
    institutions: institutionsHandlers(client),
  };

  const handler = <M extends DataProviderMethod>(
    resource: string,
    method: M,
  ): NonNullable<ResourceHandlers[M]> => {
    const implemented = Object.hasOwn(resources, resource)
      ? resources[resource]?.[method]
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
  };
};
