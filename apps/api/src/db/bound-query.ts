import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { Knex, SqlEntityManager } from '@mikro-orm/knex';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';

interface LoggingConnection {
  getKnex(): Knex;
  executeQuery<T>(query: string, run: () => Promise<T>, context?: object): Promise<T>;
}

/**
 * PostgreSQL keeps a named statement per connection, parsed once and planned once it has seen
 * a few executions (parse and plan were 2.3 ms of a case page's 2.5 ms). Each pooled connection
 * keeps every statement it is sent, so only the first few hundred distinct texts get names;
 * the hot reads have a handful of shapes.
 */
const statementNames = new Map<string, string>();
const MAX_NAMED_STATEMENTS = 200;

function statementName(sql: string): string | undefined {
  let name = statementNames.get(sql);
  if (!name && statementNames.size < MAX_NAMED_STATEMENTS) {
    name = `arrears_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
    statementNames.set(sql, name);
  }
  return name;
}

/**
 * Runs a SELECT with its values as bind parameters, where MikroORM 6's `execute` would splice
 * them into the text: PostgreSQL gets `$n` parameters and a named (prepared) statement per
 * shape. It runs on the EntityManager's transaction when there is one, and is logged (and so
 * counted) like the ORM's own statements. Instants are bound in the database's form (SQLite
 * keeps epoch milliseconds).
 */
export async function selectBound<T>(
  em: EntityManager,
  sql: string,
  bindings: readonly unknown[],
): Promise<T[]> {
  const connection = (em as SqlEntityManager).getConnection() as unknown as LoggingConnection;
  const transaction = em.getTransactionContext<Knex.Transaction>();
  const platform = em.getPlatform();
  const values = bindings.map((value) =>
    value instanceof Date ? platform.processDateProperty(value) : value,
  ) as Knex.RawBinding[];
  return connection.executeQuery(
    sql,
    async () => {
      const query = connection.getKnex().raw(sql, values);
      const name = platform instanceof PostgreSqlPlatform ? statementName(sql) : undefined;
      if (name) query.options({ name });
      if (transaction) query.transacting(transaction);
      const result = (await query) as T[] | { rows: T[] };
      return Array.isArray(result) ? result : result.rows;
    },
    { query: sql, params: bindings },
  );
}
