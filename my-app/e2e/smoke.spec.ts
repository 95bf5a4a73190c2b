import { expect, test } from '@playwright/test';
import { expectNoErrors, login, screenshot, waitForContent } from './helpers';

const PAGES = [
  { link: 'Dashboard', path: '/admin/sms', heading: 'SMS', shot: 'sms-dashboard' },
  { link: 'Send SMS', path: '/admin/sms/send', heading: 'Send SMS', shot: 'sms-send' },
  { link: 'Bulk SMS', path: '/admin/sms/bulk', heading: 'Bulk SMS', shot: 'sms-bulk' },
  { link: 'Campaigns', path: '/admin/sms/campaigns', heading: 'Campaigns', shot: 'sms-campaigns' },
  { link: 'Templates', path: '/admin/sms/templates', heading: 'Templates', shot: 'sms-templates' },
  { link: 'History', path: '/admin/sms/history', heading: 'History', shot: 'sms-history' },
  { link: 'Opt-outs', path: '/admin/sms/opt-outs', heading: 'Opt-outs', shot: 'sms-opt-outs' },
  { link: 'Audit log', path: '/admin/sms/audit', heading: 'Audit log', shot: 'sms-audit' },
  { link: 'Settings', path: '/admin/sms/settings', heading: 'SMS settings', shot: 'sms-settings' },
  { link: 'Leads', path: '/admin/leads', heading: 'Leads', shot: 'leads' },
  { link: 'Strategies', path: '/admin/strategies', heading: 'Strategies', shot: 'strategies' },
  { link: 'SubAccounts', path: '/admin/subaccounts', heading: 'SubAccounts', shot: 'subaccounts' },
];

test('the login page renders', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  await screenshot(page, 'login');
});

test('a wrong password is refused on the form', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill('admin@demo.loctelli.test');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByTestId('form-error')).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test('the demo admin sees the shell and every sidebar page renders', async ({ page }) => {
  await login(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(page.getByTestId('subaccount-switcher')).toBeVisible();
  for (const p of PAGES) {
    await nav.getByRole('link', { name: p.link, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${p.path}$`));
    await expect(page.getByRole('heading', { level: 1, name: p.heading, exact: true })).toBeVisible();
    await waitForContent(page);
    await expectNoErrors(page);
    await screenshot(page, p.shot);
  }
  await page.goto('/admin/sms/campaigns/create');
  await expect(page.getByRole('heading', { level: 1, name: 'New campaign' })).toBeVisible();
  await expectNoErrors(page);
  await screenshot(page, 'sms-campaign-create');
  await page.goto('/admin/sms/templates');
  await expect(page.getByRole('heading', { level: 1, name: 'Templates' })).toBeVisible();
  await waitForContent(page);
  await expectNoErrors(page);
  await screenshot(page, 'sms-templates');
});

test('on a phone-width screen the sidebar lives in a menu', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await login(page);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await waitForContent(page);
  await screenshot(page, 'mobile-dashboard');
  await page.getByRole('button', { name: 'Open menu' }).click();
  const nav = page.getByRole('dialog').getByRole('navigation', { name: 'Main' });
  await expect(nav).toBeVisible();
  await screenshot(page, 'mobile-menu');
  await nav.getByRole('link', { name: 'History' }).click();
  await expect(page).toHaveURL(/\/admin\/sms\/history$/);
  await waitForContent(page);
  await expectNoErrors(page);
  await screenshot(page, 'mobile-history');
});

test('logging out returns to the login page', async ({ page }) => {
  await login(page);
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/admin/sms');
  await expect(page).toHaveURL(/\/login/);
});
