#!/usr/bin/env node
// Dispatch benchmark (issue 12): how fast the product gets messages to Twilio, on PostgreSQL, against the
// simulator answering every request in 50 ms (a child process, like Twilio a separate machine).
//   (a) the simulator's ceiling: create calls through the product's provider (the twilio SDK), 200 at a time;
//   (b) the naive sender: the same calls one after another;
//   (c) the product, 1 and 2 worker processes (SMS_ROLE=worker) and an API taking the callbacks: messages/s
//       accepted at Twilio and deliveries recorded/s;
//   (d) a configured rate (600/min): the achieved rate over a minute;
//   (e) the wait of single sends (accept → accepted at Twilio) while a 10,000-recipient campaign sends at 60/s;
//   (g) fairness: SubAccount B's single-send p99 wait, accept → simulator, with and without SubAccount A's big
//       campaign sending (fairness.mjs);
//   (h) memory: the worker's RSS sampled over a long run (memory.mjs).
//
//   npm run bench -- dispatch [--pg postgres://postgres@127.0.0.1:5432/postgres] [--messages 10000]
//     [--workers 1,2] [--rate-seconds 60] [--port 4110] [--no-write]
//     [--parts ceiling,naive,product,rate,single,fairness,memory]   (default: all)
//     [--fair-campaign 100000] [--fair-sends 50] [--fair-spacing-ms 200] [--memory-messages 100000]
//
// Needs `npm run build -w project -w twilio-sim`. Creates database dispatch_bench_<hex> and drops it after.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fairnessRun } from './fairness.mjs';
import { memoryRun } from './memory.mjs';
import {
  describeMachine,
  psql,
  root,
  rssMb,
  sleep,
  startNode,
  waitForHttp,
  withDatabase,
  writeSection,
} from '../common.mjs';

const ACCOUNT = 'AC' + 'a'.repeat(32);
const TOKEN = 'bench-auth-token-0123456789abcdef';
const FROM = '+15005550006';
const LATENCY_MS = 50;
const opts = parseArgs(process.argv.slice(2));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-bench-'));
const stops = [];

async function main() {
  for (const f of ['project/dist/main.js', 'twilio-sim/dist/main.js'])
    if (!fs.existsSync(path.join(root, f))) throw new Error(`${f} is missing: npm run build -w project -w twilio-sim`);
  const machine = { ...describeMachine(), load: os.loadavg()[0].toFixed(1) };
  console.log(`▸ ${machine.cpus} CPUs (${machine.model}), ${machine.memory}, node ${machine.node}`);
  const dbName = `dispatch_bench_${randomBytes(4).toString('hex')}`;
  psql(opts.pg, `create database ${dbName}`);
  stops.push(async () => psql(opts.pg, `drop database if exists ${dbName} with (force)`, { allowFail: true }));
  const dbUrl = withDatabase(opts.pg, dbName);
  const sim = await startSim();
  const api = await startApi(dbUrl, sim);
  const sub = Number(psql(dbUrl, 'select min(id) from sub_accounts'));
  const results = { machine, messages: opts.messages };
  const run = (part) => opts.parts.includes(part);

  if (run('ceiling')) {
    results.ceiling = await ceiling(sim, Math.min(4_000, opts.messages), 200);
    console.log(`(a) ceiling: ${results.ceiling.toFixed(0)} msg/s`);
  }
  if (run('naive')) {
    results.naive = await ceiling(sim, 100, 1);
    console.log(`(b) naive: ${results.naive.toFixed(1)} msg/s`);
  }
  results.product = [];
  for (const workers of run('product') ? opts.workers : []) {
    const r = await productRun(dbUrl, sim, sub, workers, opts.messages);
    results.product.push(r);
    console.log(
      `(c) ${workers} worker(s): ${r.accepted.toFixed(0)} accepted/s, ${r.delivered.toFixed(0)} delivered-recorded/s, worker RSS ${r.rss} MB`,
    );
  }
  if (run('rate')) {
    results.rate = await rateRun(dbUrl, sim, sub);
    console.log(`(d) 600/min configured: ${results.rate.perMinute.toFixed(1)}/min over ${opts.rateSeconds} s`);
  }
  if (run('single')) {
    results.single = await singleSendRun(dbUrl, sim, api, sub);
    console.log(`(e) single-send wait during a campaign: p50 ${results.single.p50} ms, max ${results.single.max} ms`);
  }
  const ctx = {
    dbUrl,
    sim,
    api,
    sub,
    opts,
    reset: async () => {
      await sim.reset();
      psql(dbUrl, RESET);
    },
    startWorkers: (n) => startWorkers(dbUrl, sim, n),
    queue: (n) => queueRows(dbUrl, sub, n, 0),
  };
  if (run('fairness')) {
    const f = (results.fairness = await fairnessRun(ctx));
    console.log(
      `(g) B's single-send p99, accept → simulator: ${f.alone.p99} ms alone, ${f.during.p99} ms during A's ${f.campaign}-row campaign (${f.ratio.toFixed(2)}×; ${f.during.campaignQueued} of A's rows still queued after)`,
    );
  }
  if (run('memory')) {
    const m = (results.memory = await memoryRun(ctx));
    console.log(
      `(h) worker RSS over ${m.messages} messages: start ${m.start} MB, peak ${m.peak} MB, end ${m.end} MB (${m.seconds.toFixed(0)} s${m.complete ? '' : ', timed out'})`,
    );
  }

  const report = render(results);
  console.log(`\n${report}`);
  if (opts.write) writeSection('dispatch', report);
}

