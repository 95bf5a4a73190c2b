import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../src';
import { sdkFor } from './helpers';

const OTHER_SID = 'AC' + 'b'.repeat(32);
const OTHER_TOKEN = 'otherToken0123456789';
const SERVICE = 'MG' + 'c'.repeat(32);

describe('sender ownership lookups', () => {
  let sim: Simulator;

  beforeAll(async () => {
    sim = await startSimulator({
      accounts: { ['AC' + 'a'.repeat(32)]: 'tokenA0123456789', [OTHER_SID]: OTHER_TOKEN },
      senders: { ['AC' + 'a'.repeat(32)]: { phoneNumbers: ['+14155550100'], messagingServices: [SERVICE] } },
    });
  });
  afterAll(() => sim.close());

  it("lists an account's own numbers through the SDK, filtered by PhoneNumber", async () => {
    const mine = await sdkFor(sim).incomingPhoneNumbers.list({ phoneNumber: '+14155550100', limit: 5 });
    expect(mine.map((n) => n.phoneNumber)).toEqual(['+14155550100']);
    const other = sdkFor(sim, { accountSid: OTHER_SID, authToken: OTHER_TOKEN });
    expect(await other.incomingPhoneNumbers.list({ phoneNumber: '+14155550100', limit: 5 })).toEqual([]);
  });

  it("fetches a Messaging Service only for the account that owns it, 404 for another's", async () => {
    expect((await sdkFor(sim).messaging.v1.services(SERVICE).fetch()).sid).toBe(SERVICE);
    const other = sdkFor(sim, { accountSid: OTHER_SID, authToken: OTHER_TOKEN });
    await expect(other.messaging.v1.services(SERVICE).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
  });

  it('adds senders at run time and keeps them across reset()', async () => {
    sim.addSenders(OTHER_SID, { phoneNumbers: ['+14155550199'] });
    sim.reset();
    const other = sdkFor(sim, { accountSid: OTHER_SID, authToken: OTHER_TOKEN });
    expect((await other.incomingPhoneNumbers.list({ phoneNumber: '+14155550199' })).length).toBe(1);
  });

  it('refuses a lookup with the wrong auth token', async () => {
    const wrong = sdkFor(sim, { accountSid: OTHER_SID, authToken: 'nope' });
    await expect(wrong.incomingPhoneNumbers.list({ limit: 1 })).rejects.toMatchObject({ status: 401 });
  });
});
