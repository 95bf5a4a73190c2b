import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { leads, smsCampaigns, smsMessages, strategies } from 'src/core/database/schema';
import { expectErrorShape, fieldsOf } from '../foundation/error-shape';
import { adminHeaders, createTenant, type Tenant } from '../support/fixtures';
import { bootEngine, waitFor, type EngineHarness } from '../support/engine-harness';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { clearSms, phoneAt, type Headers } from './campaign-support';

const HOUR = 3_600_000;
const future = (ms = HOUR) => new Date(Date.now() + ms).toISOString();

describe('campaign and template API', () => {
  let db: TestDatabase;
  let h: EngineHarness;
  let a: Tenant;
  let b: Tenant;
  let aHeaders: Headers;
  let bHeaders: Headers;

  beforeAll(async () => {
    db = await createTestDatabase();
    h = await bootEngine({ database: db.database, env: { SMS_MAX_BATCH_SIZE: '200', SMS_MAX_IN_FLIGHT: '50' } });
    a = await createTenant(db.database, 'Alpha Roofing');
    b = await createTenant(db.database, 'Beta Windows');
    aHeaders = await adminHeaders(h, a);
    bHeaders = await adminHeaders(h, b);
  });
  afterAll(async () => {
    await h?.close();
    await db?.destroy();
  });
  beforeEach(async () => {
    await clearSms(db.database);
    h.sim.reset();
  });

  const create = (body: Record<string, unknown>, headers = aHeaders) =>
    h.http().post('/api/sms/campaigns').set(headers).send(body);
  const createOk = async (body: Record<string, unknown>) => (await create(body).expect(201)).body.campaignId as number;
  const get = async (id: number) => (await h.http().get(`/api/sms/campaigns/${id}`).set(aHeaders).expect(200)).body;
  const post = (id: number, action: string, headers = aHeaders) =>
    h.http().post(`/api/sms/campaigns/${id}/${action}`).set(headers);
  const patch = (id: number, body: Record<string, unknown>, headers = aHeaders) =>
    h.http().patch(`/api/sms/campaigns/${id}`).set(headers).send(body);
  const messagesOf = async (id: number) =>
    (await db.database.db
      .select()
      .from(smsMessages)
      .where(eq(smsMessages.campaignId, id))
      .orderBy(smsMessages.id)) as (typeof smsMessages.$inferSelect)[];
  const insertLead = async (t: Tenant, values: { name: string; phone?: string | null; company?: string | null }) => {
    const [row] = await db.database.db
      .insert(leads)
      .values({ subAccountId: t.subAccountId, ...values })
      .returning();
    return row!.id;
  };
  const createTemplate = async (body: Record<string, unknown>, headers = aHeaders) =>
    (await h.http().post('/api/sms/templates').set(headers).send(body).expect(201)).body;
  /** Drains the dispatcher and waits until every callback of the campaign has been applied. */
  const sendToEnd = async (id: number) => {
    await h.dispatcher.drain();
    await h.sim.flushCallbacks();
    return waitFor(
      async () => {
        const c = await get(id);
        return c.status === 'completed' && c.pending === 0 && c;
      },
      15_000,
      `campaign ${id} to complete`,
    );
  };

  describe('POST /api/sms/campaigns', () => {
    it.each([
      ['no recipients at all', {}],
      ['empty lists', { recipients: [], leadIds: [] }],
    ])('refuses %s with 400 naming recipients', async (_what, extra) => {
      const res = await create({ name: 'Empty', message: 'hi', ...extra }).expect(400);
      expect(fieldsOf(expectErrorShape(res.body, 400))).toEqual(['recipients']);
    });

    it('refuses a campaign with neither message nor templateId with 400 naming message', async () => {
      const res = await create({ name: 'No text', recipients: [phoneAt(1)] }).expect(400);
      expect(fieldsOf(res.body)).toContain('message');
    });

    it("refuses another tenant's leads with 400 naming leadIds, and stores nothing", async () => {
      const own = await insertLead(a, { name: 'Ann Lee', phone: phoneAt(1) });
      const foreign = await insertLead(b, { name: 'Bob Other', phone: phoneAt(2) });
      const res = await create({ name: 'Leads', message: 'hi', leadIds: [own, foreign] }).expect(400);
      const body = expectErrorShape(res.body, 400);
      expect(fieldsOf(body)).toEqual(['leadIds']);
      expect(body.message).toContain(String(foreign));
      expect(await db.database.db.select().from(smsCampaigns)).toEqual([]);
    });

    it('renders lead fields as {{first_name}} and {{company}}, linking each message to its lead; a lead without a phone is rejected', async () => {
      const ann = await insertLead(a, { name: 'Ann Marie Lee', phone: '(415) 500-0001', company: 'Acme' });
      const bob = await insertLead(a, { name: 'Bob', phone: phoneAt(2), company: null });
      const nophone = await insertLead(a, { name: 'Cid', phone: null });
      const res = await create({
        name: 'Leads',
        message: 'Hi {{first_name}} at {{company|your company}}',
        leadIds: [ann, bob, nophone],
      }).expect(201);
      expect(res.body.counts).toMatchObject({ rows: 3, valid: 2, invalid: 1 });
      const rows = await messagesOf(res.body.campaignId);
      expect(rows.map((m) => [m.phoneNumber, m.message, m.leadId])).toEqual([
        [phoneAt(1), 'Hi Ann at Acme', ann],
        [phoneAt(2), 'Hi Bob at your company', bob],
      ]);
      expect((await get(res.body.campaignId)).source).toBe('leads');
    });

    it('uses the saved template when templateId is given, and refuses a template of another tenant naming templateId', async () => {
      const template = await createTemplate({
        name: 'Reminder',
        body: 'Reminder for {{first_name|you}}: roof check tomorrow',
      });
      const id = await createOk({
        name: 'From template',
        templateId: template.id,
        recipients: [{ phoneNumber: phoneAt(1), variables: { first_name: 'Ann' } }, phoneAt(2)],
      });
      expect((await get(id)).message).toBe(template.body);
      expect((await messagesOf(id)).map((m) => m.message)).toEqual([
        'Reminder for Ann: roof check tomorrow',
        'Reminder for you: roof check tomorrow',
      ]);
      const [row] = await db.database.db.select().from(smsCampaigns).where(eq(smsCampaigns.id, id));
      expect(row!.templateId).toBe(template.id);

      const foreign = await createTemplate({ name: 'Theirs', body: 'theirs' }, bHeaders);
      const res = await create({ name: 'Stolen', templateId: foreign.id, recipients: [phoneAt(1)] }).expect(400);
      expect(fieldsOf(expectErrorShape(res.body, 400))).toEqual(['templateId']);
    });
  });

  describe('reading campaigns', () => {
    it('lists with status and search filters and pages', async () => {
      const spring = await createOk({ name: 'Spring roofs', message: 'a', recipients: [phoneAt(1)] });
      const later = await createOk({
        name: 'Summer gutters',
        message: 'b',
        recipients: [phoneAt(2)],
        scheduledAt: future(),
      });
      const autumn = await createOk({ name: 'Autumn roofs', message: 'c', recipients: [phoneAt(3)] });
      await createOk({ name: 'Winter promo', message: 'd', recipients: [phoneAt(4)] });
      await create({ name: 'Other tenant', message: 'e', recipients: [phoneAt(5)] }, bHeaders).expect(201);
      const list = async (q: string) => (await h.http().get(`/api/sms/campaigns?${q}`).set(aHeaders).expect(200)).body;

      const scheduled = await list('status=scheduled');
      expect(scheduled.items.map((c: { id: number }) => c.id)).toEqual([later]);
      const roofs = await list('search=ROOFS');
      expect(roofs.items.map((c: { id: number }) => c.id).sort()).toEqual([spring, autumn].sort());
      const page2 = await list('limit=2&page=2');
      expect(page2).toMatchObject({ total: 4, page: 2, limit: 2 });
      expect(page2.items).toHaveLength(2);
      const page1 = await list('limit=2&page=1');
      const seen = [...page1.items, ...page2.items].map((c: { name: string }) => c.name);
      expect(seen).not.toContain('Other tenant');
      expect(new Set(seen).size).toBe(4);
      await h.http().get('/api/sms/campaigns?status=bogus').set(aHeaders).expect(400);
    });

    it('reports counters that follow the messages, and lists messages filtered by status', async () => {
      h.sim.setKnobs({ outcomes: { [phoneAt(3)]: 'undelivered:30003' } });
      const id = await createOk({
        name: 'Counted',
        message: 'hi',
        recipients: [phoneAt(1), phoneAt(2), phoneAt(3), '+15005550009'],
      });
      expect(await get(id)).toMatchObject({
        status: 'sending',
        totalRecipients: 4,
        pending: 4,
        sentCount: 0,
        progress: 0,
      });
      const done = await sendToEnd(id);
      expect(done).toMatchObject({
        totalRecipients: 4,
        pending: 0,
        sentCount: 3,
        deliveredCount: 2,
        undelivered: 1,
        failedCount: 1,
        canceled: 0,
        optedOut: 0,
        segments: 3,
        progress: 1,
      });
      expect(done.completedAt).toBeTruthy();
      const failed = (await h.http().get(`/api/sms/campaigns/${id}/messages?status=failed`).set(aHeaders).expect(200))
        .body;
      expect(failed.total).toBe(1);
      expect(failed.items[0]).toMatchObject({
        phoneNumber: '+15005550009',
        status: 'failed',
        errorCode: 21614,
        campaignId: id,
      });
      const delivered = (
        await h.http().get(`/api/sms/campaigns/${id}/messages?status=delivered&limit=1`).set(aHeaders).expect(200)
      ).body;
      expect(delivered).toMatchObject({ total: 2, limit: 1 });
      expect(delivered.items).toHaveLength(1);
    });
  });

  describe('controls', () => {
    it('pauses a scheduled campaign, holds it past its time, and resumes it as scheduled while the time is ahead', async () => {
      const id = await createOk({
        name: 'Later',
        message: 'hi',
        recipients: [phoneAt(1), phoneAt(2)],
        scheduledAt: future(),
      });
      expect((await post(id, 'pause').expect(200)).body.status).toBe('paused');
      expect((await post(id, 'resume').expect(200)).body.status).toBe('scheduled');

      await post(id, 'pause').expect(200);
      await db.database.db.execute(
        sql`update sms_campaigns set scheduled_at = now() - interval '1 second' where id = ${id}`,
      );
      await db.database.db.execute(
        sql`update sms_messages set not_before = now() - interval '1 second' where campaign_id = ${id}`,
      );
      await h.dispatcher.drain();
      expect(h.sim.state().counters.createRequests).toBe(0);
      expect((await get(id)).status).toBe('paused');
      expect((await post(id, 'resume').expect(200)).body.status).toBe('sending');
      expect((await sendToEnd(id)).deliveredCount).toBe(2);
    });

    it('edits name, message and schedule of a scheduled campaign, re-rendering the pending bodies', async () => {
      const id = await createOk({
        name: 'Draft name',
        message: 'old text',
        recipients: [phoneAt(1), phoneAt(2)],
        scheduledAt: future(),
      });
      const at = future(2 * HOUR);
      const longer = `New text ☀ ${'x'.repeat(70)}`;
      const res = await patch(id, { name: 'Final name', message: longer, scheduledAt: at }).expect(200);
      expect(res.body).toMatchObject({ name: 'Final name', message: longer, status: 'scheduled' });
      expect(new Date(res.body.scheduledAt).getTime()).toBe(new Date(at).getTime());
      const rows = await messagesOf(id);
      expect(rows.map((m) => [m.message, m.segments, m.encoding, m.notBefore.getTime()])).toEqual([
        [longer, 2, 'UCS-2', new Date(at).getTime()],
        [longer, 2, 'UCS-2', new Date(at).getTime()],
      ]);
    });

    it('sends a scheduled campaign now when its scheduledAt is cleared', async () => {
      const id = await createOk({ name: 'Now', message: 'hi', recipients: [phoneAt(1)], scheduledAt: future() });
      expect((await patch(id, { scheduledAt: null }).expect(200)).body).toMatchObject({
        status: 'sending',
        scheduledAt: null,
      });
      expect((await sendToEnd(id)).deliveredCount).toBe(1);
    });

    it('refuses a past scheduledAt in PATCH with 400 naming scheduledAt', async () => {
      const id = await createOk({ name: 'Later', message: 'hi', recipients: [phoneAt(1)], scheduledAt: future() });
      const res = await patch(id, { scheduledAt: new Date(Date.now() - HOUR).toISOString() }).expect(400);
      expect(fieldsOf(expectErrorShape(res.body, 400))).toEqual(['scheduledAt']);
    });

    it.each([
      ['a templated campaign', 'Hi {{first_name|there}}', 'plain text'],
      ['a plain campaign into a template', 'plain text', 'Hi {{first_name|there}}'],
    ])('refuses to change the message of %s with 409 naming message', async (_what, before, after) => {
      const id = await createOk({ name: 'T', message: before, recipients: [phoneAt(1)], scheduledAt: future() });
      const res = await patch(id, { message: after }).expect(409);
      expect(fieldsOf(expectErrorShape(res.body, 409))).toEqual(['message']);
      expect((await messagesOf(id))[0]!.message).not.toBe(after);
    });

    it('refuses PATCH once the campaign has started with 409', async () => {
      const id = await createOk({ name: 'Started', message: 'hi', recipients: [phoneAt(1)] });
      expectErrorShape((await patch(id, { name: 'Renamed' }).expect(409)).body, 409);
      expect((await get(id)).name).toBe('Started');
    });

    it('deletes a fully canceled campaign (204) but not a sending one (409)', async () => {
      const sending = await createOk({ name: 'Sending', message: 'hi', recipients: [phoneAt(1)] });
      expectErrorShape((await h.http().delete(`/api/sms/campaigns/${sending}`).set(aHeaders).expect(409)).body, 409);
      const later = await createOk({
        name: 'Later',
        message: 'hi',
        recipients: [phoneAt(2), phoneAt(3)],
        scheduledAt: future(),
      });
      expect((await post(later, 'cancel').expect(200)).body).toMatchObject({
        status: 'canceled',
        canceled: 2,
        pending: 0,
      });
      await h.http().delete(`/api/sms/campaigns/${later}`).set(aHeaders).expect(204);
      await h.http().get(`/api/sms/campaigns/${later}`).set(aHeaders).expect(404);
      expect(await messagesOf(later)).toEqual([]);
      expect((await get(sending)).status).toBe('sending');
    });

    it('retries failed messages: counters are taken back, the campaign sends again and completes', async () => {
      h.sim.setKnobs({ outcomes: { [phoneAt(2)]: 'failed:30008' } });
      const id = await createOk({ name: 'Retry', message: 'hi', recipients: [phoneAt(1), phoneAt(2), '+15005550009'] });
      const first = await sendToEnd(id);
      expect(first).toMatchObject({
        status: 'completed',
        sentCount: 2,
        deliveredCount: 1,
        failedCount: 2,
        segments: 2,
      });

      h.sim.setKnobs({ outcomes: {} });
      const retried = (await post(id, 'retry-failed').expect(200)).body;
      expect(retried).toMatchObject({
        status: 'sending',
        completedAt: null,
        pending: 2,
        sentCount: 1,
        failedCount: 0,
        deliveredCount: 1,
        segments: 1,
      });

      const second = await sendToEnd(id);
      // +15005550009 is refused by Twilio again (21614); the other one is delivered this time.
      expect(second).toMatchObject({
        status: 'completed',
        sentCount: 2,
        deliveredCount: 2,
        failedCount: 1,
        pending: 0,
        segments: 2,
      });
      const statuses = (await messagesOf(id)).map((m) => [m.phoneNumber, m.status]);
      expect(statuses).toEqual([
        [phoneAt(1), 'delivered'],
        [phoneAt(2), 'delivered'],
        ['+15005550009', 'failed'],
      ]);
    });

    it('refuses to retry the failures of a canceled campaign with 409', async () => {
      const id = await createOk({ name: 'C', message: 'hi', recipients: [phoneAt(1)], scheduledAt: future() });
      await post(id, 'cancel').expect(200);
      expectErrorShape((await post(id, 'retry-failed').expect(409)).body, 409);
    });
  });

  describe('tenant isolation', () => {
    it("answers 404 without data on every campaign route for another tenant's campaign, and changes nothing", async () => {
      const id = await createOk({
        name: 'Secret campaign',
        message: 'secret text',
        recipients: [phoneAt(1)],
        scheduledAt: future(),
      });
      const attempts: [string, () => PromiseLike<{ status: number; body: unknown }>][] = [
        ['GET :id', () => h.http().get(`/api/sms/campaigns/${id}`).set(bHeaders)],
        ['GET :id/messages', () => h.http().get(`/api/sms/campaigns/${id}/messages`).set(bHeaders)],
        ['GET :id/rejections.csv', () => h.http().get(`/api/sms/campaigns/${id}/rejections.csv`).set(bHeaders)],
        ['GET :id/events', () => h.http().get(`/api/sms/campaigns/${id}/events`).set(bHeaders)],
        ['POST :id/pause', () => post(id, 'pause', bHeaders)],
        ['POST :id/resume', () => post(id, 'resume', bHeaders)],
        ['POST :id/cancel', () => post(id, 'cancel', bHeaders)],
        ['POST :id/retry-failed', () => post(id, 'retry-failed', bHeaders)],
        ['PATCH :id', () => patch(id, { name: 'Hijacked', scheduledAt: null }, bHeaders)],
        ['DELETE :id', () => h.http().delete(`/api/sms/campaigns/${id}`).set(bHeaders)],
      ];
      for (const [route, attempt] of attempts) {
        const res = await attempt();
        expect(res.status, route).toBe(404);
        expectErrorShape(res.body, 404);
        expect(JSON.stringify(res.body)).not.toMatch(/Secret campaign|secret text|\+1415/);
      }
      expect(await get(id)).toMatchObject({ name: 'Secret campaign', status: 'scheduled', pending: 1 });
      const list = (await h.http().get('/api/sms/campaigns').set(bHeaders).expect(200)).body;
      expect(list.total).toBe(0);
    });

    it("answers 404 on every template route for another tenant's template, and changes nothing", async () => {
      const template = await createTemplate({ name: 'Secret template', body: 'secret {{code}}' });
      for (const res of [
        await h.http().get(`/api/sms/templates/${template.id}`).set(bHeaders),
        await h.http().patch(`/api/sms/templates/${template.id}`).set(bHeaders).send({ name: 'Hijacked' }),
        await h.http().delete(`/api/sms/templates/${template.id}`).set(bHeaders),
      ]) {
        expect(res.status).toBe(404);
        expectErrorShape(res.body, 404);
        expect(JSON.stringify(res.body)).not.toContain('secret');
      }
      expect((await h.http().get(`/api/sms/templates/${template.id}`).set(aHeaders).expect(200)).body.name).toBe(
        'Secret template',
      );
      expect((await h.http().get('/api/sms/templates').set(bHeaders).expect(200)).body.total).toBe(0);
    });
  });

  describe('templates', () => {
    it('creates, lists, reads, updates and deletes a template, listing its variables', async () => {
      const created = await createTemplate({
        name: 'Visit',
        body: 'Hi {{first_name|there}}, {{company}} visits at {{time}}. Bye {{First_Name}}',
      });
      expect(created).toMatchObject({ name: 'Visit', variables: ['first_name', 'company', 'time'], strategyId: null });
      await createTemplate({ name: 'Another', body: 'plain' });
      const list = (await h.http().get('/api/sms/templates?search=visits').set(aHeaders).expect(200)).body;
      expect(list.items.map((t: { id: number }) => t.id)).toEqual([created.id]);
      expect(
        (await h.http().get('/api/sms/templates').set(aHeaders).expect(200)).body.items.map(
          (t: { name: string }) => t.name,
        ),
      ).toEqual(['Another', 'Visit']);
      const updated = (
        await h
          .http()
          .patch(`/api/sms/templates/${created.id}`)
          .set(aHeaders)
          .send({ body: 'Now {{code}}' })
          .expect(200)
      ).body;
      expect(updated).toMatchObject({ name: 'Visit', body: 'Now {{code}}', variables: ['code'] });
      expect((await h.http().get(`/api/sms/templates/${created.id}`).set(aHeaders).expect(200)).body.body).toBe(
        'Now {{code}}',
      );
      await h.http().delete(`/api/sms/templates/${created.id}`).set(aHeaders).expect(204);
      await h.http().get(`/api/sms/templates/${created.id}`).set(aHeaders).expect(404);
    });

    it.each([
      ['a body over 1,600 characters', { name: 'Long', body: 'x'.repeat(1_601) }, 'body'],
      ['a blank body', { name: 'Blank', body: '   ' }, 'body'],
      ['no name', { body: 'hi' }, 'name'],
    ])('refuses %s with 400 naming the field', async (_what, body, field) => {
      const res = await h.http().post('/api/sms/templates').set(aHeaders).send(body).expect(400);
      expect(fieldsOf(expectErrorShape(res.body, 400))).toEqual([field]);
    });

    it("links a template to a strategy of the tenant, and refuses another tenant's strategy with 400 naming strategyId", async () => {
      const [own] = await db.database.db
        .insert(strategies)
        .values({ subAccountId: a.subAccountId, name: 'Roofs' })
        .returning();
      const [foreign] = await db.database.db
        .insert(strategies)
        .values({ subAccountId: b.subAccountId, name: 'Windows' })
        .returning();
      const linked = await createTemplate({ name: 'Linked', body: 'hi', strategyId: own!.id });
      expect(linked.strategyId).toBe(own!.id);
      const res = await h
        .http()
        .post('/api/sms/templates')
        .set(aHeaders)
        .send({ name: 'Stolen', body: 'hi', strategyId: foreign!.id })
        .expect(400);
      expect(fieldsOf(expectErrorShape(res.body, 400))).toEqual(['strategyId']);
      const patched = await h
        .http()
        .patch(`/api/sms/templates/${linked.id}`)
        .set(aHeaders)
        .send({ strategyId: foreign!.id })
        .expect(400);
      expect(fieldsOf(patched.body)).toEqual(['strategyId']);
      expect(
        (await h.http().patch(`/api/sms/templates/${linked.id}`).set(aHeaders).send({ strategyId: null }).expect(200))
          .body.strategyId,
      ).toBeNull();
    });
  });
});
