import { Money, ValidationError } from '@arrears/domain';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { GraphQLDateTimeISO, GraphQLLocalDate } from 'graphql-scalars';

/**
 * Money at the API: an exact decimal string of yuan ("1234.50"). Parsed straight into
 * integer fen, so no float ever touches an amount.
 */
export const DecimalScalar = new GraphQLScalarType<Money, string>({
  name: 'Decimal',
  description: 'An exact decimal amount in yuan as a string, at most two decimals, e.g. "1234.50".',
  serialize(value) {
    if (value instanceof Money) return value.toDecimalString();
    throw new GraphQLError('Decimal can only serialize Money values');
  },
  parseValue(value) {
    if (typeof value !== 'string')
      throw new GraphQLError('Decimal must be a string such as "1234.50"');
    return parseDecimal(value);
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING)
      throw new GraphQLError('Decimal must be a string such as "1234.50"');
    return parseDecimal(ast.value);
  },
});

function parseDecimal(text: string): Money {
  try {
    return Money.parse(text);
  } catch (error) {
    if (error instanceof ValidationError) throw new GraphQLError(`Decimal: ${error.message}`);
    throw error;
  }
}

/** An instant, ISO-8601 with offset; stored in UTC. */
export const DateTimeScalar = new GraphQLScalarType({
  ...GraphQLDateTimeISO.toConfig(),
  name: 'DateTime',
  description: 'An instant as an ISO-8601 string with offset, e.g. "2026-03-01T09:30:00Z".',
});

/** A calendar date without time zone ("YYYY-MM-DD"), e.g. the day a loan went overdue. */
export const LocalDateScalar = GraphQLLocalDate;
