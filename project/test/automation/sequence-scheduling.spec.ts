import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from 'src/core/clock/clock';
import { smsSequenceEnrollments } from 'src/core/database/schema';
import { AutomationRunner } from 'src/main-app/modules/sms/automation/automation-runner.service';
import type { Headers } from '../campaigns/campaign-support';
import { adminHeaders, createTenant, type Tenant } from '../support/fixtures';
import { bootTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import {
  clearAutomation,
  createLead,
  createStrategy,
  createTemplate,
  enrollmentsOf,
  MINUTE,
  outboundTo,
  saveSequence,
  START,
  timelineOf,
} from './automation-support';

const PHONE = '+14155550181';

describe('sequence scheduling', () => {
  let db: TestDatabase;
  let t: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  let admin: Headers;
  let otherAdmin: Headers;
  let runner: AutomationRunner;
  const clock = new ManualClock(START);

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await bootTestApp({ database: db.database, clock });
    tenant = await createTenant(db.database, 'Seq Tenant');
    other = await createTenant(db.database, 'Seq Other');
    admin = await adminHeaders(t, tenant);
    otherAdmin = await adminHeaders(t, other);
    runner = t.app.get(AutomationRunner);
  });
  afterAll(async () => {
    await t?.close();
    await db?.destroy();
  });
  beforeEach(async () => {
    await clearAutomation(db.database);
    clock.set(START);
  });

  /** A strategy whose sequence is: now, an hour later, a day later inside 13:00–14:00 local. */
  async function threeStepStrategy(stopStatuses: string[] = []) {
    const hello = await createTemplate(t, admin, 'Hello', 'Hi {{first_name}}, thanks for asking about {{company|us}}.');
    const nudge = await createTemplate(t, admin, 'Nudge', 'Still interested, {{first_name}}?');
    const last = await createTemplate(t, admin, 'Last', 'Last note from us.');
    const strategyId = await createStrategy(t, admin, 'Roof follow-up');
    await saveSequence(
      t,
      admin,
      strategyId,
      [
        { templateId: hello, delayMinutes: 0 },
        { templateId: nudge, delayMinutes: 60 },
        { templateId: last, delayMinutes: 24 * 60, windowStartMinute: 13 * 60, windowEndMinute: 14 * 60 },
      ],
      { stopStatuses },
    );
    return strategyId;
  }

  it('enrols a lead created with the strategy and sends each step when it comes due, in the send window', async () => {
    const strategyId = await threeStepStrategy();
    const leadId = await createLead(t, admin, {
      name: 'Jane Roe',
      phone: PHONE,
      strategyId,
      timeZone: 'America/New_York',
    });
    const [enrolled] = await enrollmentsOf(db.database, leadId);
    expect(enrolled).toMatchObject({ status: 'active', nextPosition: 0, nextDueAt: START, enrolledByKind: 'admin' });

    expect(await runner.tick()).toEqual({ steps: 1, firings: 0 });
    let sent = await outboundTo(db.database, leadId);
    expect(sent.map((m) => m.message)).toEqual(['Hi Jane, thanks for asking about us.']);
    expect(sent[0]).toMatchObject({ status: 'pending', phoneNumber: PHONE, idempotencyKey: `seq:${enrolled!.id}:0` });

    // the second step waits an hour after the first was sent
    expect((await runner.tick()).steps).toBe(0);
    clock.advance(59 * MINUTE);
    expect((await runner.tick()).steps).toBe(0);
    clock.advance(MINUTE);
    expect((await runner.tick()).steps).toBe(1);
    sent = await outboundTo(db.database, leadId);
    expect(sent.map((m) => m.message)).toEqual(['Hi Jane, thanks for asking about us.', 'Still interested, Jane?']);

    // a day after 11:00 New York is 11:00, outside 13:00–14:00: pushed to 13:00 New York (18:00 UTC)
    const [waiting] = await enrollmentsOf(db.database, leadId);
    expect(waiting).toMatchObject({ nextPosition: 2, nextDueAt: new Date('2026-03-03T18:00:00Z') });
    clock.set(new Date('2026-03-03T17:59:00Z'));
    expect((await runner.tick()).steps).toBe(0);
    clock.set(new Date('2026-03-03T18:00:00Z'));
    expect((await runner.tick()).steps).toBe(1);

    const [done] = await enrollmentsOf(db.database, leadId);
    expect(done).toMatchObject({ status: 'completed', nextDueAt: null, nextPosition: 3 });
    expect((await outboundTo(db.database, leadId)).length).toBe(3);
    expect(await timelineOf(db.database, leadId)).toEqual([
      'created',
      'sequence_enrolled',
      'sequence_step_sent',
      'sequence_step_sent',
      'sequence_step_sent',
      'sequence_completed',
    ]);
    const view = await t.http().get(`/api/leads/${leadId}/sms-sequence`).set(admin).expect(200);
    expect(view.body).toMatchObject({ enrollment: { status: 'completed', stepCount: 3, nextStep: null } });
  });

  it('uses the SubAccount time zone for the send window when the lead has none', async () => {
    const tpl = await createTemplate(t, admin, 'Window', 'Hello');
    const strategyId = await createStrategy(t, admin, 'Windowed');
    // 09:00–10:00 in New York (the SubAccount default); START is 10:00 there, so the next window is tomorrow
    await saveSequence(t, admin, strategyId, [
      { templateId: tpl, delayMinutes: 0, windowStartMinute: 9 * 60, windowEndMinute: 10 * 60 },
    ]);
    const leadId = await createLead(t, admin, { name: 'No Zone', phone: PHONE, strategyId });
    const [e] = await enrollmentsOf(db.database, leadId);
    expect(e!.nextDueAt).toEqual(new Date('2026-03-03T14:00:00Z'));
  });

  it('never sends a step twice when the runner dies between the send and the advance', async () => {
    const strategyId = await threeStepStrategy();
    const leadId = await createLead(t, admin, { name: 'Jane Roe', phone: PHONE, strategyId });
    await runner.tick();
    const [first] = await outboundTo(db.database, leadId);
    // As if the advance had not committed: the enrolment is at step 0 again, and due.
    const [e] = await enrollmentsOf(db.database, leadId);
    await db.database.db
      .update(smsSequenceEnrollments)
      .set({ nextPosition: 0, nextDueAt: clock.now(), lastMessageId: null })
      .where(eq(smsSequenceEnrollments.id, e!.id));

    expect((await runner.tick()).steps).toBe(1);
    expect((await outboundTo(db.database, leadId)).map((m) => m.id)).toEqual([first!.id]);
    const [after] = await enrollmentsOf(db.database, leadId);
    expect(after).toMatchObject({ nextPosition: 1, lastMessageId: first!.id, status: 'active' });
  });

  it('takes over a claimed enrolment only after its lease ends', async () => {
    const strategyId = await threeStepStrategy();
    const leadId = await createLead(t, admin, { name: 'Jane Roe', phone: PHONE, strategyId });
    const [e] = await enrollmentsOf(db.database, leadId);
    // A runner claimed it and died before sending: the lease (5 minutes) holds it.
    await db.database.db
      .update(smsSequenceEnrollments)
      .set({ nextDueAt: new Date(START.getTime() + 5 * MINUTE) })
      .where(eq(smsSequenceEnrollments.id, e!.id));
    expect((await runner.tick()).steps).toBe(0);
    clock.advance(5 * MINUTE);
    expect((await runner.tick()).steps).toBe(1);
    expect((await outboundTo(db.database, leadId)).length).toBe(1);
  });

  it('enrols by hand, refuses a second active enrolment, and shows the next step', async () => {
    const tpl = await createTemplate(t, admin, 'Hello', 'Hello {{first_name}}');
    const strategyId = await createStrategy(t, admin, 'Later sequence');
    // the lead gets the strategy before it has a sequence: nothing to enrol in yet
    const leadId = await createLead(t, admin, { name: 'Sam Poe', phone: PHONE, strategyId });
    expect(await enrollmentsOf(db.database, leadId)).toEqual([]);
    const before = await t.http().get(`/api/leads/${leadId}/sms-sequence`).set(admin).expect(200);
    expect(before.body).toMatchObject({ enrollment: null, canEnroll: false });
    await t.http().post(`/api/leads/${leadId}/sms-sequence`).set(admin).expect(409);

    await saveSequence(t, admin, strategyId, [{ templateId: tpl, delayMinutes: 90 }]);
    const res = await t.http().post(`/api/leads/${leadId}/sms-sequence`).set(admin).expect(201);
    expect(res.body).toMatchObject({
      canEnroll: false,
      cannotEnrollReason: 'already enrolled',
      enrollment: {
        status: 'active',
        strategyId,
        stepCount: 1,
        nextStep: { position: 0, templateId: tpl, templateName: 'Hello', delayMinutes: 90 },
        nextDueAt: new Date(START.getTime() + 90 * MINUTE).toISOString(),
      },
    });
    await t.http().post(`/api/leads/${leadId}/sms-sequence`).set(admin).expect(409);
    expect(await enrollmentsOf(db.database, leadId)).toHaveLength(1);
  });

  it("answers 404 for another SubAccount's lead or strategy and rejects its templates", async () => {
    const strategyId = await createStrategy(t, admin, 'Mine');
    const leadId = await createLead(t, admin, { name: 'Mine', phone: PHONE });
    await t.http().get(`/api/strategies/${strategyId}/sms-sequence`).set(otherAdmin).expect(404);
    await t.http().get(`/api/leads/${leadId}/sms-sequence`).set(otherAdmin).expect(404);
    await t.http().post(`/api/leads/${leadId}/sms-sequence`).set(otherAdmin).expect(404);
    const theirs = await createTemplate(t, otherAdmin, 'Theirs', 'Not yours');
    const res = await t
      .http()
      .put(`/api/strategies/${strategyId}/sms-sequence`)
      .set(admin)
      .send({ enabled: true, stopStatuses: [], steps: [{ templateId: theirs, delayMinutes: 0 }] })
      .expect(400);
    expect(res.body.details).toEqual([{ field: 'steps.0.templateId', message: 'no such template in this SubAccount' }]);
  });

  it('saves steps in order with a half-open window check, and a disabled sequence enrols nobody', async () => {
    const a = await createTemplate(t, admin, 'A', 'a');
    const b = await createTemplate(t, admin, 'B', 'b');
    const strategyId = await createStrategy(t, admin, 'Ordered');
    await t
      .http()
      .put(`/api/strategies/${strategyId}/sms-sequence`)
      .set(admin)
      .send({ enabled: true, stopStatuses: [], steps: [{ templateId: a, delayMinutes: 0, windowStartMinute: 540 }] })
      .expect(400);
    const saved = await saveSequence(
      t,
      admin,
      strategyId,
      [
        { templateId: b, delayMinutes: 5 },
        { templateId: a, delayMinutes: 10 },
      ],
      { enabled: false, stopStatuses: ['lost', 'lost', 'customer'] },
    );
    expect(saved.body).toMatchObject({
      strategyId,
      enabled: false,
      stopStatuses: ['lost', 'customer'],
      steps: [
        { position: 0, templateId: b, templateName: 'B', delayMinutes: 5 },
        { position: 1, templateId: a, templateName: 'A', delayMinutes: 10 },
      ],
    });
    const leadId = await createLead(t, admin, { name: 'Off', phone: PHONE, strategyId });
    expect(await enrollmentsOf(db.database, leadId)).toEqual([]);
  });

  it("lists only a strategy's templates when asked with strategyId", async () => {
    const strategyId = await createStrategy(t, admin, 'Linked');
    const linked = await t
      .http()
      .post('/api/sms/templates')
      .set(admin)
      .send({ name: 'Linked', body: 'linked', strategyId })
      .expect(201);
    await createTemplate(t, admin, 'Loose', 'loose');
    const all = await t.http().get('/api/sms/templates').set(admin).expect(200);
    expect(all.body.total).toBe(2);
    const res = await t.http().get(`/api/sms/templates?strategyId=${strategyId}`).set(admin).expect(200);
    expect(res.body.items.map((x: { id: number }) => x.id)).toEqual([(linked.body as { id: number }).id]);
  });

  it('refuses to delete a template a sequence step still sends', async () => {
    const tpl = await createTemplate(t, admin, 'In use', 'in use');
    const strategyId = await createStrategy(t, admin, 'Uses it');
    await saveSequence(t, admin, strategyId, [{ templateId: tpl, delayMinutes: 0 }]);
    const res = await t.http().delete(`/api/sms/templates/${tpl}`).set(admin).expect(409);
    expect(res.body.message).toContain('sequence step or a trigger');
    await saveSequence(t, admin, strategyId, []);
    await t.http().delete(`/api/sms/templates/${tpl}`).set(admin).expect(204);
  });

  it('sends each due step once when two processes run the automation at the same time', async () => {
    const strategyId = await threeStepStrategy();
    const leadIds: number[] = [];
    for (let i = 0; i < 8; i++) {
      leadIds.push(await createLead(t, admin, { name: `Lead ${i}`, phone: `+1415555020${i}`, strategyId }));
    }
    const second = await bootTestApp({ database: db.database, clock });
    try {
      const [x, y] = await Promise.all([runner.tick(), second.app.get(AutomationRunner).tick()]);
      expect(x.steps + y.steps).toBe(8);
    } finally {
      await second.close();
    }
    for (const leadId of leadIds) {
      expect(await outboundTo(db.database, leadId)).toHaveLength(1);
      expect((await enrollmentsOf(db.database, leadId))[0]).toMatchObject({ nextPosition: 1 });
    }
  });
});
