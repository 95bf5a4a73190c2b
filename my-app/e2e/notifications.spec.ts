import { expect, test } from '@playwright/test';
import { apiAuth, login, screenshot, waitForContent } from './helpers';

test('a completed campaign rings the bell live, opens from it, and is read', async ({ page, request }) => {
  await login(page);
  const headers = await apiAuth(page);
  await request.post('/api/notifications/read-all', { headers });
  const bell = page.getByTestId('notification-bell');
  await expect(page.getByTestId('notification-badge')).toHaveCount(0);

  const name = `Notify ${Date.now()}`;
  const created = await request.post('/api/sms/campaigns', {
    headers,
    data: { name, message: 'Your roof check is booked.', recipients: ['+14155550181', '+14155550182'] },
  });
  expect(created.ok(), await created.text()).toBeTruthy();
  const { campaignId } = (await created.json()) as { campaignId: number };

  // No reload: the count arrives over the stream.
  await expect(page.getByTestId('notification-badge')).toHaveText('1', { timeout: 60_000 });
  await bell.click();
  const item = page.getByRole('menuitem', { name: new RegExp(`Campaign “${name}” completed`) });
  await expect(item).toBeVisible();
  await expect(item).toContainText('2 of 2 recipients sent');
  await screenshot(page, 'notifications-bell');

  await item.click();
  await expect(page).toHaveURL(new RegExp(`/admin/sms/campaigns/${campaignId}$`));
  await expect(page.getByTestId('notification-badge')).toHaveCount(0);

  await page.goto('/admin/notifications');
  await waitForContent(page);
  const list = page.getByTestId('notifications-list');
  await expect(list).toContainText(`Campaign “${name}” completed`);
  await page.getByRole('tab', { name: /Unread/ }).click();
  await expect(page).toHaveURL(/show=unread/);
  await expect(page.getByText('All caught up')).toBeVisible();
  await page.getByRole('tab', { name: 'All' }).click();
  await expect(list.getByTestId('notification').first()).toHaveAttribute('data-unread', 'false');
  await screenshot(page, 'notifications-list');
});

test('notification preferences are saved per person in SMS settings', async ({ page }) => {
  await login(page);
  await page.goto('/admin/sms/settings');
  const card = page.getByTestId('notification-preferences');
  await expect(card.getByRole('checkbox', { name: 'Replies from my leads' })).toBeChecked();
  await card.getByRole('checkbox', { name: 'Replies from my leads' }).click();
  await card.getByLabel('Failed messages threshold').fill('0');
  await card.getByRole('button', { name: 'Save notifications' }).click();
  await expect(card.getByText('A whole number from 1 to 100,000')).toBeVisible();
  await card.getByLabel('Failed messages threshold').fill('25');
  await card.getByRole('button', { name: 'Save notifications' }).click();
  await expect(page.getByText('Notification preferences saved')).toBeVisible();

  await page.reload();
  await expect(card.getByRole('checkbox', { name: 'Replies from my leads' })).not.toBeChecked();
  await expect(card.getByLabel('Failed messages threshold')).toHaveValue('25');
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, 'notifications-preferences');

  // Back to the defaults for the other specs.
  await card.getByRole('checkbox', { name: 'Replies from my leads' }).click();
  await card.getByLabel('Failed messages threshold').fill('10');
  await card.getByRole('button', { name: 'Save notifications' }).click();
  await expect(page.getByText('Notification preferences saved')).toBeVisible();
});
