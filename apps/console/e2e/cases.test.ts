import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

import { Api } from './support/api';
import { screenshot, useBrowser, watchForProblems } from './support/browser';
import { initialScripts, recordMetric } from './support/bundle';
import { t } from './support/i18n';

/** A loan number as the seed writes them: `PSBC-CL-2023-012084`. */
const LOAN_NUMBER = /^[A-Z]+-[A-Z]{2}-\d{4}-\d{6}$/;

/** Resolves when the first case row with a loan number is on screen: `performance.now()` then. */
async function firstCaseRow(page: Page): Promise<number> {
  const handle = await page.waitForFunction((pattern) => {
    const re = new RegExp(pattern);
    const cells = document.querySelectorAll('tbody td');
    for (const cell of cells) {
      if (re.test(cell.textContent?.trim() ?? '')) return performance.now();
    }
    return 0;
  }, LOAN_NUMBER.source);
  return (await handle.jsonValue()) as number;
}

const column = (page: Page, source: string) => page.locator(`tbody td.column-${source}`);

describe('the case list', () => {
  const session = useBrowser();
  let api: Api;
  beforeAll(async () => {
    api = await Api.signIn();
  });

  it('shows the seeded cases, loading its screen as its own chunk, and first renders in good time', async () => {
    // A new browser profile signed in already: nothing cached, so this is a first visit's load.
    const context = await session.newSignedInContext();
    try {
      const page = await context.newPage();
      const settled = watchForProblems(page, session.problems);
      const scripts: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
      });
      await page.goto('/#/cases');
      const coldMs = await firstCaseRow(page);

      // The console is split by route: the case list's code is not in the initial download.
      const initial = new Set(initialScripts().map((chunk) => `/${chunk.file}`));
      const onDemand = scripts.filter((script) => !initial.has(script));
      expect(onDemand, 'scripts loaded for the case list beyond the initial ones').toContainEqual(
        expect.stringMatching(/\/CaseList[^/]*\.js$/),
      );

      await page.reload();
      const warmMs = await firstCaseRow(page);
      recordMetric('caseListFirstRowColdMs', Math.round(coldMs));
      recordMetric('caseListFirstRowWarmMs', Math.round(warmMs));
      console.log(
        `time to first render of the case list (navigation start → first case row): ` +
          `${Math.round(coldMs)} ms on a first visit, ${Math.round(warmMs)} ms on a reload`,
      );
      // Generous (a loaded 2-core machine takes several seconds): it catches a page that hangs.
      expect(coldMs).toBeLessThan(15_000);
      await settled();
    } finally {
      await context.close();
    }
  });

  it('filters by status and by a loan number, and opens a case', async () => {
    const { page } = session;
    await page.goto('/#/cases');
    await firstCaseRow(page);

    // Status: 处理中 (IN_PROGRESS) only; the page then counts what the API counts.
    const { cases } = await api.query<{ cases: { totalCount: number } }>(
      '{ cases(first: 1, filter: { status: [IN_PROGRESS] }) { totalCount } }',
    );
    const inProgress = t('enums.caseStatus.IN_PROGRESS');
    await page.getByRole('combobox', { name: t('resources.cases.fields.status') }).click();
    await page.getByRole('option', { name: inProgress, exact: true }).click();
    await page.keyboard.press('Escape');
    await expect
      .poll(async () => [...new Set(await column(page, 'status').allInnerTexts())])
      .toEqual([inProgress]);
    const perPage = Math.min(25, cases.totalCount);
    await page
      .getByText(
        t('ra.navigation.page_range_info', {
          offsetBegin: 1,
          offsetEnd: perPage,
          total: cases.totalCount,
        }),
      )
      .waitFor();
    await screenshot(page, 'case-list');

    // A loan number typed into the search narrows the list to that loan.
    const loanNumber = (await column(page, 'loanNumber').nth(2).innerText()).trim();
    expect(loanNumber).toMatch(LOAN_NUMBER);
    await page.getByPlaceholder(t('ra.action.search'), { exact: true }).fill(loanNumber);
    await expect.poll(() => column(page, 'loanNumber').allInnerTexts()).toEqual([loanNumber]);

    // A row opens its case.
    await column(page, 'loanNumber').first().click();
    await page.waitForURL(/#\/cases\/[^/]+\/show/);
    await page.getByText(t('resources.cases.show.title', { loanNumber })).first().waitFor();
    await page.getByRole('tab', { name: t('resources.cases.show.tabs.timeline') }).waitFor();
    await screenshot(page, 'case-page');
  });
});
