import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ManualClock } from 'src/core/clock/clock';
import { AutomationRunner, MAX_ATTEMPTS } from 'src/main-app/modules/sms/automation/automation-runner.service';
import { LeadMessageSender } from 'src/main-app/modules/sms/automation/lead-message.sender';
import type { Headers } from '../campaigns/campaign-support';
import { adminHeaders, createTenant, type Tenant } from '../support/fixtures';
import { bootEngine, SIM_ACCOUNT_SID, SIM_FROM, type EngineHarness } from '../support/engine-harness';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import {
  clearAutomation,
  createLead,
  createStrategy,
  createTemplate,
  enrollmentsOf,
  MINUTE,
  outboundTo,
  patchLead,
  saveSequence,
  START,
  timelineOf,
} from './automation-support';

const PHONE = '+14155550191';

describe('what ends a sequence enrolment', () => {
  let db: TestDatabase;
  let h: EngineHarness;
  let tenant: Tenant;
  let admin: Headers;
  let runner: AutomationRunner;
  let inboundUrl: string;
  const clock = new ManualClock(START);

  beforeAll(async () => {
    db = await createTestDatabase();
    h = await bootEngine({ database: db.database, clock, knobs: { callbackDelayMs: 600_000 } });
    inboundUrl = `${h.config.publicBaseUrl}/api/sms/webhooks/twilio/inbound`;
    tenant = await createTenant(db.database, 'Stop Tenant');
    admin = await adminHeaders(h, tenant);
    runner = h.app.get(AutomationRunner);
  });
  afterAll(async () => {
    await h?.close();
    await db?.destroy();
  });
  beforeEach(async () => {
    await h.dispatcher.settled();
    await clearAutomation(db.database);
    h.sim.reset();
    clock.set(START);
  });

  /** A two-step sequence (now, then a day later) on a strategy; answers the strategy and an enrolled lead. */
  async function enrolledLead(stopStatuses: string[] = [], phone: string | null = PHONE) {
    const first = await createTemplate(h, admin, 'First', 'Hi {{first_name}}');
    const second = await createTemplate(h, admin, 'Second', 'Following up');
    const strategyId = await createStrategy(h, admin, 'Follow-up');
    await saveSequence(
      h,
      admin,
      strategyId,
      [
        { templateId: first, delayMinutes: 0 },
        { templateId: second, delayMinutes: 24 * 60 },
      ],
      { stopStatuses },
    );
    const leadId = await createLead(h, admin, { name: 'Pat Doe', phone: phone ?? undefined, strategyId });
    return { strategyId, leadId };
  }

  /** Sends step 1, then lets the rest of the sequence come due: nothing more may be sent. */
  async function expectNoMoreSteps(leadId: number, sentBefore: number) {
    clock.advance(2 * 24 * 60 * MINUTE);
    await runner.tick();
    expect(await outboundTo(db.database, leadId)).toHaveLength(sentBefore);
  }

  const reply = (body: string) =>
    h.sim.injectInbound({ accountSid: SIM_ACCOUNT_SID, from: PHONE, to: SIM_FROM, body, url: inboundUrl });

  it('stops when the lead replies', async () => {
    const { leadId } = await enrolledLead();
    await runner.tick();
    expect((await reply('Who is this?')).status).toBe(200);
    const [e] = await enrollmentsOf(db.database, leadId);
    expect(e).toMatchObject({ status: 'stopped', stopReason: 'replied', nextDueAt: null });
    await expectNoMoreSteps(leadId, 1);
    expect(await timelineOf(db.database, leadId)).toContain('sequence_stopped');
  });

  it('stops with opted_out when the lead replies STOP', async () => {
    const { leadId } = await enrolledLead();
    await runner.tick();
    await reply('STOP');
    const [e] = await enrollmentsOf(db.database, leadId);
    expect(e).toMatchObject({ status: 'stopped', stopReason: 'opted_out' });
    await expectNoMoreSteps(leadId, 1);
  });

  it('stops with opted_out when the number is added to the opt-out list by hand', async () => {
    const { leadId } = await enrolledLead();
    await runner.tick();
    await h.http().post('/api/sms/opt-outs').set(admin).send({ phoneNumber: PHONE }).expect(201);
    const [e] = await enrollmentsOf(db.database, leadId);
    expect(e).toMatchObject({ status: 'stopped', stopReason: 'opted_out' });
    await expectNoMoreSteps(leadId, 1);
  });

  it("stops when the lead's strategy changes, and enrols it in the new strategy's sequence", async () => {
    const { leadId } = await enrolledLead();
    await runner.tick();
    const other = await createStrategy(h, admin, 'Other');
    const tpl = await createTemplate(h, admin, 'Other hello', 'Welcome to the other track');
    await saveSequence(h, admin, other, [{ templateId: tpl, delayMinutes: 30 }]);
    await patchLead(h, admin, leadId, { strategyId: other });
    const [old, fresh] = await enrollmentsOf(db.database, leadId);
    expect(old).toMatchObject({ status: 'stopped', stopReason: 'strategy_changed' });
    expect(fresh).toMatchObject({ status: 'active', nextPosition: 0, enrolledByKind: 'admin' });
    clock.advance(2 * 24 * 60 * MINUTE);
    await runner.tick();
    expect((await outboundTo(db.database, leadId)).map((m) => m.message)).toEqual([
      'Hi Pat',
      'Welcome to the other track',
    ]);
  });

  it("stops when the lead reaches a status in the sequence's stop list, and only then", async () => {
    const { leadId } = await enrolledLead(['customer']);
    await runner.tick();
    await patchLead(h, admin, leadId, { status: 'contacted' });
    expect((await enrollmentsOf(db.database, leadId))[0]).toMatchObject({ status: 'active' });
    await patchLead(h, admin, leadId, { status: 'customer' });
    expect((await enrollmentsOf(db.database, leadId))[0]).toMatchObject({
      status: 'stopped',
      stopReason: 'status:customer',
    });
    await expectNoMoreSteps(leadId, 1);
  });

  it('stops when someone presses stop on the lead page', async () => {
    const { leadId } = await enrolledLead();
    const res = await h.http().post(`/api/leads/${leadId}/sms-sequence/stop`).set(admin).expect(200);
    expect(res.body).toMatchObject({
      enrollment: { status: 'stopped', stopReason: 'manual', nextStep: null },
      canEnroll: true,
    });
    await h.http().post(`/api/leads/${leadId}/sms-sequence/stop`).set(admin).expect(409);
    await expectNoMoreSteps(leadId, 0);
  });

  it('stops with the reason when the accept rules refuse the step, without retrying', async () => {
    const { leadId } = await enrolledLead([], null);
    expect((await runner.tick()).steps).toBe(1);
    const [e] = await enrollmentsOf(db.database, leadId);
    expect(e).toMatchObject({ status: 'stopped', stopReason: 'no_phone' });
    expect((await runner.tick()).steps).toBe(0);
  });

  it('retries a step that failed unexpectedly when its claim lapses, and gives up with `error` after a few', async () => {
    const { leadId } = await enrolledLead();
    const send = vi.spyOn(h.app.get(LeadMessageSender), 'send').mockRejectedValue(new Error('database on fire'));
    try {
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        expect((await runner.tick()).steps).toBe(1);
        const [e] = await enrollmentsOf(db.database, leadId);
        expect(e).toMatchObject({ attempts: attempt, status: attempt < MAX_ATTEMPTS ? 'active' : 'stopped' });
        expect((await runner.tick()).steps, 'claimed until the lease lapses').toBe(0);
        clock.advance(6 * MINUTE);
      }
    } finally {
      send.mockRestore();
    }
    expect((await enrollmentsOf(db.database, leadId))[0]).toMatchObject({ stopReason: 'error' });
    expect(await timelineOf(db.database, leadId)).toContain('sequence_stopped');
    await expectNoMoreSteps(leadId, 0);
  });

  it('starts counting again once a step that failed is sent', async () => {
    const { leadId } = await enrolledLead();
    const send = vi.spyOn(h.app.get(LeadMessageSender), 'send').mockRejectedValueOnce(new Error('blip'));
    try {
      await runner.tick();
      clock.advance(6 * MINUTE);
      await runner.tick();
    } finally {
      send.mockRestore();
    }
    expect((await enrollmentsOf(db.database, leadId))[0]).toMatchObject({
      status: 'active',
      nextPosition: 1,
      attempts: 0,
    });
    expect(await outboundTo(db.database, leadId)).toHaveLength(1);
  });

  it('stops with opted_out when the number opted out before the enrolment existed', async () => {
    await h.http().post('/api/sms/opt-outs').set(admin).send({ phoneNumber: PHONE }).expect(201);
    const { leadId } = await enrolledLead();
    await runner.tick();
    const [e] = await enrollmentsOf(db.database, leadId);
    expect(e).toMatchObject({ status: 'stopped', stopReason: 'opted_out' });
    expect(await outboundTo(db.database, leadId)).toEqual([]);
  });
});
