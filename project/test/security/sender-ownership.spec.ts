import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { leads, smsAuditLog, smsMessages, smsOptOuts, smsSettings } from 'src/core/database/schema';
import { clearSms, type Headers } from '../campaigns/campaign-support';
import { createTenant, userHeaders, type Tenant } from '../support/fixtures';
import { createSystemAdmin, headersFor } from '../support/role-fixtures';
import { bootEngine, SIM_ACCOUNT_SID, SIM_AUTH_TOKEN, SIM_FROM, type EngineHarness } from '../support/engine-harness';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const B_SID = 'AC' + 'b'.repeat(32);
const B_TOKEN = 'bAuthToken0123456789abcd';
const A_NUMBER = '+14155550310';
const B_NUMBER = '+14155550320';
const B_SERVICE = 'MG' + 'b'.repeat(32);
const A_SERVICE = 'MG' + 'a'.repeat(32);
const LEAD_PHONE = '+14155550201';

describe('who may send from which number', () => {
  let db: TestDatabase;
  let h: EngineHarness;
  let a: Tenant;
  let b: Tenant;
  let aAdmin: Headers;
  let bAdmin: Headers;
  let bUser: Headers;
  let system: (t: Tenant) => Promise<Headers>;
  let inboundUrl: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    h = await bootEngine({
      database: db.database,
      knobs: { callbackDelayMs: 600_000 },
      simAccounts: { [B_SID]: B_TOKEN },
      simSenders: {
        [SIM_ACCOUNT_SID]: { phoneNumbers: [SIM_FROM, A_NUMBER], messagingServices: [A_SERVICE] },
        [B_SID]: { phoneNumbers: [B_NUMBER], messagingServices: [B_SERVICE] },
      },
    });
    inboundUrl = `${h.config.publicBaseUrl}/api/sms/webhooks/twilio/inbound`;
    a = await createTenant(db.database, 'Owner A');
    b = await createTenant(db.database, 'Owner B');
    aAdmin = await headersFor(h, a.adminEmail, a.subAccountId);
    bAdmin = await headersFor(h, b.adminEmail, b.subAccountId);
    bUser = await userHeaders(h, b);
    const root = await createSystemAdmin(db.database);
    system = (t) => headersFor(h, root, t.subAccountId);
  });
  afterAll(async () => {
    await h?.close();
    await db?.destroy();
  });
  beforeEach(async () => {
    await h.dispatcher.settled();
    await clearSms(db.database);
    await db.database.db.delete(leads);
    await db.database.db.delete(smsSettings);
    h.sim.reset();
  });

  const put = (headers: Headers, body: object) => h.http().put('/api/sms/settings').set(headers).send(body);
  const reply = (from: string, to: string, body: string) =>
    h.sim.injectInbound({ accountSid: SIM_ACCOUNT_SID, from, to, body, url: inboundUrl });

  it("does not let another tenant take the shared sender and with it A's replies and STOPs (issue 13)", async () => {
    await h
      .http()
      .post('/api/sms/send')
      .set(aAdmin)
      .send({ phoneNumber: LEAD_PHONE, message: 'Hi from A' })
      .expect(202);
    await h.dispatcher.settled();

    // The attack: B's plain user points B's sender at the installation's shared number.
    const asUser = await put(bUser, { phoneNumber: SIM_FROM });
    expect(asUser.status).toBe(403);
    expect(asUser.body.message).toMatch(/SubAccount admin/);
    // B's own admin may not either: the shared sender is handed out by a system admin only.
    const asAdmin = await put(bAdmin, { phoneNumber: SIM_FROM });
    expect(asAdmin.status).toBe(403);
    expect(asAdmin.body.message).toMatch(/shared sender.*system admin/);

    expect((await reply(LEAD_PHONE, SIM_FROM, 'STOP')).status).toBe(200);
    const stored = await db.database.db.select().from(smsMessages).where(eq(smsMessages.direction, 'inbound'));
    expect(stored.map((m) => [m.subAccountId, m.message])).toEqual([[a.subAccountId, 'STOP']]);
    const optedOut = await db.database.db.select().from(smsOptOuts).where(eq(smsOptOuts.phoneNumber, LEAD_PHONE));
    expect(optedOut.map((o) => o.subAccountId)).toContain(a.subAccountId);
    const again = await h.http().post('/api/sms/send').set(aAdmin).send({ phoneNumber: LEAD_PHONE, message: 'Again' });
    expect(again.status).toBe(422);
    expect(again.body.message).toMatch(/opted out/i);
  });

  it("accepts a number or Messaging Service the SubAccount's own Twilio account owns, and refuses another's", async () => {
    const own = await put(bAdmin, { accountSid: B_SID, authToken: B_TOKEN, phoneNumber: B_NUMBER });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ phoneNumber: B_NUMBER, usesSharedSender: false });

    const notOwned = await put(bAdmin, { phoneNumber: A_NUMBER });
    expect(notOwned.status).toBe(403);
    expect(notOwned.body.message).toContain(`Twilio account ${B_SID} does not own ${A_NUMBER}`);
    expect(notOwned.body.details).toEqual([expect.objectContaining({ field: 'phoneNumber' })]);

    expect((await put(bAdmin, { messagingServiceSid: B_SERVICE })).status).toBe(200);
    const otherService = await put(bAdmin, { messagingServiceSid: A_SERVICE });
    expect(otherService.status).toBe(403);
    expect(otherService.body.message).toContain(`does not own ${A_SERVICE}`);

    // Changing the credentials re-checks the number kept: account A does not own B's number.
    const swapped = await put(bAdmin, { accountSid: SIM_ACCOUNT_SID, authToken: SIM_AUTH_TOKEN });
    expect(swapped.status).toBe(403);
    const [row] = await db.database.db.select().from(smsSettings).where(eq(smsSettings.subAccountId, b.subAccountId));
    expect(row).toMatchObject({ accountSid: B_SID, phoneNumber: B_NUMBER, messagingServiceSid: B_SERVICE });
  });

  it('refuses a number without own credentials, or when Twilio rejects them, naming why', async () => {
    const noCredentials = await put(bAdmin, { phoneNumber: B_NUMBER });
    expect(noCredentials.status).toBe(403);
    expect(noCredentials.body.message).toMatch(/assigned by a system admin/);
    const wrongToken = await put(bAdmin, {
      accountSid: B_SID,
      authToken: 'notTheRightToken0000',
      phoneNumber: B_NUMBER,
    });
    expect(wrongToken.status).toBe(400);
    expect(wrongToken.body.details).toEqual([expect.objectContaining({ field: 'authToken' })]);
  });

  it('keeps a number the sender of one SubAccount only, even for a system admin', async () => {
    await put(aAdmin, { accountSid: SIM_ACCOUNT_SID, authToken: SIM_AUTH_TOKEN, phoneNumber: A_NUMBER }).expect(200);
    const taken = await put(await system(b), { phoneNumber: A_NUMBER });
    expect(taken.status).toBe(409);
    expect(taken.body.message).toContain('already the sender of another SubAccount');
    // Saving A's own settings again is not a conflict with itself.
    await put(aAdmin, { phoneNumber: A_NUMBER, helpText: 'A help' }).expect(200);
  });

  it('lets a system admin assign a number of the installation, and hand out the shared sender', async () => {
    const assigned = await put(await system(b), { phoneNumber: A_NUMBER });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ phoneNumber: A_NUMBER, usesSharedSender: false });
    const shared = await put(await system(b), { phoneNumber: SIM_FROM });
    expect(shared.status).toBe(200);
    // Stored as "no number of its own": the shared sender is never any one SubAccount's.
    expect(shared.body).toMatchObject({ phoneNumber: null, usesSharedSender: true });
    const audits = await db.database.db
      .select()
      .from(smsAuditLog)
      .where(eq(smsAuditLog.subAccountId, b.subAccountId))
      .orderBy(desc(smsAuditLog.id));
    const audit = audits[0];
    expect(audit?.details).toMatchObject({ by: 'system_admin' });
  });
});
