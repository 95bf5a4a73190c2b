import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import twilio from 'twilio';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TwilioHttpClient } from 'src/shared/sms/provider/twilio-http-client';
import { TwilioProvider } from 'src/shared/sms/provider/twilio.provider';

/**
 * Contract: every request TwilioProvider sends through the real `twilio` SDK is checked twice: Prism, serving
 * Twilio's own OpenAPI description, validates its shape (required fields, formats, patterns); and, since Prism
 * ignores unknown parameter names, each body and query name is compared with the names the operation declares.
 */
const SPEC_PATH = path.resolve(__dirname, '../../../../shared/twilio/twilio_api_v2010.json');
const PRISM_BIN = path.resolve(__dirname, '../../../node_modules/.bin/prism');
const HAVE_SPEC = existsSync(SPEC_PATH);
if (!HAVE_SPEC)
  console.warn(`Twilio contract test skipped: ${SPEC_PATH} is absent (the shared/ folder beside the repo)`);

const ACCOUNT_SID = 'AC' + '0123456789abcdef'.repeat(2);
const CREDENTIALS = { accountSid: ACCOUNT_SID, authToken: 'contractAuthToken0123456789' };
const MESSAGE_SID = 'SM' + 'fedcba9876543210'.repeat(2);
const SERVICE_SID = 'MG' + '0123456789abcdef'.repeat(2);
const STATUS_CALLBACK = 'https://sms.example.com/api/sms/webhooks/twilio/status';

interface Recorded {
  method: string;
  path: string;
  query: [string, string][];
  body: [string, string][];
  contentType: string | undefined;
  status: number;
  response: string;
}

interface OpenApiParameter {
  name: string;
  in: string;
}
interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> };
}
type OpenApiSpec = { paths: Record<string, Record<string, unknown> & { parameters?: OpenApiParameter[] }> };

/** The operation serving `method path`, by matching the spec's path templates. */
function operationOf(
  spec: OpenApiSpec,
  method: string,
  urlPath: string,
): { template: string; op: OpenApiOperation; pathParams: OpenApiParameter[] } | undefined {
  for (const [template, item] of Object.entries(spec.paths)) {
    const pattern = new RegExp(
      '^' + template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+') + '$',
    );
    const op = item[method.toLowerCase()] as OpenApiOperation | undefined;
    if (op && pattern.test(urlPath)) return { template, op, pathParams: item.parameters ?? [] };
  }
  return undefined;
}

/** Every body or query parameter name the spec's operation does not declare ("query:X" / "body:X"). */
function undeclaredNames(spec: OpenApiSpec, r: Pick<Recorded, 'method' | 'path' | 'query' | 'body'>): string[] {
  const found = operationOf(spec, r.method, r.path);
  if (!found) return [`operation:${r.method} ${r.path}`];
  const params = [...found.pathParams, ...(found.op.parameters ?? [])];
  const queryNames = new Set(params.filter((p) => p.in === 'query').map((p) => p.name));
  const form = found.op.requestBody?.content['application/x-www-form-urlencoded'];
  const bodyNames = new Set(Object.keys(form?.schema.properties ?? {}));
  return [
    ...r.query.filter(([k]) => !queryNames.has(k)).map(([k]) => `query:${k}`),
    ...r.body.filter(([k]) => !bodyNames.has(k)).map(([k]) => `body:${k}`),
  ];
}

