// An open-loop load generator: request i is due at start + i / rate, whatever the answers before it did, and
// its latency counts from when it was due (so a slow server cannot hide its queue: no coordinated omission).
// autocannon's `overallRate` is not this: each connection sends its per-second quota back to back at the top of
// every second, so "500 req/s over 100 connections" is 100 requests at once each second, then a pause.
import http from 'node:http';

/**
 * @param {{ rate: number, seconds: number, request: (i: number) => { url: string, headers: object, body: string },
 *           timeoutMs?: number }} o
 * @returns {Promise<{ sent: number, latencies: number[], statuses: Record<string, number>, errors: number, lateStartMs: number }>}
 */
export function constantRate({ rate, seconds, request, timeoutMs = 10_000 }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });
  const total = Math.round(rate * seconds);
  const latencies = [];
  const statuses = {};
  let errors = 0;
  let sent = 0;
  let finished = 0;
  let lateStartMs = 0;
  const start = performance.now() + 50;

  return new Promise((resolve) => {
    const done = () => {
      if (++finished < total) return;
      agent.destroy();
      resolve({ sent, latencies, statuses, errors, lateStartMs });
    };
    const fire = (i) => {
      const due = start + (i * 1000) / rate;
      lateStartMs = Math.max(lateStartMs, performance.now() - due);
      const { url, headers, body } = request(i);
      const req = http.request(
        url,
        { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
        (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - due);
            const key = `${Math.floor(res.statusCode / 100)}xx`;
            statuses[key] = (statuses[key] ?? 0) + 1;
            done();
          });
        },
      );
      req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        errors++;
        done();
      });
      req.end(body);
      sent++;
    };
    // Fires every request that is due, then sleeps until the next one (a timer, not a busy loop).
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + (sent * 1000) / rate <= now) fire(sent);
      if (sent < total) setTimeout(tick, Math.max(0, start + (sent * 1000) / rate - performance.now()));
    };
    setTimeout(tick, 50);
  });
}

/** The q-quantile (0..1) of the values, nearest rank. */
export function quantile(values, q) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
