import { AsyncLocalStorage } from 'node:async_hooks';
import { DefaultLogger, type LogContext, type LoggerOptions } from '@mikro-orm/core';

/**
 * Counts the SQL statements run inside one unit of work (a GraphQL request, a test).
 * The ORM reports every statement to its logger, so counting there sees them all,
 * whichever code path issued them. Connection setup is not the request's work and not counted:
 * the tenant setting for row-level security (tenant-session.ts), sent only when a pooled
 * connection changes tenant.
 */
const counters = new AsyncLocalStorage<{ statements: number }>();

/** Runs `work` with a fresh counter; everything it starts, sync or async, counts into it. */
export function withSqlStatementCounter<T>(work: () => T): T {
  return counters.run({ statements: 0 }, work);
}

export async function countSqlStatements<T>(
  work: () => Promise<T>,
): Promise<{ result: T; statements: number }> {
  return withSqlStatementCounter(async () => {
    const result = await work();
    return { result, statements: currentSqlStatementCount() ?? 0 };
  });
}

/** The statements run so far in the current unit of work, or undefined outside one. */
export function currentSqlStatementCount(): number | undefined {
  return counters.getStore()?.statements;
}

export class SqlCountingLogger extends DefaultLogger {
  constructor(options: LoggerOptions) {
    super(options);
  }

  override logQuery(context: { query: string } & LogContext): void {
    const counter = counters.getStore();
    if (counter && context.level !== 'error') counter.statements += 1;
    super.logQuery(context);
  }
}