/** Forwards to Prism and keeps a copy of each request and of Prism's answer. */
async function startRecordingProxy(target: string, log: Recorded[]): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://proxy');
      const contentType = req.headers['content-type'];
      const upstream = http.request(
        `${target}${req.url}`,
        { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
        (up) => {
          const answer: Buffer[] = [];
          up.on('data', (c: Buffer) => answer.push(c));
          up.on('end', () => {
            const response = Buffer.concat(answer).toString('utf8');
            log.push({
              method: req.method ?? '',
              path: decodeURIComponent(url.pathname),
              query: [...url.searchParams.entries()],
              body: contentType?.startsWith('application/x-www-form-urlencoded')
                ? [...new URLSearchParams(raw.toString('utf8')).entries()]
                : [],
              contentType,
              status: up.statusCode ?? 0,
              response,
            });
            res.writeHead(up.statusCode ?? 502, up.headers);
            res.end(response);
          });
        },
      );
      upstream.on('error', (e) => {
        res.writeHead(502);
        res.end(String(e));
      });
      upstream.end(raw);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** Starts Prism on a free port (it logs the port it got); a slow machine gets a minute. */
async function startPrism(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(PRISM_BIN, ['mock', '-h', '127.0.0.1', '-p', '0', SPEC_PATH], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const onData = (chunk: Buffer) => {
    output += chunk.toString('utf8');
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Prism did not start in 60 s:\n${output.slice(-2000)}`)), 60_000);
      const check = () => {
        const m = /Prism is listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output.replace(/\x1b\[[0-9;]*m/g, ''));
        if (!m) return;
        clearTimeout(timer);
        resolve(m[1]!);
      };
      child.stdout!.on('data', check);
      child.stderr!.on('data', check);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`Prism exited with ${code}:\n${output.slice(-2000)}`));
      });
    });
    // Keep draining its log (so the pipe never fills and blocks it) without keeping it.
    child.stdout!.removeAllListeners('data').resume();
    child.stderr!.removeAllListeners('data').resume();
    return { child, url };
  } catch (e) {
    child.kill('SIGTERM');
    throw e;
  }
}

describe.skipIf(!HAVE_SPEC)('Twilio contract (Prism serving twilio_api_v2010.json)', () => {
  let spec: OpenApiSpec;
  let prism: ChildProcess | undefined;
  let proxy: http.Server | undefined;
  let proxyUrl: string;
  const log: Recorded[] = [];
  let provider: TwilioProvider;

  beforeAll(async () => {
    spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as OpenApiSpec;
    const started = await startPrism();
    prism = started.child;
    proxy = await startRecordingProxy(started.url, log);
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    provider = new TwilioProvider({ baseUrl: proxyUrl, timeoutMs: 5_000 });
  }, 90_000);

  afterAll(async () => {
    if (proxy) {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy!.close(resolve));
    }
    if (prism && prism.exitCode === null) {
      const exited = new Promise((resolve) => prism!.once('exit', resolve));
      prism.kill('SIGTERM');
      await exited;
    }
  });

  beforeEach(() => {
    log.length = 0;
  });

  /** Every recorded request was accepted by Prism and uses only declared parameter names. */
  function expectConforming(): void {
    expect(log.length).toBeGreaterThan(0);
    for (const r of log) {
      const where = `${r.method} ${r.path}`;
      expect(r.status, `${where} → ${r.status}: ${r.response.slice(0, 500)}`).toBeGreaterThanOrEqual(200);
      expect(r.status, `${where} → ${r.status}: ${r.response.slice(0, 500)}`).toBeLessThan(300);
      expect(undeclaredNames(spec, r), where).toEqual([]);
      if (r.method === 'POST') expect(r.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    }
  }

  const bodyOf = (r: Recorded) => Object.fromEntries(r.body);
  const queryOf = (r: Recorded) => Object.fromEntries(r.query);
  const messagesPath = `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`;

  it('creates a message with From, To, Body and StatusCallback', async () => {
    const sent = await provider.send(CREDENTIALS, {
      to: '+14155550142',
      from: '+15005550006',
      body: 'Your inspection is at 9am.',
      statusCallback: STATUS_CALLBACK,
    });
    expect(sent.sid).toMatch(/^SM/);
    expectConforming();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ method: 'POST', path: messagesPath });
    expect(bodyOf(log[0]!)).toEqual({
      To: '+14155550142',
      From: '+15005550006',
      Body: 'Your inspection is at 9am.',
      StatusCallback: STATUS_CALLBACK,
    });
  });

  it('creates a message with MessagingServiceSid instead of From', async () => {
    await provider.send(CREDENTIALS, {
      to: '+14155550142',
      from: '+15005550006',
      messagingServiceSid: SERVICE_SID,
      body: 'Via a service',
      statusCallback: STATUS_CALLBACK,
    });
    expectConforming();
    expect(log).toHaveLength(1);
    expect(bodyOf(log[0]!)).toEqual({
      To: '+14155550142',
      MessagingServiceSid: SERVICE_SID,
      Body: 'Via a service',
      StatusCallback: STATUS_CALLBACK,
    });
  });

  it('fetches a message by sid', async () => {
    const fetched = await provider.fetch(CREDENTIALS, MESSAGE_SID);
    expect(fetched.sid).toMatch(/^SM/);
    expectConforming();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      method: 'GET',
      path: `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${MESSAGE_SID}.json`,
      query: [],
    });
  });

  it('lists messages to a number with a bounded page size (recovery after a lost answer)', async () => {
    // Prism's example always offers a next page: the provider's limit is what stops the paging.
    const listed = await provider.listSince(CREDENTIALS, {
      to: '+14155550142',
      since: new Date('2000-01-01T00:00:00Z'),
    });
    expectConforming();
    expect(listed.length).toBeLessThanOrEqual(100);
    expect(log.length).toBeLessThanOrEqual(100);
    const first = queryOf(log[0]!);
    expect(log[0]).toMatchObject({ method: 'GET', path: messagesPath });
    expect(first.To).toBe('+14155550142');
    expect(Number(first.PageSize)).toBeGreaterThanOrEqual(1);
    expect(Number(first.PageSize)).toBeLessThanOrEqual(1000);
  });

  it('lists with To and From when the sender is known', async () => {
    await provider.listSince(CREDENTIALS, {
      to: '+14155550142',
      from: '+15005550006',
      since: new Date('2000-01-01T00:00:00Z'),
    });
    expectConforming();
    expect(queryOf(log[0]!)).toMatchObject({ To: '+14155550142', From: '+15005550006' });
  });

  it('verifies credentials with one small authenticated list call', async () => {
    await provider.verify(CREDENTIALS);
    expectConforming();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ method: 'GET', path: messagesPath });
    expect(queryOf(log[0]!)).toEqual({ PageSize: '1' });
  });

  it('asks who owns a number with the IncomingPhoneNumbers list the spec declares (sender ownership on save)', async () => {
    await provider.owns(CREDENTIALS, { phoneNumber: '+14155550100' });
    expectConforming();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      method: 'GET',
      path: `/2010-04-01/Accounts/${ACCOUNT_SID}/IncomingPhoneNumbers.json`,
    });
    expect(queryOf(log[0]!)).toMatchObject({ PhoneNumber: '+14155550100' });
  });

  it('cancels a scheduled message with Status=canceled (the update the engine uses)', async () => {
    const client = twilio(CREDENTIALS.accountSid, CREDENTIALS.authToken, {
      httpClient: new TwilioHttpClient({ baseUrl: proxyUrl, timeoutMs: 5_000 }) as unknown as twilio.RequestClient,
    });
    await client.messages(MESSAGE_SID).update({ status: 'canceled' });
    expectConforming();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      method: 'POST',
      path: `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${MESSAGE_SID}.json`,
    });
    expect(bodyOf(log[0]!)).toEqual({ Status: 'canceled' });
  });

  describe('negative controls (the checks can fail)', () => {
    const auth = 'Basic ' + Buffer.from(`${CREDENTIALS.accountSid}:${CREDENTIALS.authToken}`).toString('base64');
    const post = (form: Record<string, string>, urlPath = messagesPath) =>
      fetch(proxyUrl + urlPath, {
        method: 'POST',
        headers: { Authorization: auth, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
      });

    it('flags a misspelled parameter that Prism lets through', async () => {
      const res = await post({ To: '+14155550142', From: '+15005550006', Body: 'hi', StatusCallBack: STATUS_CALLBACK });
      expect(res.status).toBe(201); // Prism drops unknown names: only the name check catches this
      expect(undeclaredNames(spec, log[0]!)).toEqual(['body:StatusCallBack']);
      expect(undeclaredNames(spec, { method: 'GET', path: messagesPath, query: [['to', '+1415']], body: [] })).toEqual([
        'query:to',
      ]);
      expect(
        undeclaredNames(spec, {
          method: 'GET',
          path: `/2010-04-01/Accounts/${ACCOUNT_SID}/Mesages.json`,
          query: [],
          body: [],
        }),
      ).toHaveLength(1);
    });

    it('gets 422 from Prism for a create without To', async () => {
      const res = await post({ From: '+15005550006', Body: 'hi', StatusCallback: STATUS_CALLBACK });
      expect(res.status).toBe(422);
      expect(await res.text()).toMatch(/To/);
    });

    it('gets 422 from Prism for a misspelled status (cancelled)', async () => {
      const res = await post(
        { Status: 'cancelled' },
        `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${MESSAGE_SID}.json`,
      );
      expect(res.status).toBe(422);
    });
  });
});
