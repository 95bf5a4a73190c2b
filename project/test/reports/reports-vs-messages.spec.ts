import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from 'src/core/clock/clock';
import { twilioSignature } from '../../../twilio-sim/src';
import { adminHeaders, createTenant, type Tenant } from '../support/fixtures';
import { bootEngine, SIM_ACCOUNT_SID, SIM_AUTH_TOKEN, SIM_FROM, type EngineHarness } from '../support/engine-harness';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { addSubAccount, failureCounts, failuresFromMessages, usageFromMessages, type Range } from './report-support';

const DAY_1 = '2026-01-31T23:00:00Z';
const DAY_2 = '2026-02-01T09:00:00Z';
const DAY_3 = '2026-02-03T12:00:00Z';
const ALL: Range = { from: '2026-01-01', to: '2026-02-28' };

const UNDELIVERED_30003 = '+14155550111';
const FAILED_30008 = '+14155550112';
const UNDELIVERED_30007 = '+14155550113';
const FAILED_UNKNOWN = '+14155550122';
const UNDELIVERED_30005 = '+14155550123';
/** Twilio's test numbers: refused at create (21614 not a mobile, 21211 invalid), failed without a sid. */
const NOT_MOBILE = '+15005550009';
const INVALID = '+15005550001';
const OUTCOMES = {
  [UNDELIVERED_30003]: 'undelivered:30003',
  [FAILED_30008]: 'failed:30008',
  [UNDELIVERED_30007]: 'undelivered:30007',
  [FAILED_UNKNOWN]: 'failed:30999',
  [UNDELIVERED_30005]: 'undelivered:30005',
};
const CAMPAIGN_TO = [
  '+14155550101',
  '+14155550102',
  UNDELIVERED_30003,
  FAILED_30008,
  UNDELIVERED_30007,
  NOT_MOBILE,
  INVALID,
];
const SINGLE_TO = ['+14155550121', FAILED_UNKNOWN, UNDELIVERED_30005];
/** Two segments (GSM-7, 153 per segment). */
const LONG = 'Your roof inspection is booked. '.repeat(6);

