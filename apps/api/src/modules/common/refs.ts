import { wrap, type Ref, type Reference } from '@mikro-orm/core';
import type DataLoader from 'dataloader';

/** A field's answer: a value when it is at hand, a promise when it must be read. */
export type MaybePromise<T> = T | Promise<T>;

/**
 * Resolves a relation: the entity when this request already holds it (synchronously: a row
 * whose fields all answer without a promise completes without one), else through its batch
 * loader.
 */
export function resolveRef<T extends object>(
  ref: Ref<T>,
  loader: DataLoader<string, T | null>,
): MaybePromise<T | null> {
  if (wrap(ref).isInitialized()) return (ref as Reference<T>).getEntity();
  return loader.load(String(wrap(ref, true).getPrimaryKey()));
}

export function resolveRequiredRef<T extends object>(
  ref: Ref<T>,
  loader: DataLoader<string, T | null>,
): MaybePromise<T> {
  const found = resolveRef(ref, loader);
  return found instanceof Promise ? found.then(required) : required(found);
}

function required<T>(entity: T | null): T {
  if (!entity) throw new Error('a required relation points to a missing row');
  return entity;
}

/** The entities behind `refs` by id: those already loaded as they are, the others by `load`. */
export async function entitiesOf<T extends { id: string }>(
  refs: readonly Reference<T>[],
  load: (ids: string[]) => Promise<T[]>,
): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  const missing = new Set<string>();
  for (const ref of refs) {
    const entity = ref.unwrap();
    if (ref.isInitialized()) found.set(entity.id, entity);
    else missing.add(entity.id);
  }
  if (missing.size > 0) for (const row of await load([...missing])) found.set(row.id, row);
  return found;
}
