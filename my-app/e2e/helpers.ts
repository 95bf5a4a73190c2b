import fs from 'node:fs';
import path from 'node:path';
import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const DEMO_ADMIN = { email: 'admin@demo.loctelli.test', password: process.env.DEMO_PASSWORD ?? 'demo-password' };

const SCREENSHOTS = path.join(__dirname, 'screenshots');

/** A full-page screenshot under e2e/screenshots/ (git-ignored), for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export async function login(page: Page, user = DEMO_ADMIN): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/admin\/sms$/);
  await expect(page.getByTestId('admin-shell')).toBeVisible();
}

/** The session the UI stored, for calling the API directly in a test's setup. */
export async function apiAuth(page: Page): Promise<Record<string, string>> {
  const { token, subAccountId } = await page.evaluate(() => ({
    token: localStorage.getItem('loctelli.accessToken'),
    subAccountId: localStorage.getItem('loctelli.subAccountId'),
  }));
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  if (subAccountId) headers['X-SubAccount-Id'] = subAccountId;
  return headers;
}

export async function apiPost<T>(page: Page, url: string, data: unknown): Promise<T> {
  const res = await page.request.post(url, { headers: await apiAuth(page), data });
  expect(res.ok(), `${url}: ${res.status()} ${await res.text()}`).toBeTruthy();
  return (await res.json()) as T;
}

export async function apiPut(request: APIRequestContext, page: Page, url: string, data: unknown): Promise<void> {
  const res = await request.put(url, { headers: await apiAuth(page), data });
  expect(res.ok(), `${url}: ${res.status()} ${await res.text()}`).toBeTruthy();
}

/** No error state and no Next.js crash page is showing. */
export async function expectNoErrors(page: Page): Promise<void> {
  await expect(page.getByTestId('error-state')).toHaveCount(0);
  await expect(page.getByText('Application error')).toHaveCount(0);
  await expect(page.getByText('This page failed to render')).toHaveCount(0);
}

/** Waits until no skeleton placeholder is on screen. */
export async function waitForContent(page: Page): Promise<void> {
  await expect(page.locator('[data-slot="skeleton"]')).toHaveCount(0, { timeout: 20_000 });
}
