import type { ApolloServerPlugin } from '@apollo/server';
import { currentSqlStatementCount } from '../db/sql-statements.js';

/**
 * Reports the SQL statements a request ran in `extensions.sqlStatements`, so N+1 regressions
 * show in tests and benchmarks. Off in production: it tells nothing a client needs.
 */
export const sqlStatementsPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const statements = currentSqlStatementCount();
        if (statements === undefined || response.body.kind !== 'single') return;
        response.body.singleResult.extensions = {
          ...response.body.singleResult.extensions,
          sqlStatements: statements,
        };
      },
    };
  },
};
