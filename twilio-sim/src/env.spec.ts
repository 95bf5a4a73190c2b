import { describe, expect, it } from 'vitest';
import { DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN } from './accounts';
import { optionsFromEnv } from './env';

describe('optionsFromEnv', () => {
  it('defaults to port 4010 on loopback with the deterministic test account', () => {
    expect(optionsFromEnv({})).toMatchObject({
      port: 4010,
      host: '127.0.0.1',
      accounts: { [DEFAULT_ACCOUNT_SID]: DEFAULT_AUTH_TOKEN },
      knobs: {},
    });
  });

  it('reads the account, inbound URL and knob variables', () => {
    const opts = optionsFromEnv({
      SIM_PORT: '0',
      SIM_ACCOUNT_SID: 'AC11111111111111111111111111111111',
      SIM_AUTH_TOKEN: 'tok',
      SIM_INBOUND_URL: 'http://127.0.0.1:3000/in',
      SIM_RATE_429: '0.1',
      SIM_LATENCY_MS: '25',
      SIM_REORDER_CALLBACKS: 'true',
      SIM_OUTCOMES: '{"+15550001111":"failed:30008"}',
    });
    expect(opts).toMatchObject({
      port: 0,
      accounts: { AC11111111111111111111111111111111: 'tok' },
      inboundUrl: 'http://127.0.0.1:3000/in',
      knobs: { rate429: 0.1, latencyMs: 25, reorderCallbacks: true, outcomes: { '+15550001111': 'failed:30008' } },
    });
  });

  it('gives the account the numbers and Messaging Services listed', () => {
    const opts = optionsFromEnv({ SIM_PHONE_NUMBERS: '+15005550006, +14155550100', SIM_MESSAGING_SERVICES: 'MG1' });
    expect(opts.senders).toEqual({
      [DEFAULT_ACCOUNT_SID]: { phoneNumbers: ['+15005550006', '+14155550100'], messagingServices: ['MG1'] },
    });
  });

  it('names the variable when a number is malformed', () => {
    expect(() => optionsFromEnv({ SIM_RATE_5XX: 'lots' })).toThrow(/SIM_RATE_5XX/);
  });
});
