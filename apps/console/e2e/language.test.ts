import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { LOCALES } from '../src/i18n';
import { screenshot, useBrowser } from './support/browser';
import { en, t } from './support/i18n';

const localeName = (locale: string) => LOCALES.find((l) => l.locale === locale)!.name;

async function switchTo(page: Page, from: string, to: string) {
  await page.getByRole('button', { name: localeName(from) }).click();
  await page.getByRole('menuitem', { name: localeName(to) }).click();
}

/** A column's header (its accessible name also carries the sort button's words). */
const header = (page: Page, text: string) => page.getByRole('columnheader', { name: text });

describe('the language', () => {
  const session = useBrowser();

  it('is Chinese by default, switches to English and back, and is remembered across reloads', async () => {
    const { page } = session;
    await page.goto('/#/cases');
    await header(page, t('resources.cases.fields.loanNumber')).waitFor();

    await switchTo(page, 'zh-CN', 'en');
    await header(page, en('resources.cases.fields.loanNumber')).waitFor();
    // Screen readers and spell checkers follow.
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page
      .getByRole('menuitem', {
        name: t('resources.cases.name', {}, { locale: 'en', plural: true }),
      })
      .waitFor();
    // The rows' own words follow: enum labels in English.
    await expect
      .poll(async () => (await page.locator('tbody td.column-status').allInnerTexts()).length)
      .toBeGreaterThan(0);
    const statuses = new Set(await page.locator('tbody td.column-status').allInnerTexts());
    const english = new Set(
      ['NEW', 'IN_PROGRESS', 'PROMISED', 'ON_HOLD', 'ESCALATED', 'CLOSED'].map((s) =>
        en(`enums.caseStatus.${s}`),
      ),
    );
    for (const status of statuses) expect(english).toContain(status);
    await screenshot(page, 'case-list-en');

    await page.reload();
    await header(page, en('resources.cases.fields.loanNumber')).waitFor();

    await switchTo(page, 'en', 'zh-CN');
    await header(page, t('resources.cases.fields.loanNumber')).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
  });
});
