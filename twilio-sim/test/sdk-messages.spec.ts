import twilio from 'twilio';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../src';
import { sdkFor } from './helpers';

const SECOND_ACCOUNT = 'AC22222222222222222222222222222222';

describe('Messages API through the real twilio SDK', () => {
  let sim: Simulator;
  let accountSid: string;
  let authToken: string;

  beforeAll(async () => {
    sim = await startSimulator({
      accounts: { AC11111111111111111111111111111111: 'token-one', [SECOND_ACCOUNT]: 'token-two' },
      knobs: { callbackDelayMs: 10 },
    });
    [accountSid, authToken] = Object.entries(sim.accounts)[0];
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.reset());

  const rest = (path: string, init: RequestInit & { auth?: string } = {}): Promise<Response> =>
    fetch(`${sim.url}/2010-04-01/Accounts/${accountSid}${path}`, {
      ...init,
      headers: {
        Authorization: `Basic ${Buffer.from(init.auth ?? `${accountSid}:${authToken}`).toString('base64')}`,
        ...(init.headers as Record<string, string> | undefined),
      },
    });

  it('creates, fetches and lists a message with Twilio JSON fields', async () => {
    const client = sdkFor(sim);
    const created = await client.messages.create({ to: '+15551230001', from: '+15550000000', body: 'Hello there' });
    expect(created.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(created).toMatchObject({
      accountSid,
      apiVersion: '2010-04-01',
      status: 'queued',
      direction: 'outbound-api',
      numSegments: '1',
      numMedia: '0',
      priceUnit: 'USD',
      errorCode: null,
      dateSent: null,
      uri: `/2010-04-01/Accounts/${accountSid}/Messages/${created.sid}.json`,
    });
    expect(created.dateCreated).toBeInstanceOf(Date);

    const fetched = await client.messages(created.sid).fetch();
    expect(fetched.body).toBe('Hello there');
    expect(fetched.to).toBe('+15551230001');

    const listed = await client.messages.list({ to: '+15551230001', limit: 10 });
    expect(listed.map((m) => m.sid)).toEqual([created.sid]);
  });

  it('answers raw create requests with snake_case fields and RFC 2822 dates', async () => {
    const res = await rest('/Messages.json', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ To: '+15551230002', From: '+15550000000', Body: 'hi' }).toString(),
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.date_created).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
    expect(body).toMatchObject({ num_segments: '1', price: null, status: 'queued', messaging_service_sid: null });
    expect(Object.keys(body).sort()).toEqual(
      [
        'account_sid',
        'api_version',
        'body',
        'date_created',
        'date_sent',
        'date_updated',
        'direction',
        'error_code',
        'error_message',
        'from',
        'messaging_service_sid',
        'num_media',
        'num_segments',
        'price',
        'price_unit',
        'sid',
        'status',
        'subresource_uris',
        'to',
        'uri',
      ].sort(),
    );
  });

  it('marks a Messaging Service send without From as accepted with 0 segments', async () => {
    const msg = await sdkFor(sim).messages.create({
      to: '+15551230003',
      messagingServiceSid: 'MG00000000000000000000000000000001',
      body: 'via service',
    });
    expect(msg.status).toBe('accepted');
    expect(msg.from).toBeNull();
    expect(msg.numSegments).toBe('0');
  });

  it('rejects a wrong auth token with 401 / 20003', async () => {
    const client = sdkFor(sim, { authToken: 'wrong' });
    await expect(client.messages.create({ to: '+15551230004', from: '+15550000000', body: 'x' })).rejects.toMatchObject(
      {
        status: 401,
        code: 20003,
      },
    );
    expect(sim.state().counters.created).toBe(0);
  });

  it("rejects another account's path with 403 / 20003", async () => {
    const res = await fetch(`${sim.url}/2010-04-01/Accounts/${SECOND_ACCOUNT}/Messages.json`, {
      headers: { Authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}` },
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      code: 20003,
      message: 'Permission Denied',
      more_info: 'https://www.twilio.com/docs/errors/20003',
      status: 403,
    });
  });

  it.each([
    ['+15005550001', 21211],
    ['+15005550002', 21612],
    ['+15005550003', 21408],
    ['+15005550004', 21610],
    ['+15005550009', 21614],
    ['5551230000', 21211],
  ])('rejects To %s with Twilio error %i', async (to, code) => {
    const client = sdkFor(sim);
    const err: unknown = await client.messages.create({ to, from: '+15550000000', body: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(twilio.RestException);
    expect(err).toMatchObject({ status: 400, code, moreInfo: `https://www.twilio.com/docs/errors/${code}` });
    expect(sim.state().counters).toMatchObject({ created: 0, rejected: { byCode: { [String(code)]: 1 } } });
  });

  it('requires From or MessagingServiceSid (21603), a body (21602) and at most 1600 characters (21617)', async () => {
    const client = sdkFor(sim);
    await expect(client.messages.create({ to: '+15551230005', body: 'x' })).rejects.toMatchObject({ code: 21603 });
    await expect(client.messages.create({ to: '+15551230005', from: '+15550000000' })).rejects.toMatchObject({
      code: 21602,
    });
    await expect(
      client.messages.create({ to: '+15551230005', from: '+15550000000', body: 'a'.repeat(1601) }),
    ).rejects.toMatchObject({ code: 21617 });
    const ok = await client.messages.create({ to: '+15551230005', from: '+15550000000', body: 'a'.repeat(1600) });
    expect(ok.numSegments).toBe('11');
  });

  it('refuses a JSON body with 415', async () => {
    const res = await rest('/Messages.json', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ To: '+15551230006', From: '+15550000000', Body: 'x' }),
    });
    expect(res.status).toBe(415);
    expect(sim.state().counters.created).toBe(0);
  });

  it('answers 20404 for an unknown message and deletes with 204', async () => {
    const client = sdkFor(sim);
    await expect(client.messages('SM00000000000000000000000000000000').fetch()).rejects.toMatchObject({
      status: 404,
      code: 20404,
    });
    const msg = await client.messages.create({ to: '+15551230007', from: '+15550000000', body: 'bye' });
    expect(await client.messages(msg.sid).remove()).toBe(true);
    await expect(client.messages(msg.sid).fetch()).rejects.toMatchObject({ code: 20404 });
  });

  it('redacts a body with Body=""', async () => {
    const client = sdkFor(sim);
    const msg = await client.messages.create({ to: '+15551230008', from: '+15550000000', body: 'secret' });
    const updated = await client.messages(msg.sid).update({ body: '' });
    expect(updated.body).toBe('');
    expect((await client.messages(msg.sid).fetch()).body).toBe('');
  });
});
