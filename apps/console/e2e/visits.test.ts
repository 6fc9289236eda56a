import { beforeAll, describe, expect, it } from 'vitest';

import { Api, shanghaiInstant } from './support/api';
import { screenshot, useBrowser } from './support/browser';
import { chooseMany } from './support/forms';
import { t } from './support/i18n';
import { caseForVisit, type VisitFixture } from './support/seed';

describe('visits', () => {
  const session = useBrowser();
  let api: Api;
  let fixture: VisitFixture;
  beforeAll(async () => {
    api = await Api.signIn();
    fixture = await caseForVisit(api);
  });

  it('schedules a visit with two collectors from the case page and finds it among the visits', async () => {
    const { page } = session;
    await page.goto(`/#/cases/${fixture.caseId}/show`);
    await page.getByRole('button', { name: t('resources.cases.actions.scheduleVisit') }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();

    await chooseMany(page, dialog, t('resources.cases.form.collectorIds'), fixture.collectors);
    await dialog
      .getByLabel(t('resources.cases.form.windowStart'))
      .fill(`${fixture.date}T${fixture.start}`);
    await dialog
      .getByLabel(t('resources.cases.form.windowEnd'))
      .fill(`${fixture.date}T${fixture.end}`);
    await dialog.getByLabel(t('resources.cases.form.purpose')).fill('协商还款方案');
    await dialog.getByRole('button', { name: t('resources.cases.actions.submit') }).click();
    await page.getByText(t('resources.cases.notifications.visitScheduled')).waitFor();
    await dialog.waitFor({ state: 'hidden' });

    // Written as asked: the window in the bank's zone, both collectors on it.
    const { visits } = await api.query<{
      visits: {
        nodes: {
          id: string;
          windowStart: string;
          windowEnd: string;
          purpose: string;
          status: string;
          collectors: { displayName: string }[];
        }[];
      };
    }>(
      `query ($caseId: ID!) { visits(first: 5, filter: { caseId: $caseId, status: [PLANNED] }) {
          nodes { id windowStart windowEnd purpose status collectors { displayName } } } }`,
      { caseId: fixture.caseId },
    );
    expect(visits.nodes).toHaveLength(1);
    const visit = visits.nodes[0]!;
    expect(visit).toMatchObject({
      windowStart: shanghaiInstant(fixture.date, fixture.start).toISOString(),
      windowEnd: shanghaiInstant(fixture.date, fixture.end).toISOString(),
      purpose: '协商还款方案',
    });
    expect(visit.collectors.map((c) => c.displayName).sort()).toEqual(
      [...fixture.collectors].sort(),
    );

    // The visit list (from today on) and tomorrow's agenda show it; its page names the case
    // and both collectors.
    const main = page.locator('#main-content');
    await page.goto('/#/visits');
    await main.locator('tbody tr').first().waitFor();
    await screenshot(page, 'visits');
    await page.goto(`/#/visits/agenda?date=${fixture.date}`);
    await main.getByText(fixture.loanNumber).first().waitFor();
    await screenshot(page, 'visit-agenda');
    await page.goto(`/#/visits/${visit.id}/show`);
    await main.getByText(fixture.loanNumber).first().waitFor();
    for (const collector of fixture.collectors) await main.getByText(collector).first().waitFor();
    await screenshot(page, 'visit-page');
  });
});
