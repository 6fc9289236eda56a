import { describe, expect, it } from 'vitest';

import { allScripts, initialScripts, kB, recordMetric } from './support/bundle';

/** Fails a build whose first download grows by half again; raise it only on purpose. */
const INITIAL_GZIP_BUDGET = 400 * 1024;

describe('the built console', () => {
  it('keeps the initial JavaScript small and loads each screen on demand', () => {
    const initial = initialScripts();
    const all = allScripts();
    const gzip = initial.reduce((sum, chunk) => sum + chunk.gzipBytes, 0);
    const raw = initial.reduce((sum, chunk) => sum + chunk.bytes, 0);
    recordMetric('initialJsGzipBytes', gzip);
    recordMetric('initialJsBytes', raw);
    console.log(
      [
        `initial JavaScript: ${kB(gzip)} gzip (${kB(raw)} raw) in ${initial.length} chunks`,
        ...initial.map((chunk) => `  ${chunk.file}  ${kB(chunk.gzipBytes)} gzip`),
        `on demand: ${all.length - initial.length} more chunks, ` +
          `${kB(all.reduce((sum, chunk) => sum + chunk.gzipBytes, 0) - gzip)} gzip`,
      ].join('\n'),
    );

    expect(initial[0]?.file, 'the entry module').toMatch(/^assets\/index-[\w-]+\.js$/);
    expect(gzip).toBeLessThan(INITIAL_GZIP_BUDGET);
    // Split by route: the screens are chunks of their own, outside the initial download.
    const initialFiles = new Set(initial.map((chunk) => chunk.file));
    const onDemand = all.filter((chunk) => !initialFiles.has(chunk.file)).map((c) => c.file);
    for (const screen of ['CaseList', 'CaseShow']) {
      expect(onDemand, `a chunk of its own for ${screen}`).toContainEqual(
        expect.stringMatching(new RegExp(`^assets/${screen}-`)),
      );
    }
  });
});
