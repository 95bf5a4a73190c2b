import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';
import type BaseRequestClient from 'twilio/lib/base/RequestClient';
import type Response from 'twilio/lib/http/response';
import type { Simulator } from '../src';

/** Polls `fn` until it returns a truthy value (or stops throwing), failing after `timeoutMs`. */
export async function waitFor<T>(fn: () => T | Promise<T>, timeoutMs = 5_000, intervalMs = 10): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
      lastError = new Error('condition still false');
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) throw new Error(`waitFor timed out after ${timeoutMs} ms: ${String(lastError)}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Points the real SDK at the simulator by rewriting Twilio's API hosts (api., messaging., …). */
export class SimRequestClient extends twilio.RequestClient {
  constructor(
    private readonly baseUrl: string,
    opts?: ConstructorParameters<typeof twilio.RequestClient>[0],
  ) {
    super(opts);
  }

  override request<TData>(opts: BaseRequestClient.RequestOptions<TData>): Promise<Response<TData>> {
    return super.request<TData>({ ...opts, uri: opts.uri.replace(/^https:\/\/[a-z]+\.twilio\.com/, this.baseUrl) });
  }
}

export function sdkFor(sim: Simulator, opts: { timeout?: number; accountSid?: string; authToken?: string } = {}) {
  const [sid, token] = Object.entries(sim.accounts)[0];
  const httpClient = new SimRequestClient(sim.url, { timeout: opts.timeout, keepAlive: false });
  return twilio(opts.accountSid ?? sid, opts.authToken ?? token, { httpClient });
}

export interface ReceivedWebhook {
  url: string;
  headers: IncomingHttpHeaders;
  params: Record<string, string>;
  at: number;
}

export interface WebhookServer {
  url: string;
  received: ReceivedWebhook[];
  /** Status codes to answer in turn; 200 once the list runs out. */
  replyWith: number[];
  replyBody: string;
  /** How long each reply waits (a slow app). */
  replyAfterMs: number;
  close(): Promise<void>;
}

/** A tiny form-accepting HTTP server standing in for the app's webhook endpoints. */
export async function startWebhookServer(path = '/hooks/status'): Promise<WebhookServer> {
  const hooks: Omit<WebhookServer, 'url' | 'close'> = {
    received: [],
    replyWith: [],
    replyBody: '',
    replyAfterMs: 0,
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const params = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf-8')));
      hooks.received.push({ url: req.url ?? '', headers: req.headers, params, at: Date.now() });
      const status = hooks.replyWith.shift() ?? 200;
      setTimeout(() => {
        if (res.destroyed) return;
        res.writeHead(status, { 'Content-Type': 'text/xml' });
        res.end(hooks.replyBody);
      }, hooks.replyAfterMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(hooks, {
    url: `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}
