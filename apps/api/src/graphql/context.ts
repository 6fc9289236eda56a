import type { EntityManager } from '@mikro-orm/core';
import type { Actor } from '../auth/actor.js';
import type { AuthService } from '../auth/auth.service.js';
import { scopeToActor } from '../auth/data-scope.js';
import type { RateLimits } from '../security/rate-limiter.js';
import { createLoaders, type Loaders } from './loaders.js';

/**
 * What every resolver and service receives first: who is asking, the request's own
 * EntityManager (scoped to what the actor may see), its loaders, and the instant the request
 * is judged at (one clock reading per request, so DPD and buckets agree across a response).
 */
export interface RequestContext {
  readonly actor: Actor;
  readonly em: EntityManager;
  readonly loaders: Loaders;
  readonly now: Date;
  readonly requestId: string;
  readonly auth: AuthService;
  readonly rateLimits: RateLimits;
  /** For per-client limits only; never stored or logged with personal data. */
  readonly clientIp: string;
}

/** What work below the resolvers needs: jobs outside a request provide just this. */
export type WorkContext = Pick<RequestContext, 'actor' | 'em' | 'now'>;

export function createRequestContext(
  root: EntityManager,
  request: Omit<RequestContext, 'em' | 'loaders' | 'now'> & { now?: Date },
): RequestContext {
  const now = request.now ?? new Date();
  const em = root.fork();
  scopeToActor(em, request.actor);
  return { ...request, em, loaders: createLoaders(em, now), now };
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
