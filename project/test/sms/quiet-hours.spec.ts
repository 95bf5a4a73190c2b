import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from 'src/core/clock/clock';
import { smsAuditLog } from 'src/core/database/schema';
import { adminHeaders, createTenant, userHeaders, type Tenant } from '../support/fixtures';
import { bootEngine, type EngineHarness } from '../support/engine-harness';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// 23:00 in New York (EST) on Tue 10 Nov 2026; the window ends 08:00 EST = 13:00Z on the 11th.
const NIGHT = new Date('2026-11-11T04:00:00Z');
const MORNING = new Date('2026-11-11T13:00:00Z');

describe('quiet hours hold messages until the recipient’s morning', () => {
  let db: TestDatabase;
  let h: EngineHarness;
  let tenant: Tenant;
  let headers: Record<string, string>;
  const clock = new ManualClock(NIGHT);

  beforeAll(async () => {
    db = await createTestDatabase();
    h = await bootEngine({ database: db.database, clock });
  });
  afterAll(async () => {
    await h?.close();
    await db?.destroy();
  });
  beforeEach(async () => {
    await h.sim.flushCallbacks();
    await db.reset();
    h.sim.reset();
    clock.set(NIGHT);
    tenant = await createTenant(db.database, 'Quiet Co');
    headers = await adminHeaders(h, tenant);
    await h
      .http()
      .put('/api/sms/settings')
      .set(headers)
      .send({ quietHoursEnabled: true, quietHoursStart: '21:00', quietHoursEnd: '08:00' })
      .expect(200);
  });

  const message = async (id: number) => (await h.http().get(`/api/sms/messages/${id}`).set(headers).expect(200)).body;

  it('says a single send waits, keeps it pending through the night, and sends it when the window opens', async () => {
    const res = await h
      .http()
      .post('/api/sms/send')
      .set(headers)
      .send({ phoneNumber: '+14155550160', message: 'good morning' })
      .expect(202);
    expect(res.body.quietHoursUntil).toBe(MORNING.toISOString());
    await h.dispatcher.drain();
    expect(h.sim.state().counters.createRequests).toBe(0);
    expect(await message(res.body.id)).toMatchObject({ status: 'pending', statusReason: 'quiet_hours' });
    clock.set(new Date(MORNING.getTime() + 60_000));
    await h.dispatcher.drain();
    expect(h.sim.state().counters.createRequests).toBe(1);
    // The simulator's delivered callback may already have been applied (it races the read on PostgreSQL).
    const sent = await message(res.body.id);
    expect(['sent', 'delivered']).toContain(sent.status);
    expect(sent.statusReason).toBeNull();
  });

  it("uses the lead's own time zone: 23:00 in New York is 20:00 in Los Angeles", async () => {
    const lead = (
      await h
        .http()
        .post('/api/leads')
        .set(headers)
        .send({ name: 'West', phone: '+14155550161', timeZone: 'America/Los_Angeles' })
        .expect(201)
    ).body;
    const res = await h
      .http()
      .post('/api/sms/send')
      .set(headers)
      .send({ leadId: lead.id, message: 'evening' })
      .expect(202);
    expect(res.body.quietHoursUntil).toBeNull();
    await h.dispatcher.drain();
    expect(['sent', 'delivered']).toContain((await message(res.body.id)).status);
  });

  it('lets an admin send now inside quiet hours, audited, and refuses the same to a user', async () => {
    const res = await h
      .http()
      .post('/api/sms/send')
      .set(headers)
      .send({ phoneNumber: '+14155550162', message: 'urgent', ignoreQuietHours: true })
      .expect(202);
    expect(res.body.quietHoursUntil).toBeNull();
    await h.dispatcher.drain();
    expect(['sent', 'delivered']).toContain((await message(res.body.id)).status);
    const audit = await db.database.db.select().from(smsAuditLog);
    expect(
      audit.some((a) => a.action === 'sms.send' && (a.details as { quietHoursOverride?: boolean }).quietHoursOverride),
    ).toBe(true);
    await h
      .http()
      .post('/api/sms/send')
      .set(await userHeaders(h, tenant))
      .send({ phoneNumber: '+14155550163', message: 'x', ignoreQuietHours: true })
      .expect(403);
  });

  it('holds a campaign that comes due at night and shows how many wait', async () => {
    const created = await h
      .http()
      .post('/api/sms/campaigns')
      .set(headers)
      .send({ name: 'Night', message: 'hi', recipients: ['+14155550164', '+14155550165', '+442079460958'] })
      .expect(201);
    await h.dispatcher.drain();
    const campaign = (await h.http().get(`/api/sms/campaigns/${created.body.campaignId}`).set(headers).expect(200))
      .body;
    // 04:00Z is 23:00 in New York (the SubAccount's zone for US numbers) and 04:00 in London: all three wait.
    expect(campaign).toMatchObject({ status: 'sending', pending: 3, waitingQuietHours: 3, sentCount: 0 });
    clock.set(new Date(MORNING.getTime() + 60_000));
    await h.dispatcher.drain();
    expect(
      (await h.http().get(`/api/sms/campaigns/${created.body.campaignId}`).set(headers).expect(200)).body.sentCount,
    ).toBe(3);
  });
});
