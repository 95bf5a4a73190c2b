import { expect, test, type Page } from '@playwright/test';
import { apiAuth, expectNoErrors, login, screenshot, waitForContent } from './helpers';

const SIM_PORT = process.env.E2E_SIM_PORT ?? '4100';
const API_PORT = process.env.E2E_API_PORT ?? '3101';
/** The simulated account `scripts/start.mjs` starts the simulator and the API with. */
const SIM_ACCOUNT_SID = 'AC' + '5'.repeat(32);
/** The installation's shared sender there (TWILIO_PHONE_NUMBER). */
const SENDER = '+15005550006';
const STOPPER = '+14155550142';

/** Texts the number once through the API, so the shared sender's replies route to this SubAccount. */
async function textOnce(page: Page, phoneNumber: string): Promise<void> {
  const res = await page.request.post('/api/sms/send', {
    headers: {
      ...(await apiAuth(page)),
      'Idempotency-Key': `e2e-opt-out-${phoneNumber.replace(/\D/g, '')}-${Date.now()}`,
    },
    data: { phoneNumber, message: 'Hi from the opt-out e2e test' },
  });
  expect(res.ok(), `POST /api/sms/send: ${res.status()} ${await res.text()}`).toBeTruthy();
}

test('a STOP reply lands on Opt-outs, blocks the next send and is in the audit log', async ({ page, request }) => {
  await login(page);
  await textOnce(page, STOPPER);

  // The person replies STOP: the simulator posts Twilio's signed inbound webhook to the API.
  const inbound = await request.post(`http://127.0.0.1:${SIM_PORT}/__sim/inbound`, {
    data: {
      from: STOPPER,
      to: SENDER,
      body: 'STOP',
      accountSid: SIM_ACCOUNT_SID,
      url: `http://127.0.0.1:${API_PORT}/api/sms/webhooks/twilio/inbound`,
    },
  });
  const injected = await inbound.text();
  expect(inbound.ok(), `POST /__sim/inbound: ${inbound.status()} ${injected}`).toBeTruthy();
  expect((JSON.parse(injected) as { status: number }).status, injected).toBe(200);

  // Opt-outs: reached from the sidebar, the number is there with its source.
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Opt-outs', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/sms\/opt-outs$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Opt-outs', exact: true })).toBeVisible();
  await waitForContent(page);
  await expectNoErrors(page);
  const row = page.locator(`[data-testid="opt-out-row"][data-phone="${STOPPER}"]`);
  await expect(row).toBeVisible();
  await expect(row.getByTestId('opt-out-source')).toHaveAttribute('data-source', 'keyword');
  await expect(row.getByTestId('opt-out-source')).toHaveText('Keyword');
  // The search lives in the URL, like History's.
  await page.getByLabel('Search opt-outs').fill('555 0142');
  await expect(page).toHaveURL(/[?&]search=555(\+|%20)0142/);
  await expect(page.getByTestId('opt-out-row')).toHaveCount(1);
  await expect(row).toBeVisible();
  await screenshot(page, 'sms-opt-outs');

  // Sending to that number again is refused, and the form says why.
  await nav.getByRole('link', { name: 'Send SMS', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/sms\/send$/);
  await page.getByTestId('phone-input').pressSequentially('4155550142');
  await expect(page.getByTestId('phone-status')).toContainText('Valid');
  await page.getByTestId('message-composer').fill('Are you still there?');
  await page.getByTestId('send-sms-submit').click();
  await expect(page.locator('[data-slot="form-message"]').filter({ hasText: 'opted out' })).toBeVisible();
  await expect(page.getByTestId('send-result')).toHaveCount(0);
  await screenshot(page, 'sms-send-opted-out');

  // The audit log (admins only, in the sidebar) lists the opt-out, made by Twilio's webhook.
  await nav.getByRole('link', { name: 'Audit log', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/sms\/audit$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log', exact: true })).toBeVisible();
  await waitForContent(page);
  await expectNoErrors(page);
  const entry = page.locator('[data-testid="audit-row"][data-action="opt_out.add"]').first();
  await expect(entry).toBeVisible();
  await expect(entry).toContainText('Twilio');
  await expect(entry.getByTestId('audit-details')).toContainText('source=keyword');
  // Filters live in the URL.
  await page.getByLabel('Action', { exact: true }).fill('opt_out.');
  await expect(page).toHaveURL(/[?&]action=opt_out\./);
  await expect(entry).toBeVisible();
  await screenshot(page, 'sms-audit');
});

test('numbers are added by hand, imported from a CSV and removed after confirming', async ({ page }) => {
  await login(page);
  await page.goto('/admin/sms/opt-outs');
  await waitForContent(page);

  // A number the API cannot read: its message is shown on the field.
  await page.getByTestId('opt-outs-add').click();
  const add = page.getByTestId('opt-out-add-dialog');
  await add.getByTestId('opt-out-phone').fill('12345');
  await add.getByTestId('opt-out-add-submit').click();
  await expect(add.locator('[data-slot="form-message"]')).toBeVisible();
  await add.getByTestId('opt-out-phone').fill('+1 415 555 0177');
  await add.getByTestId('opt-out-add-submit').click();
  await expect(add).toBeHidden();
  const manual = page.locator('[data-testid="opt-out-row"][data-phone="+14155550177"]');
  await expect(manual.getByTestId('opt-out-source')).toHaveAttribute('data-source', 'manual');

  // A CSV: one new number, one already on the list, one that is not a number.
  await page.getByTestId('opt-outs-import').click();
  const dialog = page.getByTestId('opt-out-import-dialog');
  await dialog.getByTestId('csv-input').setInputFiles({
    name: 'opt-outs.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('phone\n+14155550178\n+14155550177\nnot a number\n'),
  });
  await dialog.getByTestId('opt-out-import-submit').click();
  const report = dialog.getByTestId('opt-out-import-report');
  await expect(report).toBeVisible();
  await expect(report.getByTestId('import-count-rows')).toHaveText('3');
  await expect(report.getByTestId('import-count-added')).toHaveText('1');
  await expect(report.getByTestId('import-count-alreadyOptedOut')).toHaveText('1');
  await expect(report.getByTestId('import-count-invalid')).toHaveText('1');
  await expect(report.getByTestId('opt-out-import-rejections')).toContainText('not a number');
  await screenshot(page, 'sms-opt-outs-import');
  await dialog.getByRole('button', { name: 'Done' }).click();
  const imported = page.locator('[data-testid="opt-out-row"][data-phone="+14155550178"]');
  await expect(imported.getByTestId('opt-out-source')).toHaveAttribute('data-source', 'import');

  // Removing asks first.
  await manual.getByRole('button', { name: /^Remove / }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText('Text +1 415 555 0177 again?');
  await confirm.getByRole('button', { name: 'Remove' }).click();
  await expect(confirm).toBeHidden();
  await expect(manual).toHaveCount(0);
  await expect(imported).toBeVisible();
});
