import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AutomationRunner } from 'src/main-app/modules/sms/automation/automation-runner.service';
import { adminHeaders, createTenant } from '../support/fixtures';
import { waitFor } from '../support/engine-harness';
import { bootTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { createLead, createTemplate, outboundTo } from './automation-support';

describe(AutomationRunner.name, () => {
  let db: TestDatabase;
  let api: TestApp;
  let worker: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await bootTestApp({ database: db.database });
    worker = await bootTestApp({ database: db.database, env: { SMS_ROLE: 'worker' } });
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await db?.destroy();
  });

  it('runs by itself in a worker process and not in an API-only one', async () => {
    const tenant = await createTenant(db.database, 'Loop Tenant');
    const admin = await adminHeaders(api, tenant);
    const tpl = await createTemplate(api, admin, 'Welcome', 'Welcome!');
    await api
      .http()
      .post('/api/sms/triggers')
      .set(admin)
      .send({ name: 'Welcome', event: 'lead_created', templateId: tpl, delayMinutes: 0 })
      .expect(201);
    const leadId = await createLead(api, admin, { name: 'Lou Pike', phone: '+14155550161' });
    const [sent] = await waitFor(
      async () => {
        const rows = await outboundTo(db.database, leadId);
        return rows.length ? rows : undefined;
      },
      15_000,
      'the worker to send the trigger',
    );
    expect(sent!.message).toBe('Welcome!');
    expect(worker.app.get(AutomationRunner).running).toBe(true);
    expect(api.app.get(AutomationRunner).running).toBe(false);
  });
});
