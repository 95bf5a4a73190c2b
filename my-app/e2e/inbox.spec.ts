import { expect, test } from '@playwright/test';
import { apiAuth, expectNoErrors, login, screenshot, waitForContent } from './helpers';

const SIM_PORT = process.env.E2E_SIM_PORT ?? '4100';
const API_PORT = process.env.E2E_API_PORT ?? '3101';
const SIM_ACCOUNT_SID = 'AC' + '5'.repeat(32);
const SENDER = '+15005550006';
const IVY = '+14155550177';

test('send from a lead, see the reply on the lead and in the Inbox, answer from the Inbox', async ({
  page,
  request,
}) => {
  await login(page);
  const created = await page.request.post('/api/leads', {
    headers: await apiAuth(page),
    data: { name: 'Ivy Inbox', phone: IVY, company: 'Inbox Roofing', status: 'contacted' },
  });
  expect(created.ok(), await created.text()).toBeTruthy();
  const lead = (await created.json()) as { id: number };

  // The lead page: write with the lead's fields, send, see it in the thread with its status.
  await page.goto(`/admin/leads/${lead.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Ivy Inbox' })).toBeVisible();
  await waitForContent(page);
  await page.getByLabel('Message').fill('Hi {{first_name}} from {{company}}, is Tuesday good?');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const thread = page.getByTestId('message-thread');
  await expect(thread.getByText('Hi Ivy from Inbox Roofing, is Tuesday good?')).toBeVisible();
  await expect(thread.locator('[data-direction="outbound"] [data-status="delivered"]')).toBeVisible({
    timeout: 30_000,
  });

  // Ivy replies: the simulator posts Twilio's signed inbound webhook.
  const inbound = await request.post(`http://127.0.0.1:${SIM_PORT}/__sim/inbound`, {
    data: {
      from: IVY,
      to: SENDER,
      body: 'Tuesday works, call after 3',
      accountSid: SIM_ACCOUNT_SID,
      url: `http://127.0.0.1:${API_PORT}/api/sms/webhooks/twilio/inbound`,
    },
  });
  expect(inbound.ok(), await inbound.text()).toBeTruthy();
  await expect(thread.locator('[data-direction="inbound"]').getByText('Tuesday works, call after 3')).toBeVisible();
  await expect(page.getByTestId('lead-timeline')).toContainText('SMS received');
  await expectNoErrors(page);
  await screenshot(page, 'lead-sms-thread');

  // The Inbox, from the sidebar with its unread count: the conversation is unread until opened.
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByLabel('1 unread conversations')).toBeVisible({ timeout: 20_000 });
  await nav.getByRole('link', { name: /^Inbox/ }).click();
  await expect(page).toHaveURL(/\/admin\/sms\/inbox$/);
  const row = page.getByTestId('conversation-list').getByRole('button', { name: /Ivy Inbox/ });
  await expect(row).toHaveAttribute('data-unread', 'true');
  await row.click();
  const pane = page.getByTestId('conversation-pane');
  await expect(pane.getByText('Tuesday works, call after 3')).toBeVisible();
  await expect(row).not.toHaveAttribute('data-unread', 'true');
  await expect(nav.getByLabel('1 unread conversations')).toHaveCount(0);

  await pane.getByLabel('Message').fill('Perfect, talk Tuesday.');
  await pane.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(pane.getByText('Perfect, talk Tuesday.')).toBeVisible();
  await expectNoErrors(page);
  await screenshot(page, 'sms-inbox');

  // The leads list: her last SMS is a reply; "Replied" finds her; "Text these leads" says who it reaches.
  await nav.getByRole('link', { name: 'Leads', exact: true }).click();
  await page.getByRole('combobox', { name: 'SMS' }).click();
  await page.getByRole('option', { name: 'Replied' }).click();
  await expect(page).toHaveURL(/[?&]sms=replied/);
  // The demo data has replied leads of its own: narrow the list to Ivy's company.
  await page.getByLabel('Search leads').fill('Inbox Roofing');
  await expect(page).toHaveURL(/[?&]search=Inbox/);
  const table = page.getByTestId('leads-table');
  await expect(table.getByRole('link', { name: 'Ivy Inbox' })).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await page.getByRole('button', { name: 'Text these leads' }).click();
  const dialog = page.getByTestId('text-leads-dialog');
  await dialog.getByLabel('Message').fill('Thanks for replying, {{first_name}}!');
  await expect(dialog.getByTestId('text-leads-reach')).toContainText('1 of 1 matching leads will be texted');
  await expect(dialog.getByTestId('text-leads-reach')).toContainText('Thanks for replying, Ivy!');
  await screenshot(page, 'leads-text-these-leads');
  await dialog.getByRole('button', { name: 'Start campaign' }).click();
  await expect(page).toHaveURL(/\/admin\/sms\/campaigns\/\d+$/);
  await expectNoErrors(page);
});
