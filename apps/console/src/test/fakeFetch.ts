import { HttpError } from 'react-admin';
import { expect } from 'vitest';

/** A stand-in for `fetch` that records each GraphQL request and answers from a script. */

export interface RecordedRequest {
  url: string;
  init: RequestInit;
  query: string;
  variables: Record<string, unknown>;
}

type Answer = Response | Error | ((request: RecordedRequest) => Response | Promise<Response>);

export interface FakeFetch {
  fetch: typeof fetch;
  requests: RecordedRequest[];
}

/** Answers the n-th request with the n-th answer; an `Error` answer makes `fetch` reject. */
export const fakeFetch = (...answers: Answer[]): FakeFetch => {
  const requests: RecordedRequest[] = [];
  const fetch: typeof globalThis.fetch = async (input, init = {}) => {
    const { query, variables } = JSON.parse(String(init.body)) as {
      query: string;
      variables: Record<string, unknown>;
    };
    const request = { url: String(input), init, query, variables };
    requests.push(request);
    const answer = answers[requests.length - 1];
    if (answer === undefined) throw new Error(`unexpected request #${requests.length}: ${query}`);
    if (answer instanceof Error) throw answer;
    return typeof answer === 'function' ? answer(request) : answer;
  };
  return { fetch, requests };
};

/** A GraphQL-over-HTTP response with a JSON body. */
export const graphqlResponse = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/graphql-response+json; charset=utf-8' },
  });

/** One GraphQL error as the API sends it. */
export const graphqlError = (message: string, extensions: Record<string, unknown> = {}) => ({
  message,
  path: ['cases'],
  extensions,
});

/** The HttpError `promise` rejects with, failing the test if it resolves. */
export const rejectionOf = async (promise: Promise<unknown>): Promise<HttpError> => {
  const error: unknown = await promise.then(
    () => expect.fail('expected a rejection'),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(HttpError);
  return error as HttpError;
};
