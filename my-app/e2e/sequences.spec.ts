import { expect, test } from '@playwright/test';
import { apiPost, expectNoErrors, login, screenshot, waitForContent } from './helpers';

test('builds a strategy sequence, enrols a lead from its page and stops it', async ({ page }) => {
  await login(page);
  const tag = Date.now().toString(36);
  await apiPost(page, '/api/sms/templates', {
    name: `Intro ${tag}`,
    body: 'Hi {{first_name|there}}, this is Loctelli following up.',
  });
  const strategy = await apiPost<{ id: number }>(page, '/api/strategies', { name: `Follow-up ${tag}` });
  await apiPost(page, '/api/sms/templates', {
    name: `Linked ${tag}`,
    body: 'A template of this strategy',
    strategyId: strategy.id,
  });
  // The lead gets the strategy before it has a sequence, so nothing enrols it by itself.
  const lead = await apiPost<{ id: number }>(page, '/api/leads', {
    name: `Jane ${tag}`,
    phone: '+14155550166',
    strategyId: strategy.id,
  });

  // The sequence editor is on the strategy's page, reached from Strategies.
  await page.goto('/admin/strategies');
  await waitForContent(page);
  await page.getByRole('link', { name: `SMS sequence of Follow-up ${tag}` }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/strategies/${strategy.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: `Follow-up ${tag}` })).toBeVisible();
  const editor = page.getByTestId('sequence-editor');
  await expect(editor).toBeVisible();
  await expectNoErrors(page);
  await editor.getByRole('button', { name: 'Add step' }).click();
  await editor.getByRole('combobox', { name: 'Step 1 template' }).click();
  // the strategy's own templates come first
  await expect(page.getByRole('option').first()).toHaveText(`Linked ${tag}`);
  await page.getByRole('option', { name: `Intro ${tag}` }).click();
  await editor.getByLabel('Step 1 delay', { exact: true }).fill('2');
  await editor.getByRole('combobox', { name: 'Step 1 delay unit' }).click();
  await page.getByRole('option', { name: 'hours' }).click();
  await editor.getByLabel('Customer').check();
  await screenshot(page, 'automation-sequence-editor');
  await editor.getByTestId('sequence-save').click();
  await expect(page.getByText('Sequence saved')).toBeVisible();

  // The lead page shows the enrolment panel: enrol by hand, see the next step, stop.
  await page.goto(`/admin/leads/${lead.id}`);
  const panel = page.getByTestId('lead-sequence-panel');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('Not enrolled.');
  await panel.getByTestId('lead-sequence-enroll').click();
  await expect(panel.getByTestId('lead-sequence-status')).toHaveAttribute('data-status', 'active');
  await expect(panel.getByTestId('lead-sequence-next')).toContainText(`1 of 1: Intro ${tag}`);
  await expect(panel.getByTestId('lead-sequence-due')).toContainText('in 2 hours');
  await expectNoErrors(page);
  await screenshot(page, 'automation-lead-enrolled');

  await panel.getByTestId('lead-sequence-stop').click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Stop' }).click();
  await expect(panel.getByTestId('lead-sequence-status')).toHaveAttribute('data-status', 'stopped');
  await expect(panel.getByTestId('lead-sequence-reason')).toContainText('Stopped by hand');
  await expect(panel.getByTestId('lead-sequence-enroll')).toBeEnabled();
});

test('creates, disables and deletes a trigger', async ({ page }) => {
  await login(page);
  const tag = Date.now().toString(36);
  await apiPost(page, '/api/sms/templates', { name: `Thanks ${tag}`, body: 'Thanks for your time!' });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Triggers', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/sms\/triggers$/);
  await waitForContent(page);
  await page.getByRole('button', { name: 'New trigger' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill(`After contact ${tag}`);
  await dialog.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'contacted' }).click();
  await dialog.getByRole('combobox', { name: 'Template' }).click();
  await page.getByRole('option', { name: `Thanks ${tag}` }).click();
  await dialog.getByLabel('After').fill('30');
  await dialog.getByRole('button', { name: 'Save' }).click();
  const row = page.getByTestId('trigger-row').filter({ hasText: `After contact ${tag}` });
  await expect(row).toContainText('Status becomes contacted');
  await expect(row).toContainText('30 minutes');
  await screenshot(page, 'automation-triggers');
  await row.getByRole('switch').click();
  await expect(row.getByRole('switch')).toHaveAttribute('aria-checked', 'false');
  await row.getByRole('button', { name: `Delete After contact ${tag}` }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await expect(row).toHaveCount(0);
});
