#!/usr/bin/env node
// Fault run (issue 15): one campaign on PostgreSQL through 1 API and N worker processes (real `node
// project/dist/main.js`, supervised and restarted by scripts/lib/supervisor.mjs) while this script
//   - kill -9s a random worker or the API every 10-25 s (the supervisor restarts it),
//   - cuts the network to the database for a while (a TCP proxy sits between the product and PostgreSQL),
//   - terminates every backend of the product (pg_terminate_backend),
// and the Twilio simulator fails 20% of create calls (10% 429, 10% 5xx) and loses 20% of status callbacks.
// At the end it compares, per recipient, the texts the simulator created with the campaign's rows (outcomes.mjs):
// lost, duplicated, misrecorded, unfinished, and the messages failed with their reason; it exits 0 only when the
// first four are 0. Results: docs/RELIABILITY.md.
//
//   npm run chaos -- --pg postgres://postgres@127.0.0.1:5432/postgres --messages 10000
//
// Other flags: --kill-every 10-25 (seconds), --workers 2, --rate 60000 (SMS_RATE_LIMIT_PER_MINUTE), --in-flight 20 (SMS_MAX_IN_FLIGHT),
// --port 4680 (API; the proxy and simulator use the next two), --db-prefix loctelli_, --seed 1,
// --timeout-min 60, --settle-min 3 (wait for lost callbacks to be reconciled), --keep-logs.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isStale } from '../../scripts/lib/staleness.mjs';
import { Supervisor } from '../../scripts/lib/supervisor.mjs';
import { countOutcomes } from './outcomes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { Client } = createRequire(path.join(root, 'project/package.json'))('pg');
const SID = 'AC' + 'c'.repeat(32);
const TOKEN = 'chaosAuthToken000000000000000000';
const opts = parseArgs(process.argv.slice(2));
const random = mulberry32(opts.seed);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'loctelli-chaos-'));
const started = Date.now();
const say = (line) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);

