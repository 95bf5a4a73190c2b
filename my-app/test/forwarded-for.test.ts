import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM module shared with server.mjs, no type declarations
import { forwardedForSetter } from '../forwarded-for.mjs';

type Req = { socket: { remoteAddress: string }; headers: Record<string, string | undefined> };
const req = (remoteAddress: string, headers: Record<string, string> = {}): Req => ({
  socket: { remoteAddress },
  headers: { ...headers },
});
const run = (setting: string | undefined, r: Req) => {
  (forwardedForSetter(setting) as (r: Req) => void)(r);
  return r.headers;
};

describe('forwardedForSetter', () => {
  it('replaces a client-sent X-Forwarded-For with the socket address', () => {
    const h = run(undefined, req('203.0.113.9', { 'x-forwarded-for': '1.2.3.4', 'x-real-ip': '1.2.3.4' }));
    expect(h['x-forwarded-for']).toBe('203.0.113.9');
    expect(h['x-real-ip']).toBeUndefined();
  });

  it('sets it from the socket when absent (IPv4-mapped addresses unwrapped)', () => {
    expect(run(undefined, req('::ffff:198.51.100.4'))['x-forwarded-for']).toBe('198.51.100.4');
  });

  it('passes on the chain of a trusted proxy and appends the proxy', () => {
    const h = run('loopback', req('127.0.0.1', { 'x-forwarded-for': '1.2.3.4' }));
    expect(h['x-forwarded-for']).toBe('1.2.3.4, 127.0.0.1');
    expect(run('10.0.0.0/8', req('10.1.2.3', { 'x-forwarded-for': '1.2.3.4' }))['x-forwarded-for']).toBe(
      '1.2.3.4, 10.1.2.3',
    );
  });

  it('trusts nobody with false', () => {
    expect(run('false', req('127.0.0.1', { 'x-forwarded-for': '1.2.3.4' }))['x-forwarded-for']).toBe('127.0.0.1');
  });
});
