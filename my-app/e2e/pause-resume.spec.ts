import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { apiAuth, apiPut, login, screenshot } from './helpers';

const SIM_PORT = process.env.E2E_SIM_PORT ?? '4100';
/** One message every 2 s: 100 recipients take over 3 minutes, so the campaign cannot finish during the test. */
const RATE_PER_MINUTE = 30;
/**
 * Numbers no other spec uses (650 is in the same zone as 415): an earlier spec's opt-out of a 415-555-01xx number
 * would take it out of this campaign, and the counts below would be off by it.
 */
const RECIPIENTS = Array.from({ length: 100 }, (_, i) => `+1650555${String(100 + i).padStart(4, '0')}`);
/** Three of the rate's intervals: a running campaign sends at least one text in this time. */
const QUIET_MS = 6_000;

async function confirm(page: Page, button: string) {
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await expect(dialog).toBeHidden();
}

/** Texts with this body the simulator accepted: counted outside the product. */
async function textsAtSimulator(request: APIRequestContext, body: string): Promise<number> {
  const res = await request.get(`http://127.0.0.1:${SIM_PORT}/__sim/state`);
  expect(res.ok()).toBeTruthy();
  const { messages } = (await res.json()) as { messages: Array<{ body: string; direction: string }> };
  return messages.filter((m) => m.body === body && m.direction.startsWith('outbound')).length;
}

/** The campaign's messages in flight to Twilio (claimed before a pause or cancel); they finish, none starts. */
async function inFlight(request: APIRequestContext, page: Page, campaignId: string): Promise<number> {
  const res = await request.get(`/api/sms/messages?campaignId=${campaignId}&status=sending&limit=1`, {
    headers: await apiAuth(page),
  });
  expect(res.ok()).toBeTruthy();
  return ((await res.json()) as { total: number }).total;
}

/** Once nothing is in flight, the simulator's count stays put for QUIET_MS (a running campaign would send). */
async function expectNothingSent(request: APIRequestContext, page: Page, campaignId: string, body: string) {
  await expect.poll(() => inFlight(request, page, campaignId), { timeout: 15_000 }).toBe(0);
  const before = await textsAtSimulator(request, body);
  await page.waitForTimeout(QUIET_MS);
  expect(await textsAtSimulator(request, body)).toBe(before);
  return before;
}

test('a running campaign is paused, resumed and canceled, each after a confirmation', async ({ page, request }) => {
  await login(page);
  await apiPut(request, page, '/api/sms/settings', { rateLimitPerMinute: RATE_PER_MINUTE });
  const body = `Pause and resume e2e ${Date.now()}`;
  try {
    await page.goto('/admin/sms/campaigns/create');
    await page.getByLabel('Name', { exact: true }).fill('Pause and resume e2e');
    await page.getByTestId('message-composer').fill(body);
    await page.getByLabel('Phone numbers').fill(RECIPIENTS.join('\n'));
    await expect(page.getByTestId('paste-summary')).toContainText(`${RECIPIENTS.length} valid`);
    await screenshot(page, 'sms-campaign-create-filled');
    await page.getByTestId('campaign-submit').click();

    await expect(page).toHaveURL(/\/admin\/sms\/campaigns\/\d+$/, { timeout: 30_000 });
    const campaignId = page.url().split('/').at(-1)!;
    const status = page.getByTestId('campaign-status');
    await expect(status).toHaveText('Sending');
    await expect.poll(() => textsAtSimulator(request, body), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);

    await page.getByTestId('campaign-pause').click();
    await confirm(page, 'Pause');
    await expect(status).toHaveText('Paused');
    await screenshot(page, 'sms-campaign-paused');
    const sentBeforeResume = await expectNothingSent(request, page, campaignId, body);
    await expect(status).toHaveText('Paused');

    await page.getByTestId('campaign-resume').click();
    await confirm(page, 'Resume');
    await expect(status).toHaveText('Sending');
    await expect.poll(() => textsAtSimulator(request, body), { timeout: 30_000 }).toBeGreaterThan(sentBeforeResume);
    await expect(status).toHaveText('Sending');

    await page.getByTestId('campaign-cancel').click();
    await confirm(page, 'Cancel campaign');
    await expect(status).toHaveText('Canceled');
    await screenshot(page, 'sms-campaign-canceled');
    const sent = await expectNothingSent(request, page, campaignId, body);
    expect(sent).toBeLessThan(RECIPIENTS.length);
    const campaign = await request.get(`/api/sms/campaigns/${campaignId}`, { headers: await apiAuth(page) });
    const counts = (await campaign.json()) as { totalRecipients: number; canceled: number; failedCount: number };
    expect(counts).toMatchObject({
      totalRecipients: RECIPIENTS.length,
      failedCount: 0,
      canceled: RECIPIENTS.length - sent,
    });
    await expect(status).toHaveText('Canceled');

    await page.goto('/admin/sms/campaigns');
    await expect(page.getByTestId('campaign-row').filter({ hasText: 'Pause and resume e2e' })).toBeVisible();
    await screenshot(page, 'sms-campaigns-list');
  } finally {
    await apiPut(request, page, '/api/sms/settings', { rateLimitPerMinute: null });
  }
});
