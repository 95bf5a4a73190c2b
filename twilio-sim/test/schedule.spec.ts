import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../src';
import { sdkFor, startWebhookServer } from './helpers';

const SERVICE = 'MG00000000000000000000000000000001';

describe('scheduled messages', () => {
  let sim: Simulator;

  beforeAll(async () => {
    sim = await startSimulator({ knobs: { callbackDelayMs: 5 } });
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.reset());

  const schedule = (sendAt: Date, statusCallback?: string) =>
    sdkFor(sim).messages.create({
      to: '+15555550001',
      messagingServiceSid: SERVICE,
      body: 'later',
      scheduleType: 'fixed',
      sendAt,
      statusCallback,
    });

  it('stays scheduled without callbacks and can be canceled', async () => {
    const hooks = await startWebhookServer();
    try {
      const msg = await schedule(new Date(Date.now() + 3_600_000), hooks.url);
      expect(msg.status).toBe('scheduled');
      await sim.flushCallbacks();
      expect(hooks.received).toHaveLength(0);
      const canceled = await sdkFor(sim).messages(msg.sid).update({ status: 'canceled' });
      expect(canceled.status).toBe('canceled');
    } finally {
      await hooks.close();
    }
  });

  it('refuses to cancel a message that is not scheduled with 30409', async () => {
    const client = sdkFor(sim);
    const msg = await client.messages.create({ to: '+15555550002', from: '+15550000000', body: 'now' });
    await expect(client.messages(msg.sid).update({ status: 'canceled' })).rejects.toMatchObject({
      status: 400,
      code: 30409,
    });
  });

  it('rejects a SendAt less than 15 minutes ahead with 35114', async () => {
    await expect(schedule(new Date(Date.now() + 60_000))).rejects.toMatchObject({ code: 35114 });
  });

  it('sends at once when ScheduleType comes without a Messaging Service, as Twilio does', async () => {
    const msg = await sdkFor(sim).messages.create({
      to: '+15555550003',
      from: '+15550000000',
      body: 'oops',
      scheduleType: 'fixed',
      sendAt: new Date(Date.now() + 3_600_000),
    });
    expect(msg.status).toBe('queued');
  });
});
