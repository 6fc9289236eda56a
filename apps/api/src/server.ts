import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/core';
import express from 'express';
import { AccessTokens } from './auth/access-token.js';
import { AuthService } from './auth/auth.service.js';
import { createAuthenticator } from './auth/authenticate.js';
import { InMemoryRevokedSessions, RedisRevokedSessions } from './auth/revoked-sessions.js';
import type { AppConfig } from './config.js';
import { withSqlStatementCounter } from './db/sql-statements.js';
import { scopeSessionTo, withTenantSession } from './db/tenant-session.js';
import { createRequestContext, type RequestContext } from './graphql/context.js';
import { createErrorFormatter } from './graphql/errors.js';
import { graphqlSchema } from './graphql/schema.js';
import { createLimitPlugins, limitParseOptions, limitValidationRules } from './graphql/limits.js';
import { sqlStatementsPlugin } from './graphql/sql-statements-plugin.js';
import { RateLimits } from './security/rate-limiter.js';
import { connectRedis, redisReady } from './security/redis.js';
import { requestTimeout } from './security/timeouts.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** A body express.json cannot read gets a GraphQL-shaped error, not Express's HTML page. */
function rejectUnreadableBody(
  error: { status?: number; type?: string },
  _req: express.Request,
  res: express.Response,
  next: express.NextFunction,
): void {
  if (!error.status || error.status >= 500) return next(error);
  const message =
    error.type === 'entity.too.large'
      ? 'The request body is too large'
      : 'The request body is not valid JSON';
  res.status(error.status).json({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }] });
}

export interface ApiServer {
  readonly app: express.Express;
  listen(port: number): Promise<{ server: Server; url: string }>;
  stop(): Promise<void>;
}

export interface ApiSecrets {
  /** HMAC key the access tokens are signed with. */
  accessTokenKey: Uint8Array;
}

/** The HTTP surface: GraphQL at /graphql, liveness at /healthz, readiness (database) at /readyz. */
export async function createApiServer(
  config: Pick<AppConfig, 'production' | 'redisUrl' | 'requestTimeoutMs'>,
  orm: MikroORM,
  secrets: ApiSecrets,
  /**
   * The business clock: the instant each request is judged at (DPD, quiet hours, deadlines).
   * Sessions always run on real time. Tests move it to reach a boundary without waiting.
   */
  clock: () => Date = () => new Date(),
): Promise<ApiServer> {
  const tokens = new AccessTokens(secrets.accessTokenKey);
  const sessionsRedis = config.redisUrl
    ? connectRedis(config.redisUrl, (error) => console.warn(`[auth] redis: ${error.message}`))
    : undefined;
  if (sessionsRedis) await redisReady(sessionsRedis);
  const revoked = sessionsRedis
    ? new RedisRevokedSessions(sessionsRedis)
    : new InMemoryRevokedSessions();
  const auth = new AuthService(tokens, revoked);
  const authenticator = createAuthenticator(orm.em, tokens, revoked);
  // Shared through Redis when REDIS_URL is set; a wrong URL stops start-up here.
  const rateLimits = new RateLimits({ redisUrl: config.redisUrl });
  await rateLimits.ready();
  const apollo = new ApolloServer<RequestContext>({
    schema: await graphqlSchema(),
    introspection: !config.production,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    // main.ts owns shutdown: it closes the HTTP server and the database too.
    stopOnTerminationSignals: false,
    formatError: createErrorFormatter((error) => console.error('[api] unexpected error', error)),
    validationRules: limitValidationRules(),
    parseOptions: limitParseOptions,
    plugins: [
      // Apollo installs cache control unless told not to; it wraps every field of every
      // response to gather hints this API never gives (it sends no cache headers).
      ApolloServerPluginCacheControlDisabled(),
      ...createLimitPlugins(config),
      ...(config.production ? [] : [sqlStatementsPlugin]),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await orm.em.getConnection().execute('select 1');
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'database unreachable' });
    }
  });
  app.use(
    '/graphql',
    requestTimeout(config.requestTimeoutMs),
    (_req: express.Request, _res: express.Response, next: express.NextFunction) =>
      withSqlStatementCounter(() => withTenantSession(next)),
    express.json({ limit: '1mb' }),
    rejectUnreadableBody,
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const header = req.header('x-request-id');
        const requestId = header && REQUEST_ID.test(header) ? header : randomUUID();
        const actor = await authenticator.authenticate(
          { authorization: req.header('authorization'), apiKey: req.header('x-api-key') },
          new Date(),
        );
        scopeSessionTo(actor.kind === 'anonymous' ? null : actor.institutionId);
        return createRequestContext(orm.em, {
          actor,
          requestId,
          auth,
          rateLimits,
          clientIp: req.ip ?? 'unknown',
          now: clock(),
        });
      },
    }),
  );

  let server: Server | undefined;
  return {
    app,
    listen: (port) =>
      new Promise((resolve, reject) => {
        const listening = app.listen(port, '0.0.0.0', (error?: Error) => {
          if (error) return reject(error);
          const address = listening.address();
          const actualPort = typeof address === 'object' && address ? address.port : port;
          server = listening;
          resolve({ server: listening, url: `http://localhost:${actualPort}/graphql` });
        });
      }),
    async stop() {
      await apollo.stop();
      await rateLimits.close();
      await sessionsRedis?.quit();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    },
  };
}

/** Stops the server and closes the database on SIGINT or SIGTERM, then exits. */
export function stopOnSignals(api: ApiServer, orm: MikroORM): void {
  const shutdown = async () => {
    await api.stop();
    await orm.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
