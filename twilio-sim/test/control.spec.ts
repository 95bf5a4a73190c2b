import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../src';
import { sdkFor, startWebhookServer } from './helpers';

describe('control endpoints', () => {
  let sim: Simulator;

  beforeAll(async () => {
    sim = await startSimulator({ knobs: { callbackDelayMs: 5 } });
  });
  afterAll(() => sim.close());

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each control route answers its own JSON shape
  const control = async (method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> => {
    const res = await fetch(`${sim.url}/__sim/${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
    return { status: res.status, json: (await res.json()) as any };
  };

  it('reports health', async () => {
    expect(await control('GET', 'health')).toMatchObject({ status: 200, json: { ok: true } });
  });

  it('sets knobs over HTTP and rejects unknown ones', async () => {
    expect((await control('POST', 'knobs', { rate429: 1 })).json.rate429).toBe(1);
    await expect(
      sdkFor(sim).messages.create({ to: '+15557770001', from: '+15550000000', body: 'x' }),
    ).rejects.toMatchObject({ status: 429 });
    expect(await control('POST', 'knobs', { bogus: true })).toMatchObject({ status: 400 });
  });

  it('reports counters and messages in state, and reset forgets them and restores the knobs', async () => {
    await control('POST', 'reset');
    const hooks = await startWebhookServer();
    try {
      const msg = await sdkFor(sim).messages.create({
        to: '+15557770002',
        from: '+15550000000',
        body: 'count me',
        statusCallback: hooks.url,
      });
      await control('POST', 'flush');
      const { json: state } = await control('GET', 'state');
      expect(state.counters).toMatchObject({ createRequests: 1, created: 1, callbacksPosted: 2 });
      expect(state.messages).toEqual([
        expect.objectContaining({ sid: msg.sid, to: '+15557770002', status: 'delivered', statusCallback: hooks.url }),
      ]);

      sim.setKnobs({ rate5xx: 1 });
      expect(await control('POST', 'reset')).toMatchObject({ status: 200 });
      const after = sim.state();
      expect(after.messages).toEqual([]);
      expect(after.counters.created).toBe(0);
      expect(after.knobs.rate5xx).toBe(0);
      await expect(sdkFor(sim).messages(msg.sid).fetch()).rejects.toMatchObject({ code: 20404 });
    } finally {
      await hooks.close();
    }
  });

  it('cancels pending callbacks on reset', async () => {
    const hooks = await startWebhookServer();
    try {
      sim.setKnobs({ callbackDelayMs: 200 });
      await sdkFor(sim).messages.create({
        to: '+15557770003',
        from: '+15550000000',
        body: 'x',
        statusCallback: hooks.url,
      });
      sim.reset();
      await sim.flushCallbacks();
      expect(hooks.received).toHaveLength(0);
    } finally {
      await hooks.close();
    }
  });
});
