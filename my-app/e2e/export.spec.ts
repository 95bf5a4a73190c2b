import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { apiAuth, login, screenshot } from './helpers';

test('history exports the current filter as CSV', async ({ page, request }) => {
  await login(page);
  const headers = await apiAuth(page);
  // A delivered message to export, whatever ran before.
  const sent = await request.post('/api/sms/send', {
    headers: { ...headers, 'Idempotency-Key': `e2e-export-${Date.now()}` },
    data: { phoneNumber: '+14155552672', message: 'Export me' },
  });
  expect(sent.status(), await sent.text()).toBe(202);
  const { id } = (await sent.json()) as { id: number };
  await expect
    .poll(
      async () =>
        ((await (await request.get(`/api/sms/messages/${id}`, { headers })).json()) as { status: string }).status,
      {
        timeout: 60_000,
      },
    )
    .toBe('delivered');

  await page.goto('/admin/sms/history?status=delivered');
  await expect(page.getByTestId('history-row').first()).toBeVisible();
  await screenshot(page, 'sms-history-filtered');

  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const text = fs.readFileSync(await download.path(), 'utf8');
  const lines = text.trim().split(/\r?\n/);
  expect(lines.length).toBeGreaterThan(1);
  const header = lines[0]!.replace(/^\uFEFF/, '').split(',');
  const statusCol = header.findIndex((h) => h.replace(/"/g, '').trim() === 'status');
  expect(statusCol).toBeGreaterThanOrEqual(0);
  expect(text).toContain('Export me');
  for (const line of lines.slice(1)) expect(line).toContain('delivered');
});
