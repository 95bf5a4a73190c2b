import { expect, test, type Locator, type Page } from '@playwright/test';
import { apiAuth, apiPost, login, waitForContent } from './helpers';

/** The create and edit dialogs, delete confirmations and search boxes of the lists (issue 16). */

const tag = () => Date.now().toString(36);

async function save(dialog: Locator): Promise<void> {
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
}

async function confirmDelete(page: Page, table: Locator, name: string, confirmLabel = 'Delete'): Promise<void> {
  await table.getByRole('button', { name: `Delete ${name}` }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: confirmLabel }).click();
}

/** Types into a list's search box and waits until the list's URL carries it (the table is then filtered). */
async function search(page: Page, label: string, text: string): Promise<void> {
  await page.getByLabel(label).fill(text);
  await expect(page).toHaveURL(/[?&]search=/);
}

async function choose(page: Page, combobox: Locator, option: string): Promise<void> {
  await combobox.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('a strategy is checked, created, found by search, renamed and deleted', async ({ page }) => {
  await login(page);
  const name = `Win-back ${tag()}`;
  await page.goto('/admin/strategies');
  await waitForContent(page);
  await page.getByRole('button', { name: 'New strategy' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toHaveAccessibleName('New strategy');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Name the strategy')).toBeVisible();
  await dialog.getByLabel('Name', { exact: true }).fill(name);
  await dialog.getByLabel('Tag', { exact: true }).fill('vip');
  await save(dialog);
  await expect(page.getByText('Strategy created')).toBeVisible();

  await search(page, 'Search strategies', name);
  const table = page.getByTestId('strategies-table');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row').nth(1)).toContainText('vip');

  await table.getByRole('button', { name: `Edit ${name}` }).click();
  await expect(dialog).toHaveAccessibleName('Edit strategy');
  await expect(dialog.getByLabel('Name', { exact: true })).toHaveValue(name);
  await dialog.getByLabel('Name', { exact: true }).fill(`${name} v2`);
  await save(dialog);
  await expect(page.getByText('Strategy saved')).toBeVisible();
  await expect(table.getByRole('link', { name: `${name} v2`, exact: true })).toBeVisible();

  await confirmDelete(page, table, `${name} v2`);
  await expect(table.getByTestId('empty-state')).toContainText('No strategies match');
});

test('a SubAccount is created with its zone, left unchanged on Cancel, renamed and deleted', async ({ page }) => {
  await login(page);
  const name = `Branch ${tag()}`;
  await page.goto('/admin/subaccounts');
  await waitForContent(page);
  await page.getByRole('button', { name: 'New SubAccount' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name', { exact: true }).fill(name);
  await choose(page, dialog.getByRole('combobox', { name: 'Time zone' }), 'America/Chicago');
  await save(dialog);

  await search(page, 'Search SubAccounts', name);
  const table = page.getByTestId('subaccounts-table');
  const row = table.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('America/Chicago');

  await row.getByRole('button', { name: `Edit ${name}` }).click();
  await dialog.getByLabel('Name', { exact: true }).fill(`${name} (not saved)`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).not.toContainText('not saved');

  await row.getByRole('button', { name: `Edit ${name}` }).click();
  await expect(dialog.getByLabel('Name', { exact: true })).toHaveValue(name);
  await dialog.getByLabel('Name', { exact: true }).fill(`${name} v2`);
  await save(dialog);
  await expect(table).toContainText(`${name} v2`);

  await confirmDelete(page, table, `${name} v2`, 'Delete SubAccount');
  await expect(table.getByTestId('empty-state')).toContainText('No SubAccounts match');
});

test('a template is saved with its strategy, found by search, edited and deleted', async ({ page }) => {
  await login(page);
  const t = tag();
  const strategy = `Nurture ${t}`;
  await apiPost(page, '/api/strategies', { name: strategy });
  const name = `Check-in ${t}`;
  await page.goto('/admin/sms/templates');
  await waitForContent(page);
  await page.getByRole('button', { name: 'New template' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name', { exact: true }).fill(name);
  await dialog.getByTestId('message-composer').fill('Hi {{first_name|there}}, checking in.');
  await choose(page, dialog.getByRole('combobox', { name: 'Strategy' }), strategy);
  await save(dialog);

  await search(page, 'Search templates', name);
  const table = page.getByTestId('templates-table');
  await expect(table.getByRole('row')).toHaveCount(2);
  const row = table.getByRole('row').nth(1);
  await expect(row).toContainText(strategy);
  await expect(row).toContainText('checking in.');

  await row.getByRole('button', { name: `Edit ${name}` }).click();
  await dialog.getByTestId('message-composer').fill('Hi {{first_name|there}}, still there?');
  await choose(page, dialog.getByRole('combobox', { name: 'Strategy' }), 'No strategy');
  await save(dialog);
  await expect(row).toContainText('still there?');
  await expect(row).not.toContainText(strategy);

  await confirmDelete(page, table, name);
  await expect(table.getByTestId('empty-state')).toContainText('No templates match');
});

test('a lead is created with a status and strategy, then edited from its page', async ({ page }) => {
  await login(page);
  const t = tag();
  const strategy = `Callback ${t}`;
  await apiPost(page, '/api/strategies', { name: strategy });
  const name = `Robin ${t}`;
  await page.goto('/admin/leads');
  await waitForContent(page);
  await page.getByRole('button', { name: 'New lead' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name', { exact: true }).fill(name);
  await dialog.getByTestId('phone-input').pressSequentially('4155550181');
  await choose(page, dialog.getByRole('combobox', { name: 'Status' }), 'contacted');
  await choose(page, dialog.getByRole('combobox', { name: 'Strategy' }), strategy);
  await save(dialog);

  await search(page, 'Search leads', name);
  const table = page.getByTestId('leads-table');
  const row = table.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('contacted');
  await expect(row).toContainText(strategy);
  await expect(row).toContainText('+1 415 555 0181');

  await row.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(dialog.getByLabel('Name', { exact: true })).toHaveValue(name);
  await dialog.getByLabel('Company', { exact: true }).fill(`Acme ${t}`);
  await save(dialog);
  await expect(page.getByText(`Acme ${t}`)).toBeVisible();
});

test('a scheduled campaign is edited, and a time in the past is refused on the field', async ({ page }) => {
  await login(page);
  const year = new Date().getUTCFullYear() + 1;
  const { campaignId } = await apiPost<{ campaignId: number }>(page, '/api/sms/campaigns', {
    name: 'Edit me',
    message: 'Edit me',
    recipients: ['+14155550182'],
    scheduledAt: `${year}-03-10T09:00:00Z`,
  });
  try {
    await page.goto(`/admin/sms/campaigns/${campaignId}`);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('schedule-datetime').fill('2020-01-01T09:00');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByText('The time must be in the future')).toBeVisible();
    await dialog.getByTestId('schedule-datetime').fill(`${year}-04-10T09:00`);
    await dialog.getByLabel('Name', { exact: true }).fill(`Edited ${campaignId}`);
    await save(dialog);
    await expect(page.getByRole('heading', { level: 1, name: `Edited ${campaignId}` })).toBeVisible();
  } finally {
    await page.request.post(`/api/sms/campaigns/${campaignId}/cancel`, { headers: await apiAuth(page) });
  }
});
