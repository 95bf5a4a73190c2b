import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import createHttpsProxyAgent from 'https-proxy-agent';
import type { RequestOptions } from 'twilio/lib/base/RequestClient';

/** api.twilio.com, messaging.twilio.com, …: every host the SDK calls. */
const TWILIO_HOST = /^https:\/\/[a-z]+\.twilio\.com/;
/** Idle sockets are closed after this long (Twilio's side closes idle keep-alive connections too). */
const IDLE_SOCKET_MS = 30_000;

export interface TwilioHttpClientOptions {
  /** Every request goes to this Twilio-compatible base URL instead (the simulator, or a contract mock). */
  baseUrl?: string;
  timeoutMs: number;
  /** Extra trusted certificates (PEM). Default: the file named by TWILIO_CA_BUNDLE, as the SDK reads it. */
  ca?: string | Buffer;
}

export interface TwilioHttpResponse {
  statusCode: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

/**
 * The SDK's `httpClient`: one keep-alive socket pool per Twilio account, without a socket limit.
 *
 * The SDK's own client (axios over an https.Agent) allows 20 sockets per host and keeps 5 idle ones, so at
 * most 20 creates were ever in flight against Twilio whatever `SMS_MAX_IN_FLIGHT` said, and every burst
 * past 5 paid a new TLS handshake. The dispatcher's in-flight cap is the limit here. axios was also the
 * worker's costliest package (14% of its CPU at full speed; docs/BENCHMARKS.md, dispatch).
 */
export class TwilioHttpClient {
  private readonly transport: typeof http | typeof https;
  private readonly agent: http.Agent;
  /** Given with each request: both the https.Agent and the proxy's tunnel read it from there. */
  private readonly ca: string | Buffer | undefined;

  constructor(private readonly options: TwilioHttpClientOptions) {
    const secure = !options.baseUrl || options.baseUrl.startsWith('https:');
    const bundle = process.env.TWILIO_CA_BUNDLE;
    this.ca = options.ca ?? (bundle ? readFileSync(bundle) : undefined);
    this.transport = secure ? https : http;
    const agentOptions = { keepAlive: true, maxSockets: Infinity, maxFreeSockets: 1_000, timeout: IDLE_SOCKET_MS };
    const proxy = process.env.HTTP_PROXY;
    if (!secure) this.agent = new http.Agent(agentOptions);
    // Through a proxy as the SDK's own client goes (HTTP_PROXY, one CONNECT tunnel per socket).
    else if (proxy) this.agent = createHttpsProxyAgent(proxy) as unknown as http.Agent;
    else this.agent = new https.Agent(agentOptions);
  }

  async request<TData>(opts: RequestOptions<TData>): Promise<TwilioHttpResponse> {
    if (!opts.method || !opts.uri) throw new Error('Twilio request without a method or uri');
    const url = new URL(this.options.baseUrl ? opts.uri.replace(TWILIO_HOST, this.options.baseUrl) : opts.uri);
    if (opts.params) url.search = formEncode(opts.params as Record<string, unknown>);
    const headers: Record<string, string> = { ...(opts.headers as Record<string, string>), Connection: 'keep-alive' };
    if (opts.username && opts.password) {
      headers.Authorization = `Basic ${Buffer.from(`${opts.username}:${opts.password}`).toString('base64')}`;
    } else if (opts.authStrategy) {
      headers.Authorization = await opts.authStrategy.getAuthString();
    }
    const body = requestBody(opts.data, headers);
    if (body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(body));
    return this.send(url, opts.method.toUpperCase(), headers, body, opts.timeout ?? this.options.timeoutMs);
  }

  private send(url: URL, method: string, headers: Record<string, string>, body: string | undefined, timeoutMs: number) {
    return new Promise<TwilioHttpResponse>((resolve, reject) => {
      const req = this.transport.request(url, { method, headers, agent: this.agent, ca: this.ca }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            statusCode: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            headers: res.headers,
          }),
        );
        res.on('error', reject);
      });
      req.setTimeout(timeoutMs, () => req.destroy(new Error(`timeout of ${timeoutMs} ms exceeded`)));
      req.on('error', reject);
      req.end(body);
    });
  }
}

function requestBody(data: unknown, headers: Record<string, string>): string | undefined {
  if (data === undefined || data === null) return undefined;
  const type = headers['Content-Type'] ?? headers['content-type'];
  if (type === 'application/json') return JSON.stringify(data);
  headers['Content-Type'] = 'application/x-www-form-urlencoded';
  return formEncode(data as Record<string, unknown>);
}

/** As the SDK encodes (qs with arrayFormat "repeat"): `To=a&To=b`, undefined values left out. */
export function formEncode(values: Record<string, unknown>): string {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null) form.append(key, String(item));
    }
  }
  return form.toString();
}
