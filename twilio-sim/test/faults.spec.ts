import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../src';
import { sdkFor, waitFor } from './helpers';

describe('fault knobs', () => {
  let sim: Simulator;

  beforeAll(async () => {
    sim = await startSimulator({ knobs: { callbackDelayMs: 10 }, seed: 42 });
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.reset());

  const create = (client = sdkFor(sim), to = '+15553330001') =>
    client.messages.create({ to, from: '+15550000000', body: 'fault test' });

  it('answers 429 / 20429 and creates nothing', async () => {
    sim.setKnobs({ rate429: 1 });
    await expect(create()).rejects.toMatchObject({ status: 429, code: 20429 });
    expect(sim.state().counters).toMatchObject({ createRequests: 1, created: 0, rate429: 1 });
    expect(sim.state().messages).toHaveLength(0);
  });

  it('answers 500 / 20500 and creates nothing', async () => {
    sim.setKnobs({ rate5xx: 1 });
    await expect(create()).rejects.toMatchObject({ status: 500, code: 20500 });
    expect(sim.state().counters).toMatchObject({ created: 0, rate5xx: 1 });
  });

  it('creates the message but holds the response until the client times out', async () => {
    sim.setKnobs({ timeoutRate: 1, timeoutMs: 5_000 });
    // No wall-clock bound: had the response not been held, the create would have resolved, not timed out.
    const err = await create(sdkFor(sim, { timeout: 200 })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(String((err as Error).message)).toMatch(/timeout/i);
    expect(sim.state().counters).toMatchObject({ created: 1, timeouts: 1 });
    // The message exists at Twilio and goes on to be delivered: the caller must reconcile.
    const [message] = sim.state().messages;
    await waitFor(async () => (await sdkFor(sim).messages(message.sid).fetch()).status === 'delivered');
  });

  it('destroys the socket before creating when dropping', async () => {
    sim.setKnobs({ dropBeforeCreateRate: 1 });
    await expect(create()).rejects.toBeInstanceOf(Error);
    expect(sim.state().counters).toMatchObject({ created: 0, dropsBeforeCreate: 1 });
  });

  it('delays responses by latencyMs', async () => {
    sim.setKnobs({ latencyMs: 150 });
    const started = Date.now();
    await create();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('makes the same fault decisions for the same seed', async () => {
    const run = async (): Promise<number[]> => {
      sim.reset();
      sim.setKnobs({ rate429: 0.5 });
      const codes: number[] = [];
      for (let i = 0; i < 12; i++) {
        codes.push(
          await create().then(
            () => 201,
            (e: { status: number }) => e.status,
          ),
        );
      }
      return codes;
    };
    const first = await run();
    expect(first).toContain(429);
    expect(first).toContain(201);
    expect(await run()).toEqual(first);
  });
});
