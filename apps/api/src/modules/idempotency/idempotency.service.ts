import { createHash } from 'node:crypto';
import { ValidationError } from '@arrears/domain';
import { actorRef } from '../../auth/actor.js';
import type { RequestContext } from '../../graphql/context.js';
import { ConflictError } from '../../graphql/errors.js';
import { selectBound } from '../../db/bound-query.js';
import { canonicalJson } from '../audit/audit-chain.js';
import { IdempotencyRecord } from './idempotency-record.entity.js';

const KEY = /^[A-Za-z0-9._:-]{8,128}$/;

const PREVIOUS_CALL =
  'select operation, request_hash, result_ref from idempotency_record where scope = ? and "key" = ? limit 1';

export interface IdempotentCall<T> {
  operation: string;
  /** The client's key; without one the call simply runs. */
  key: string | null | undefined;
  /** The input as sent, minus the key: what makes two calls "the same". */
  input: object;
  /** Adds the write to the unit of work without flushing: `idempotent` flushes it once. */
  run: () => Promise<{ result: T; ref: string; institutionId: string }>;
  /** The first call's result again, from its ref. */
  load: (ref: string) => Promise<T>;
}

/**
 * Runs a create at most once per key, inside the caller's transaction: the record and the
 * write commit together, so a replay after a crash sees either both or neither. Both go out
 * in one flush, so the audit chain is locked, read and appended to once per request.
 */
export async function idempotent<T>(ctx: RequestContext, call: IdempotentCall<T>): Promise<T> {
  if (call.key == null) {
    const { result } = await call.run();
    await ctx.em.flush();
    return result;
  }
  if (!KEY.test(call.key)) {
    throw new ValidationError('idempotencyKey', 'must be 8–128 letters, digits or . _ : -');
  }
  const scope = actorRef(ctx.actor);
  const requestHash = createHash('sha256')
    .update(canonicalJson(JSON.parse(JSON.stringify(call.input))))
    .digest('hex');
  // Three columns compared, never an entity changed: a plain read, with no query to build and
  // nothing for the flush to track (by scope and key, as the unique index is).
  const [previous] = await selectBound<{
    operation: string;
    request_hash: string;
    result_ref: string;
  }>(ctx.em, PREVIOUS_CALL, [scope, call.key]);
  if (previous) {
    if (previous.operation !== call.operation || previous.request_hash !== requestHash) {
      throw new ConflictError('this idempotency key was already used for a different request', {
        field: 'idempotencyKey',
      });
    }
    return call.load(previous.result_ref);
  }
  const { result, ref, institutionId } = await call.run();
  ctx.em.create(IdempotencyRecord, {
    institution: institutionId,
    scope,
    key: call.key,
    operation: call.operation,
    requestHash,
    resultRef: ref,
  });
  await ctx.em.flush();
  return result;
}
