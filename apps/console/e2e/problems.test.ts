import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { watchForProblems } from './support/browser';
import { LAUNCH_OPTIONS } from './support/browser-options';

/** The guard every browser test relies on: it must see what it is there to see. */
describe('the problem watch', () => {
  it('catches console errors, uncaught exceptions and failed requests, and ignores the rest', async () => {
    const browser = await chromium.launch(LAUNCH_OPTIONS);
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      const settled = watchForProblems(page, problems);
      await page.setContent('<p>a page</p>');
      await page.evaluate(() => {
        console.log('fine');
        console.warn('fine too');
        console.error('something broke');
        setTimeout(() => {
          throw new Error('nobody caught this');
        });
      });
      // Port 9 (discard) has no listener here: the request fails at the network level.
      await page.evaluate(() => fetch('http://127.0.0.1:9/').catch(() => undefined));
      await expect
        .poll(() => problems.some((problem) => problem.startsWith('request failed')))
        .toBe(true);
      await settled();
      expect(problems[0]).toMatch(/^console\.error: something broke/);
      expect(problems).toContainEqual(expect.stringMatching(/^uncaught: .*nobody caught this/s));
      expect(problems).toContainEqual(
        expect.stringMatching(/^request failed: GET http:\/\/127\.0\.0\.1:9\/: net::/),
      );
      // Chromium also reports the refused connection on the console; nothing else was seen.
      expect(
        problems.filter((p) => !/something broke|nobody caught|127\.0\.0\.1:9/.test(p)),
      ).toEqual([]);
      expect(problems.join('\n')).not.toMatch(/fine/);
    } finally {
      await browser.close();
    }
  });
});
