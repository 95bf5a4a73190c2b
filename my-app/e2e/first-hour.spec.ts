import { expect, test, type Page } from '@playwright/test';
import { apiAuth, apiPut, expectNoErrors, login, waitForContent } from './helpers';

/** The first hour of a new user (issue 16): what they hit, in the order they hit it. */

async function openSend(page: Page) {
  await page.goto('/admin/sms/send');
  await expect(page.getByTestId('send-sms-form')).toBeVisible();
}

test.describe('1. placeholders are filled in or refused, never sent raw', () => {
  test('a send without a lead delivers the defaults, and one without a default is refused by name', async ({
    page,
  }) => {
    await login(page);
    await openSend(page);
    await page.getByTestId('phone-input').pressSequentially('4155550142');
    await page.getByTestId('message-composer').fill('Hi {{first_name|there}}, your roof check is booked.');
    await expect(page.getByTestId('send-preview-text')).toHaveText('Hi there, your roof check is booked.');
    await page.getByTestId('send-sms-submit').click();
    const result = page.getByTestId('send-result');
    await expect(result).toBeVisible();
    await result.getByTestId('send-result-link').click();
    const drawer = page.getByTestId('message-drawer');
    await expect(drawer).toContainText('Hi there, your roof check is booked.');
    await expect(drawer).not.toContainText('{{');

    await openSend(page);
    await page.getByTestId('phone-input').pressSequentially('4155550142');
    await page.getByTestId('message-composer').fill('Hi {{first_name}}!');
    await page.getByTestId('send-sms-submit').click();
    await expect(page.getByText('{{first_name}} needs a lead to fill it in')).toBeVisible();
    await expect(page.getByTestId('send-result')).toHaveCount(0);

    // The API refuses it too, whatever client calls it.
    const res = await page.request.post('/api/sms/send', {
      headers: await apiAuth(page),
      data: { phoneNumber: '+14155550142', message: 'Hi {{first_name}}!' },
    });
    expect(res.status()).toBe(400);
    expect((await res.json()).details[0]).toMatchObject({ field: 'message' });
  });
});

