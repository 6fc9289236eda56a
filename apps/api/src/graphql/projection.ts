import type { EntityManager, EntityMetadata, EntityName } from '@mikro-orm/core';
import { isObjectType, type FieldNode, type GraphQLResolveInfo } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import type { Projection } from '../db/entity-columns.js';
import { selectedFields } from './selection.js';

/**
 * What each computed field of an object type reads of its entity: `outstandingAmount` reads
 * `outstandingFen`, `dpd` reads `overdueSince` and `institution`. Declared beside the field
 * resolvers, so a list reads the columns its query shows and no others.
 */
export type FieldReads<T> = Readonly<Record<string, readonly (keyof T & string)[]>>;

/**
 * The properties of `entity` that the fields selected at `path` read: a field graphql-js
 * resolves by default reads its own property, a computed field what `reads` declares. A
 * selected field that is neither (declared nowhere, or resolved elsewhere) makes it 'all': an
 * undeclared field costs the whole row, never a wrong answer.
 */
export function projectionAt<T extends object>(
  info: GraphQLResolveInfo,
  path: readonly string[],
  em: EntityManager,
  entity: EntityName<T>,
  reads: FieldReads<T>,
): Projection {
  // A document's field nodes outlive the request (the server keeps parsed documents): a query
  // asked again finds its projections already made, whichever row of a page asks.
  const node = info.fieldNodes[0]!;
  let made = projections.get(node);
  if (!made) projections.set(node, (made = new Map()));
  const meta = em.getMetadata().get(entity);
  const key = `${meta.className} ${path.join('.')}`;
  let projection = made.get(key);
  if (!projection)
    made.set(key, (projection = project(info, path, meta, reads as FieldReads<object>)));
  return projection;
}

const projections = new WeakMap<FieldNode, Map<string, Projection>>();

function project(
  info: GraphQLResolveInfo,
  path: readonly string[],
  meta: EntityMetadata,
  reads: FieldReads<object>,
): Projection {
  const type = info.schema.getType(objectTypeName(meta.class));
  if (!isObjectType(type)) return 'all';
  const fields = type.getFields();
  const properties = new Set<string>();
  for (const name of selectedFields(info, path).keys()) {
    if (name === '__typename') continue;
    const declared = reads[name];
    if (declared) for (const property of declared) properties.add(property);
    else if (fields[name] && !fields[name].resolve && name in meta.properties) properties.add(name);
    else return 'all';
  }
  return properties;
}

const typeNames = new Map<unknown, string>();

/** The GraphQL object type a class is exposed as. */
function objectTypeName(target: unknown): string {
  let name = typeNames.get(target);
  if (name === undefined) {
    name = getMetadataStorage().objectTypes.find((type) => type.target === target)?.name ?? '';
    typeNames.set(target, name);
  }
  return name;
}
