import { expect, test } from '@playwright/test';
import { login, screenshot } from './helpers';

// Five good rows and two bad ones: an impossible number and a duplicate.
const CSV = [
  'First Name,Phone Number,City',
  'Ada,+14155550101,Austin',
  'Grace,(415) 555-0102,Boston',
  'Bad,12345,Nowhere',
  'Ada again,+14155550101,Austin',
  'Linus,415-555-0103,Helsinki',
  'Margaret,+14155550105,Denver',
  'Alan,+14155550106,London',
].join('\n');

test('a CSV with bad rows is checked, reported, started and followed to 100%', async ({ page }) => {
  await login(page);
  await page.goto('/admin/sms/bulk');

  await page
    .getByTestId('csv-input')
    .setInputFiles({ name: 'spring-promo.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await expect(page.getByTestId('csv-preview')).toBeVisible();
  await expect(page.getByTestId('csv-preview')).toContainText('Grace');

  await page.getByTestId('message-composer').fill('Hi ');
  await page.getByRole('button', { name: 'Insert variable first_name' }).click();
  await page.getByTestId('message-composer').press('End');
  await page.getByTestId('message-composer').pressSequentially(', your roof inspection is confirmed.');
  await expect(page.getByTestId('message-composer')).toHaveValue(
    'Hi {{first_name}}, your roof inspection is confirmed.',
  );
  await expect(page.getByTestId('bulk-sample')).toHaveText('Hi Ada, your roof inspection is confirmed.');

  await page.getByTestId('bulk-dry-run').click();
  const report = page.getByTestId('dry-run-report');
  await expect(report).toBeVisible({ timeout: 60_000 });
  await expect(report.getByTestId('count-rows').locator('dd')).toHaveText('7');
  await expect(report.getByTestId('count-valid').locator('dd')).toHaveText('5');
  await expect(report.getByTestId('count-invalid').locator('dd')).toHaveText('1');
  await expect(report.getByTestId('count-duplicate').locator('dd')).toHaveText('1');
  await expect(report.getByTestId('rejection-row')).toHaveCount(2);
  await expect(report.getByTestId('rejections-table')).toContainText('12345');
  await screenshot(page, 'sms-bulk-dry-run');

  await page.getByTestId('bulk-start').click();
  const live = page.getByTestId('campaign-live');
  await expect(live).toBeVisible({ timeout: 60_000 });
  await expect(live.getByTestId('counter-total').locator('dd')).toHaveText('5');
  await expect(live.getByTestId('campaign-progress-pct')).toHaveText('100%', { timeout: 120_000 });
  await expect(live.getByTestId('campaign-status')).toHaveText(/Completed/, { timeout: 30_000 });
  await screenshot(page, 'sms-bulk-campaign-done');

  await live.getByTestId('open-campaign').click();
  await expect(page).toHaveURL(/\/admin\/sms\/campaigns\/\d+$/);
  await expect(page.getByTestId('campaign-progress-pct')).toHaveText('100%');
  await expect(page.getByTestId('campaign-messages-table')).toContainText('Delivered');
  await screenshot(page, 'sms-campaign-detail');
});
