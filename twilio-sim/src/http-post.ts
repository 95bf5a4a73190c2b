import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

export class WebhookTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`webhook timed out after ${timeoutMs} ms`);
  }
}

export interface PostResult {
  status: number;
  body: string;
}

/** Posts form bodies (webhooks) over its own keep-alive agents so close() can drop every socket. */
export class FormPoster {
  private readonly httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 64 });
  private readonly httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 64 });
  private readonly inFlight = new Set<AbortController>();
  private closed = false;

  post(url: string, form: string, headers: Record<string, string>, timeoutMs: number): Promise<PostResult> {
    if (this.closed) return Promise.reject(new Error('simulator closed'));
    const target = new URL(url);
    const https = target.protocol === 'https:';
    const controller = new AbortController();
    this.inFlight.add(controller);
    return new Promise<PostResult>((resolve, reject) => {
      const req = (https ? httpsRequest : httpRequest)(
        target,
        {
          method: 'POST',
          agent: https ? this.httpsAgent : this.httpAgent,
          signal: controller.signal,
          timeout: timeoutMs,
          headers: {
            ...headers,
            'Content-Type': 'application/x-www-form-urlencoded',
            'Content-Length': String(Buffer.byteLength(form)),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf-8') }));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new WebhookTimeoutError(timeoutMs)));
      req.on('error', reject);
      req.end(form);
    }).finally(() => this.inFlight.delete(controller));
  }

  abortAll(): void {
    for (const controller of this.inFlight) controller.abort();
    this.inFlight.clear();
  }

  destroy(): void {
    this.closed = true;
    this.abortAll();
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}
