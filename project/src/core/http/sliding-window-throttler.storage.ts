import type { ThrottlerStorage } from '@nestjs/throttler';

interface Window {
  ttl: number;
  /** Start of the current window (ms); windows follow each other every `ttl`. */
  start: number;
  current: number;
  previous: number;
  blockedUntil: number;
}

/**
 * The request throttles' counters, O(1) a request: per key a sliding-window counter (this window's hits plus the
 * previous window's, weighted by how much of it still overlaps the last `ttl`). @nestjs/throttler's own storage
 * keeps one timestamp per hit and filters them all on every request (and spreads them into Math.min): at a
 * generous limit that cost grew with the hits of the last minute, 13% of a request's CPU after a few seconds at
 * 1,500 req/s. Within a key's first window the count is exact; over the limit the key is refused for
 * `blockDuration`, then starts afresh, as with the library's storage.
 */
export class SlidingWindowThrottlerStorage implements ThrottlerStorage {
  private readonly windows = new Map<string, Window>();
  private lastSweep: number;

  constructor(private readonly now: () => number = Date.now) {
    this.lastSweep = now();
  }

  increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string) {
    const now = this.now();
    this.sweep(now);
    const w = this.windowOf(`${throttlerName}:${key}`, ttl, now);
    if (w.blockedUntil > now) return Promise.resolve(blocked(w, limit + 1, now));
    if (w.blockedUntil !== 0) Object.assign(w, { start: now, current: 0, previous: 0, blockedUntil: 0 });
    w.current++;
    const hits = Math.floor(w.previous * (1 - (now - w.start) / ttl)) + w.current;
    if (hits > limit) {
      // No block duration: refused without counting, until the window's count falls under the limit.
      if (blockDuration > 0) w.blockedUntil = now + blockDuration;
      else w.current--;
      return Promise.resolve(blocked(w, hits, now));
    }
    return Promise.resolve({
      totalHits: hits,
      timeToExpire: seconds(w.start + ttl - now),
      isBlocked: false,
      timeToBlockExpire: 0,
    });
  }

  private windowOf(id: string, ttl: number, now: number): Window {
    let w = this.windows.get(id);
    if (!w) {
      w = { ttl, start: now, current: 0, previous: 0, blockedUntil: 0 };
      this.windows.set(id, w);
    }
    const passed = Math.floor((now - w.start) / ttl);
    if (passed >= 1) {
      w.previous = passed === 1 ? w.current : 0;
      w.current = 0;
      w.start += passed * ttl;
    }
    return w;
  }

  /** Once a minute, forgets keys idle for two windows (nothing left to count) and not blocked. */
  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [id, w] of this.windows)
      if (now - w.start >= 2 * w.ttl && w.blockedUntil <= now) this.windows.delete(id);
  }
}

const seconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));

const blocked = (w: Window, totalHits: number, now: number) => ({
  totalHits,
  timeToExpire: seconds(w.start + w.ttl - now),
  isBlocked: true,
  timeToBlockExpire: seconds((w.blockedUntil > now ? w.blockedUntil : w.start + w.ttl) - now),
});
