import type { EntityManager, EntityName, FilterQuery } from '@mikro-orm/core';
import { NotFoundError } from '../../graphql/errors.js';

/** Finds one row or fails with NOT_FOUND naming what was looked for. */
export async function findOrFail<T extends object>(
  em: EntityManager,
  entity: EntityName<T> & { name: string },
  where: FilterQuery<T> & { id: string },
): Promise<T> {
  const found = await em.findOne(entity, where);
  if (!found) throw new NotFoundError(entity.name, where.id);
  return found;
}