// ------------------------------------------------------------------------------------------------ pieces

async function startSim() {
  const port = opts.port;
  const log = path.join(tmp, 'sim.log');
  const env = {
    ...process.env,
    SIM_PORT: String(port),
    SIM_ACCOUNT_SID: ACCOUNT,
    SIM_AUTH_TOKEN: TOKEN,
    SIM_LATENCY_MS: String(LATENCY_MS),
    SIM_CALLBACK_DELAY_MS: '200',
  };
  const proc = startNode(['twilio-sim/dist/main.js'], env, log);
  stops.push(proc.stop);
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/__sim/state?messages=0`, proc, log);
  const control = async (what, body) =>
    (
      await fetch(`${url}/__sim/${what}`, {
        method: body ? 'POST' : 'GET',
        headers: { 'content-type': 'application/json' },
        body: body && JSON.stringify(body),
      })
    ).json();
  return {
    url,
    reset: () => control('reset', {}),
    created: async () => (await control('state?messages=0')).counters.created,
    state: () => control('state'),
  };
}

function productEnv(dbUrl, sim, role, port) {
  return {
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    SMS_ROLE: role,
    PORT: String(port),
    DATA_DIR: tmp,
    DATABASE_URL: dbUrl,
    JWT_SECRET: 'bench-jwt-secret-bench-jwt-secret-0123456789',
    ENCRYPTION_KEY: '0'.repeat(63) + '1',
    DEMO_PASSWORD: 'demo-password',
    PUBLIC_BASE_URL: `http://127.0.0.1:${opts.port + 1}`,
    TWILIO_ACCOUNT_SID: ACCOUNT,
    TWILIO_AUTH_TOKEN: TOKEN,
    TWILIO_PHONE_NUMBER: FROM,
    TWILIO_API_BASE_URL: sim.url,
    SMS_RATE_SEGMENTS_PER_SECOND: '10000',
    SMS_MAX_IN_FLIGHT: String(opts.inFlight),
    SMS_MAX_BATCH_SIZE: '200',
    SMS_QUIET_HOURS_ENABLED: 'false',
  };
}

