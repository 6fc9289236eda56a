import { HttpError } from 'react-admin';

import { apiError, fromGraphqlErrors, type ErrorFieldMap, type GraphqlError } from './errors';

export type Variables = Record<string, unknown>;

/**
 * A GraphQL document together with the types of its variables and result, so that
 * `client.request(operation, variables)` is checked at compile time.
 */
export interface Operation<TData, TVariables extends Variables> {
  readonly document: string;
  /** Where its errors land on the form that sent it (see `ErrorFieldMap`). */
  readonly errorFields?: ErrorFieldMap;
  /** Never set: it only carries the two type parameters. */
  readonly __types?: (variables: TVariables) => TData;
}

export const defineOperation = <TData, TVariables extends Variables>(
  document: string,
  errorFields?: ErrorFieldMap,
): Operation<TData, TVariables> => (errorFields ? { document, errorFields } : { document });

export interface GraphqlClient {
  /**
   * Sends one operation and resolves to its `data`. Rejects with an `HttpError` (body:
   * `ApiErrorBody`) when the API cannot be reached, answers something that is not a GraphQL
   * response, or reports errors; rejects with the original `AbortError` when `signal` aborts.
   */
  request<TData, TVariables extends Variables>(
    operation: Operation<TData, TVariables>,
    variables: TVariables,
    options?: { signal?: AbortSignal },
  ): Promise<TData>;
}

/** How the client signs its requests in; the session in `src/auth` implements it. */
export interface RequestAuth {
  /**
   * The bearer token for the next request (renewed first when it is about to expire), or
   * `undefined` to send none.
   */
  token(): Promise<string | undefined>;
  /**
   * Called at most once per request, when the API answered UNAUTHENTICATED to `rejected`:
   * resolves to a token worth one retry, or `undefined` when there is none.
   */
  renew(rejected: string): Promise<string | undefined>;
}

export interface GraphqlClientOptions {
  /** The endpoint, e.g. `/graphql` (same origin; the dev server proxies it to the API). */
  url: string;
  /** Defaults to the global `fetch`; tests pass a fake. */
  fetch?: typeof fetch;
  /** Sends `Authorization: Bearer <token>` when it has a token; without it, requests are anonymous. */
  auth?: RequestAuth;
  /**
   * The IANA zone error messages write times in (a refusal's next allowed time): the signed-in
   * user's institution's, so it matches the rest of the console. The viewer's own zone when
   * left out or when it returns `undefined`.
   */
  timeZone?: () => string | undefined;
}

interface GraphqlResponse {
  data?: unknown;
  errors?: GraphqlError[];
}

export const createGraphqlClient = ({
  url,
  fetch: fetchImpl = (input, init) => fetch(input, init),
  auth,
  timeZone,
}: GraphqlClientOptions): GraphqlClient => {
  const send = async <TData, TVariables extends Variables>(
    operation: Operation<TData, TVariables>,
    variables: TVariables,
    signal: AbortSignal | undefined,
    token: string | undefined,
  ): Promise<TData> => {
    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          // GraphQL over HTTP: prefer the dedicated media type, accept plain JSON from older servers.
          Accept: 'application/graphql-response+json, application/json;q=0.9',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query: operation.document, variables }),
        credentials: 'same-origin',
        signal,
      });
      text = await response.text();
    } catch (error) {
      if (signal?.aborted) throw error;
      throw apiError(
        'Cannot reach the Arrears API. Check the connection and try again.',
        'NETWORK_ERROR',
      );
    }

    const payload = parseGraphqlResponse(text);
    if (payload?.errors?.length) {
      throw fromGraphqlErrors(payload.errors, response.status, {
        fields: operation.errorFields,
        timeZone: timeZone?.(),
      });
    }
    if (!response.ok) {
      const reason = `${response.status} ${response.statusText}`.trim();
      throw apiError(`The Arrears API answered ${reason}.`, 'BAD_RESPONSE', {
        status: response.status,
      });
    }
    if (payload?.data === undefined || payload.data === null) {
      throw apiError('The Arrears API sent an answer the console cannot read.', 'BAD_RESPONSE');
    }
    return payload.data as TData;
  };

  return {
    async request<TData, TVariables extends Variables>(
      operation: Operation<TData, TVariables>,
      variables: TVariables,
      { signal }: { signal?: AbortSignal } = {},
    ): Promise<TData> {
      const token = await auth?.token();
      try {
        return await send(operation, variables, signal, token);
      } catch (error) {
        // An expired or revoked token: renew it once and retry; otherwise the 401 stands
        // (and the auth provider's checkError sends the user to the login page).
        if (!auth || !token || !(error instanceof HttpError) || error.status !== 401) throw error;
        const renewed = await auth.renew(token);
        if (!renewed || renewed === token || signal?.aborted) throw error;
        return send(operation, variables, signal, renewed);
      }
    },
  };
};

/** Parses a response body as a GraphQL response; `undefined` when it is not one. */
const parseGraphqlResponse = (text: string): GraphqlResponse | undefined => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const { data, errors } = json as { data?: unknown; errors?: unknown };
  if (errors !== undefined && !isGraphqlErrorList(errors)) return undefined;
  return { data, errors };
};

const isGraphqlErrorList = (value: unknown): value is GraphqlError[] =>
  Array.isArray(value) &&
  value.every(
    (error: unknown) =>
      typeof error === 'object' &&
      error !== null &&
      typeof (error as { message?: unknown }).message === 'string',
  );
