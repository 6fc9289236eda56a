import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { printGraphqlSchema } from './schema.js';

const COMMITTED = fileURLToPath(new URL('../../schema.graphql', import.meta.url));

describe('schema.graphql', () => {
  it('matches the schema the code builds (run `pnpm --filter @arrears/api schema:emit` after an API change)', async () => {
    expect(await printGraphqlSchema()).toBe(fs.readFileSync(COMMITTED, 'utf8'));
  });
});
