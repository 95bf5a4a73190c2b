#!/usr/bin/env node
// Several API processes on one port, through node:cluster: this process holds the listening socket and deals
// each new connection to the next API process in turn. It relays no bytes (an HTTP balancer in front parses and
// copies every request once more, on the same CPUs as the API), so the API processes get the machine's cores.
// The first process starts alone (it migrates and seeds), then the others. One that stops is restarted with the
// supervisor's backoff while the others keep answering; SIGTERM stops them all, each finishing its requests.
// A scrape of /api/metrics reaches one API process, which asks this one for every process's metrics, summed
// (project/src/core/metrics/cluster-metrics.ts).
//
//   node scripts/api-cluster.mjs --processes 2 [--exec project/dist/main.js]
// The environment (PORT, SMS_ROLE=api, DATABASE_URL…) is passed on to every API process.
import cluster from 'node:cluster';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Supervisor } from './lib/supervisor.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const options = parseArgs(process.argv.slice(2));

function parseArgs(argv) {
  const out = { processes: 2, exec: path.join(root, 'project/dist/main.js') };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--processes') out.processes = Number(argv[++i]);
    else if (flag === '--exec') out.exec = path.resolve(argv[++i]);
    else fail(`unknown option ${flag} (known: --processes N, --exec FILE)`);
  }
  if (!Number.isInteger(out.processes) || out.processes < 1) fail('--processes takes a whole number, at least 1');
  return out;
}

function fail(message) {
  console.error(`✖ ${message}`);
  process.exit(1);
}

cluster.setupPrimary({ exec: options.exec, args: [] });
answerMetricsRequests();
const supervisor = new Supervisor({ onGiveUp: () => stop(1) });
const firstListening = new Promise((resolve) => cluster.once('listening', resolve));

const addApi = (n) =>
  supervisor.add({ name: `API process ${n}`, launch: () => cluster.fork({ API_CLUSTER: '1' }).process });

/** Same name as CLUSTER_METRICS_REQUEST in project/src/core/metrics/cluster-metrics.ts. */
function answerMetricsRequests(type = 'loctelli:cluster-metrics') {
  const { AggregatorRegistry } = createRequire(path.join(root, 'project/package.json'))('prom-client');
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message) => {
    if (message?.type !== type) return;
    // The asking process may have stopped by the time the others answered.
    const reply = (answer) => worker.isConnected() && worker.send({ type, id: message.id, ...answer });
    aggregator.clusterMetrics().then(
      (text) => reply({ text }),
      (e) => reply({ error: e.message }),
    );
  });
}

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  void supervisor.stop().then(() => process.exit(code));
}
process.on('SIGTERM', () => stop(0));
process.on('SIGINT', () => stop(0));

addApi(1);
await firstListening;
for (let n = 2; n <= options.processes; n++) addApi(n);
