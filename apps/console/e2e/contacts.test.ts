import { beforeAll, describe, expect, it } from 'vitest';

import { formatDateTime } from '../src/common/dateTime';
import { Api, shanghaiInstant } from './support/api';
import { screenshot, useBrowser } from './support/browser';
import { choose } from './support/forms';
import { t } from './support/i18n';
import { caseForContact, type ContactFixture } from './support/seed';

describe('logging a contact on a case', () => {
  const session = useBrowser();
  let api: Api;
  let fixture: ContactFixture;
  beforeAll(async () => {
    api = await Api.signIn();
    fixture = await caseForContact(api);
  });

  it('refuses a call in the quiet hours with the next allowed time, then logs one made in the day', async () => {
    const { page } = session;
    await page.goto(`/#/cases/${fixture.caseId}/show`);
    await page.getByRole('button', { name: t('resources.cases.actions.logContact') }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();

    // An unanswered call, yesterday at 23:00 (the form takes the time in the bank's zone).
    await choose(page, dialog, t('resources.cases.form.channel'), t('enums.contactChannel.PHONE'));
    await choose(
      page,
      dialog,
      t('resources.cases.form.result'),
      t('enums.contactResult.NOT_ANSWERED'),
    );
    const occurredAt = dialog.getByLabel(t('resources.cases.form.occurredAt'));
    await occurredAt.fill(`${fixture.quietDate}T${fixture.quietTime}`);
    await dialog.getByRole('button', { name: t('resources.cases.actions.submit') }).click();

    // Refused: the rule by name and the next time a call was allowed, in the bank's zone.
    const refusal = dialog.getByTestId('policy-refusal');
    await refusal.waitFor();
    const nextAllowed = formatDateTime(
      fixture.nextAllowedAt.toISOString(),
      'zh-CN',
      'Asia/Shanghai',
    );
    expect(nextAllowed).toMatch(/08:00$/);
    await expect
      .poll(() => refusal.innerText())
      .toContain(t('resources.cases.policy.refusedTitle'));
    expect(await refusal.innerText()).toContain(t('enums.policyRule.QUIET_HOURS'));
    expect(await refusal.innerText()).toContain(
      t('resources.cases.policy.nextAllowed', { time: nextAllowed }),
    );
    await screenshot(page, 'contact-refused', { fullPage: false });

    // The same call at 10:00 is allowed: logged, the dialog closes, the page says so.
    await occurredAt.fill(`${fixture.allowedDate}T${fixture.allowedTime}`);
    await dialog.getByRole('button', { name: t('resources.cases.actions.submit') }).click();
    await page.getByText(t('resources.cases.notifications.contactLogged')).waitFor();
    await dialog.waitFor({ state: 'hidden' });

    const { contacts } = await api.query<{
      contacts: { nodes: { occurredAt: string; channel: string; result: string }[] };
    }>(
      `query ($caseId: ID!) { contacts(first: 5, filter: { caseId: $caseId }) {
          nodes { occurredAt channel result } } }`,
      { caseId: fixture.caseId },
    );
    expect(contacts.nodes).toContainEqual({
      occurredAt: shanghaiInstant(fixture.allowedDate, fixture.allowedTime).toISOString(),
      channel: 'PHONE',
      result: 'NOT_ANSWERED',
    });
    // Nothing was written for the refused one.
    expect(contacts.nodes.map((contact) => contact.occurredAt)).not.toContain(
      shanghaiInstant(fixture.quietDate, fixture.quietTime).toISOString(),
    );
  });
});
