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
