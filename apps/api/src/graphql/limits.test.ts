import { ApolloServer } from '@apollo/server';
import {
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { createErrorFormatter } from './errors.js';
import {
  createLimitPlugins,
  limitParseOptions,
  limitValidationRules,
  LIMITS,
  operationCost,
} from './limits.js';
import { graphqlSchema } from './schema.js';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await graphqlSchema();
});

function cost(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  return operationCost(schema, document, getOperationAST(document)!, variables);
}

/** `{ case { contacts { case { … id } } } }`, `levels` fields deep, each list a page of 1. */
function nested(levels: number): string {
  let selection = 'id';
  for (let level = levels - 1; level >= 1; level--) {
    const field = level === 1 ? 'case(id: "x")' : level % 2 === 0 ? 'contacts(last: 1)' : 'case';
    selection = `${field} { ${selection} }`;
  }
  return `{ ${selection} }`;
}

function aliased(count: number): string {
  const fields = Array.from(
    { length: count },
    (_, i) => `a${i}: institutions(first: 1) { totalCount }`,
  );
  return `{ ${fields.join(' ')} }`;
}

const threeListsOf = (n: number) =>
  `{ cases(first: ${n}) { nodes { contacts(last: ${n}) { case { visits(last: ${n}) { id } } } } } }`;

