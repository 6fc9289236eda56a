import { beforeAll, describe, expect, it } from 'vitest';

import { Api } from './support/api';
import { screenshot, useBrowser } from './support/browser';
import { choose } from './support/forms';
import { t } from './support/i18n';
import { openComplaint, type ComplaintFixture } from './support/seed';

const RESOLUTION = '已核实催收员未按规定时段联系，已对相关人员进行培训并向借款人致歉。';

describe('borrower feedback', () => {
  const session = useBrowser();
  let api: Api;
  let complaint: ComplaintFixture;
  beforeAll(async () => {
    api = await Api.signIn();
    complaint = await openComplaint(api);
  });

  it('lists complaints, and resolves one with a resolution the record then shows', async () => {
    const { page } = session;
    await page.goto('/#/feedback');
    // Complaints only, in the tab of the complaint's status (newest first: it heads the list).
    await choose(
      page,
      page.locator('body'),
      t('resources.feedback.fields.kind'),
      t('enums.feedbackKind.COMPLAINT'),
    );
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: t(`feedback.tabs.${complaint.status}`) }).click();
    const row = page.locator('tbody tr', { hasText: complaint.receiptCode });
    await row.waitFor();
    await screenshot(page, 'feedback');

    // On the receipt code: the row's case column is a link to the case.
    await row.getByText(complaint.receiptCode).click();
    await page.waitForURL(new RegExp(`#/feedback/${complaint.id}/show`));
    await page
      .getByText(t(`enums.feedbackStatus.${complaint.status}`))
      .first()
      .waitFor();
    await page.getByRole('button', { name: t('feedback.actions.RESOLVED') }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(t('feedback.dialog.resolution')).fill(RESOLUTION);
    await dialog.getByRole('button', { name: t('feedback.dialog.RESOLVED.confirm') }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(t('enums.feedbackStatus.RESOLVED')).first().waitFor();
    await page.getByText(RESOLUTION).first().waitFor();
    await screenshot(page, 'feedback-page');

    const { feedback } = await api.query<{
      feedback: { nodes: { id: string; status: string; resolution: string | null }[] };
    }>(
      `query ($caseId: ID!) { feedback(first: 100, filter: { caseId: $caseId }) {
          nodes { id status resolution } } }`,
      { caseId: complaint.caseId },
    );
    expect(feedback.nodes).toContainEqual({
      id: complaint.id,
      status: 'RESOLVED',
      resolution: RESOLUTION,
    });
  });
});
