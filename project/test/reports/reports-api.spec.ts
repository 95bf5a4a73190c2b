import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from 'src/core/clock/clock';
import { smsCampaigns, smsDailyStats, smsErrorStats, subAccounts } from 'src/core/database/schema';
import { adminHeaders, createTenant, userHeaders, type Tenant } from '../support/fixtures';
import { bootTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { parseCsv } from '../campaigns/campaign-support';
import { addSubAccount } from './report-support';

describe('SMS reports API', () => {
  let db: TestDatabase;
  let t: TestApp;
  let acme: Tenant;
  let gutters: number;
  let other: Tenant;
  let admin: Record<string, string>;
  const clock = new ManualClock(new Date('2026-03-15T12:00:00Z'));

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await bootTestApp({ database: db.database, clock });
  });
  afterAll(async () => {
    await t?.close();
    await db?.destroy();
  });
  beforeEach(async () => {
    await db.reset();
    acme = await createTenant(db.database, 'Acme Roofing');
    gutters = await addSubAccount(db.database, acme, 'Acme Gutters');
    other = await createTenant(db.database, 'Other Co');
    admin = { Authorization: (await adminHeaders(t, acme)).Authorization! };
  });

  const day = (subAccountId: number, d: string, sent: number, delivered: number, cost = '0') =>
    db.database.db
      .insert(smsDailyStats)
      .values({ subAccountId, day: d, sent, delivered, failed: 1, undelivered: 0, segments: sent * 2, cost });
  const get = (path: string, headers: Record<string, string>, query: object = {}) =>
    t.http().get(`/api/sms/reports/${path}`).query(query).set(headers);

  it('gives an admin every SubAccount they manage, one when asked, and 404 for one they do not', async () => {
    await day(acme.subAccountId, '2026-02-10', 10, 8, '0.07900');
    await day(acme.subAccountId, '2026-02-11', 5, 5, '0.03950');
    await day(gutters, '2026-03-01', 4, 2);
    await day(other.subAccountId, '2026-03-01', 100, 100);

    const all = (await get('usage', admin).expect(200)).body;
    expect(all.rows).toEqual([
      expect.objectContaining({ subAccountId: acme.subAccountId, month: '2026-02', messages: 15, delivered: 13 }),
      expect.objectContaining({
        subAccountId: gutters,
        month: '2026-03',
        messages: 4,
        delivered: 2,
        deliveryRate: 0.5,
      }),
    ]);
    expect(all.rows[0]).toMatchObject({ subAccountName: 'Acme Roofing', failed: 2, segments: 30, cost: 0.1185 });
    expect(all.totals).toMatchObject({ messages: 19, delivered: 15, failed: 3 });
    // The X-SubAccount-Id header (the panel's current SubAccount) does not narrow a report: subAccountId does.
    const withHeader = (await get('usage', { ...admin, 'X-SubAccount-Id': String(gutters) }).expect(200)).body;
    expect(withHeader.totals.messages).toBe(19);
    const one = (await get('usage', admin, { subAccountId: gutters }).expect(200)).body;
    expect(one.subAccounts).toEqual([expect.objectContaining({ subAccountId: gutters, messages: 4 })]);
    await get('usage', admin, { subAccountId: other.subAccountId }).expect(404);
    await get('failures', admin, { subAccountId: other.subAccountId }).expect(404);
  });

  it('gives a user their own SubAccount only', async () => {
    await day(acme.subAccountId, '2026-03-02', 3, 3);
    await day(gutters, '2026-03-02', 7, 7);
    const user = await userHeaders(t, acme);
    const own = (await get('usage', user).expect(200)).body;
    expect(own.subAccounts.map((s: { subAccountId: number }) => s.subAccountId)).toEqual([acme.subAccountId]);
    expect(own.totals.messages).toBe(3);
    await get('usage', user, { subAccountId: acme.subAccountId }).expect(200);
    await get('usage', user, { subAccountId: gutters }).expect(404);
    await get('failures', user, { subAccountId: other.subAccountId }).expect(404);
  });

  it('defaults to twelve UTC months of usage and thirty days of failures, ending today', async () => {
    await day(acme.subAccountId, '2025-03-31', 1, 1);
    await day(acme.subAccountId, '2025-04-01', 2, 2);
    const usage = (await get('usage', admin).expect(200)).body;
    expect(usage).toMatchObject({ from: '2025-04-01', to: '2026-03-15', timeZone: 'UTC' });
    expect(usage.totals.messages).toBe(2);
    const failures = (await get('failures', admin).expect(200)).body;
    expect(failures).toMatchObject({ from: '2026-02-14', to: '2026-03-15' });
  });

  it('refuses a range that is not one', async () => {
    for (const query of [
      { from: '2026-02-30' },
      { from: '2026-3-1' },
      { from: 'yesterday' },
      { from: '2026-03-02', to: '2026-03-01' },
      { from: '2020-01-01', to: '2026-01-01' },
      { subAccountId: 0 },
    ]) {
      const res = await get('usage', admin, query);
      expect(res.status, JSON.stringify(query)).toBe(400);
    }
    await t.http().get('/api/sms/reports/usage').expect(401);
  });

  it('groups failures by code with meaning and action, by campaign with its name, and by day', async () => {
    const [campaign] = await db.database.db
      .insert(smsCampaigns)
      .values({ subAccountId: acme.subAccountId, name: 'Spring', message: 'hi' })
      .returning();
    const errors = (
      campaignId: number,
      errorCode: number,
      outcome: 'failed' | 'undelivered',
      count: number,
      d: string,
    ) => ({
      subAccountId: acme.subAccountId,
      day: d,
      campaignId,
      errorCode,
      outcome,
      count,
    });
    await db.database.db.insert(smsErrorStats).values([
      errors(campaign!.id, 30007, 'undelivered', 3, '2026-03-10'),
      errors(campaign!.id, 30003, 'undelivered', 1, '2026-03-11'),
      errors(0, 0, 'failed', 2, '2026-03-11'),
      errors(999, 30003, 'failed', 1, '2026-03-11'),
      // A retried failure nets to zero: no row in the report.
      errors(0, 21211, 'failed', 0, '2026-03-11'),
    ]);
    const f = (await get('failures', admin).expect(200)).body;
    expect(f.totals).toEqual({ failed: 3, undelivered: 4, total: 7 });
    expect(f.byCode.map((c: { errorCode: number | null; total: number }) => [c.errorCode, c.total])).toEqual([
      [30007, 3],
      [30003, 2],
      [null, 2],
    ]);
    expect(f.byCode[0]).toMatchObject({ title: 'Filtered by the carrier', known: true });
    expect(f.byCode[2]).toMatchObject({ title: 'No error code', known: false, docsUrl: null });
    expect(f.byCampaign.map((c: { campaignName: string; total: number }) => [c.campaignName, c.total])).toEqual([
      ['Spring', 4],
      ['Single sends (no campaign)', 2],
      ['Deleted campaign #999', 1],
    ]);
    expect(f.byDay).toEqual([
      { day: '2026-03-10', failed: 0, undelivered: 3, total: 3 },
      { day: '2026-03-11', failed: 3, undelivered: 1, total: 4 },
    ]);
  });

  it('exports usage as CSV, a cell a spreadsheet would run kept as text', async () => {
    await db.database.db
      .update(subAccounts)
      .set({ name: '=HYPERLINK("http://x.test","pay")' })
      .where(eq(subAccounts.id, gutters));
    await day(gutters, '2026-03-02', 4, 3, '0.03160');
    const res = await get('usage.csv', admin, { from: '2026-03-01', to: '2026-03-31' }).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="sms-usage-2026-03-01-to-2026-03-31.csv"');
    const rows = parseCsv(res.text);
    expect(rows[0]).toEqual([
      'month',
      'subAccountId',
      'subAccountName',
      'messages',
      'delivered',
      'failed',
      'undelivered',
      'segments',
      'cost',
      'currency',
      'deliveryRate',
    ]);
    expect(rows[1]).toEqual([
      '2026-03',
      String(gutters),
      `'=HYPERLINK("http://x.test","pay")`,
      '4',
      '3',
      '1',
      '0',
      '8',
      '0.0316',
      'USD',
      '0.75',
    ]);
    expect(rows).toHaveLength(2);
  });
});
