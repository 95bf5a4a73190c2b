import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests against the real product: `node ../scripts/start.mjs` builds what is stale, migrates and
 * seeds a fresh PGlite database in a temp dir, starts the Twilio simulator, the API and `next start`.
 * Debian's Chromium is used (never `playwright install`).
 *
 * Set E2E_BASE_URL to run against servers you started yourself (no webServer is launched then).
 */
const WEB_PORT = process.env.E2E_WEB_PORT ?? '3100';
const API_PORT = process.env.E2E_API_PORT ?? '3101';
const external = process.env.E2E_BASE_URL;
// Set once in the runner; workers inherit it, so they do not each make a directory.
process.env.E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'loctelli-e2e-'));

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  // One server, one database, one set of SMS settings: the specs run one after another.
  fullyParallel: false,
  workers: 1,
  retries: 0, // a flaky test is a bug to fix, not to retry (issue 17)
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: external ?? `http://127.0.0.1:${WEB_PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    acceptDownloads: true,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-quic',
        '--no-first-run',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 } } }],
  webServer: external
    ? undefined
    : {
        command: 'node ../scripts/start.mjs',
        url: `http://127.0.0.1:${WEB_PORT}/login`,
        reuseExistingServer: false,
        // A fresh clone builds the simulator, the API and the panel first.
        timeout: 600_000,
        stdout: 'ignore',
        stderr: 'pipe',
        env: {
          DATA_DIR: process.env.E2E_DATA_DIR,
          PORT: API_PORT,
          WEB_PORT,
          SIM_PORT: process.env.E2E_SIM_PORT ?? '4100',
          NEXT_TELEMETRY_DISABLED: '1',
          // The flows must not depend on the hour the suite runs at; quiet hours have their own API tests.
          SMS_QUIET_HOURS_ENABLED: 'false',
        },
      },
});
