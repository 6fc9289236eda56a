import { isObjectType, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type Class = abstract new (...args: never[]) => unknown;

const related = (a: Class, b: Class) =>
  a === b || a.prototype instanceof b || b.prototype instanceof a;

/**
 * type-graphql gives every property field a resolver of its own that runs the field's
 * middleware chain, even an empty one: an object and a call for each field of each row of a
 * page. A field with no resolver method, no permission, no middleware and no renaming is left
 * to graphql-js's default resolver, which reads the same property.
 */
export function resolvePlainFieldsByDefault(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  const objectTypes = new Map(storage.objectTypes.map((type) => [type.target, type]));
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type)) continue;
    const fields = type.getFields();
    // The class's own fields and those it inherits from object types above it.
    for (
      let target: Class | null = objectType.target as Class;
      target;
      target = Object.getPrototypeOf(target) as Class | null
    ) {
      for (const field of objectTypes.get(target)?.fields ?? []) {
        const plain =
          field.name === field.schemaName &&
          !field.roles &&
          !field.middlewares?.length &&
          !storage.fieldResolvers.some(
            (resolver) =>
              resolver.methodName === field.name &&
              related(resolver.getObjectType!() as Class, objectType.target as Class),
          );
        const graphqlField = fields[field.schemaName];
        if (plain && graphqlField) graphqlField.resolve = undefined;
      }
    }
  }
  return schema;
}
