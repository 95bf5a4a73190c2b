import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { clusterMetrics, inApiCluster, offerToCluster } from './cluster-metrics';

/**
 * Gauges sampled from the database when scraped: the same for every process, so in a cluster they are left out of
 * the sum and the answering process adds its own sample.
 */
const SAMPLED = { aggregator: 'omit' } as const;
const SAMPLED_GAUGES = { messages: 'sms_messages', queue: 'sms_queue_due', lag: 'sms_dispatcher_lag_seconds' };

/** One Prometheus registry per app (tests boot several apps in one process). */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly messagesByStatus = new Gauge({
    name: SAMPLED_GAUGES.messages,
    ...SAMPLED,
    help: 'Messages by status (sampled at scrape time)',
    labelNames: ['status'],
    registers: [this.registry],
  });
  readonly queueDepth = new Gauge({
    name: SAMPLED_GAUGES.queue,
    ...SAMPLED,
    help: 'Due pending messages (sampled)',
    registers: [this.registry],
  });
  readonly dispatcherLag = new Gauge({
    name: SAMPLED_GAUGES.lag,
    ...SAMPLED,
    help: 'Age of the oldest due pending message',
    registers: [this.registry],
  });
  readonly sendOutcomes = new Counter({
    name: 'sms_send_outcomes_total',
    help: 'Send attempts by outcome',
    labelNames: ['outcome'],
    registers: [this.registry],
  });
  readonly providerLatency = new Histogram({
    name: 'sms_provider_request_seconds',
    help: 'Latency of Twilio API calls',
    labelNames: ['operation'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 15],
    registers: [this.registry],
  });
  readonly sendLatency = new Histogram({
    name: 'sms_send_latency_seconds',
    help: 'From due (not_before) to accepted by Twilio',
    buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 3600],
    registers: [this.registry],
  });
  readonly webhooks = new Counter({
    name: 'sms_webhooks_total',
    help: 'Twilio webhooks by kind and result',
    labelNames: ['kind', 'result'],
    registers: [this.registry],
  });

  private readonly collectors: (() => Promise<void>)[] = [];

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    if (inApiCluster()) offerToCluster(this.registry);
  }

  /** Gauges that need a query are sampled when scraped. */
  onScrape(collector: () => Promise<void>): void {
    this.collectors.push(collector);
  }

  /** This process's metrics; in an API cluster every process's, summed, with this process's sampled gauges. */
  async render(): Promise<string> {
    await Promise.all(this.collectors.map((c) => c().catch(() => undefined)));
    if (!inApiCluster()) return this.registry.metrics();
    const summed = await clusterMetrics().catch(() => undefined);
    if (summed === undefined) return this.registry.metrics();
    const sampled = Object.values(SAMPLED_GAUGES).map((name) => this.registry.getSingleMetricAsString(name));
    return [summed.trimEnd(), ...(await Promise.all(sampled))].join('\n\n') + '\n';
  }
}
