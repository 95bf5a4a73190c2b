/**
 * Same-origin door to the NestJS API: /api/* is forwarded to `${API_URL}/api/*`, streaming both ways
 * (CSV uploads in, Server-Sent Events and CSV exports out).
 *
 * This is a route handler rather than a `rewrites()` entry in next.config.ts because rewrites are
 * frozen into the build: `API_URL` (and the API port) must be read when the server starts.
 */
import type { NextRequest } from 'next/server';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

// Hop-by-hop headers, and the ones fetch sets itself.
const DROP_REQUEST = [
  'connection',
  'keep-alive',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'host',
  'content-length',
  'accept-encoding',
  'expect',
];
// fetch has already decoded the body, so its encoding and length no longer apply.
const DROP_RESPONSE = ['connection', 'keep-alive', 'transfer-encoding', 'content-encoding', 'content-length'];

function apiBase(): string {
  return (process.env.API_URL ?? 'http://127.0.0.1:3001').replace(/\/$/, '');
}

async function forward(req: NextRequest): Promise<Response> {
  const target = `${apiBase()}${req.nextUrl.pathname}${req.nextUrl.search}`;
  const headers = new Headers(req.headers);
  for (const h of DROP_REQUEST) headers.delete(h);
  // X-Forwarded-For was set from the socket by server.mjs (a client's own value is not passed on).
  headers.set('x-forwarded-host', req.headers.get('host') ?? '');
  headers.set('x-forwarded-proto', req.nextUrl.protocol.replace(':', ''));

  const hasBody = !['GET', 'HEAD'].includes(req.method);
  const init: RequestInit & { duplex?: 'half' } = {
    method: req.method,
    headers,
    body: hasBody ? req.body : undefined,
    duplex: hasBody ? 'half' : undefined,
    redirect: 'manual',
    signal: req.signal,
    cache: 'no-store',
  };

  let upstream: Response;
  try {
    upstream = await fetch(target, init);
  } catch (error) {
    if (req.signal.aborted) return new Response(null, { status: 499 });
    console.error(`API proxy: ${req.method} ${target} failed:`, error);
    return Response.json(
      { statusCode: 502, error: 'Bad Gateway', message: 'The API server is not reachable. Try again in a moment.' },
      { status: 502 },
    );
  }

  const out = new Headers(upstream.headers);
  for (const h of DROP_RESPONSE) out.delete(h);
  if (out.get('content-type')?.startsWith('text/event-stream')) {
    // Tell any proxy in front of us not to buffer the stream.
    out.set('cache-control', 'no-cache, no-transform');
    out.set('x-accel-buffering', 'no');
  }
  return new Response(upstream.body, { status: upstream.status, statusText: upstream.statusText, headers: out });
}

export const GET = forward;
export const HEAD = forward;
export const POST = forward;
export const PUT = forward;
export const PATCH = forward;
export const DELETE = forward;
export const OPTIONS = forward;
