import type {
  EntityManager,
  EntityName,
  FilterQuery,
  FindOneOptions,
  Loaded,
} from '@mikro-orm/core';
import { NotFoundError } from '../../graphql/errors.js';

/** Finds one row or fails with NOT_FOUND naming what was looked for. */
export async function findOrFail<T extends object, P extends string = never>(
  em: EntityManager,
  entity: EntityName<T> & { name: string },
  where: FilterQuery<T> & { id: string },
  options?: FindOneOptions<T, P>,
): Promise<Loaded<T, P>> {
  const found = await em.findOne(entity, where, options);
  if (!found) throw new NotFoundError(entity.name, where.id);
  return found;
}
