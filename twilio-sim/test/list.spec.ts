import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../src';
import { sdkFor, waitFor } from './helpers';

const TO = '+15554440001';

describe('listing messages', () => {
  let sim: Simulator;

  beforeAll(async () => {
    sim = await startSimulator({ knobs: { callbackDelayMs: 5 } });
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.reset());

  async function sendMany(count: number, to = TO, from = '+15550000000'): Promise<string[]> {
    const client = sdkFor(sim);
    const sids: string[] = [];
    for (let i = 0; i < count; i++) sids.push((await client.messages.create({ to, from, body: `m${i}` })).sid);
    return sids;
  }

  it('filters by To and From, newest first', async () => {
    const mine = await sendMany(3);
    await sendMany(2, '+15554440002');
    const otherSender = await sendMany(1, TO, '+15550000099');
    const client = sdkFor(sim);
    expect((await client.messages.list({ to: TO })).map((m) => m.sid)).toEqual([...otherSender, ...mine.reverse()]);
    expect((await client.messages.list({ to: TO, from: '+15550000099' })).map((m) => m.sid)).toEqual(otherSender);
    expect(await client.messages.list({ to: '+15554449999' })).toEqual([]);
  });

  it('matches DateSent filters on date_sent only, so queued messages are left out', async () => {
    const [sent] = await sendMany(1);
    await waitFor(() => sim.state().messages.every((m) => m.status === 'delivered'));
    sim.setKnobs({ callbackDelayMs: 60_000 });
    await sendMany(1);
    const client = sdkFor(sim);
    const minuteAgo = new Date(Date.now() - 60_000);
    const after = await client.messages.list({ to: TO, dateSentAfter: minuteAgo });
    expect(after.map((m) => m.sid)).toEqual([sent]);
    expect(await client.messages.list({ to: TO, dateSentAfter: new Date(Date.now() + 60_000) })).toEqual([]);
    expect(await client.messages.list({ to: TO, dateSentBefore: minuteAgo })).toEqual([]);
    const { dateSent } = await client.messages(sent).fetch();
    expect((await client.messages.list({ to: TO, dateSent })).map((m) => m.sid)).toEqual([sent]);
  });

  it('pages through the SDK with pageSize and stops at limit', async () => {
    const sids = (await sendMany(7)).reverse();
    const client = sdkFor(sim);
    expect((await client.messages.list({ to: TO, pageSize: 3 })).map((m) => m.sid)).toEqual(sids);
    expect((await client.messages.list({ to: TO, pageSize: 2, limit: 5 })).map((m) => m.sid)).toEqual(sids.slice(0, 5));
  });

  it('gives Twilio-style relative page URIs the SDK can follow both ways', async () => {
    const sids = (await sendMany(5)).reverse();
    const client = sdkFor(sim);
    const first = await client.messages.page({ to: TO, pageSize: 2 });
    expect(first.instances.map((m) => m.sid)).toEqual(sids.slice(0, 2));
    expect(first.previousPageUrl).toBeUndefined();
    expect(first.nextPageUrl).toBe(
      `https://api.twilio.com/2010-04-01/Accounts/${first.instances[0].accountSid}/Messages.json` +
        `?To=%2B15554440001&PageSize=2&Page=1&PageToken=PA${sids[1]}`,
    );
    const second = await first.nextPage();
    expect(second?.instances.map((m) => m.sid)).toEqual(sids.slice(2, 4));
    const back = await second?.previousPage();
    expect(back?.instances.map((m) => m.sid)).toEqual(sids.slice(0, 2));
    const third = await second?.nextPage();
    expect(third?.instances.map((m) => m.sid)).toEqual(sids.slice(4));
    expect(third?.nextPageUrl).toBeUndefined();
  });

  it('rejects PageSize over 1000', async () => {
    await expect(sdkFor(sim).messages.page({ pageSize: 1001 })).rejects.toMatchObject({ status: 400 });
  });
});
