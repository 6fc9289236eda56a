import { wrap, type Ref, type Reference } from '@mikro-orm/core';
import type DataLoader from 'dataloader';

/** Resolves a relation: the entity when this request already holds it, else through its batch loader. */
export function resolveRef<T extends object>(
  ref: Ref<T>,
  loader: DataLoader<string, T | null>,
): Promise<T | null> | T {
  if (wrap(ref).isInitialized()) return (ref as Reference<T>).getEntity();
  return loader.load(String(wrap(ref, true).getPrimaryKey()));
}

export async function resolveRequiredRef<T extends object>(
  ref: Ref<T>,
  loader: DataLoader<string, T | null>,
): Promise<T> {
  const entity = await resolveRef(ref, loader);
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
