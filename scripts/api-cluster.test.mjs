import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const clusterScript = path.join(root, 'scripts/api-cluster.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'api-cluster-test-'));
const running = new Set();
after(() => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * An API process's stand-in: answers every request with its pid; notes "start" and "listening" with the time, and
 * "stopped" after finishing on SIGTERM, in `log`. Listens on PORT, as the API does.
 */
function fakeApi(log) {
  const file = path.join(dir, `api-${Math.random().toString(36).slice(2)}.cjs`);
  fs.writeFileSync(
    file,
    `const fs = require('node:fs');
     const note = (what) => fs.appendFileSync(${JSON.stringify(log)}, what + ' ' + process.pid + ' ' + Date.now() + '\\n');
     note('start');
     const server = require('node:http').createServer((req, res) => res.end(String(process.pid)));
     server.listen(Number(process.env.PORT), '127.0.0.1', () => note('listening'));
     process.on('SIGTERM', () => server.close(() => { note('stopped'); process.exit(0); }));`,
  );
  return file;
}

/** A stand-in that counts its requests in prom-client and serves /metrics as the API does in a cluster. */
function countingApi() {
  const file = path.join(dir, `counting-${Math.random().toString(36).slice(2)}.cjs`);
  const promClient = createRequire(path.join(root, 'project/package.json')).resolve('prom-client');
  fs.writeFileSync(
    file,
    `const { AggregatorRegistry, Counter, Registry } = require(${JSON.stringify(promClient)});
     const registry = new Registry();
     const served = new Counter({ name: 'served_total', help: 'requests', registers: [registry] });
     new AggregatorRegistry();
     AggregatorRegistry.setRegistries([registry]);
     const type = 'loctelli:cluster-metrics';
     require('node:http').createServer((req, res) => {
       served.inc();
       if (req.url !== '/metrics') return res.end(String(process.pid));
       const id = Math.random();
       process.on('message', (m) => m.type === type && m.id === id && res.end(m.text));
       process.send({ type, id });
     }).listen(Number(process.env.PORT), '127.0.0.1', () => {
       require('node:fs').appendFileSync(process.env.NOTES, 'start ' + process.pid + ' ' + Date.now() + '\\n' +
         'listening ' + process.pid + ' ' + Date.now() + '\\n');
     });`,
  );
  return file;
}

async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startCluster(processes, api = fakeApi) {
  const log = path.join(dir, `log-${Math.random().toString(36).slice(2)}`);
  const port = await freePort();
  const child = spawn(process.execPath, [clusterScript, '--processes', String(processes), '--exec', api(log)], {
    env: { ...process.env, PORT: String(port), NOTES: log },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  const notes = () =>
    (fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [what, pid, at] = line.split(' ');
        return { what, pid: Number(pid), at: Number(at) };
      });
  await until(() => notes().filter((n) => n.what === 'listening').length === processes, 'every process to listen');
  return { child, port, notes, stderr: () => stderr };
}

/** One GET on its own connection (a new client): the body of its 200 answer. */
function getText(port, urlPath) {
  return new Promise((resolve, reject) => {
    const req = http.get({ port, host: '127.0.0.1', path: urlPath, agent: false }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => (res.statusCode === 200 ? resolve(text) : reject(new Error(`${res.statusCode}`))));
    });
    req.on('error', reject);
  });
}

/** The pid of the process that answered a new client. */
const pidAnswering = async (port) => Number(await getText(port, '/api/health'));

async function until(check, what, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

test('deals new connections on one port to every API process; the first listens before the others start', async () => {
  const { port, notes } = await startCluster(3);
  const [first, ...others] = notes().filter((n) => n.what === 'start');
  const firstListening = notes().find((n) => n.what === 'listening' && n.pid === first.pid);
  for (const other of others)
    assert.ok(other.at >= firstListening.at, 'a second process started before the first listened');

  const answered = new Set();
  for (let i = 0; i < 12; i++) answered.add(await pidAnswering(port));
  assert.deepEqual(
    [...answered].sort(),
    notes()
      .filter((n) => n.what === 'start')
      .map((n) => n.pid)
      .sort(),
  );
});

test('restarts a killed API process while the others answer every request', async () => {
  const { port, notes, stderr } = await startCluster(2);
  const [victim, survivor] = notes()
    .filter((n) => n.what === 'start')
    .map((n) => n.pid);
  process.kill(victim, 'SIGKILL');
  // A connection dealt to a process in the instant it dies is lost with it (see docs/operations.md).
  await until(() => stderr().includes('API process 1 stopped (SIGKILL)'), 'the cluster to see the process gone');

  const answeredBy = [];
  const restarted = await until(async () => {
    answeredBy.push(await pidAnswering(port));
    return notes().find((n) => n.what === 'listening' && ![victim, survivor].includes(n.pid));
  }, 'the killed process to be replaced');
  assert.ok(answeredBy.length > 5, `only ${answeredBy.length} requests during the restart`);
  assert.ok(!answeredBy.includes(victim));
  await until(async () => (await pidAnswering(port)) === restarted.pid, 'the new process to get connections');
});

test('SIGTERM lets every API process finish and stop, then exits 0', async () => {
  const { child, notes } = await startCluster(2);
  const exit = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  assert.equal(await exit, 0);
  assert.equal(notes().filter((n) => n.what === 'stopped').length, 2);
});

test("answers a process's request for metrics with every process's, summed", async () => {
  const { port } = await startCluster(3, countingApi);
  const answered = new Set();
  for (let i = 0; i < 9; i++) answered.add(await pidAnswering(port));
  assert.equal(answered.size, 3);
  const metrics = await getText(port, '/metrics');
  assert.match(metrics, /^served_total 10$/m); // the 9 above and this one
});

test('refuses a process count that is not a whole number', async () => {
  const child = spawn(process.execPath, [clusterScript, '--processes', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  const code = await new Promise((resolve) => child.once('exit', resolve));
  assert.equal(code, 1);
  assert.match(stderr, /--processes takes a whole number/);
});
