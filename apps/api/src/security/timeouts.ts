import type { Options } from '@mikro-orm/core';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Answers 503 with a GraphQL-shaped error when the response has not started within `ms`, so a
 * client (or a load balancer) is not left waiting on a stuck request. The handler keeps running
 * (Apollo cannot cancel an operation; the database statement timeout bounds it), and whatever it
 * writes once the 503 has gone is dropped instead of throwing "headers already sent".
 */
export function requestTimeout(ms: number): RequestHandler {
  // An undefined or zero timeout would answer every request with a 503 after about 1 ms.
  if (!Number.isInteger(ms) || ms < 1)
    throw new Error(`request timeout must be at least 1 ms, got ${ms}`);
  return (_req: Request, res: Response, next: NextFunction) => {
    const timer = setTimeout(() => {
      // A response under way (e.g. a stream) is left to finish.
      if (res.headersSent) return;
      res.status(503).json({
        errors: [
          {
            message: `The server did not answer within ${ms} ms; try again later`,
            extensions: { code: 'INTERNAL' },
          },
        ],
      });
      discardLateWrites(res);
    }, ms);
    const stop = () => clearTimeout(timer);
    res.once('finish', stop);
    res.once('close', stop);
    next();
  };
}

function discardLateWrites(res: Response): void {
  const ignore = () => res;
  // writeHead/setHeader would throw ERR_HTTP_HEADERS_SENT; write/end would fail on the ended
  // stream. Express's res.send and res.json go through these, so they are covered too.
  res.setHeader = ignore;
  res.writeHead = ignore;
  res.write = () => false;
  res.end = ignore;
}

/**
 * MikroORM options that make PostgreSQL cancel any statement running longer than `ms`.
 * `driverOptions.connection` is merged into the connection settings MikroORM hands to knex and
 * pg, and pg sends `statement_timeout` in each connection's start-up message: every pooled
 * connection has it from its first query, with no SET per checkout to forget.
 */
export function postgresStatementTimeout(ms: number): Pick<Options, 'driverOptions'> {
  return { driverOptions: { connection: { statement_timeout: ms } } };
}
