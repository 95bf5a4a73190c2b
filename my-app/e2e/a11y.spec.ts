import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { login, waitForContent } from './helpers';

/** Every page of the panel, as the demo admin sees it on first start. */
const PAGES = [
  '/admin/sms',
  '/admin/sms/inbox',
  '/admin/sms/send',
  '/admin/sms/bulk',
  '/admin/sms/campaigns',
  '/admin/sms/campaigns/create',
  '/admin/sms/templates',
  '/admin/sms/history',
  '/admin/sms/settings',
  '/admin/sms/triggers',
  '/admin/sms/opt-outs',
  '/admin/sms/reports',
  '/admin/sms/audit',
  '/admin/notifications',
  '/admin/leads',
  '/admin/strategies',
  '/admin/subaccounts',
];

async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('axe finds no WCAG A/AA violation on the login page', async ({ page }) => {
  await page.goto('/login');
  expect(await violations(page)).toEqual([]);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no WCAG A/AA violation on any page (${scheme})`, async ({ page }) => {
    // Eighteen pages, each analysed in full: minutes on a busy machine.
    test.setTimeout(900_000);
    await page.emulateMedia({ colorScheme: scheme });
    await login(page);
    const found: Record<string, string[]> = {};
    for (const path of [...PAGES, '/admin/sms/campaigns/1']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await waitForContent(page);
      const v = await violations(page);
      if (v.length) found[path] = v;
    }
    expect(found).toEqual({});
  });
}
