import type { GraphQLSchema } from 'graphql';
import type { Actor } from '../auth/actor.js';
import { runWithAuditContext } from '../modules/audit/audit-context.js';
import { checkIdArguments } from './id-arguments.js';

/**
 * What concerns a whole operation rather than each field: every ID argument is checked, and
 * the resolver runs inside its request's audit context (Apollo awaits the context function
 * before execution, so a context set there would not reach the resolvers; wrapping the
 * resolver does). Only root Query and Mutation fields take these, so the thousand plain fields
 * of a 50-row page resolve without a middleware chain each.
 */
export function guardRootFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      const resolve = field.resolve;
      if (!resolve) continue;
      field.resolve = (root, args: Record<string, unknown>, context, info) => {
        checkIdArguments(field, args);
        const { actor, requestId } = context as { actor: Actor; requestId: string | null };
        return runWithAuditContext({ actor, requestId }, () => resolve(root, args, context, info));
      };
    }
  }
  return schema;
}
