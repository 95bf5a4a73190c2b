import { expect, test } from '@playwright/test';
import { apiAuth, apiPut, expectNoErrors, login, screenshot, waitForContent } from './helpers';

const LEAD_PHONE = '+14155550188';

test('a message held by the sender’s rate says so in the lead’s thread and timeline, with about when it goes', async ({
  page,
  request,
}) => {
  await login(page);
  const headers = await apiAuth(page);
  const settings = (await (await page.request.get('/api/sms/settings', { headers })).json()) as {
    rateSegmentsPerSecond: number | null;
  };
  // One message per 100 s: the bucket holds one, so the second and third sends must wait their turn.
  await apiPut(request, page, '/api/sms/settings', { rateSegmentsPerSecond: 0.01 });
  try {
    const created = await page.request.post('/api/leads', {
      headers,
      data: { name: 'Wendy Wait', phone: LEAD_PHONE, company: 'Queue Bakery', status: 'contacted' },
    });
    expect(created.ok(), await created.text()).toBeTruthy();
    const lead = (await created.json()) as { id: number };
    for (const text of ['First, goes at once', 'Second, waits', 'Third, waits longer']) {
      const sent = await page.request.post('/api/sms/send', { headers, data: { leadId: lead.id, message: text } });
      expect(sent.status(), await sent.text()).toBe(202);
    }

    await page.goto(`/admin/leads/${lead.id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Wendy Wait' })).toBeVisible();
    await waitForContent(page);
    const thread = page.getByTestId('message-thread');
    const third = thread.locator('[data-direction="outbound"]').filter({ hasText: 'Third, waits longer' });
    const badge = third.locator('[data-status="pending"][data-reason="rate_limit"]');
    await expect(badge).toHaveText(/^Waiting: rate limit — about [2-4] min$/);
    await expect(badge).toHaveAttribute('title', /messages? ahead, at 0\.01 segments per second/);
    await expect(
      page
        .getByTestId('lead-timeline')
        .locator('[data-reason="rate_limit"]')
        .filter({ hasText: 'Waiting: rate limit' }),
    ).toHaveCount(2);
    await expectNoErrors(page);
    await screenshot(page, 'message-waits-lead-thread');
  } finally {
    await apiPut(request, page, '/api/sms/settings', { rateSegmentsPerSecond: settings.rateSegmentsPerSecond });
  }
});
