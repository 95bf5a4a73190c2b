import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ProviderError } from '../interfaces/sms-provider.interface';
import { formEncode } from './twilio-http-client';
import { TwilioProvider } from './twilio.provider';

const TLS_DIR = path.resolve(__dirname, '../../../../test/support/tls');
const TLS = { key: readFileSync(path.join(TLS_DIR, 'key.pem')), cert: readFileSync(path.join(TLS_DIR, 'cert.pem')) };
const CREDENTIALS = { accountSid: `AC${'1'.repeat(32)}`, authToken: 'token-1' };
const SEND = { to: '+14155550100', from: '+14155550199', body: 'Hi there & welcome', statusCallback: 'http://cb/x' };

interface Seen {
  method: string;
  url: string;
  authorization?: string;
  body: string;
}

type Answer = (seen: Seen, res: http.ServerResponse) => void;
const servers: (http.Server | https.Server)[] = [];

async function serve(answer: Answer, secure = false): Promise<{ url: string; seen: Seen[]; maxOpen: () => number }> {
  const seen: Seen[] = [];
  let open = 0;
  let maxOpen = 0;
  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    open++;
    maxOpen = Math.max(maxOpen, open);
    res.on('close', () => open--);
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const s = { method: req.method!, url: req.url!, authorization: req.headers.authorization, body };
      seen.push(s);
      answer(s, res);
    });
  };
  const server = secure ? https.createServer(TLS, handler) : http.createServer(handler);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return { url: `${secure ? 'https' : 'http'}://127.0.0.1:${port}`, seen, maxOpen: () => maxOpen };
}

function created(res: http.ServerResponse, seen: Seen) {
  const form = new URLSearchParams(seen.body);
  res.writeHead(201, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      sid: `SM${'a'.repeat(32)}`,
      status: 'queued',
      to: form.get('To'),
      from: form.get('From'),
      body: form.get('Body'),
      num_segments: '1',
    }),
  );
}

afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

describe('TwilioHttpClient (the SDK transport)', () => {
  it('sends a create as Twilio expects: form body, basic auth, the account path', async () => {
    const sim = await serve((s, res) => created(res, s));
    const message = await new TwilioProvider({ baseUrl: sim.url, timeoutMs: 2_000 }).send(CREDENTIALS, SEND);
    expect(message).toMatchObject({ sid: `SM${'a'.repeat(32)}`, status: 'queued', to: SEND.to, numSegments: 1 });
    const [req] = sim.seen;
    expect(req!.method).toBe('POST');
    expect(req!.url).toBe(`/2010-04-01/Accounts/${CREDENTIALS.accountSid}/Messages.json`);
    const basic = Buffer.from(`${CREDENTIALS.accountSid}:${CREDENTIALS.authToken}`).toString('base64');
    expect(req!.authorization).toBe(`Basic ${basic}`);
    expect(Object.fromEntries(new URLSearchParams(req!.body))).toEqual({
      To: SEND.to,
      From: SEND.from,
      Body: SEND.body,
      StatusCallback: SEND.statusCallback,
    });
  });

  it('keeps 60 creates in flight at once over TLS (the SDK default allowed 20 sockets per host)', async () => {
    // Nothing is answered until all 60 arrived (or 3 s passed): only sockets open at once can get there.
    const waiting: (() => void)[] = [];
    const release = () => waiting.splice(0).forEach((answer) => answer());
    const fallback = setTimeout(release, 3_000);
    const sim = await serve((s, res) => {
      waiting.push(() => created(res, s));
      if (waiting.length === 60) release();
    }, true);
    const provider = new TwilioProvider({ baseUrl: sim.url, timeoutMs: 5_000 });
    process.env.TWILIO_CA_BUNDLE = path.join(TLS_DIR, 'cert.pem');
    try {
      await Promise.all(Array.from({ length: 60 }, () => provider.send(CREDENTIALS, SEND)));
    } finally {
      delete process.env.TWILIO_CA_BUNDLE;
      clearTimeout(fallback);
    }
    expect(sim.seen).toHaveLength(60);
    expect(sim.maxOpen()).toBe(60);
  });

  it('goes through HTTP_PROXY with a CONNECT tunnel, as the SDK did', async () => {
    const sim = await serve((s, res) => created(res, s), true);
    const tunnels: string[] = [];
    const proxy = http.createServer();
    servers.push(proxy);
    proxy.on('connect', (req: http.IncomingMessage, client: net.Socket) => {
      tunnels.push(req.url!);
      const [host, port] = req.url!.split(':');
      const upstream = net.connect(Number(port), host, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(client).pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    process.env.HTTP_PROXY = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    process.env.TWILIO_CA_BUNDLE = path.join(TLS_DIR, 'cert.pem');
    try {
      const message = await new TwilioProvider({ baseUrl: sim.url }).send(CREDENTIALS, SEND);
      expect(message.status).toBe('queued');
    } finally {
      delete process.env.HTTP_PROXY;
      delete process.env.TWILIO_CA_BUNDLE;
    }
    expect(tunnels).toEqual([new URL(sim.url).host]);
    expect(sim.seen).toHaveLength(1);
  });

  it("turns Twilio's error answer into a ProviderError with its status and code", async () => {
    const sim = await serve((_s, res) => {
      res.writeHead(429, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 20429, message: 'Too Many Requests', status: 429 }));
    });
    const error = await new TwilioProvider({ baseUrl: sim.url }).send(CREDENTIALS, SEND).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ status: 429, code: 20429, networkError: false });
  });

  it('gives up on a silent server after the timeout, as "no answer" (no status)', async () => {
    const sim = await serve(() => undefined);
    const started = Date.now();
    const error = await new TwilioProvider({ baseUrl: sim.url, timeoutMs: 300 })
      .send(CREDENTIALS, SEND)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ status: undefined, networkError: true });
    expect((error as Error).message).toMatch(/No answer from Twilio: timeout of 300 ms/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('puts list filters in the query string', async () => {
    const sim = await serve((_s, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ messages: [], next_page_uri: null, page: 0, page_size: 20 }));
    });
    await new TwilioProvider({ baseUrl: sim.url }).listSince(CREDENTIALS, { to: '+14155550100', since: new Date(0) });
    const query = new URL(sim.seen[0]!.url, 'http://x').searchParams;
    expect(sim.seen[0]!.method).toBe('GET');
    expect(query.get('To')).toBe('+14155550100');
    expect(query.get('PageSize')).toBe('100');
  });
});

describe('formEncode', () => {
  it('repeats a key for each item of an array and leaves out missing values', () => {
    expect(formEncode({ To: ['+1', '+2'], Body: 'a b&c', Skip: undefined, None: null })).toBe(
      'To=%2B1&To=%2B2&Body=a+b%26c',
    );
  });
});
