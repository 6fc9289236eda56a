import type { Server } from 'node:http';
import { MikroORM } from '@mikro-orm/core';
import express from 'express';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ormOptions } from '../db/orm-config.js';
import { DEFAULT_POSTGRES_URL } from '../db/scratch-postgres.js';
import { postgresStatementTimeout, requestTimeout } from './timeouts.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('requestTimeout', () => {
  let server: Server | undefined;
  afterEach(async () => {
    const open = server;
    server = undefined;
    if (open) await new Promise((resolve) => open.close(resolve));
  });

  /** An app with the middleware in front of routes that answer after `delay` ms. */
  async function start(timeoutMs: number) {
    const app = express();
    const lateErrors: unknown[] = [];
    let lateAnswered = false;
    app.use(requestTimeout(timeoutMs));
    app.get('/fast', (_req, res) => {
      res.json({ ok: true });
    });
    app.get('/slow', async (_req, res) => {
      await sleep(timeoutMs * 3);
      res.setHeader('x-late', '1');
      res.status(200).json({ late: true });
      lateAnswered = true;
    });
    app.get('/stream', async (_req, res) => {
      res.write('first,');
      await sleep(timeoutMs * 3);
      res.end('second');
    });
    app.use(
      (
        error: unknown,
        _req: express.Request,
        _res: express.Response,
        next: express.NextFunction,
      ) => {
        lateErrors.push(error);
        next(error);
      },
    );
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    return { url: `http://127.0.0.1:${port}`, lateErrors, lateAnswered: () => lateAnswered };
  }

  it('lets a response that is in time through untouched', async () => {
    const { url } = await start(200);
    const response = await fetch(`${url}/fast`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('answers 503 with a GraphQL error when the response has not started in time', async () => {
    const { url } = await start(50);
    const response = await fetch(`${url}/slow`);
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(await response.json()).toEqual({
      errors: [
        {
          message: 'The server did not answer within 50 ms; try again later',
          extensions: { code: 'INTERNAL' },
        },
      ],
    });
  });

  it('drops what the handler writes after the 503 without an error, and keeps serving', async () => {
    const app = await start(50);
    const response = await fetch(`${app.url}/slow`);
    expect(response.status).toBe(503);
    expect(response.headers.get('x-late')).toBeNull();
    await expect.poll(app.lateAnswered).toBe(true);
    expect(app.lateErrors).toEqual([]);
    expect((await fetch(`${app.url}/fast`)).status).toBe(200);
  });

  it('refuses a timeout that would answer every request at once', () => {
    expect(() => requestTimeout(0)).toThrow(/at least 1 ms/);
    expect(() => requestTimeout(Number.NaN)).toThrow(/at least 1 ms/);
  });

  it('leaves a response that has already started to finish', async () => {
    const { url } = await start(50);
    const response = await fetch(`${url}/stream`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('first,second');
  });
});

describe('postgresStatementTimeout', () => {
  const url = process.env.TEST_POSTGRES_URL ?? DEFAULT_POSTGRES_URL;
  let orm: MikroORM | undefined;
  afterAll(() => orm?.close());

  it('makes PostgreSQL cancel a statement that runs longer than the limit', async () => {
    orm = await MikroORM.init(
      ormOptions({ dialect: 'postgresql', url }, postgresStatementTimeout(300)),
    ).catch((error: unknown) => {
      throw new Error(
        `PostgreSQL tests need a server at ${url} (set TEST_POSTGRES_URL to another one): ${String(error)}`,
      );
    });
    const connection = orm.em.getConnection();
    expect(await connection.execute('show statement_timeout')).toEqual([
      { statement_timeout: '300ms' },
    ]);
    await expect(connection.execute('select pg_sleep(0.05)')).resolves.toBeDefined();
    await expect(connection.execute('select pg_sleep(2)')).rejects.toThrow(
      /canceling statement due to statement timeout/,
    );
  });
});
