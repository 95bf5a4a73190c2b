import { expect, test } from '@playwright/test';
import { apiAuth, DEMO_ADMIN, login, waitForContent } from './helpers';

const SIM_PORT = process.env.E2E_SIM_PORT ?? '4100';
const API_PORT = process.env.E2E_API_PORT ?? '3101';
const SIM_ACCOUNT_SID = 'AC' + '5'.repeat(32);
const SENDER = '+15005550006';
const DEMO_USER = { email: 'user@demo.loctelli.test', password: DEMO_ADMIN.password };
const STOPPED = '+14155550191';
const BY_HAND = '+14155550192';

test("a plain user sees the admins' actions disabled, each with the reason", async ({ page, request }) => {
  // As the SubAccount's admin: a person replies STOP (their own opt-out), and a number is added by hand.
  await login(page);
  const headers = await apiAuth(page);
  const inbound = await request.post(`http://127.0.0.1:${SIM_PORT}/__sim/inbound`, {
    data: {
      from: STOPPED,
      to: SENDER,
      body: 'STOP',
      accountSid: SIM_ACCOUNT_SID,
      url: `http://127.0.0.1:${API_PORT}/api/sms/webhooks/twilio/inbound`,
    },
  });
  expect(inbound.ok()).toBeTruthy();
  const added = await page.request.post('/api/sms/opt-outs', { headers, data: { phoneNumber: BY_HAND } });
  expect(added.ok(), await added.text()).toBeTruthy();

  // Even the admin cannot lift the recipient's own opt-out.
  await page.goto('/admin/sms/opt-outs');
  await waitForContent(page);
  const stopped = page.locator(`[data-testid="opt-out-row"][data-phone="${STOPPED}"]`);
  await expect(stopped.getByTestId('opt-out-remove-blocked')).toHaveAttribute('title', /only they can lift it/);

  await page.evaluate(() => localStorage.clear());
  await login(page, DEMO_USER);
  await page.goto('/admin/sms/opt-outs');
  await waitForContent(page);
  const byHand = page.locator(`[data-testid="opt-out-row"][data-phone="${BY_HAND}"]`);
  await expect(byHand.getByTestId('opt-out-remove-blocked')).toHaveAttribute('title', /Only a SubAccount admin/);
  await expect(stopped.getByTestId('opt-out-remove-blocked')).toHaveAttribute('title', /texting START/);

  await page.goto('/admin/sms/settings');
  await expect(page.getByTestId('settings-role-note')).toContainText('Only a SubAccount admin');
  await expect(page.getByTestId('settings-save')).toBeDisabled();
  await expect(page.getByTestId('rate-limit-input')).toBeDisabled();
  // The Unassigned inbox is a system admin's: not in a user's sidebar.
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Opt-outs', exact: true })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Unassigned', exact: true })).toHaveCount(0);
});
