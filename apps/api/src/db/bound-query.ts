import type { EntityManager } from '@mikro-orm/core';
import type { Knex, SqlEntityManager } from '@mikro-orm/knex';

interface LoggingConnection {
  getKnex(): Knex;
  executeQuery<T>(query: string, run: () => Promise<T>, context?: object): Promise<T>;
}

/**
 * Runs a SELECT with its values as bind parameters, where MikroORM 6's `execute` would splice
 * them into the text: PostgreSQL gets `$n` parameters and one statement text per shape. It
 * runs on the EntityManager's transaction when there is one, and is logged (and so counted)
 * like the ORM's own statements. Instants are bound in the database's form (SQLite keeps
 * epoch milliseconds).
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
      if (transaction) query.transacting(transaction);
      const result = (await query) as T[] | { rows: T[] };
      return Array.isArray(result) ? result : result.rows;
    },
    { query: sql, params: bindings },
  );
}