describe('SMS reports agree with the message rows', () => {
  let db: TestDatabase;
  let h: EngineHarness;
  let tenant: Tenant;
  let subs: number[];
  let headersOf: Record<number, Record<string, string>>;
  let admin: Record<string, string>;
  const clock = new ManualClock(new Date(DAY_1));

  beforeAll(async () => {
    db = await createTestDatabase();
    h = await bootEngine({ database: db.database, clock, knobs: { callbackDelayMs: 5 } });
  });
  afterAll(async () => {
    await h?.close();
    await db?.destroy();
  });
  beforeEach(async () => {
    await h.sim.flushCallbacks();
    await db.reset();
    h.sim.reset();
    h.sim.setKnobs({ outcomes: OUTCOMES });
    tenant = await createTenant(db.database, 'Acme Roofing');
    const second = await addSubAccount(db.database, tenant, 'Acme Gutters');
    subs = [tenant.subAccountId, second];
    const headers = await adminHeaders(h, tenant);
    admin = { Authorization: headers.Authorization! };
    headersOf = Object.fromEntries(subs.map((id) => [id, { ...admin, 'X-SubAccount-Id': String(id) }]));
  });

  /** Sends the processes through the simulator, callbacks and the price fetch a few minutes later. */
  async function settle() {
    await h.dispatcher.drain();
    await h.sim.flushCallbacks();
    clock.advance(3 * 60_000);
    await h.dispatcher.drain();
    await h.sim.flushCallbacks();
  }

  /** In each SubAccount: a campaign with every kind of outcome, and single sends. */
  async function wave(at: string) {
    clock.set(new Date(at));
    for (const id of subs) {
      await h
        .http()
        .post('/api/sms/campaigns')
        .set(headersOf[id]!)
        .send({
          name: `Wave ${at} #${id}`,
          message: 'Hi {{first_name|there}}, spring checks are on.',
          recipients: CAMPAIGN_TO,
        })
        .expect(201);
      for (const phoneNumber of SINGLE_TO)
        await h.http().post('/api/sms/send').set(headersOf[id]!).send({ phoneNumber, message: LONG }).expect(202);
    }
    await settle();
  }

  const usage = async (q: object = ALL) =>
    (await h.http().get('/api/sms/reports/usage').query(q).set(admin).expect(200)).body;
  const failures = async (q: object = ALL) =>
    (await h.http().get('/api/sms/reports/failures').query(q).set(admin).expect(200)).body;

  async function expectReportsMatchRows(range: Range = ALL) {
    const expectedUsage = await usageFromMessages(db.database, subs, range);
    const report = await usage(range);
    expect(
      report.rows.map(({ subAccountName: _, deliveryRate: __, cost: ___, ...r }: Record<string, unknown>) => r),
    ).toEqual(expectedUsage.map(({ cost: _, ...r }) => r));
    report.rows.forEach((r: { cost: number }, i: number) =>
      expect(r.cost).toBeCloseTo(Number(expectedUsage[i]!.cost), 5),
    );
    const expectedFailures = await failuresFromMessages(db.database, subs, range);
    const f = await failures(range);
    expect(failureCounts(f)).toEqual(expectedFailures);
    return { usage: report, failures: f, expectedUsage, expectedFailures };
  }

  it('equal COUNT(*) and SUM over sms_messages per SubAccount and month, and per code, campaign and day', async () => {
    await wave(DAY_1);
    await wave(DAY_2);
    const { usage: u, failures: f, expectedUsage } = await expectReportsMatchRows();

    // The traffic is what the test says: two SubAccounts, two UTC months, every kind of outcome, priced.
    expect(expectedUsage.map((r) => `${r.subAccountId}:${r.month}`)).toEqual([
      `${subs[0]}:2026-01`,
      `${subs[1]}:2026-01`,
      `${subs[0]}:2026-02`,
      `${subs[1]}:2026-02`,
    ]);
    expect(expectedUsage[0]).toMatchObject({ messages: 8, delivered: 3, failed: 4, undelivered: 3, segments: 11 });
    expect(Number(expectedUsage[0]!.cost)).toBeGreaterThan(0);
    expect(f.byCode.map((c: { errorCode: number | null }) => c.errorCode).sort()).toEqual([
      21211, 21614, 30003, 30005, 30007, 30008, 30999,
    ]);
    expect(f.byDay.map((d: { day: string }) => d.day)).toEqual(['2026-01-31', '2026-02-01']);
    expect(f.totals).toEqual({ failed: 16, undelivered: 12, total: 28 });
    expect(f.byCampaign).toHaveLength(6);
    expect(f.byCampaign.find((c: { campaignId: number | null }) => c.campaignId === null)).toMatchObject({
      campaignName: 'Single sends (no campaign)',
    });
    expect(f.byCampaign.find((c: { campaignId: number | null }) => c.campaignId !== null).campaignName).toMatch(
      /^Wave /,
    );

    // Meanings and actions come with each code; an unknown code says so.
    const byCode = (code: number) => f.byCode.find((c: { errorCode: number }) => c.errorCode === code);
    expect(byCode(30007)).toMatchObject({ title: 'Filtered by the carrier', known: true, undelivered: 4 });
    expect(byCode(30007).action).toMatch(/Do not resend the same text/);
    expect(byCode(30999)).toMatchObject({ known: false, failed: 4 });
    expect(byCode(30999).meaning).toMatch(/Unknown code/);

    // Totals, per-SubAccount sums and the dashboard's delivery rate (delivered / sent).
    expect(u.totals).toMatchObject({ messages: 32, delivered: 12, failed: 16, undelivered: 12, segments: 44 });
    expect(u.totals.deliveryRate).toBe(0.375);
    expect(u.subAccounts.map((s: { subAccountName: string }) => s.subAccountName)).toEqual([
      'Acme Gutters',
      'Acme Roofing',
    ]);
    expect(u).toMatchObject({ timeZone: 'UTC', currency: 'USD', from: ALL.from, to: ALL.to });

    // One SubAccount, and one day: still the rows' numbers.
    const one = await usage({ ...ALL, subAccountId: subs[1]! });
    expect(one.rows.every((r: { subAccountId: number }) => r.subAccountId === subs[1])).toBe(true);
    expect(one.totals.messages).toBe(16);
    await expectReportsMatchRows({ from: '2026-02-01', to: '2026-02-01' });
  });

  it('takes a manually retried failure back from the day it was counted on', async () => {
    await wave(DAY_1);
    const before = await expectReportsMatchRows();
    const [single] = await db.database.db
      .execute(sql`select id from sms_messages where sub_account_id = ${subs[0]} and phone_number = ${FAILED_UNKNOWN}`)
      .then((r) => (r as unknown as { rows: { id: number }[] }).rows);
    const [campaign] = await db.database.db
      .execute(sql`select id from sms_campaigns where sub_account_id = ${subs[0]}`)
      .then((r) => (r as unknown as { rows: { id: number }[] }).rows);

    // Two days later the failed numbers can be reached; the test numbers are refused again.
    clock.set(new Date(DAY_3));
    h.sim.setKnobs({ outcomes: { ...OUTCOMES, [FAILED_UNKNOWN]: 'delivered', [FAILED_30008]: 'delivered' } });
    await h.http().post(`/api/sms/messages/${single!.id}/retry`).set(headersOf[subs[0]!]!).expect(200);
    await h.http().post(`/api/sms/campaigns/${campaign!.id}/retry-failed`).set(headersOf[subs[0]!]!).expect(200);
    await settle();

    const after = await expectReportsMatchRows();
    const day = (r: { byDay: { day: string; failed: number }[] }, d: string) => r.byDay.find((x) => x.day === d);
    // Four failures left 31 January (the single, 30008 and the two refused); the refused two failed again on 3 February.
    expect(day(before.failures, '2026-01-31')!.failed - day(after.failures, '2026-01-31')!.failed).toBe(4);
    expect(day(after.failures, '2026-02-03')).toMatchObject({ failed: 2, undelivered: 0 });
    expect(after.usage.totals.messages).toBe(before.usage.totals.messages);
    expect(after.usage.totals.delivered).toBe(before.usage.totals.delivered + 2);
  });

  it('changes nothing when a delivered callback comes after undelivered', async () => {
    await wave(DAY_1);
    const before = await expectReportsMatchRows();
    const [m] = await db.database.db
      .execute(sql`select twilio_sid, phone_number from sms_messages where status = 'undelivered' limit 1`)
      .then((r) => (r as unknown as { rows: { twilio_sid: string; phone_number: string }[] }).rows);
    const params = {
      MessageSid: m!.twilio_sid,
      SmsSid: m!.twilio_sid,
      AccountSid: SIM_ACCOUNT_SID,
      From: SIM_FROM,
      To: m!.phone_number,
      MessageStatus: 'delivered',
      SmsStatus: 'delivered',
      ApiVersion: '2010-04-01',
    };
    const path = '/api/sms/webhooks/twilio/status';
    await h
      .http()
      .post(path)
      .type('form')
      .set('X-Twilio-Signature', twilioSignature(SIM_AUTH_TOKEN, h.config.publicBaseUrl + path, params))
      .send(params)
      .expect(200);

    const after = await expectReportsMatchRows();
    expect(after.failures).toEqual(before.failures);
    expect(after.usage).toEqual(before.usage);
  });

  it('reads the roll-ups, not the messages', async () => {
    await wave(DAY_1);
    const before = await expectReportsMatchRows();
    await db.database.db.execute(sql`delete from sms_messages`);
    expect(await usage()).toEqual(before.usage);
    expect(await failures()).toEqual(before.failures);
  });
});
