import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // One graphql instance: a test importing `graphql` directly must not load the ESM twin.
    alias: { graphql: 'graphql/index.js' },
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Suites start servers on real databases; on two cores one file at a time is fastest and stable.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 180_000,
  },
});
