#!/usr/bin/env node
// The accept path (issue 12, point 6): POST /api/sms/send at a fixed rate against a freshly started API
// (SMS_ROLE=api: nothing is sent, only accepted) on PostgreSQL, a spending cap set so the cap check runs.
// Prints p50/p99/max latency and the status counts. Target: p99 ≤ 50 ms at 500 req/s.
//
//   npm run bench -- accept --pg postgres://postgres@127.0.0.1:5432/postgres --rate 500 --seconds 10
//
// The load is open-loop at a constant rate (constant-rate.mjs): request i is due at i / rate seconds and its latency
// counts from then. Other flags: --apis N (N API processes on one database, request i to API i mod N, as a
// round-robin load balancer in front would send it), --port (the first API's; default a free one), --warmup-seconds 3, --profile (run the API under --cpu-prof and print its
// hottest functions), --keep (keep the API's log and profile). Sends are throttled per user (120 a minute,
// POST /sms/send), so the load is spread over enough users of one SubAccount to stay under it; logins are
// throttled per IP (20 a minute), so they come from several loopback addresses.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { constantRate, quantile } from './constant-rate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const apiMain = path.join(root, 'project/dist/main.js');
const ADMIN = { email: 'admin@demo.loctelli.test', password: 'demo-password' };
const SENDS_PER_USER_PER_MINUTE = 120; // @Throttle on POST /sms/send
const TARGET_P99_MS = 50;

const opts = parseArgs(process.argv.slice(2));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'loctelli-accept-'));
const children = new Set();
let dropDb = () => {};

async function main() {
  if (!fs.existsSync(apiMain)) throw new Error('project/dist/main.js is missing: run `npm run build -w project` first');
  const name = `testscap_accept_${randomBytes(4).toString('hex')}`;
  psql(opts.pg, `create database ${name}`);
  dropDb = () => psql(opts.pg, `drop database if exists ${name} with (force)`, true);
  const apis = [await startApi(withDatabase(opts.pg, name), opts.port)];
  // The first API migrates and seeds alone; the others start on the migrated database.
  for (let i = 1; i < opts.apis; i++)
    apis.push(await startApi(withDatabase(opts.pg, name), opts.port && opts.port + i));
  const api = apis[0];
  try {
    const admin = await login(api.base, ADMIN, '127.0.0.1');
    const me = await request(api.base, 'GET', '/api/auth/me', { token: admin });
    const subAccountId = me.body.subAccounts?.[0]?.id;
    if (!subAccountId) throw new Error('GET /api/auth/me returned no SubAccount');
    await request(api.base, 'PUT', '/api/sms/settings', {
      token: admin,
      subAccountId,
      body: { spendingCapSegments: 100_000_000 },
    });
    const total = opts.rate * (opts.seconds + opts.warmupSeconds);
    const tokens = await makeUsers(api.base, admin, subAccountId, Math.ceil((total * 1.2) / SENDS_PER_USER_PER_MINUTE));
    console.log(
      `▸ ${tokens.length} users; ${opts.warmupSeconds} s warm-up, then ${opts.seconds} s at ${opts.rate} req/s`,
    );
    let n = 0;
    // Request i goes to API i mod N, as a round-robin load balancer in front would send it.
    const fire = (seconds) =>
      constantRate({
        rate: opts.rate,
        seconds,
        request: () => {
          const i = n++;
          return {
            url: `${apis[i % apis.length].base}/api/sms/send`,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[i % tokens.length]}` },
            body: JSON.stringify({
              phoneNumber: `+1415${String(5_000_000 + (i % 1_000_000)).padStart(7, '0')}`,
              message: `Accept bench ${i}`,
            }),
          };
        },
      });
    if (opts.warmupSeconds > 0) await fire(opts.warmupSeconds);
    const load = os.loadavg()[0];
    const run = await fire(opts.seconds);
    const r = summarize(run);
    const statuses = {
      '2xx': r['2xx'],
      non2xx: r.non2xx,
      errors: r.errors,
      generatorLateMs: Math.round(run.lateStartMs),
    };
    const achieved = r.requests.total / opts.seconds;
    const result = {
      apis: apis.length,
      rate: opts.rate,
      achieved,
      p50: r.latency.p50,
      p99: r.latency.p99,
      max: r.latency.max,
      statuses,
      load,
    };
    console.log(JSON.stringify(result, null, 2));
    console.log(
      `\n| ${new Date().toISOString().slice(0, 10)} | PostgreSQL, ${apis.length} API process(es) | ${opts.rate} req/s (achieved ${achieved.toFixed(0)}) | ` +
        `p50 ${r.latency.p50} ms | p99 ${r.latency.p99} ms | max ${r.latency.max} ms | ${r['2xx']} × 202, ${r.non2xx} other | load ${load.toFixed(2)} |`,
    );
    const clean = r['2xx'] > 0 && !r.non2xx && !r.errors;
    if (!clean) console.log(`✖ not every request was accepted: the latencies above do not measure the accept path`);
    else console.log(r.latency.p99 <= TARGET_P99_MS ? `✔ p99 ≤ ${TARGET_P99_MS} ms` : `✖ p99 > ${TARGET_P99_MS} ms`);
    if (!clean || r.latency.p99 > TARGET_P99_MS) process.exitCode = 1;
  } finally {
    for (const a of apis) await a.stop();
    if (api.profileDir) printProfile(api.profileDir);
  }
}

/** The run's counts and its latency percentiles, in whole milliseconds. */
function summarize(run) {
  const ms = (q) => Math.round(quantile(run.latencies, q));
  const twoXx = run.statuses['2xx'] ?? 0;
  return {
    requests: { total: run.latencies.length },
    latency: { p50: ms(0.5), p99: ms(0.99), max: ms(1) },
    '2xx': twoXx,
    non2xx: run.latencies.length - twoXx,
    errors: run.errors,
  };
}

/** Users of the SubAccount, each signed in, so the per-user send throttle is never what is measured. */
async function makeUsers(base, admin, subAccountId, count) {
  const tokens = [];
  const suffix = randomBytes(3).toString('hex');
  for (let i = 0; i < count; i++) {
    const user = { email: `accept-${suffix}-${i}@bench.test`, password: 'bench-password' };
    await request(base, 'POST', '/api/users', { token: admin, subAccountId, body: { ...user, name: `Bench ${i}` } });
    // 20 logins a minute per IP: a new loopback address every 15 users.
    tokens.push(await login(base, user, `127.0.0.${2 + Math.floor(i / 15)}`));
  }
  return tokens;
}

// ------------------------------------------------------------------------------------------ the API

async function startApi(pgUrl, chosenPort) {
  const port = chosenPort ?? (await freePort());
  const env = { ...process.env };
  Object.assign(env, {
    NODE_ENV: 'development',
    PORT: String(port),
    DATA_DIR: tmp,
    DATABASE_URL: pgUrl,
    SMS_ROLE: 'api',
    DEMO_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'warn',
  });
  const profileDir = opts.profile ? fs.mkdtempSync(path.join(tmp, 'prof-')) : null;
  const args = [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), apiMain];
  const logFile = path.join(tmp, `api-${port}.log`);
  const log = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  children.add(child);
  let exited = null;
  child.on('exit', (code, signal) => (exited = signal ?? `exit ${code}`));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited)
      throw new Error(`the API stopped while starting (${exited}):\n${fs.readFileSync(logFile, 'utf8').slice(-2000)}`);
    if (Date.now() > deadline) throw new Error('the API did not answer within 120 s');
    try {
      if ((await fetch(`${base}/api/health`)).status < 500) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const proc = child;
  child.on('exit', () => children.delete(child));
  return {
    base,
    profileDir,
    stop: async () => {
      if (exited) return;
      proc.kill('SIGTERM');
      const until = Date.now() + 30_000;
      while (!exited && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      if (!exited) proc.kill('SIGKILL');
    },
  };
}

async function login(base, user, localAddress) {
  const res = await request(base, 'POST', '/api/auth/login', { body: user, localAddress });
  return res.body.accessToken;
}

/** A JSON request from a chosen loopback address (fetch cannot pick one). Throws on a non-2xx answer. */
function request(base, method, url, { token, subAccountId, body, localAddress } = {}) {
  const data = body === undefined ? undefined : JSON.stringify(body);
  const headers = {
    ...(data ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } : {}),
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...(subAccountId ? { 'x-subaccount-id': String(subAccountId) } : {}),
  };
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${url}`, { method, headers, localAddress }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => {
        if (res.statusCode >= 300) reject(new Error(`${method} ${url} → ${res.statusCode}: ${text.slice(0, 300)}`));
        else resolve({ status: res.statusCode, body: text ? JSON.parse(text) : null });
      });
    });
    req.on('error', reject);
    req.end(data);
  });
}

