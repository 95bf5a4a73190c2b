import { expect, test, type Page } from '@playwright/test';
import { login, screenshot } from './helpers';

const rowIds = (page: Page) =>
  page.getByTestId('history-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-message-id')));

/** Waits until the table shows rows other than `before`, and returns them. */
async function nextRows(page: Page, before: (string | null)[]): Promise<(string | null)[]> {
  await expect.poll(async () => JSON.stringify(await rowIds(page))).not.toBe(JSON.stringify(before));
  return rowIds(page);
}

test('history pages by cursor: next and previous walk the same pages, and a filter starts over', async ({ page }) => {
  await login(page);
  await page.goto('/admin/sms/history?limit=10');
  const range = page.getByTestId('pagination-range');
  const next = page.getByRole('button', { name: 'Next page' });
  const previous = page.getByRole('button', { name: 'Previous page' });
  await expect(page.getByTestId('history-row')).toHaveCount(10);
  await expect(range).toHaveText(/^1–10 of \d/);
  await expect(previous).toBeDisabled();
  const first = await rowIds(page);

  await next.click();
  await expect(page).toHaveURL(/[?&]cursor=/);
  await expect(range).toHaveText(/^11–20 of /);
  await expect(page.getByText('Page 2', { exact: true })).toBeVisible();
  const second = await nextRows(page, first);
  expect(second.filter((id) => first.includes(id))).toEqual([]);
  await screenshot(page, 'sms-history-page-2');

  await next.click();
  await expect(page.getByText('Page 3', { exact: true })).toBeVisible();
  const third = await nextRows(page, second);
  expect(third.filter((id) => second.includes(id) || first.includes(id))).toEqual([]);

  await previous.click();
  await expect(page.getByText('Page 2', { exact: true })).toBeVisible();
  expect(await nextRows(page, third)).toEqual(second);

  // A reload keeps the page and the way back.
  await page.reload();
  await expect(range).toHaveText(/^11–20 of /);
  expect(await rowIds(page)).toEqual(second);

  await previous.click();
  await expect(page).not.toHaveURL(/cursor=/);
  await expect(range).toHaveText(/^1–10 of /);
  expect(await nextRows(page, second)).toEqual(first);

  await next.click();
  await expect(page).toHaveURL(/[?&]cursor=/);
  await page.getByLabel('Direction').click();
  await page.getByRole('option', { name: 'Outbound' }).click();
  await expect(page).toHaveURL(/direction=outbound/);
  await expect(page).not.toHaveURL(/cursor=/);
  await expect(range).toHaveText(/^1–/);
});
