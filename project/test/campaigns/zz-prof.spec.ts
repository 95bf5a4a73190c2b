import { sql } from 'drizzle-orm';
import { UserThrottlerGuard } from 'src/core/auth/user-throttler.guard';
(UserThrottlerGuard.prototype as any).canActivate = async () => true;
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHeaders, createTenant, type Tenant } from '../support/fixtures';
import { bootEngine, type EngineHarness } from '../support/engine-harness';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { phoneAt, rowsOf, upload, type Headers } from './campaign-support';

describe('prof', () => {
  let db: TestDatabase; let h: EngineHarness; let tenant: Tenant; let headers: Headers;
  beforeAll(async () => {
    let t = Date.now();
    db = await createTestDatabase();
    console.log('db', Date.now() - t); t = Date.now();
    h = await bootEngine({ database: db.database, knobs: { failedRate: 0.05, undeliveredRate: 0.05, callbackDelayMs: 5 },
      env: { SMS_MAX_BATCH_SIZE: '1000', SMS_MAX_IN_FLIGHT: '200', SMS_RATE_LIMIT_PER_MINUTE: '6000000' } });
    console.log('boot', Date.now() - t);
    tenant = await createTenant(db.database, 'Counter Co');
    headers = await adminHeaders(h, tenant);
  });
  afterAll(async () => { await h?.close(); await db?.destroy(); });
  it('x', async () => {
    const N = Number(process.env.N ?? 2000);
    const lines = ['phone,first name'];
    for (let i = 0; i < N; i++) lines.push(`${phoneAt(i)},P${i}`);
    let t = Date.now();
    const report = (await upload(h, headers, lines.join('\n'), { message: 'Hi {{first_name}}' }).expect(201)).body;
    console.log('upload', Date.now() - t); t = Date.now();
    const timer = setInterval(async () => {
      const r = await rowsOf<any>(db.database, sql`select status, count(*)::int n from sms_messages group by status`);
      console.log(Date.now() - t, JSON.stringify(r), JSON.stringify(h.sim.state().counters));
    }, 2000);
    await h.dispatcher.drain(300_000);
    console.log('drain', Date.now() - t);
    await h.sim.flushCallbacks();
    console.log('flush', Date.now() - t);
    clearInterval(timer);
  }, 600_000);
});
