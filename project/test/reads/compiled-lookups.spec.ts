import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { leads, smsCampaigns, smsConversations, smsMessages } from 'src/core/database/schema';
import { createTenant, login } from '../support/fixtures';
import { sessionOf } from '../support/statements';
import { bootTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * The look-ups a polled page makes before its list (who is asking, the lead, the campaign, the conversation's
 * number), and the sidebar's unread badge, are compiled once, as the lists are: Drizzle spends more CPU compiling a
 * select than PostgreSQL spends answering it, on every request.
 */
describe('Look-ups of polled pages, compiled once', () => {
  let db: TestDatabase;
  let t: TestApp;
  let headers: Record<string, string>;
  const urls: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await bootTestApp({ database: db.database });
    const tenant = await createTenant(db.database, 'Gamma Gutters');
    headers = { Authorization: `Bearer ${await login(t, tenant.userEmail)}` };
    const subAccountId = tenant.subAccountId;
    const phone = '+14155550199';
    const [lead] = await db.database.db.insert(leads).values({ subAccountId, name: 'Jo Doe', phone }).returning();
    const [campaign] = await db.database.db
      .insert(smsCampaigns)
      .values({ subAccountId, name: 'Autumn', message: 'Gutters cleaned', status: 'completed' })
      .returning();
    const [conversation] = await db.database.db
      .insert(smsConversations)
      .values({ subAccountId, phoneNumber: phone, leadId: lead!.id, lastDirection: 'outbound' })
      .returning();
    await db.database.db.insert(smsMessages).values([
      { subAccountId, phoneNumber: phone, message: 'Gutters cleaned', campaignId: campaign!.id, leadId: lead!.id },
      { subAccountId, phoneNumber: phone, message: 'Thanks!', direction: 'inbound' },
    ]);
    urls.push(
      '/api/auth/me',
      `/api/leads/${lead!.id}/sms`,
      `/api/sms/campaigns/${campaign!.id}/messages`,
      `/api/sms/conversations/${conversation!.id}/messages`,
      '/api/sms/conversations/unread',
    );
  });
  afterAll(async () => {
    await t?.close();
    await db?.destroy();
  });

  /** The prepared statements (Drizzle's objects) each request ran, request by request. */
  async function preparedBy(url: string, requests: number): Promise<Set<unknown>[]> {
    const probe = sessionOf(db.database).prepareQuery({ sql: 'select 1', params: [] });
    const prepared = Object.getPrototypeOf(probe) as { execute: (v?: unknown) => Promise<unknown> };
    const original = prepared.execute;
    let current = new Set<unknown>();
    const spy = vi.spyOn(prepared, 'execute').mockImplementation(function (this: unknown, v) {
      current.add(this);
      return original.call(this, v);
    });
    const used: Set<unknown>[] = [];
    try {
      for (let i = 0; i < requests; i++) {
        current = new Set();
        const res = await t.http().get(url).set(headers);
        expect(res.status, `${url}: ${JSON.stringify(res.body)}`).toBe(200);
        used.push(current);
      }
    } finally {
      spy.mockRestore();
    }
    return used;
  }

  it('runs, from the second request on, only statements the first one prepared', async () => {
    for (const url of urls) {
      const [first, ...later] = await preparedBy(url, 3);
      expect(first!.size, url).toBeGreaterThan(0);
      // A statement Drizzle compiled again is a prepared query the first request did not run.
      for (const used of later) expect([...used].filter((p) => !first!.has(p)).length, url).toBe(0);
    }
  });
});
