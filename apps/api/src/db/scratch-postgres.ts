import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Where tests and tools find a PostgreSQL server to make scratch databases on. */
export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A throwaway database on the server of `serverUrl`, dropped by `drop()`. Tests and the
 * migration tool use it so they never touch a database someone cares about.
 */
export async function createScratchDatabase(
  serverUrl: string,
  prefix = 'arrears_scratch',
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
