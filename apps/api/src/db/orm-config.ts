import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import { ReflectMetadataProvider, type Options } from '@mikro-orm/core';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { dataScopeFilters } from '../auth/data-scope.js';
import type { DatabaseConfig } from '../config.js';
import { AuditSubscriber } from '../modules/audit/audit.subscriber.js';
import { entities } from './entities.js';
import { migrations as postgresqlMigrations } from './migrations/postgresql/index.js';
import { migrations as sqliteMigrations } from './migrations/sqlite/index.js';
import { SqlCountingLogger } from './sql-statements.js';

/** Migrations are kept per dialect: their SQL differs, their history must not. */
export function migrationsPath(dialect: DatabaseConfig['dialect']): string {
  return fileURLToPath(new URL(`./migrations/${dialect}/`, import.meta.url));
}

/**
 * Migrations are imported, not discovered on disk: the same list then works from compiled
 * JavaScript and from TypeScript under the test runner.
 */
const MIGRATIONS = { sqlite: sqliteMigrations, postgresql: postgresqlMigrations };

export function ormOptions(database: DatabaseConfig, overrides: Partial<Options> = {}): Options {
  const common: Options = {
    entities,
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    // One EntityManager per request is forked explicitly; a global one is a bug.
    allowGlobalContext: false,
    filters: dataScopeFilters,
    // Each query carries its own scope; joining every to-one relation just to filter it again
    // would cost a join per reference and hide rows a caller may legitimately point at.
    autoJoinRefsForFilters: false,
    // Every flush records its changes as audit events, in the same transaction.
    subscribers: [new AuditSubscriber()],
    forceUtcTimezone: true,
    loggerFactory: (options) => new SqlCountingLogger(options),
    debug: process.env.ARREARS_SQL_DEBUG === '1' ? ['query', 'query-params'] : false,
    migrations: {
      path: migrationsPath(database.dialect),
      migrationsList: MIGRATIONS[database.dialect],
      silent: true,
      transactional: true,
      allOrNothing: true,
      snapshot: true,
      snapshotName: '.snapshot',
      emit: 'ts',
    },
  };
  const dialect: Options =
    database.dialect === 'sqlite'
      ? { driver: BetterSqliteDriver, dbName: database.path }
      : { driver: PostgreSqlDriver, clientUrl: database.url, pool: { min: 0, max: 10 } };
  return { ...common, ...dialect, ...overrides };
}
