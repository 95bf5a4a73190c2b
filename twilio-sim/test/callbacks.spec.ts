import twilio from 'twilio';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../src';
import { type ReceivedWebhook, sdkFor, startWebhookServer, waitFor, type WebhookServer } from './helpers';

describe('status callbacks', () => {
  let sim: Simulator;
  let hooks: WebhookServer;
  let authToken: string;

  beforeAll(async () => {
    // Far enough apart that one transition's callback (and its retry) lands before the next transition.
    sim = await startSimulator({ knobs: { callbackDelayMs: 50 } });
    authToken = Object.values(sim.accounts)[0];
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    sim.reset();
    hooks = await startWebhookServer();
  });
  afterEach(() => hooks.close());

  const send = (to: string, statusCallback = `${hooks.url}?tenant=7`) =>
    sdkFor(sim).messages.create({ to, from: '+15550000000', body: 'hello', statusCallback });
  const statuses = (): string[] => hooks.received.map((h) => h.params.MessageStatus);
  const validSignature = (hook: ReceivedWebhook, url: string): boolean =>
    twilio.validateRequest(authToken, String(hook.headers['x-twilio-signature']), url, hook.params);

  it('posts sent then delivered, signed so twilio.validateRequest accepts them', async () => {
    const msg = await send('+15552220001');
    await waitFor(() => hooks.received.length === 2);
    expect(statuses()).toEqual(['sent', 'delivered']);
    for (const hook of hooks.received) {
      expect(validSignature(hook, `${hooks.url}?tenant=7`)).toBe(true);
      expect(validSignature(hook, `${hooks.url}?tenant=8`)).toBe(false);
      expect(hook.headers['i-twilio-idempotency-token']).toBeTruthy();
      expect(hook.params).toMatchObject({
        MessageSid: msg.sid,
        SmsSid: msg.sid,
        AccountSid: msg.accountSid,
        From: '+15550000000',
        To: '+15552220001',
        ApiVersion: '2010-04-01',
      });
      expect(hook.params.ErrorCode).toBeUndefined();
    }
    expect(hooks.received[0].params.RawDlrDoneDate).toBeUndefined();
    expect(hooks.received[1].params.RawDlrDoneDate).toMatch(/^\d{10}$/);
    const fetched = await sdkFor(sim).messages(msg.sid).fetch();
    expect(fetched.status).toBe('delivered');
    expect(fetched.dateSent).toBeInstanceOf(Date);
    expect(fetched.price).toBe('-0.00790');
  });

  it('reports undelivered with the ErrorCode chosen for that recipient', async () => {
    sim.setKnobs({ outcomes: { '+15552220002': 'undelivered:30005' } });
    const msg = await send('+15552220002');
    await waitFor(() => hooks.received.length === 2);
    expect(statuses()).toEqual(['sent', 'undelivered']);
    expect(hooks.received[1].params).toMatchObject({ ErrorCode: '30005', SmsStatus: 'undelivered' });
    const fetched = await sdkFor(sim).messages(msg.sid).fetch();
    expect(fetched).toMatchObject({ status: 'undelivered', errorCode: 30005 });
  });

  it('reports failed once, without a sent callback and without a price', async () => {
    sim.setKnobs({ failedRate: 1 });
    const msg = await send('+15552220003');
    await sim.flushCallbacks();
    expect(statuses()).toEqual(['failed']);
    expect(hooks.received[0].params.ErrorCode).toBe('30008');
    expect((await sdkFor(sim).messages(msg.sid).fetch()).price).toBeNull();
  });

  it('posts each callback twice with the same idempotency token when duplicating', async () => {
    sim.setKnobs({ duplicateCallbackRate: 1 });
    await send('+15552220004');
    await sim.flushCallbacks();
    expect(statuses()).toEqual(['sent', 'sent', 'delivered', 'delivered']);
    const tokens = hooks.received.map((h) => h.headers['i-twilio-idempotency-token']);
    expect(tokens[0]).toBe(tokens[1]);
    expect(tokens[2]).toBe(tokens[3]);
    expect(tokens[0]).not.toBe(tokens[2]);
  });

  it('never posts dropped callbacks but still moves the message to its final status', async () => {
    sim.setKnobs({ dropCallbackRate: 1 });
    const msg = await send('+15552220005');
    await sim.flushCallbacks();
    expect(hooks.received).toHaveLength(0);
    expect(sim.state().counters.callbacksDropped).toBe(2);
    expect((await sdkFor(sim).messages(msg.sid).fetch()).status).toBe('delivered');
  });

  it('posts the final status before sent when reordering', async () => {
    sim.setKnobs({ reorderCallbacks: true });
    await send('+15552220006');
    await sim.flushCallbacks();
    expect(statuses()).toEqual(['delivered', 'sent']);
  });

  it('retries a failed callback once and counts it posted', async () => {
    hooks.replyWith = [500];
    await send('+15552220007');
    await sim.flushCallbacks();
    expect(statuses()).toEqual(['sent', 'sent', 'delivered']);
    expect(sim.state().counters).toMatchObject({ callbacksFailed: 1, callbacksPosted: 2, callbacksLost: 0 });
  });

  it('gives up after the retry and records the callback as lost', async () => {
    hooks.replyWith = [503, 503];
    await send('+15552220008');
    await sim.flushCallbacks();
    expect(statuses()).toEqual(['sent', 'sent', 'delivered']);
    expect(sim.state().counters).toMatchObject({
      callbacksFailed: 2,
      callbackFailures: { 'HTTP 503': 2 },
      callbacksPosted: 1,
      callbacksLost: 1,
    });
  });

  it('counts a callback answered after its timeout as a failed attempt, by reason', async () => {
    sim.setKnobs({ callbackTimeoutMs: 100 });
    hooks.replyAfterMs = 400;
    await send('+15552220010');
    await sim.flushCallbacks();
    expect(sim.state().counters).toMatchObject({
      callbacksFailed: 4,
      callbackFailures: { timeout: 4 },
      callbacksLost: 2,
      callbacksPosted: 0,
    });
  });

  it('counts an unreachable callback URL as lost', async () => {
    await send('+15552220009', 'http://127.0.0.1:9/nowhere');
    await sim.flushCallbacks();
    expect(sim.state().counters).toMatchObject({
      callbacksFailed: 4,
      callbackFailures: { ECONNREFUSED: 4 },
      callbacksLost: 2,
      callbacksPosted: 0,
    });
  });
});
