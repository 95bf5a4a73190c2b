import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { login, waitForContent } from './helpers';

// For people to look at: the first-start dashboard, Settings and a campaign, light and dark. Written to
// FIRST_START_SHOTS (default e2e/screenshots/first-start, git-ignored).
const DIR = process.env.FIRST_START_SHOTS ?? path.join(__dirname, 'screenshots', 'first-start');

for (const scheme of ['light', 'dark'] as const) {
  test(`first-start screens in ${scheme}`, async ({ page }) => {
    fs.mkdirSync(DIR, { recursive: true });
    await page.emulateMedia({ colorScheme: scheme });
    await login(page);
    for (const [name, url] of [
      ['dashboard', '/admin/sms'],
      ['settings', '/admin/sms/settings'],
      ['campaign', '/admin/sms/campaigns/1'],
    ] as const) {
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await waitForContent(page);
      // Charts animate in; their final frame is what a person sees.
      await page.waitForTimeout(800);
      await page.screenshot({ path: path.join(DIR, `${name}-${scheme}.png`), fullPage: true });
    }
  });
}