async function startApi(dbUrl, sim) {
  const port = opts.port + 1;
  const log = path.join(tmp, 'api.log');
  const proc = startNode(['project/dist/main.js'], productEnv(dbUrl, sim, 'api', port), log);
  stops.push(proc.stop);
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/api/health`, proc, log);
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.loctelli.test', password: 'demo-password' }),
  });
  const { accessToken } = await res.json();
  return { base, token: accessToken };
}

async function startWorkers(dbUrl, sim, n) {
  const procs = [];
  for (let i = 0; i < n; i++) {
    const log = path.join(tmp, `worker-${i}.log`);
    // At info level, so its log says when the dispatcher runs.
    const env = { ...productEnv(dbUrl, sim, 'worker', opts.port + 2 + i), LOG_LEVEL: 'info' };
    procs.push(startNode(['project/dist/main.js'], env, log));
  }
  // No HTTP to wait on: each says so in its log when its dispatcher runs.
  const deadline = Date.now() + 120_000;
  for (let i = 0; i < n; i++) {
    const log = path.join(tmp, `worker-${i}.log`);
    while (!fs.readFileSync(log, 'utf8').includes('Dispatcher worker running')) {
      if (procs[i].exited() || Date.now() > deadline)
        throw new Error(`worker ${i} did not start:\n${fs.readFileSync(log, 'utf8').slice(-2000)}`);
      await sleep(100);
    }
  }
  return { procs, stop: () => Promise.all(procs.map((p) => p.stop())) };
}

/** (a)/(b): create calls straight through the product's provider (the SDK), `concurrency` at a time. */
async function ceiling(sim, n, concurrency) {
  const require = createRequire(path.join(root, 'project/package.json'));
  const { TwilioProvider } = require(path.join(root, 'project/dist/shared/sms/provider/twilio.provider.js'));
  const provider = new TwilioProvider({ baseUrl: sim.url, timeoutMs: 60_000 });
  const creds = { accountSid: ACCOUNT, authToken: TOKEN };
  await sim.reset();
  let next = 0;
  let errors = 0;
  const statusCallback = `http://127.0.0.1:${opts.port + 50}/void`;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const to = `+1202${2_000_000 + i}`;
        // A loaded machine resets an odd connection: retried (counted), as a sender would.
        for (let attempt = 0; ; attempt++) {
          try {
            await provider.send(creds, { to, body: `Ceiling ${i}`, from: FROM, statusCallback });
            break;
          } catch (e) {
            if (attempt >= 3) throw e;
            errors++;
          }
        }
      }
    }),
  );
  if (errors) console.log(`  (${errors} create calls retried after a connection error)`);
  return n / ((performance.now() - started) / 1000);
}

function queueRows(dbUrl, sub, n, offset) {
  psql(
    dbUrl,
    `insert into sms_messages (sub_account_id, phone_number, message, not_before)
     select ${sub}, '+1303' || (${2_000_000 + offset} + g), 'Bench ' || g, now() from generate_series(1, ${n}) g`,
  );
}

// TRUNCATE waits for the API's callback transactions instead of deadlocking with them as a DELETE can.
const RESET = 'truncate sms_messages, sms_rate_buckets, sms_settings, sms_early_callbacks cascade';

const countStatus = (dbUrl, where) => Number(psql(dbUrl, `select count(*) from sms_messages where ${where}`));

/** (c): queue n messages, let `workers` processes send them; rates from first to last. */
async function productRun(dbUrl, sim, sub, workers, n) {
  await sim.reset();
  psql(dbUrl, RESET);
  const w = await startWorkers(dbUrl, sim, workers);
  try {
    const t0 = performance.now();
    queueRows(dbUrl, sub, n, 0);
    let acceptedAt = null;
    let rss = 0;
    for (;;) {
      const created = await sim.created();
      rss = Math.max(rss, ...w.procs.map((p) => rssMb(p.pid) ?? 0));
      if (created >= n) {
        acceptedAt = performance.now();
        break;
      }
      if (performance.now() - t0 > opts.timeoutMs) break;
      await sleep(100);
    }
    let deliveredAt = null;
    for (;;) {
      if (countStatus(dbUrl, `status = 'delivered'`) >= n) {
        deliveredAt = performance.now();
        break;
      }
      if (performance.now() - t0 > opts.timeoutMs * 2) break;
      await sleep(250);
    }
    const secs = (t) => (t ? (t - t0) / 1000 : NaN);
    const accepted = acceptedAt ? n / secs(acceptedAt) : (await sim.created()) / secs(performance.now());
    const delivered = deliveredAt
      ? n / secs(deliveredAt)
      : countStatus(dbUrl, `status = 'delivered'`) / secs(performance.now());
    const dup = Number(
      psql(dbUrl, `select count(*) - count(distinct twilio_sid) from sms_messages where twilio_sid is not null`),
    );
    return { workers, accepted, delivered, rss, duplicates: dup, complete: Boolean(acceptedAt && deliveredAt) };
  } finally {
    await w.stop();
  }
}

