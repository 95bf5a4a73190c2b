import { expect, test } from '@playwright/test';
import { login, screenshot } from './helpers';

test('settings show simulator mode, save, persist, and test the connection', async ({ page }) => {
  await login(page);
  await page.goto('/admin/sms/settings');
  await expect(page.getByTestId('simulator-banner')).toBeVisible();
  // The auth token is write-only: the field starts empty whatever is stored.
  await expect(page.getByTestId('auth-token-input')).toHaveValue('');

  await page.getByTestId('rate-limit-input').fill('120');
  await page.getByLabel('Reply to HELP').fill('Demo Roofing: reply STOP to opt out.');
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('Settings saved')).toBeVisible();

  await page.reload();
  await expect(page.getByTestId('rate-limit-input')).toHaveValue('120');
  await expect(page.getByLabel('Reply to HELP')).toHaveValue('Demo Roofing: reply STOP to opt out.');

  await page.getByTestId('settings-test').click();
  // It succeeded, not merely answered: the API's success text names the account it connected as.
  await expect(page.getByTestId('settings-test-result')).toHaveText(/^Connected to .+ as AC[0-9a-f]{32}$/, {
    timeout: 30_000,
  });
  await screenshot(page, 'sms-settings-saved');

  // A bad value is refused on its field, before anything is sent.
  await page.getByTestId('rate-limit-input').fill('0');
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('A whole number from 1 to 60,000')).toBeVisible();

  // Back to the default for the other specs.
  await page.getByTestId('rate-limit-input').fill('');
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('Settings saved')).toBeVisible();
});
