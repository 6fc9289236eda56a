import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printGraphqlSchema } from './schema.js';

/** Writes apps/api/schema.graphql, the committed record of the public API. */
export const SCHEMA_FILE = fileURLToPath(new URL('../../schema.graphql', import.meta.url));

fs.writeFileSync(SCHEMA_FILE, await printGraphqlSchema());
console.log(`wrote ${SCHEMA_FILE}`);
