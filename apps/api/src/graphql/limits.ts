import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  GraphQLError,
  isCompositeType,
  isInterfaceType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ParseOptions,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { remembered } from '../modules/common/bounded-memo.js';

/** What one operation may ask of the API. Generous for the console and partners, fatal to abuse. */
export const LIMITS = {
  /** Nested field levels; the deepest real query (case → contacts → case → …) is about 6. */
  maxDepth: 10,
  /** Aliases let one request repeat a field, e.g. try 1,000 passwords; 15 covers dashboards. */
  maxAliases: 15,
  /** Lexer tokens, checked while parsing: a huge document is refused before it costs anything. */
  maxTokens: 2000,
  /** Repeated directives are another way to make validation itself expensive. */
  maxDirectives: 50,
  /** Roughly the objects a response may hold: see `operationCost`. */
  maxCost: 10_000,
  /** The page size a list gets when the query names none, as in pagination.ts. */
  defaultPageSize: 20,
} as const;

/** The arguments by which a client chooses a list's page size. */
const PAGE_SIZE_ARGUMENTS = new Set(['first', 'last', 'limit']);

/** Armor's "Syntax Error: " prefix is wrong for these; the code tells a client what went wrong. */
function reportLimit(context: ValidationContext | null, error: GraphQLError): void {
  context?.reportError(
    new GraphQLError(error.message.replace(/^Syntax Error: /, ''), {
      extensions: { code: 'BAD_USER_INPUT' },
    }),
  );
}

/**
 * Depth, alias and directive limits, from graphql-armor, for `validationRules`. Its token limit,
 * field-suggestion masking and cost limit are not used: the first turns every unexpected
 * error of Apollo 5 into a validation error carrying the internal message, the second misses
 * enum suggestions, and the third does not know page sizes. See the parse options and plugins
 * below for ours.
 */
export function limitValidationRules(): ValidationRule[] {
  const reject = { propagateOnRejection: false, onReject: [reportLimit] };
  return new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth, flattenFragments: true, ...reject },
    maxAliases: { n: LIMITS.maxAliases, ...reject },
    maxDirectives: { n: LIMITS.maxDirectives, ...reject },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
    costLimit: { enabled: false },
  }).protect().validationRules;
}

/** For Apollo's `parseOptions`: graphql-js counts the tokens while it parses and stops at the limit. */
export const limitParseOptions: ParseOptions = { maxTokens: LIMITS.maxTokens };

/** `Cannot query field "x". Did you mean "y"?` tells a stranger the schema piece by piece. */
const SUGGESTION = / ?Did you mean [^?]*\?/g;

const hideSuggestions: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors }) {
        for (const error of errors) error.message = error.message.replace(SUGGESTION, '');
      },
    };
  },
};

/** Cost needs the variables (`cases(first: $n)`), so it is checked once they are known. */
const costLimit: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ schema, document, operation, request }) {
        // No operation by that name: execution refuses the request itself.
        if (!operation) return;
        const coerced = getVariableValues(
          schema,
          operation.variableDefinitions ?? [],
          request.variables ?? {},
        );
        // Variables that do not fit are refused by execution before any resolver runs.
        if (coerced.errors) return;
        const cost = memoizedCost(schema, document, operation, coerced.coerced);
        if (cost > LIMITS.maxCost) {
          throw new GraphQLError(
            `Query cost limit of ${LIMITS.maxCost} exceeded, found ${cost}: ask for smaller pages (first/limit/last) or fewer nested lists.`,
            { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } },
          );
        }
      },
    };
  },
};

/**
 * Costs per parsed operation (the server keeps parsed documents) and variables: a client asking
 * the same page again is not walked again. Variables that differ on every call (idempotency
 * keys) fill an operation's few places and are then costed each time.
 */
const costs = new WeakMap<OperationDefinitionNode, Map<string, number>>();
const COSTS_PER_OPERATION = 100;

function memoizedCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): number {
  let known = costs.get(operation);
  if (!known) costs.set(operation, (known = new Map()));
  return remembered(known, COSTS_PER_OPERATION, JSON.stringify(variables), () =>
    operationCost(schema, document, operation, variables),
  );
}

