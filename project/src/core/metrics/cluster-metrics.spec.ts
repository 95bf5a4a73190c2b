import { AggregatorRegistry } from 'prom-client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLUSTER_METRICS_REQUEST } from './cluster-metrics';
import { MetricsService } from './metrics.service';

// This process plays an API process forked by scripts/api-cluster.mjs; the primary's answers are stubbed.
vi.mock('node:cluster', () => ({ default: { isWorker: true } }));

describe('metrics in an API cluster', () => {
  const realSend = process.send;
  let asked: { type: string; id: number }[];

  /** The primary answers each request with `reply` (a text, or an error). */
  function primaryAnswers(reply: { text?: string; error?: string }) {
    process.send = ((message: { type: string; id: number }) => {
      asked.push(message);
      const answer = { type: CLUSTER_METRICS_REQUEST, id: message.id, ...reply };
      setImmediate(() => process.emit('message', answer, undefined as never));
      return true;
    }) as typeof process.send;
  }

  beforeEach(() => {
    asked = [];
    vi.stubEnv('API_CLUSTER', '1');
  });
  afterEach(() => {
    process.send = realSend;
    vi.unstubAllEnvs();
  });

  it("answers every process's metrics summed by the primary, with its own database samples", async () => {
    primaryAnswers({ text: 'sms_webhooks_total{kind="status",result="applied"} 7\n' });
    const metrics = new MetricsService();
    metrics.onScrape(async () => {
      metrics.dispatcherLag.set(12);
    });
    const text = await metrics.render();
    expect(asked).toEqual([{ type: CLUSTER_METRICS_REQUEST, id: expect.any(Number) }]);
    expect(text).toContain('sms_webhooks_total{kind="status",result="applied"} 7');
    expect(text).toMatch(/^sms_dispatcher_lag_seconds 12$/m);
  });

  it('answers its own metrics when the primary cannot', async () => {
    primaryAnswers({ error: 'Operation timed out.' });
    const metrics = new MetricsService();
    metrics.webhooks.inc({ kind: 'status', result: 'applied' });
    expect(await metrics.render()).toMatch(/^sms_webhooks_total\{kind="status",result="applied"\} 1$/m);
  });

  it('sums counters over the processes but leaves the database samples out of the sum', async () => {
    const processes = [new MetricsService(), new MetricsService()];
    processes.forEach((m, i) => {
      m.webhooks.inc({ kind: 'status', result: 'applied' }, i + 1);
      m.dispatcherLag.set(30);
    });
    const summed = await AggregatorRegistry.aggregate(
      await Promise.all(processes.map((m) => m.registry.getMetricsAsJSON())),
    ).metrics();
    expect(summed).toMatch(/^sms_webhooks_total\{kind="status",result="applied"\} 3$/m);
    expect(summed).not.toContain('sms_dispatcher_lag_seconds');
  });
});