describe('operationCost', () => {
  it('multiplies nested lists by their page sizes; a connection passes its size to nodes', () => {
    // cases: 1 connection + 100 × (case 1 + 100 × (contact 1 + case 1 + 100 visits)).
    expect(cost(threeListsOf(100))).toBe(1 + 100 * (1 + 100 * (2 + 100)));
    expect(cost(threeListsOf(10))).toBe(1 + 10 * (1 + 10 * (2 + 10)));
  });

  it('takes the default page size where the query names none', () => {
    // `cases` has no default of its own (20 in pagination.ts); `contacts(last: Int! = 20)` has.
    expect(cost('{ cases { nodes { contacts { id } } } }')).toBe(1 + 20 * (1 + 20));
    expect(cost('{ cases(limit: 5, offset: 100) { totalCount nodes { id } } }')).toBe(1 + 5);
  });

  it('reads page sizes from variables', () => {
    const query = 'query ($n: Int) { cases(first: $n) { nodes { id } } }';
    expect(cost(query, { n: 50 })).toBe(51);
    expect(cost(query, {})).toBe(1 + LIMITS.defaultPageSize);
  });

  it('counts objects, not scalars, and gives unpaginated lists the default page size', () => {
    expect(
      cost(
        '{ borrowers(first: 10) { nodes { fullName phonesMasked thirdParties { fullName } } } }',
      ),
    ).toBe(1 + 10 * (1 + 20));
  });

  it('follows fragments and inline fragments like the fields they stand for', () => {
    const inline = cost(threeListsOf(10));
    expect(
      cost(`
        { cases(first: 10) { ...Page } }
        fragment Page on CaseConnection { nodes { ... on Case { contacts(last: 10) { ...C } } } }
        fragment C on Contact { case { visits(last: 10) { id } } }
      `),
    ).toBe(inline);
  });

  it('stays fast when fragments spread each other over and over', () => {
    // Each level doubles the fields: 2^40 institutions lists, worked out without 2^40 steps.
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === levels - 1
        ? `fragment F${i} on Query { institutions(first: 1) { totalCount } }`
        : `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
    );
    const started = Date.now();
    expect(cost(`{ ...F0 } ${fragments.join(' ')}`)).toBe(2 ** (levels - 1));
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('does not count introspection', () => {
    expect(cost('{ __typename __schema { types { fields { args { name } } } } }')).toBe(0);
  });

  it('costs mutations from the Mutation type', () => {
    expect(cost('mutation { createCase(input: {}) { id borrower { id } } }')).toBe(2);
  });
});

describe('limit validation rules', () => {
  const errorsOf = (query: string) =>
    validate(schema, parse(query), [...specifiedRules, ...limitValidationRules()]);

  it(`allows ${LIMITS.maxDepth} levels and refuses ${LIMITS.maxDepth + 1}`, () => {
    expect(errorsOf(nested(10))).toEqual([]);
    const errors = errorsOf(nested(11));
    expect(errors.map((e) => e.message)).toEqual(['Query depth limit of 10 exceeded, found 11.']);
    expect(errors[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('does not count fragments as levels', () => {
    // 10 field levels, with a named and an inline fragment on the way.
    const query = `{ case(id: "x") { ...Deep } }
      fragment Deep on Case { contacts(last: 1) { ... on Contact {
        case { contacts(last: 1) { case { contacts(last: 1) { case { contacts(last: 1) { case { id } } } } } } }
      } } }`;
    expect(errorsOf(query)).toEqual([]);
  });

  it(`allows ${LIMITS.maxAliases} aliases and refuses ${LIMITS.maxAliases + 1}`, () => {
    expect(errorsOf(aliased(15))).toEqual([]);
    expect(errorsOf(aliased(16)).map((e) => e.message)).toEqual([
      'Aliases limit of 15 exceeded, found 16.',
    ]);
  });

  it(`refuses a document of more than ${LIMITS.maxTokens} tokens while parsing it`, () => {
    // `{`, `}` and one name per field.
    const fields = (n: number) => `{ ${'__typename '.repeat(n)}}`;
    expect(() => parse(fields(1998), limitParseOptions)).not.toThrow();
    // graphql-js spells it "more that".
    expect(() => parse(fields(1999), limitParseOptions)).toThrow(
      /^Syntax Error: Document contains more \w+ 2000 tokens\. Parsing aborted\.$/,
    );
  });
});

describe('limits in Apollo Server 5', () => {
  async function server(production: boolean) {
    const apollo = new ApolloServer({
      schema,
      introspection: !production,
      validationRules: limitValidationRules(),
      parseOptions: limitParseOptions,
      plugins: createLimitPlugins({ production }),
      formatError: createErrorFormatter(() => {}),
    });
    await apollo.start();
    return {
      async run(query: string, variables?: Record<string, unknown>) {
        const response = await apollo.executeOperation({ query, variables });
        if (response.body.kind !== 'single') throw new Error('expected a single result');
        const errors: readonly GraphQLFormattedError[] = response.body.singleResult.errors ?? [];
        return { status: response.http.status, errors };
      },
      stop: () => apollo.stop(),
    };
  }

  it('refuses depth, aliases, tokens and cost with 400 and BAD_USER_INPUT, naming the limit', async () => {
    const api = await server(true);
    const cases: [string, Record<string, unknown> | undefined, RegExp][] = [
      [nested(11), undefined, /^Query depth limit of 10 exceeded, found 11\.$/],
      [aliased(16), undefined, /^Aliases limit of 15 exceeded, found 16\.$/],
      [`{ ${'__typename '.repeat(2500)}}`, undefined, /Document contains more \w+ 2000 tokens/],
      [threeListsOf(100), undefined, /^Query cost limit of 10000 exceeded, found 1020101: /],
      // The page sizes only show with the variables, which execution alone knows.
      [
        'query ($n: Int!) { cases(first: $n) { nodes { contacts(last: $n) { case { visits(last: $n) { id } } } } } }',
        { n: 100 },
        /^Query cost limit of 10000 exceeded/,
      ],
    ];
    for (const [query, variables, message] of cases) {
      const { status, errors } = await api.run(query, variables);
      expect(status).toBe(400);
      expect(errors).toHaveLength(1);
      expect(errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(errors[0]?.message).toMatch(message);
    }
    await api.stop();
  });

  it('hides field, argument and enum suggestions in production only', async () => {
    const queries: [string, Record<string, unknown> | undefined][] = [
      ['{ casez { totalCount } }', undefined],
      ['{ cases(frist: 1) { totalCount } }', undefined],
      ['{ cases(filter: { bucket: [M7] }) { totalCount } }', undefined],
      ['query ($b: [Bucket!]) { cases(filter: { bucket: $b }) { totalCount } }', { b: ['M7'] }],
    ];
    const production = await server(true);
    const development = await server(false);
    for (const [query, variables] of queries) {
      const hidden = await production.run(query, variables);
      const shown = await development.run(query, variables);
      expect(shown.errors[0]?.message).toMatch(/Did you mean/);
      expect(hidden.errors[0]?.message).not.toMatch(/Did you mean/);
      expect(hidden.errors[0]?.message).toBe(
        shown.errors[0]?.message.replace(/ ?Did you mean [^?]*\?/, ''),
      );
      expect(hidden.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    await Promise.all([production.stop(), development.stop()]);
  });
});
