import { expect, test, type Page } from '@playwright/test';
import { apiPut, login, screenshot } from './helpers';

async function confirm(page: Page, button: string) {
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await expect(dialog).toBeHidden();
}

test('a running campaign is paused, resumed and canceled, each after a confirmation', async ({ page, request }) => {
  await login(page);
  // One message a minute keeps the campaign running long enough to pause it.
  await apiPut(request, page, '/api/sms/settings', { rateLimitPerMinute: 1 });
  try {
    await page.goto('/admin/sms/campaigns/create');
    await page.getByLabel('Name', { exact: true }).fill('Pause and resume e2e');
    await page.getByTestId('message-composer').fill('A slow campaign for the pause test.');
    await page
      .getByLabel('Phone numbers')
      .fill(['+14155550111', '+14155550112', '+14155550113', '+14155550114', '+14155550115'].join('\n'));
    await expect(page.getByTestId('paste-summary')).toContainText('5 valid');
    await screenshot(page, 'sms-campaign-create-filled');
    await page.getByTestId('campaign-submit').click();

    await expect(page).toHaveURL(/\/admin\/sms\/campaigns\/\d+$/, { timeout: 30_000 });
    const status = page.getByTestId('campaign-status');
    await expect(status).toHaveText(/Sending|Scheduled/);

    await page.getByTestId('campaign-pause').click();
    await confirm(page, 'Pause');
    await expect(status).toHaveText(/Paused/);
    await screenshot(page, 'sms-campaign-paused');

    await page.getByTestId('campaign-resume').click();
    await confirm(page, 'Resume');
    await expect(status).toHaveText(/Sending|Completed/);

    await page.getByTestId('campaign-cancel').click();
    await confirm(page, 'Cancel campaign');
    await expect(status).toHaveText(/Canceled|Completed/);
    await screenshot(page, 'sms-campaign-canceled');

    await page.goto('/admin/sms/campaigns');
    await expect(page.getByTestId('campaign-row').filter({ hasText: 'Pause and resume e2e' })).toBeVisible();
    await screenshot(page, 'sms-campaigns-list');
  } finally {
    await apiPut(request, page, '/api/sms/settings', { rateLimitPerMinute: null });
  }
});
