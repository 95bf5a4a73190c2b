import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ManualClock } from 'src/core/clock/clock';
import { smsTriggerFirings } from 'src/core/database/schema';
import { AutomationRunner, MAX_ATTEMPTS } from 'src/main-app/modules/sms/automation/automation-runner.service';
import { LeadMessageSender } from 'src/main-app/modules/sms/automation/lead-message.sender';
import type { Headers } from '../campaigns/campaign-support';
import { adminHeaders, createTenant, type Tenant } from '../support/fixtures';
import { bootTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import {
  clearAutomation,
  createLead,
  createTemplate,
  MINUTE,
  outboundTo,
  patchLead,
  START,
  timelineOf,
} from './automation-support';

const PHONE = '+14155550171';

describe('SMS triggers', () => {
  let db: TestDatabase;
  let t: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  let admin: Headers;
  let otherAdmin: Headers;
  const clock = new ManualClock(START);
  const runner = () => t.app.get(AutomationRunner);

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await bootTestApp({ database: db.database, clock });
    tenant = await createTenant(db.database, 'Trigger Tenant');
    other = await createTenant(db.database, 'Trigger Other');
    admin = await adminHeaders(t, tenant);
    otherAdmin = await adminHeaders(t, other);
  });
  afterAll(async () => {
    await t?.close();
    await db?.destroy();
  });
  beforeEach(async () => {
    await clearAutomation(db.database);
    clock.set(START);
  });

  async function createTrigger(values: Record<string, unknown>, headers = admin) {
    const res = await t.http().post('/api/sms/triggers').set(headers).send(values).expect(201);
    return res.body as { id: number; templateName: string; firedCount: number; toStatus: string | null };
  }

  const firings = () => db.database.db.select().from(smsTriggerFirings).orderBy(smsTriggerFirings.id);

  it('fires once per lead and transition, after its delay', async () => {
    const tpl = await createTemplate(t, admin, 'Contacted', 'Thanks for talking with us, {{first_name}}!');
    const trigger = await createTrigger({
      name: 'After first contact',
      event: 'status_changed',
      toStatus: 'contacted',
      templateId: tpl,
      delayMinutes: 30,
    });
    expect(trigger).toMatchObject({ templateName: 'Contacted', firedCount: 0 });
    const leadId = await createLead(t, admin, { name: 'Ann Lee', phone: PHONE });

    await patchLead(t, admin, leadId, { status: 'contacted' });
    expect((await runner().tick()).firings).toBe(0);
    clock.advance(30 * MINUTE);
    expect((await runner().tick()).firings).toBe(1);
    expect((await outboundTo(db.database, leadId)).map((m) => m.message)).toEqual(['Thanks for talking with us, Ann!']);

    // new -> contacted again is the same transition: no second text; qualified -> contacted is another one
    await patchLead(t, admin, leadId, { status: 'new' });
    await patchLead(t, admin, leadId, { status: 'contacted' });
    await patchLead(t, admin, leadId, { status: 'qualified' });
    await patchLead(t, admin, leadId, { status: 'contacted' });
    clock.advance(60 * MINUTE);
    expect((await runner().tick()).firings).toBe(1);
    expect((await runner().tick()).firings).toBe(0);
    expect((await firings()).map((f) => [f.transition, f.status])).toEqual([
      ['new->contacted', 'sent'],
      ['qualified->contacted', 'sent'],
    ]);
    expect(await outboundTo(db.database, leadId)).toHaveLength(2);
    expect((await timelineOf(db.database, leadId)).filter((x) => x === 'trigger_fired')).toHaveLength(2);
    const listed = await t.http().get('/api/sms/triggers').set(admin).expect(200);
    expect(listed.body).toMatchObject({ total: 1, items: [{ id: trigger.id, firedCount: 2 }] });
  });

  it('sends a delayed firing after a restart between the status change and the send', async () => {
    const tpl = await createTemplate(t, admin, 'Qualified', 'You qualify, {{name}}.');
    await createTrigger({
      name: 'Qualified',
      event: 'status_changed',
      toStatus: 'qualified',
      templateId: tpl,
      delayMinutes: 120,
    });
    const leadId = await createLead(t, admin, { name: 'Bo Chen', phone: PHONE });
    await patchLead(t, admin, leadId, { status: 'qualified' });

    await t.close(); // the process stops before the delay ends
    clock.advance(121 * MINUTE);
    t = await bootTestApp({ database: db.database, clock });
    admin = await adminHeaders(t, tenant);
    otherAdmin = await adminHeaders(t, other);
    expect((await runner().tick()).firings).toBe(1);
    expect((await outboundTo(db.database, leadId)).map((m) => m.message)).toEqual(['You qualify, Bo Chen.']);
  });

  it('fires a lead_created trigger for a new lead', async () => {
    const tpl = await createTemplate(t, admin, 'Welcome', 'Welcome, {{first_name}}');
    const created = await createTrigger({
      name: 'Welcome',
      event: 'lead_created',
      toStatus: 'lost',
      templateId: tpl,
      delayMinutes: 0,
    });
    expect(created.toStatus).toBeNull();
    const leadId = await createLead(t, admin, { name: 'Cy Dunn', phone: PHONE });
    expect((await runner().tick()).firings).toBe(1);
    expect((await outboundTo(db.database, leadId)).map((m) => [m.message, m.idempotencyKey])).toEqual([
      ['Welcome, Cy', `trg:${(await firings())[0]!.id}`],
    ]);
  });

  it('skips a firing the accept rules refuse, with the reason, and never retries it', async () => {
    const tpl = await createTemplate(t, admin, 'Welcome', 'Welcome');
    await createTrigger({ name: 'Welcome', event: 'lead_created', templateId: tpl, delayMinutes: 0 });
    await t.http().post('/api/sms/opt-outs').set(admin).send({ phoneNumber: PHONE }).expect(201);
    const optedOut = await createLead(t, admin, { name: 'Opted Out', phone: PHONE });
    const noPhone = await createLead(t, admin, { name: 'No Phone' });
    expect((await runner().tick()).firings).toBe(2);
    const rows = await firings();
    expect(rows.map((f) => [f.leadId, f.status, f.reason])).toEqual([
      [optedOut, 'skipped', 'opted_out'],
      [noPhone, 'skipped', 'no_phone'],
    ]);
    clock.advance(60 * MINUTE);
    expect((await runner().tick()).firings).toBe(0);
  });

  it('gives up on a firing that keeps failing unexpectedly, with the error as its reason', async () => {
    const tpl = await createTemplate(t, admin, 'Welcome', 'Welcome');
    await createTrigger({ name: 'Welcome', event: 'lead_created', templateId: tpl, delayMinutes: 0 });
    await createLead(t, admin, { name: 'Cy', phone: PHONE });
    const send = vi.spyOn(t.app.get(LeadMessageSender), 'send').mockRejectedValue(new Error('database on fire'));
    try {
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        expect((await runner().tick()).firings).toBe(1);
        expect((await firings())[0]).toMatchObject({
          attempts: attempt,
          status: attempt < MAX_ATTEMPTS ? 'pending' : 'skipped',
        });
        clock.advance(6 * MINUTE);
      }
    } finally {
      send.mockRestore();
    }
    expect((await firings())[0]!.reason).toBe('error: database on fire');
    expect((await runner().tick()).firings).toBe(0);
  });

  it('does not fire a disabled trigger, nor a firing whose trigger was disabled before it came due', async () => {
    const tpl = await createTemplate(t, admin, 'Lost', 'Sorry to see you go');
    const off = await createTrigger({
      name: 'Off',
      event: 'status_changed',
      toStatus: 'lost',
      templateId: tpl,
      delayMinutes: 0,
      enabled: false,
    });
    const later = await createTrigger({
      name: 'Later',
      event: 'status_changed',
      toStatus: 'lost',
      templateId: tpl,
      delayMinutes: 10,
    });
    const leadId = await createLead(t, admin, { name: 'Di Egan', phone: PHONE });
    await patchLead(t, admin, leadId, { status: 'lost' });
    expect((await firings()).map((f) => f.triggerId)).toEqual([later.id]);
    await t.http().patch(`/api/sms/triggers/${later.id}`).set(admin).send({ enabled: false }).expect(200);
    clock.advance(10 * MINUTE);
    await runner().tick();
    const [f] = await db.database.db.select().from(smsTriggerFirings).where(eq(smsTriggerFirings.triggerId, later.id));
    expect(f).toMatchObject({ status: 'skipped', reason: 'trigger_disabled' });
    expect(await outboundTo(db.database, leadId)).toEqual([]);
    expect(off.id).not.toBe(later.id);
  });

  it('validates triggers and keeps them to their SubAccount', async () => {
    const tpl = await createTemplate(t, admin, 'Mine', 'mine');
    const theirs = await createTemplate(t, otherAdmin, 'Theirs', 'theirs');
    const noStatus = await t
      .http()
      .post('/api/sms/triggers')
      .set(admin)
      .send({ name: 'x', event: 'status_changed', templateId: tpl, delayMinutes: 0 })
      .expect(400);
    expect(noStatus.body.details).toEqual([{ field: 'toStatus', message: 'choose the status that fires the trigger' }]);
    await t
      .http()
      .post('/api/sms/triggers')
      .set(admin)
      .send({ name: 'x', event: 'lead_created', templateId: theirs, delayMinutes: 0 })
      .expect(400);
    await t
      .http()
      .post('/api/sms/triggers')
      .set(admin)
      .send({ name: 'x', event: 'sometimes', templateId: tpl, delayMinutes: -1 })
      .expect(400);
    const mine = await createTrigger({ name: 'Mine', event: 'lead_created', templateId: tpl, delayMinutes: 5 });
    await t.http().get(`/api/sms/triggers/${mine.id}`).set(otherAdmin).expect(404);
    await t.http().patch(`/api/sms/triggers/${mine.id}`).set(otherAdmin).send({ name: 'Taken' }).expect(404);
    await t.http().delete(`/api/sms/triggers/${mine.id}`).set(otherAdmin).expect(404);
    const edited = await t
      .http()
      .patch(`/api/sms/triggers/${mine.id}`)
      .set(admin)
      .send({ event: 'status_changed', toStatus: 'customer', delayMinutes: 60 })
      .expect(200);
    expect(edited.body).toMatchObject({ event: 'status_changed', toStatus: 'customer', delayMinutes: 60 });
    await t.http().delete(`/api/sms/triggers/${mine.id}`).set(admin).expect(204);
    await t.http().get(`/api/sms/triggers/${mine.id}`).set(admin).expect(404);
  });
});
