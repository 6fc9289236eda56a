import { describe, expect, it } from 'vitest';

import { pageTitle, screenshot, signIn, SUPERVISOR, useBrowser } from './support/browser';
import { t } from './support/i18n';

describe('signing in', () => {
  const session = useBrowser({ user: null });

  it('shows the login page in Chinese, signs in with a demo login and lands on the dashboard', async () => {
    const { page } = session;
    await page.goto('/');
    // Signed out, every address leads to the login page.
    await page.waitForURL(/#\/login/);
    await expect.poll(() => page.title()).toContain('Arrears');
    await page.getByRole('button', { name: t('ra.auth.sign_in') }).waitFor();
    await screenshot(page, 'login');

    await signIn(page, SUPERVISOR);
    // The supervisor's home: the reports dashboard, its figures and charts drawn.
    await expect.poll(() => pageTitle(page).innerText()).toBe(t('dashboard.title'));
    await page.getByText(t('dashboard.kpi.recoveryRate')).first().waitFor();
    await page.getByText(t('dashboard.charts.weekly')).first().waitFor();
    await page.locator('svg.recharts-surface').first().waitFor();
    await screenshot(page, 'dashboard');
  });
});
