import type { EntityManager } from '@mikro-orm/core';
import { createLoaders, type Loaders } from './loaders.js';

/**
 * What every resolver and service receives first: the request's own EntityManager,
 * its loaders and the instant the request is judged at (one clock reading per request,
 * so DPD and buckets agree across a response).
 */
export interface RequestContext {
  readonly em: EntityManager;
  readonly loaders: Loaders;
  readonly now: Date;
  readonly requestId: string;
}

export function createRequestContext(
  em: EntityManager,
  requestId: string,
  now = new Date(),
): RequestContext {
  const forked = em.fork();
  return { em: forked, loaders: createLoaders(forked, now), now, requestId };
}

/**
 * Runs `work` in one database transaction, with a context whose EntityManager is the
 * transaction's: everything the work reads and writes commits or rolls back together.
 */
export function inTransaction<T>(
  ctx: RequestContext,
  work: (tx: RequestContext) => Promise<T>,
): Promise<T> {
  return ctx.em.transactional((em) => work({ ...ctx, em }));
}
