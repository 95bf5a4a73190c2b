// (h) Memory over a long run (issue 12's target: flat over 100,000 messages): the worker process's RSS, sampled
// every 500 ms from before the queue is filled until every message has been accepted at the simulator.
import { rssMb, sleep } from '../common.mjs';

/** ctx: { reset(), startWorkers(n), queue(n), sim, opts }. */
export async function memoryRun(ctx) {
  const { sim, opts } = ctx;
  const n = opts.memoryMessages;
  await ctx.reset();
  const w = await ctx.startWorkers(1);
  const pid = w.procs[0].pid;
  try {
    await sleep(1_000); // settled after start
    const start = rssMb(pid);
    const t0 = performance.now();
    ctx.queue(n);
    const samples = [];
    const timeoutMs = 60_000 + n * 10; // 10 ms a message: far slower than any run so far
    let created = 0;
    while (created < n && performance.now() - t0 < timeoutMs) {
      await sleep(500);
      created = await sim.created();
      samples.push({ s: (performance.now() - t0) / 1000, created, rss: rssMb(pid) ?? 0 });
    }
    const end = rssMb(pid);
    const peak = Math.max(start, ...samples.map((x) => x.rss));
    // One sample near each tenth of the run: enough to see a climb.
    const tenths = Array.from({ length: 10 }, (_, i) => samples.find((x) => x.created >= ((i + 1) * n) / 10))
      .filter(Boolean)
      .map((x) => x.rss);
    return {
      messages: n,
      complete: created >= n,
      seconds: (performance.now() - t0) / 1000,
      start,
      peak,
      end,
      tenths,
    };
  } finally {
    await w.stop();
  }
}