function printProfile(dir) {
  const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return;
  const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const key = `${node.callFrame.functionName || '(anonymous)'} ${path.basename(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`\n▸ API CPU profile (${(total / 1e6).toFixed(1)} s sampled), top self time:`);
  for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`  ${((us / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
  }
  if (opts.keep) console.log(`  profile: ${path.join(dir, file)}`);
}

// ------------------------------------------------------------------------------------------ helpers

function psql(url, command, allowFail = false) {
  const r = spawnSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-qc', command], { encoding: 'utf8' });
  if (r.status !== 0 && !allowFail) throw new Error(`psql ${command}: ${r.stderr}`);
}

function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function parseArgs(argv) {
  const o = {
    pg: 'postgres://postgres@127.0.0.1:5432/postgres',
    rate: 500,
    seconds: 10,
    warmupSeconds: 3,
    apis: 1,
    profile: false,
    keep: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i];
    if (a === '--pg') o.pg = next();
    else if (a === '--rate') o.rate = Number(next());
    else if (a === '--seconds') o.seconds = Number(next());
    else if (a === '--warmup-seconds') o.warmupSeconds = Number(next());
    else if (a === '--port') o.port = Number(next());
    else if (a === '--apis') o.apis = Number(next());
    else if (a === '--profile') o.profile = true;
    else if (a === '--keep') o.keep = true;
    else throw new Error(`unknown flag ${a}`);
  }
  return o;
}

const cleanup = () => {
  for (const c of children) c.kill('SIGKILL');
  dropDb();
  if (!opts.keep) fs.rmSync(tmp, { recursive: true, force: true });
};
process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});
main()
  .catch((e) => {
    console.error(`✖ ${e.stack ?? e.message}`);
    process.exitCode = 1;
  })
  .finally(cleanup);