test.describe('3. templates are in the sidebar, and the demo has something to show', () => {
  test('Templates has its own sidebar entry and the seeded templates', async ({ page }) => {
    await login(page);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Templates', exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/sms\/templates$/);
    await expect(nav.getByRole('link', { name: 'Templates', exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(nav.getByRole('link', { name: 'Dashboard', exact: true })).not.toHaveAttribute('aria-current', 'page');
    await waitForContent(page);
    await expect(page.getByText('Appointment reminder').first()).toBeVisible();
    await expect(page.getByText('No templates yet')).toHaveCount(0);
  });

  test('the dashboard, the Inbox, Reports and a strategy sequence show the demo data', async ({ page }) => {
    await login(page);
    await waitForContent(page);
    await expect(page.getByTestId('stat-cost')).not.toContainText('$0.00 in total');
    await page.goto('/admin/sms/inbox');
    await expect(page.getByTestId('conversation-list').getByRole('button')).not.toHaveCount(0);
    await expect(page.getByTestId('conversation-list')).toContainText('Jane Cooper');
    await page.goto('/admin/sms/reports');
    await expect(page.getByTestId('usage-row').first()).toBeVisible();
    await page.goto('/admin/strategies');
    await page.getByRole('link', { name: 'Estimate follow-up', exact: true }).click();
    await expect(page.getByTestId('sequence-step')).toHaveCount(2);
    await expectNoErrors(page);
  });
});

test.describe('4. Settings says what Twilio needs', () => {
  test('shows both webhook URLs with copy buttons and the sender really used', async ({ page }) => {
    await login(page);
    await page.goto('/admin/sms/settings');
    const hooks = page.getByTestId('webhooks-card');
    await expect(hooks.getByLabel('Inbound webhook URL', { exact: true })).toHaveValue(
      /\/api\/sms\/webhooks\/twilio\/inbound$/,
    );
    await expect(hooks.getByLabel('Status callback URL', { exact: true })).toHaveValue(
      /\/api\/sms\/webhooks\/twilio\/status$/,
    );
    await expect(hooks.getByRole('button', { name: 'Copy Inbound webhook URL' })).toBeVisible();
    await expect(page.getByTestId('effective-sender')).toContainText('+15005550006');
    await expect(page.getByTestId('effective-sender')).toContainText('server’s sender');
    await expect(page.locator('[placeholder="+14155552671"]')).toHaveCount(0);
  });
});

test.describe('5. times carry their zone; admins can send now anyway', () => {
  test('a campaign scheduled for 10:00 New York shows 10:00 AM with its zone', async ({ page }) => {
    await login(page);
    const headers = await apiAuth(page);
    const year = new Date().getUTCFullYear() + 1;
    const created = await page.request.post('/api/sms/campaigns', {
      headers,
      data: {
        name: 'Zone check',
        message: 'Zone check',
        recipients: ['+14155550161'],
        scheduledAt: `${year}-01-15T10:00:00-05:00`,
      },
    });
    expect(created.ok(), await created.text()).toBeTruthy();
    const { campaignId } = (await created.json()) as { campaignId: number };
    await page.goto(`/admin/sms/campaigns/${campaignId}`);
    await expect(page.getByTestId('campaign-timing')).toContainText(`Jan 15, ${year}, 10:00:00 AM EST`);
    await expect(page.getByTestId('campaign-timing')).toContainText('America/New York');
    await page.request.post(`/api/sms/campaigns/${campaignId}/cancel`, { headers });
  });

  test('a message held by quiet hours says until when, in which zone, and an admin can send it now', async ({
    page,
    request,
  }) => {
    await login(page);
    const always = { quietHoursEnabled: true, quietHoursStart: '00:00', quietHoursEnd: '23:59' };
    await apiPut(request, page, '/api/sms/settings', always);
    try {
      await openSend(page);
      await page.getByTestId('phone-input').pressSequentially('4155550143');
      await page.getByTestId('message-composer').fill('Held by quiet hours');
      await page.getByTestId('send-sms-submit').click();
      const result = page.getByTestId('send-result');
      await expect(result).toContainText(/until .* E[SD]T \(America\/New York time\)/);
      await result.getByTestId('send-now-anyway').click();
      await expect(result.getByTestId('send-result-status')).toHaveText(/Sent|Delivered/, { timeout: 60_000 });
    } finally {
      await apiPut(request, page, '/api/sms/settings', { quietHoursEnabled: false });
    }
  });
});

test.describe('6. cost is shown before sending', () => {
  test('a single send shows its estimated cost', async ({ page }) => {
    await login(page);
    await openSend(page);
    await page.getByTestId('message-composer').fill('A short message');
    await expect(page.getByTestId('send-estimated-cost')).toContainText('Estimated cost: $0.0079 (1 segment');
  });

  test('the create-campaign form checks recipients and estimates the cost without sending', async ({ page }) => {
    await login(page);
    await page.goto('/admin/sms/campaigns/create');
    await page.getByLabel('Name').fill('Estimate only');
    await page.getByTestId('message-composer').fill('Estimate me');
    await page.getByLabel('Phone numbers').fill('+14155550171\n+14155550172\n12');
    await page.getByTestId('campaign-dry-run').click();
    const estimate = page.getByTestId('campaign-estimate');
    await expect(estimate).toContainText('nothing was sent');
    await expect(estimate).toContainText('$0.0158');
    await expect(page).toHaveURL(/\/campaigns\/create$/);
  });
});

test.describe('7. dark mode', () => {
  test('follows the system, and the account menu overrides it', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await login(page);
    // The body's background lightness, 0 (black) to 1 (white), from oklch/oklab(L …), lab(L …) or rgb(r, g, b).
    const lightness = () =>
      page.evaluate(() => {
        const bg = getComputedStyle(document.body).backgroundColor;
        const oklch = /ok(?:lch|lab)\(([\d.]+)/.exec(bg);
        if (oklch) return Number(oklch[1]);
        // Chromium may serialize the resolved light-dark() colour as CIE lab(L a b), L from 0 to 100.
        const lab = /^lab\(([\d.]+)/.exec(bg);
        if (lab) return Number(lab[1]) / 100;
        const [r = 0, g = 0, b = 0] = (bg.match(/[\d.]+/g) ?? []).map(Number);
        return (r + g + b) / 765;
      });
    await expect(page.locator('html')).toHaveClass(/\bdark\b/);
    await expect.poll(lightness).toBeLessThan(0.3);
    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitemradio', { name: 'Light' }).click();
    await expect(page.locator('html')).toHaveClass(/\blight\b/);
    await page.keyboard.press('Escape');
    await page.reload();
    await expect(page.locator('html')).toHaveClass(/\blight\b/);
    await expect.poll(lightness).toBeGreaterThan(0.9);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitemradio', { name: 'Dark' }).click();
    await expect(page.locator('html')).toHaveClass(/\bdark\b/);
    await expect.poll(lightness).toBeLessThan(0.3);
  });
});

test.describe('8. polish', () => {
  test('phone input: 12345 stays 12345, a pasted number keeps its digits, one error message', async ({ page }) => {
    await login(page);
    await openSend(page);
    const phone = page.getByTestId('phone-input');
    await phone.pressSequentially('12345');
    await expect(phone).toHaveValue('12345');
    await phone.fill('');
    await phone.pressSequentially('4155552671');
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('[data-testid="phone-input"]')!;
      input.focus();
      input.select();
    });
    await page.keyboard.insertText('4155552671');
    await expect(phone).toHaveValue('(415) 555-2671');
    await phone.fill('');
    await phone.pressSequentially('555123');
    await page.getByTestId('message-composer').fill('Hi');
    await page.getByTestId('send-sms-submit').click();
    await expect(page.getByText('Enter a complete phone number')).toBeVisible();
    await expect(page.getByText(/Invalid phone number/)).toHaveCount(0);
  });

  test('a canceled campaign with nothing sent shows 0%, and the audit log names who canceled it', async ({ page }) => {
    await login(page);
    const headers = await apiAuth(page);
    const created = await page.request.post('/api/sms/campaigns', {
      headers,
      data: {
        name: 'Canceled before sending',
        message: 'Never sent',
        recipients: ['+14155550181', '+14155550182'],
        scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
    });
    const { campaignId } = (await created.json()) as { campaignId: number };
    const canceled = await page.request.post(`/api/sms/campaigns/${campaignId}/cancel`, { headers });
    expect(canceled.ok(), await canceled.text()).toBeTruthy();
    await page.goto(`/admin/sms/campaigns/${campaignId}`);
    await expect(page.getByTestId('campaign-progress-pct')).toHaveText('0%');
    await page.goto('/admin/sms/audit');
    await expect(page.locator('[data-testid="audit-row"][data-action="campaign.cancel"]').first()).toContainText(
      'Demo Admin',
    );
  });

  test('rejected rows read as words, not codes', async ({ page }) => {
    await login(page);
    await page.goto('/admin/sms/bulk');
    const csv = ['name,phone', 'Ok,+14155550191', 'Bad,12345', 'Mangled,4.15555E+10'].join('\n');
    await page
      .getByTestId('csv-input')
      .setInputFiles({ name: 'reasons.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('message-composer').fill('Reasons');
    await page.getByTestId('bulk-dry-run').click();
    const table = page.getByTestId('rejections-table');
    await expect(table).toContainText('Invalid number', { timeout: 60_000 });
    await expect(table).toContainText('mangled by a spreadsheet');
    await expect(table).not.toContainText('invalid_phone');
    await expect(table).not.toContainText('spreadsheet_mangled');
  });

  test('/favicon.ico exists and the JavaScript is served compressed', async ({ page, request }) => {
    const icon = await request.get('/favicon.ico');
    expect(icon.status()).toBe(200);
    await page.goto('/login');
    const script = await page.locator('script[src]').first().getAttribute('src');
    const js = await request.get(script!, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(js.headers()['content-encoding']).toBe('gzip');
  });
});
