import twilio from 'twilio';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../src';
import { sdkFor, startWebhookServer, type WebhookServer } from './helpers';

describe('inbound injection', () => {
  let sim: Simulator;
  let hooks: WebhookServer;
  let accountSid: string;
  let authToken: string;

  beforeAll(async () => {
    hooks = await startWebhookServer('/sms/webhooks/twilio/inbound');
    sim = await startSimulator({ inboundUrl: hooks.url });
    [accountSid, authToken] = Object.entries(sim.accounts)[0];
  });
  afterAll(async () => {
    await sim.close();
    await hooks.close();
  });
  beforeEach(() => {
    sim.reset();
    hooks.received.length = 0;
  });

  it('posts a signed inbound form and returns the webhook response', async () => {
    hooks.replyBody = '<Response/>';
    const result = await sim.injectInbound({
      from: '+15556660001',
      to: '+15550000000',
      body: 'STOP',
      optOutType: 'STOP',
    });
    expect(result).toMatchObject({ status: 200, body: '<Response/>' });
    expect(result.messageSid).toMatch(/^SM[0-9a-f]{32}$/);
    const [hook] = hooks.received;
    expect(hook.params).toMatchObject({
      MessageSid: result.messageSid,
      SmsSid: result.messageSid,
      SmsMessageSid: result.messageSid,
      AccountSid: accountSid,
      From: '+15556660001',
      To: '+15550000000',
      Body: 'STOP',
      NumMedia: '0',
      NumSegments: '1',
      SmsStatus: 'received',
      ApiVersion: '2010-04-01',
      OptOutType: 'STOP',
    });
    const signature = String(hook.headers['x-twilio-signature']);
    expect(twilio.validateRequest(authToken, signature, hooks.url, hook.params)).toBe(true);
    expect(twilio.validateRequest('other-token', signature, hooks.url, hook.params)).toBe(false);
    expect(sim.state().counters.inboundPosted).toBe(1);
  });

  it('lists the inbound message like Twilio does', async () => {
    const { messageSid } = await sim.injectInbound({ from: '+15556660002', to: '+15550000000', body: 'hi back' });
    const fetched = await sdkFor(sim).messages(messageSid).fetch();
    expect(fetched).toMatchObject({ direction: 'inbound', status: 'received', body: 'hi back' });
  });

  it('is reachable through POST /__sim/inbound with a per-call url', async () => {
    const other = await startWebhookServer('/other');
    try {
      const res = await fetch(`${sim.url}/__sim/inbound`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ from: '+15556660003', to: '+15550000000', body: 'HELP', url: other.url }),
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 200 });
      expect(other.received[0].params.Body).toBe('HELP');
      expect(other.received[0].params.OptOutType).toBeUndefined();
      expect(hooks.received).toHaveLength(0);
    } finally {
      await other.close();
    }
  });
});
