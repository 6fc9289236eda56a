import { ValidationError } from '@arrears/domain';
import {
  type GraphQLField,
  type GraphQLInputType,
  getNullableType,
  isInputObjectType,
  isListType,
} from 'graphql';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every `ID` the API takes is a UUID. Checking them all here, wherever they sit in the
 * arguments, gives one clear BAD_USER_INPUT naming the argument, instead of a database
 * error on PostgreSQL and an empty answer on SQLite.
 */
export function checkIdArguments(
  field: GraphQLField<unknown, unknown>,
  args: Record<string, unknown>,
): void {
  for (const arg of field.args) checkIds(arg.type, args[arg.name], arg.name);
}

function checkIds(type: GraphQLInputType, value: unknown, path: string): void {
  if (value == null) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    (value as unknown[]).forEach((item, i) => checkIds(nullable.ofType, item, `${path}.${i}`));
  } else if (isInputObjectType(nullable)) {
    for (const field of Object.values(nullable.getFields())) {
      checkIds(field.type, (value as Record<string, unknown>)[field.name], `${path}.${field.name}`);
    }
  } else if (nullable.name === 'ID' && !UUID.test(String(value))) {
    throw new ValidationError(path, 'is not a valid id');
  }
}
