import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * The fields a query selects below the current field, by name (the first one where a name is
 * selected under several aliases), along `path` (e.g. `['nodes']` for a connection's rows);
 * fragments and inline fragments count. A resolver uses it to read in one statement what the
 * query will ask of its result, and nothing it will not.
 */
export function selectedFields(
  info: GraphQLResolveInfo,
  path: readonly string[] = [],
): Map<string, FieldNode> {
  let sets: SelectionSetNode[] = info.fieldNodes.flatMap((node) =>
    node.selectionSet ? [node.selectionSet] : [],
  );
  for (const name of path) {
    sets = fieldsOf(info, sets).flatMap((field) =>
      field.name.value === name && field.selectionSet ? [field.selectionSet] : [],
    );
  }
  const fields = new Map<string, FieldNode>();
  for (const field of fieldsOf(info, sets)) {
    if (!fields.has(field.name.value)) fields.set(field.name.value, field);
  }
  return fields;
}

function fieldsOf(info: GraphQLResolveInfo, sets: SelectionSetNode[]): FieldNode[] {
  return sets.flatMap((set) =>
    set.selections.flatMap((selection) => {
      switch (selection.kind) {
        case Kind.FIELD:
          return [selection];
        case Kind.INLINE_FRAGMENT:
          return fieldsOf(info, [selection.selectionSet]);
        case Kind.FRAGMENT_SPREAD: {
          const fragment = info.fragments[selection.name.value];
          return fragment ? fieldsOf(info, [fragment.selectionSet]) : [];
        }
      }
    }),
  );
}
