import { expect, test } from '@playwright/test';
import { login, screenshot } from './helpers';

test('sends one SMS and sees it reach delivered in History', async ({ page }) => {
  await login(page);
  await page.goto('/admin/sms/send');

  const phone = page.getByTestId('phone-input');
  await phone.pressSequentially('4155552671');
  await expect(phone).toHaveValue('(415) 555-2671');
  await expect(page.getByTestId('phone-status')).toContainText('Valid');

  await page.getByTestId('message-composer').fill('Hello from the Loctelli e2e test €');
  // "€" is a GSM-7 extension character: it counts twice.
  await expect(page.getByTestId('composer-characters')).toHaveText('35');
  await expect(page.getByTestId('composer-encoding')).toHaveText('GSM-7');
  await expect(page.getByTestId('composer-segments')).toHaveText('1');
  await screenshot(page, 'sms-send-filled');

  await page.getByTestId('send-sms-submit').click();
  const result = page.getByTestId('send-result');
  await expect(result).toBeVisible();
  // The result follows the message's status by itself.
  await expect(result.getByTestId('send-result-status')).toHaveText(/Delivered/, { timeout: 60_000 });
  await screenshot(page, 'sms-send-result');

  await result.getByTestId('send-result-link').click();
  await expect(page).toHaveURL(/\/admin\/sms\/history\?message=\d+/);
  const drawer = page.getByTestId('message-drawer');
  await expect(drawer.getByTestId('drawer-status')).toHaveText(/Delivered/, { timeout: 60_000 });
  await expect(drawer.getByTestId('event-timeline')).toBeVisible();
  await screenshot(page, 'sms-history-drawer');

  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  const row = page.getByTestId('history-row').filter({ hasText: '+1 415 555 2671' }).first();
  await expect(row).toContainText('Delivered');
});

test('a number too short for its country is refused before sending', async ({ page }) => {
  await login(page);
  await page.goto('/admin/sms/send');
  await page.getByTestId('phone-input').pressSequentially('555123');
  await page.getByTestId('message-composer').fill('Hi');
  await page.getByTestId('send-sms-submit').click();
  // One message, on the field (the input's own "Invalid phone number" would repeat it).
  await expect(page.getByText('Enter a complete phone number')).toBeVisible();
  await expect(page.getByTestId('phone-status')).toHaveCount(0);
  await expect(page.getByTestId('send-result')).toHaveCount(0);
});
