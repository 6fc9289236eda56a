import { AsyncLocalStorage } from 'node:async_hooks';
import type { MikroORM } from '@mikro-orm/core';
import type { PostgreSqlDriver } from '@mikro-orm/postgresql';

/**
 * PostgreSQL's row-level security is the second lock on tenant data: the policies compare each
 * row's institution with the session setting `arrears.institution_id`. The setting follows the
 * request: a request opens a session scope, authentication names its institution, and every
 * connection the request checks out of the pool is set to it first (only when it differs from
 * what the connection already has, so a busy single-tenant pool rarely pays a round trip).
 * Code outside a request (migrations, seeding) and the public operations run unscoped ('') and
 * rely on their own explicit conditions.
 */
const sessions = new AsyncLocalStorage<{ institutionId: string | null }>();

/** Runs `work` as one request's session scope, unscoped until `scopeSessionTo` names a tenant. */
export function withTenantSession<T>(work: () => T): T {
  return sessions.run({ institutionId: null }, work);
}

/** Called once the request's actor is known. */
export function scopeSessionTo(institutionId: string | null): void {
  const session = sessions.getStore();
  if (session) session.institutionId = institutionId;
}

interface PooledClient {
  query(sql: string, params: unknown[]): Promise<unknown>;
  arrearsInstitution?: string;
}

/** Makes every connection checked out of the PostgreSQL pool carry the current request's tenant. */
export function enforceTenantSessions(orm: MikroORM): void {
  const knex = (orm.em.getDriver() as PostgreSqlDriver).getConnection().getKnex();
  const client = knex.client as { acquireConnection(): Promise<PooledClient> };
  const acquire = client.acquireConnection.bind(client);
  client.acquireConnection = async () => {
    const connection = await acquire();
    const institution = sessions.getStore()?.institutionId ?? '';
    if (connection.arrearsInstitution !== institution) {
      await connection.query("select set_config('arrears.institution_id', $1, false)", [
        institution,
      ]);
      connection.arrearsInstitution = institution;
    }
    return connection;
  };
}