/** (d): 600/min on the SubAccount, 1 worker, a queue longer than the window; sends counted over the window. */
async function rateRun(dbUrl, sim, sub) {
  await sim.reset();
  psql(dbUrl, RESET);
  psql(dbUrl, `insert into sms_settings (sub_account_id, rate_limit_per_minute) values (${sub}, 600)`);
  const w = await startWorkers(dbUrl, sim, 1);
  try {
    queueRows(dbUrl, sub, 10 * opts.rateSeconds + 200, 100_000);
    // From the first send (the queue's first claim), so the window holds the bucket's first burst too.
    while ((await sim.created()) === 0) await sleep(20);
    const t0 = performance.now();
    await sleep(opts.rateSeconds * 1000);
    const created = (await sim.created()) - 1;
    const secs = (performance.now() - t0) / 1000;
    return { configured: 600, perMinute: (created / secs) * 60, seconds: secs, created };
  } finally {
    await w.stop();
    psql(dbUrl, 'truncate sms_settings');
  }
}

/** (e): a 10,000-recipient campaign at 3,600/min (60/s); five single sends during it, accept → at Twilio. */
async function singleSendRun(dbUrl, sim, api, sub) {
  await sim.reset();
  psql(dbUrl, RESET);
  psql(dbUrl, `insert into sms_settings (sub_account_id, rate_limit_per_minute) values (${sub}, 3600)`);
  const headers = {
    'content-type': 'application/json',
    authorization: `Bearer ${api.token}`,
    'x-subaccount-id': String(sub),
  };
  const w = await startWorkers(dbUrl, sim, 1);
  try {
    // Two campaigns of 5,000 (a JSON body of 10,000 numbers is over the API's body limit; a CSV would do).
    for (let c = 0; c < 2; c++) {
      const recipients = Array.from({ length: 5_000 }, (_, i) => `+1404${2_000_000 + c * 5_000 + i}`);
      const created = await fetch(`${api.base}/api/sms/campaigns`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ name: `Bench campaign ${c}`, message: 'Spring sale', recipients }),
      });
      if (!created.ok) throw new Error(`campaign → ${created.status}: ${await created.text()}`);
    }
    while ((await sim.created()) < 300) await sleep(100);
    const waits = [];
    const ids = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const res = await fetch(`${api.base}/api/sms/send`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ phoneNumber: `+1505${2_000_000 + i}`, message: `Reply ${i}` }),
      });
      const { id } = await res.json();
      ids.push(id);
      while (countStatus(dbUrl, `id = ${id} and status in ('sent', 'delivered')`) === 0) {
        if (performance.now() - t > 30_000) break;
        await sleep(20);
      }
      waits.push(Math.round(performance.now() - t));
      await sleep(1_000);
    }
    const pending = countStatus(dbUrl, `campaign_id is not null and status = 'pending'`);
    // The server's own clock: committed as accepted → recorded as accepted by Twilio.
    const server = psql(
      dbUrl,
      `select round(extract(epoch from sent_at - created_at) * 1000) from sms_messages where id in (${ids.join(',')}) order by 1`,
    )
      .split('\n')
      .map(Number);
    waits.sort((a, b) => a - b);
    return { waits, p50: waits[2], max: waits[4], server, campaignPending: pending };
  } finally {
    await w.stop();
  }
}

// ------------------------------------------------------------------------------------------------ report