function parseArgs(argv) {
  const o = {
    pg: process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL,
    messages: 10_000,
    workers: 2,
    rate: 60_000,
    inFlight: 20,
    port: 4680,
    dbPrefix: 'loctelli_',
    seed: 1,
    timeoutMin: 60,
    settleMin: 3,
    keepLogs: false,
    /** Seconds between kills, `min-max`. */
    killEvery: '10-25',
  };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '').replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    if (key === 'keepLogs') o.keepLogs = true;
    else if (!(key in o)) throw new Error(`unknown option ${argv[i]}`);
    else o[key] = typeof o[key] === 'number' ? Number(argv[++i]) : argv[++i];
  }
  if (!o.pg) {
    console.error('✖ chaos runs on PostgreSQL: pass --pg postgres://… (or set TEST_DATABASE_URL)');
    process.exit(1);
  }
  return o;
}

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function query(url, text, params = []) {
  const client = new Client({ connectionString: url, application_name: 'loctelli-chaos' });
  await client.connect();
  try {
    return (await client.query(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** Every connection through it is reset by cut() and refused until restore(). */
async function startProxy(target, port) {
  const pairs = new Set();
  let down = false;
  const server = net.createServer((client) => {
    if (down) return client.resetAndDestroy();
    const upstream = net.connect(target.port, target.host);
    const pair = [client, upstream];
    pairs.add(pair);
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    for (const s of pair) s.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    cut() {
      down = true;
      for (const [client, upstream] of pairs) {
        client.resetAndDestroy();
        upstream.destroy();
      }
      pairs.clear();
    },
    restore: () => (down = false),
    close() {
      this.cut();
      server.close();
    },
  };
}

async function waitFor(what, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

async function http(method, url, { token, body, timeoutMs = 15_000 } = {}) {
  try {
    const res = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { status: res.status, body: await res.json().catch(() => null) };
  } catch (e) {
    return { status: e.name === 'TimeoutError' ? 'hang' : 'refused', body: null };
  }
}

function ensureBuilt() {
  for (const [ws, sources, out] of [
    ['project', ['project/src', 'project/drizzle'], 'project/dist/main.js'],
    ['twilio-sim', ['twilio-sim/src'], 'twilio-sim/dist/main.js'],
  ]) {
    if (!isStale(root, sources, out)) continue;
    say(`building ${ws}…`);
    if (spawnSync('npm', ['run', 'build', '-w', ws], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
  }
}

async function main() {
  ensureBuilt();
  const dbName = `${opts.dbPrefix}chaos_${randomBytes(3).toString('hex')}`;
  await query(opts.pg, `create database ${dbName}`);
  const dbUrl = new URL(opts.pg);
  dbUrl.pathname = `/${dbName}`;
  const direct = dbUrl.toString();
  const [apiPort, proxyPort, simPort] = [opts.port, opts.port + 1, opts.port + 2];
  const proxy = await startProxy({ host: dbUrl.hostname, port: Number(dbUrl.port || 5432) }, proxyPort);
  const viaProxy = new URL(direct);
  viaProxy.hostname = '127.0.0.1';
  viaProxy.port = String(proxyPort);
  const log = fs.openSync(path.join(tmp, 'processes.log'), 'a');
  const restarts = [];
  // Kills here are deliberate, not a crash loop: restart quickly every time (npm start backs off up to 30 s).
  const supervisor = new Supervisor({
    log: (line) => (restarts.push(line), say(line)),
    maxFailedStarts: 1_000,
    maxBackoffMs: 2_000,
  });
  const cleanup = async () => {
    await supervisor.stop();
    proxy.close();
    await query(opts.pg, `drop database if exists ${dbName} with (force)`).catch(() => undefined);
    if (!opts.keepLogs) fs.rmSync(tmp, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
  try {
    return await run({ supervisor, proxy, direct, viaProxy: viaProxy.toString(), apiPort, simPort, log, restarts });
  } finally {
    await cleanup();
  }
}

async function run({ supervisor, proxy, direct, viaProxy, apiPort, simPort, log, restarts }) {
  const stdio = ['ignore', log, log];
  const sim = `http://127.0.0.1:${simPort}`;
  const api = `http://127.0.0.1:${apiPort}`;
  supervisor.add({
    name: 'simulator',
    cmd: process.execPath,
    args: ['twilio-sim/dist/main.js'],
    cwd: root,
    stdio,
    env: {
      ...process.env,
      SIM_PORT: String(simPort),
      SIM_ACCOUNT_SID: SID,
      SIM_AUTH_TOKEN: TOKEN,
      SIM_RATE_429: '0.1',
      SIM_RATE_5XX: '0.1',
      SIM_DROP_CALLBACK_RATE: '0.2',
      SIM_LATENCY_MS: '20',
      SIM_CALLBACK_DELAY_MS: '200',
    },
  });
  await waitFor('the simulator', async () => (await http('GET', `${sim}/__sim/health`)).status === 200, 30_000);
  const env = {
    PATH: process.env.PATH,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATA_DIR: tmp,
    DATABASE_URL: viaProxy,
    JWT_SECRET: 'chaos-jwt-secret-0123456789abcdef0123456789',
    ENCRYPTION_KEY: 'cd'.repeat(32),
    PORT: String(apiPort),
    PUBLIC_BASE_URL: api,
    TWILIO_ACCOUNT_SID: SID,
    TWILIO_AUTH_TOKEN: TOKEN,
    TWILIO_PHONE_NUMBER: '+15005550006',
    TWILIO_API_BASE_URL: sim,
    SMS_RATE_LIMIT_PER_MINUTE: String(opts.rate),
    SMS_MAX_IN_FLIGHT: String(opts.inFlight),
    SMS_LEASE_SECONDS: '5',
    SMS_STATUS_RECONCILE_AFTER_MINUTES: '1',
    SMS_DISPATCH_INTERVAL_MS: '200',
    SMS_QUIET_HOURS_ENABLED: 'false',
  };
  const main = ['project/dist/main.js'];
  const apiService = supervisor.add({
    name: 'API',
    cmd: process.execPath,
    args: main,
    cwd: root,
    stdio,
    env: { ...env, SMS_ROLE: 'api' },
  });
  await waitFor('the API', async () => (await http('GET', `${api}/api/health`)).status === 200, 120_000);
  const workers = Array.from({ length: opts.workers }, (_, i) =>
    supervisor.add({
      name: `worker ${i + 1}`,
      cmd: process.execPath,
      args: main,
      cwd: root,
      stdio,
      env: { ...env, SMS_ROLE: 'worker' },
    }),
  );

  const signIn = async () =>
    (
      await http('POST', `${api}/api/auth/login`, {
        body: { email: 'user@demo.loctelli.test', password: 'demo-password' },
      })
    ).body.accessToken;
  let token = await signIn();
  const recipients = Array.from({ length: opts.messages }, (_, i) => `+1202${String(3_000_000 + i)}`);
  const t0 = Date.now();
  // A CSV upload (the JSON endpoint's body limit is below 10,000 recipients).
  const form = new FormData();
  form.append('name', 'Chaos');
  form.append('message', 'Chaos run {{first_name|friend}}');
  form.append('dryRun', 'false');
  form.append('file', new Blob([`phone\n${recipients.join('\n')}\n`], { type: 'text/csv' }), 'chaos.csv');
  const upload = await fetch(`${api}/api/sms/bulk`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
    signal: AbortSignal.timeout(300_000),
  });
  const created = { status: upload.status, body: await upload.json().catch(() => null) };
  if (created.status >= 300) throw new Error(`campaign not created: ${created.status} ${JSON.stringify(created.body)}`);
  const campaignId = created.body.campaignId;
  say(`campaign ${campaignId}: ${opts.messages} messages accepted in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const probes = {};
  const outageProbes = {};
  let inOutage = false;
  const faults = { killWorker: 0, killApi: 0, dbCut: 0, terminated: 0 };
  // Only the campaign's rows: the demo data seeded in development has messages of its own.
  const campaignRows = async (statuses) =>
    Number(
      (
        await query(direct, 'select count(*) as n from sms_messages where campaign_id = $1 and status = any($2)', [
          campaignId,
          statuses,
        ])
      )[0].n,
    );
  const leftInQueue = () => campaignRows(['pending', 'sending']);
  let done = false;
  const prober = (async () => {
    while (!done) {
      for (const p of ['/api/health', `/api/sms/campaigns/${campaignId}`]) {
        const r = await http('GET', `${api}${p}`, { token, timeoutMs: 10_000 });
        probes[r.status] = (probes[r.status] ?? 0) + 1;
        // The access token expires (15 min) during a long run: sign in again, as the panel refreshes.
        if (r.status === 401) token = (await signIn().catch(() => undefined)) ?? token;
        if (inOutage) outageProbes[r.status] = (outageProbes[r.status] ?? 0) + 1;
      }
      await sleep(500);
    }
  })();

  const deadline = Date.now() + opts.timeoutMin * 60_000;
  const KILL_EVERY_MS = opts.killEvery.split('-').map((v) => Number(v) * 1000);
  const nextKillAt = () => Date.now() + KILL_EVERY_MS[0] + random() * (KILL_EVERY_MS[1] - KILL_EVERY_MS[0]);
  let nextKill = nextKillAt();
  // A victim has been up a while (booting takes seconds on a busy machine): kills land on working processes.
  const up = (s) => s.child?.pid && Date.now() - s.startedAt > 5_000;
  let cutDone = false;
  let terminateDone = false;
  for (;;) {
    const left = await leftInQueue().catch(() => undefined);
    if (left === 0) {
      const [c] = await query(direct, 'select status from sms_campaigns where id = $1', [campaignId]);
      if (c.status === 'completed') break;
    }
    if (Date.now() > deadline) {
      say(`timed out after ${opts.timeoutMin} min with ${left} messages still queued: reporting what was done`);
      break;
    }
    const progress = left === undefined ? 0 : 1 - left / opts.messages;
    if (!cutDone && progress >= 0.25) {
      cutDone = true;
      faults.dbCut++;
      // with the API up, so its answers during the outage are measured
      await waitFor(
        'the API before the outage',
        async () => (await http('GET', `${api}/api/health`)).status === 200,
        60_000,
      );
      say('database outage: network to PostgreSQL cut for 10 s');
      proxy.cut();
      inOutage = true;
      await sleep(10_000);
      inOutage = false;
      proxy.restore();
      say('database reachable again');
    } else if (!terminateDone && progress >= 0.5) {
      terminateDone = true;
      const rows = await query(
        direct,
        `select pg_terminate_backend(pid) as ok from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid() and application_name <> 'loctelli-chaos'`,
      );
      faults.terminated += rows.filter((r) => r.ok).length;
      say(`pg_terminate_backend: ${rows.length} backends of the product terminated`);
    } else if (Date.now() >= nextKill && progress < 0.95) {
      const victims = [apiService, ...workers].filter(up);
      const victim = victims[Math.floor(random() * victims.length)];
      if (victim) {
        say(`kill -9 ${victim.name} (pid ${victim.child.pid})`);
        victim.child.kill('SIGKILL');
        faults[victim === apiService ? 'killApi' : 'killWorker']++;
      }
      nextKill = nextKillAt();
    }
    await sleep(500);
  }
  const wallSeconds = (Date.now() - t0) / 1000;
  say(
    `campaign finished or stopped after ${wallSeconds.toFixed(1)} s; waiting up to ${opts.settleMin} min for lost callbacks`,
  );
  const settleDeadline = Date.now() + opts.settleMin * 60_000;
  await waitFor(
    'statuses to settle',
    async () => Date.now() > settleDeadline || (await campaignRows(['sent'])) === 0,
    opts.settleMin * 60_000 + 10_000,
  );
  done = true;
  await prober;
  return report({
    direct,
    campaignId,
    sim,
    recipients,
    wallSeconds,
    faults,
    probes: { all: probes, duringDatabaseOutage: outageProbes },
    restarts,
  });
}

async function report({ direct, campaignId, sim, recipients, wallSeconds, faults, probes, restarts }) {
  const state = (await http('GET', `${sim}/__sim/state`, { timeoutMs: 60_000 })).body;
  const counted = countOutcomes(
    recipients,
    state.messages,
    await query(
      direct,
      'select phone_number, status, error_message, twilio_sid from sms_messages where campaign_id = $1',
      [campaignId],
    ),
  );
  const { lost, duplicated, unfinished, misrecorded, failedReasons } = counted;
  const result = {
    messages: recipients.length,
    wallSeconds: Number(wallSeconds.toFixed(1)),
    messagesPerSecond: Number((recipients.length / wallSeconds).toFixed(1)),
    lost,
    duplicated,
    unfinished,
    misrecorded,
    failedWithReason: failedReasons,
    statuses: counted.statuses,
    faults: { ...faults, processRestarts: restarts.filter((l) => l.includes('restarting')).length },
    simulator: {
      createRequests: state.counters.createRequests,
      created: state.counters.created,
      answered429: state.counters.rate429,
      answered5xx: state.counters.rate5xx,
      callbacksDropped: state.counters.callbacksDropped,
      callbacksFailed: state.counters.callbacksFailed,
    },
    apiAnswersDuringRun: probes,
  };
  console.log(`\n${JSON.stringify(result, null, 2)}`);
  console.log(
    `\nmessages ${result.messages} · wall ${result.wallSeconds} s · lost ${lost} · duplicated ${duplicated} · unfinished ${unfinished} · misrecorded ${misrecorded} · failed ${Object.values(failedReasons).reduce((a, b) => a + b, 0)}`,
  );
  return result;
}

main().then(
  (r) => process.exit(r.lost + r.duplicated + r.unfinished + r.misrecorded === 0 ? 0 : 2),
  (e) => {
    console.error(`✖ ${e.stack ?? e}`);
    process.exit(1);
  },
);
