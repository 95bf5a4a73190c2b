import cluster from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';

/**
 * The API processes of `npm run cluster` share one port (scripts/api-cluster.mjs), so a scrape reaches one of
 * them: that one asks the cluster's primary for every process's metrics, summed (prom-client's aggregation), and
 * answers those. The primary sets API_CLUSTER=1 on the processes it forks and answers this request.
 */
export const CLUSTER_METRICS_REQUEST = 'loctelli:cluster-metrics';

export function inApiCluster(): boolean {
  return cluster.isWorker && process.env.API_CLUSTER === '1';
}

/** Lets the primary collect `registry` from this process (prom-client's own request and answer). */
export function offerToCluster(registry: Registry): void {
  new AggregatorRegistry(); // installs this process's answer to the primary's requests
  AggregatorRegistry.setRegistries([registry]);
}

interface ClusterMetricsReply {
  type: typeof CLUSTER_METRICS_REQUEST;
  id: number;
  text?: string;
  error?: string;
}

let nextRequestId = 0;

/** Every API process's metrics aggregated by the primary; rejects when it does not answer in time. */
export function clusterMetrics(timeoutMs = 5_000): Promise<string> {
  const id = nextRequestId++;
  return new Promise((resolve, reject) => {
    const settle = (reply: ClusterMetricsReply | undefined) => {
      clearTimeout(timer);
      process.off('message', onMessage);
      if (reply?.text !== undefined) resolve(reply.text);
      else reject(new Error(reply?.error ?? `the cluster's primary did not answer in ${timeoutMs} ms`));
    };
    const onMessage = (message: unknown) => {
      const reply = message as Partial<ClusterMetricsReply> | null;
      if (reply?.type === CLUSTER_METRICS_REQUEST && reply.id === id) settle(reply as ClusterMetricsReply);
    };
    const timer = setTimeout(() => settle(undefined), timeoutMs);
    process.on('message', onMessage);
    process.send?.({ type: CLUSTER_METRICS_REQUEST, id });
  });
}
