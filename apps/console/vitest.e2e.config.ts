import { defineConfig } from 'vitest/config';

/**
 * The browser suite (`pnpm test:browser`): Chromium driven by playwright-core against the built
 * console and the built API with seed data, which `e2e/support/global-setup.ts` starts once.
 * Files run one after another, each with its own browser, so the measurements it prints are
 * not taken while another test loads the machine.
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.test.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // A page may take a while on a loaded machine: polls wait as long as a step may.
    expect: { poll: { timeout: 30_000, interval: 100 } },
    // A browser test that fails once fails: no retries that would hide a flaky screen.
    retry: 0,
  },
});
