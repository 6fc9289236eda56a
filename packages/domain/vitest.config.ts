import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The property tests check 1,000 generated cases each, and CI runs every package's tests
    // at once on 2 cores: one took 3.9 s of the default 5 s there, and timed out beside a
    // second run. A hang still fails, after 30 s.
    testTimeout: 30_000,
  },
});
