import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { apiAuth, expectNoErrors, login, screenshot, waitForContent } from './helpers';

const NOT_MOBILE = '+15005550009';

test('the Reports page shows usage and failures after some sends', async ({ page, request }) => {
  await login(page);
  const headers = await apiAuth(page);
  // One delivered, one refused by Twilio (21614), whatever ran before.
  const ids: number[] = [];
  for (const phoneNumber of ['+14155552673', NOT_MOBILE]) {
    const res = await request.post('/api/sms/send', {
      headers: { ...headers, 'Idempotency-Key': `e2e-report-${phoneNumber.slice(1)}-${Date.now()}` },
      data: { phoneNumber, message: 'Report me' },
    });
    expect(res.status(), await res.text()).toBe(202);
    ids.push(((await res.json()) as { id: number }).id);
  }
  const status = async (id: number) =>
    ((await (await request.get(`/api/sms/messages/${id}`, { headers })).json()) as { status: string }).status;
  await expect.poll(() => status(ids[0]!), { timeout: 60_000 }).toBe('delivered');
  await expect.poll(() => status(ids[1]!), { timeout: 60_000 }).toBe('failed');

  await page.getByRole('link', { name: 'Reports' }).click();
  await expect(page).toHaveURL(/\/admin\/sms\/reports$/);
  await waitForContent(page);
  await expectNoErrors(page);

  // The page shows the API's numbers (all the admin's SubAccounts, the default range).
  const admin = { Authorization: headers.Authorization! };
  const usage = (await (await request.get('/api/sms/reports/usage', { headers: admin })).json()) as {
    totals: { messages: number };
  };
  expect(usage.totals.messages).toBeGreaterThanOrEqual(1);
  await expect(page.getByTestId('usage-total-messages')).toContainText(usage.totals.messages.toLocaleString('en-US'));
  await expect(page.getByTestId('usage-row').first()).toBeVisible();
  const refused = page.getByTestId('failure-code-row').filter({ hasText: '21614' });
  await expect(refused).toContainText('is not a mobile number');
  await expect(refused).toContainText('Remove or replace the number');
  await expect(page.getByTestId('failure-campaign-row').filter({ hasText: 'Single sends' })).toBeVisible();
  await screenshot(page, 'sms-reports');

  const download = page.waitForEvent('download');
  await page.getByTestId('usage-csv').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^sms-usage-.*\.csv$/);
  const text = fs.readFileSync(await file.path(), 'utf8');
  expect(text.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe(
    'month,subAccountId,subAccountName,messages,delivered,failed,undelivered,segments,cost,currency,deliveryRate',
  );
});