/** The limits that are Apollo plugins: pass to `plugins` beside the rules and parse options. */
export function createLimitPlugins({ production }: { production: boolean }): ApolloServerPlugin[] {
  return production ? [costLimit, hideSuggestions] : [costLimit];
}

/**
 * An estimate of the objects an operation can return, the rows and resolver calls behind them:
 * an object field costs 1, a scalar 0, and a list multiplies the cost of one item by its page
 * size (its `first`/`last`/`limit`, else the default page size). A connection's page size applies
 * to its `nodes`. Fragments are followed, with a memo so that fragments spreading each other
 * cannot make this walk exponential. Introspection fields are free: they are off in production.
 *
 * The document must have passed validation (Apollo calls this after it).
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  const fragmentCosts = new Map<string, number>();

  const selectionSetCost = (
    selectionSet: SelectionSetNode,
    parentType: GraphQLCompositeType,
    connectionPageSize: number | undefined,
  ): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        total += fieldCost(selection, parentType, connectionPageSize);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : parentType;
        if (isCompositeType(type))
          total += selectionSetCost(selection.selectionSet, type, connectionPageSize);
      } else {
        const name = selection.name.value;
        const memo = `${name}:${connectionPageSize ?? ''}`;
        let cost = fragmentCosts.get(memo);
        if (cost === undefined) {
          const fragment = fragments.get(name);
          const type = fragment && schema.getType(fragment.typeCondition.name.value);
          cost =
            fragment && isCompositeType(type)
              ? selectionSetCost(fragment.selectionSet, type, connectionPageSize)
              : 0;
          fragmentCosts.set(memo, cost);
        }
        total += cost;
      }
    }
    return total;
  };

  const fieldCost = (
    node: FieldNode,
    parentType: GraphQLCompositeType,
    connectionPageSize: number | undefined,
  ): number => {
    if (node.name.value.startsWith('__')) return 0;
    if (!isObjectType(parentType) && !isInterfaceType(parentType)) return 0;
    const field = parentType.getFields()[node.name.value];
    if (!field) return 0;
    const type = getNullableType(field.type);
    const itemType = getNamedType(type);
    const pageSize = requestedPageSize(field, node, variables);
    const children =
      node.selectionSet && isCompositeType(itemType)
        ? // A list's own page size is used up here; a connection passes its size to `nodes`.
          selectionSetCost(node.selectionSet, itemType, isListType(type) ? undefined : pageSize)
        : 0;
    const itemCost = (isLeafType(itemType) ? 0 : 1) + children;
    if (!isListType(type)) return itemCost;
    return (
      (pageSize ?? connectionPageSize ?? boundedSize(field) ?? LIMITS.defaultPageSize) * itemCost
    );
  };

  return selectionSetCost(operation.selectionSet, rootType(schema, operation), undefined);
}

/**
 * The most items a list without paging can hold, when its type bounds it (one per channel,
 * one per rule…): declared on the field with `@Extensions({ listSize: n })`.
 */
function boundedSize(field: GraphQLField<unknown, unknown>): number | undefined {
  const size = (field.extensions as { listSize?: unknown } | undefined)?.listSize;
  return typeof size === 'number' ? size : undefined;
}

/** The page size a field asks for, or undefined for a field that takes none. */
function requestedPageSize(
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variables: Record<string, unknown>,
): number | undefined {
  const declared = field.args.filter((arg) => PAGE_SIZE_ARGUMENTS.has(arg.name));
  if (!declared.length) return undefined;
  let values: Record<string, unknown>;
  try {
    values = getArgumentValues(field, node, variables);
  } catch {
    // e.g. a null variable for a non-null argument: execution fails that field; cost its default.
    values = {};
  }
  const sizes = declared
    .map((arg) => values[arg.name])
    .filter((value): value is number => typeof value === 'number');
  // Both given is refused by the resolver; until then the larger one is what could be asked.
  return sizes.length ? Math.max(0, ...sizes) : LIMITS.defaultPageSize;
}

function rootType(schema: GraphQLSchema, operation: OperationDefinitionNode): GraphQLCompositeType {
  const type =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  // Validation has already refused an operation whose root type the schema lacks.
  if (!type) throw new Error(`the schema has no ${operation.operation} type`);
  return type;
}