function render(r) {
  const m = r.machine;
  const one = r.product.find((p) => p.workers === 1);
  const f = (n, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '—');
  const rows = [
    r.ceiling !== undefined &&
      `| (a) simulator ceiling (create calls through the SDK, 200 at a time) | ${f(r.ceiling)} msg/s | 1 |`,
    r.naive !== undefined &&
      `| (b) naive sequential sender (same SDK) | ${f(r.naive, 1)} msg/s | ${f(r.naive / r.ceiling, 3)}× ceiling |`,
    ...r.product.map(
      (p) =>
        `| (c) product, ${p.workers} worker${p.workers > 1 ? 's' : ''} | ${f(p.accepted)} accepted/s · ${f(p.delivered)} delivered-recorded/s · worker RSS ≤ ${p.rss} MB · duplicates ${p.duplicates}${p.complete ? '' : ' (timed out)'} | ${f(p.accepted / r.ceiling, 2)}× ceiling · ${f(p.accepted / r.naive, 1)}× naive |`,
    ),
    r.rate &&
      `| (d) configured 600/min | ${f(r.rate.perMinute, 1)}/min over ${f(r.rate.seconds)} s (${r.rate.created} sent) | ${f(r.rate.perMinute / 600, 3)}× configured |`,
    r.single &&
      `| (e) single send during a 10,000-recipient campaign at 60/s | accept → recorded sent (server clock): ${r.single.server.join(', ')} ms; client POST → seen sent: ${r.single.waits.join(', ')} ms; ${r.single.campaignPending} campaign rows still queued after | target ≤ 2,000 ms |`,
    r.fairness &&
      `| (g) SubAccount B's single sends (${r.fairness.sends}), p99 accept → simulator, alone vs during A's ${r.fairness.campaign.toLocaleString('en-US')}-row campaign | ${r.fairness.alone.p99} ms alone · ${r.fairness.during.p99} ms during (${r.fairness.during.campaignQueued} of A's rows still queued after B's last) | ${f(r.fairness.ratio, 2)}× (target ≤ 1.2×) |`,
    r.memory &&
      `| (h) worker RSS over ${r.memory.messages.toLocaleString('en-US')} messages (1 worker) | start ${r.memory.start} MB · peak ${r.memory.peak} MB · end ${r.memory.end} MB; at each tenth: ${r.memory.tenths.join(', ')} MB${r.memory.complete ? '' : ' (timed out)'} | target: flat |`,
  ].filter(Boolean);
  return `### Dispatch (\`npm run bench -- dispatch\`)

${m.date} · ${m.cpus} CPUs (${m.model}), ${m.memory}, node ${m.node}, ${m.postgres} · load average ${m.load} at the start ·
simulator latency ${LATENCY_MS} ms, ${r.product.length ? `${r.messages.toLocaleString('en-US')} messages per product run, ` : ''}SMS_MAX_IN_FLIGHT=${opts.inFlight}.

| what | measured | ratio |
|---|---|---|
${rows.join('\n')}

Targets: ≥ 1,000 accepted/s per worker (${one ? f(one.accepted) : '—'}), ≥ 0.5× ceiling, ≥ 25× naive, ≥ 500 deliveries recorded/s, B's p99 within 1.2× with A's campaign, memory flat.`;
}

// ------------------------------------------------------------------------------------------------ args

function parseArgs(argv) {
  const o = {
    pg: 'postgres://postgres@127.0.0.1:5432/postgres',
    messages: 10_000,
    workers: [1, 2],
    rateSeconds: 60,
    port: 4110,
    inFlight: 400,
    timeoutMs: 90_000,
    write: true,
    parts: ['ceiling', 'naive', 'product', 'rate', 'single', 'fairness', 'memory'],
    fairCampaign: 100_000,
    fairSends: 50,
    fairSpacingMs: 200,
    memoryMessages: 100_000,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--pg') o.pg = value();
    else if (flag === '--messages') o.messages = Number(value());
    else if (flag === '--workers') o.workers = value().split(',').map(Number);
    else if (flag === '--rate-seconds') o.rateSeconds = Number(value());
    else if (flag === '--port') o.port = Number(value());
    else if (flag === '--in-flight') o.inFlight = Number(value());
    else if (flag === '--no-write') o.write = false;
    else if (flag === '--parts') o.parts = value().split(',');
    else if (flag === '--fair-campaign') o.fairCampaign = Number(value());
    else if (flag === '--fair-sends') o.fairSends = Number(value());
    else if (flag === '--fair-spacing-ms') o.fairSpacingMs = Number(value());
    else if (flag === '--memory-messages') o.memoryMessages = Number(value());
    else if (flag === '--keep') o.keep = true;
    else throw new Error(`unknown flag ${argv[i]} (see the header of bench/dispatch/index.mjs)`);
  }
  return o;
}

async function cleanup() {
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
  if (opts.keep) console.log(`▸ kept ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
}

for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void cleanup().then(() => process.exit(130)));

main()
  .catch((e) => {
    console.error(`✖ ${e.stack ?? e}`);
    process.exitCode = 1;
  })
  .finally(cleanup);
