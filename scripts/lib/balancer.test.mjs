import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { after, test } from 'node:test';
import { startBalancer } from './balancer.mjs';
import { Supervisor } from './supervisor.mjs';

const closers = [];
after(async () => {
  for (const close of closers.reverse()) await close();
});

async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** An API process's stand-in: answers every request with its pid, port and the body it received. */
const backendScript = (port) => `
  require('node:http').createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => res.end(JSON.stringify({ pid: process.pid, port: ${port}, body })));
  }).listen(${port}, '127.0.0.1');
`;

async function balancerOver(backends, options = {}) {
  const server = await startBalancer({ port: 0, backends, ...options });
  closers.push(() => new Promise((resolve) => server.close(resolve)));
  return server.address().port;
}

/** One request on its own connection (as a new client or webhook): status, headers and parsed body. */
function request(port, { method = 'GET', body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ port, host: '127.0.0.1', method, path: '/api/health', agent: false }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function until(check, what, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** `count` supervised API stand-ins on free ports, each up (answering) before this resolves. */
async function supervisedBackends(count) {
  const supervisor = new Supervisor({ firstBackoffMs: 500, log: () => undefined });
  closers.push(() => supervisor.stop());
  const ports = await Promise.all(Array.from({ length: count }, freePort));
  const services = ports.map((port, i) =>
    supervisor.add({ name: `API ${i + 1}`, cmd: process.execPath, args: ['-e', backendScript(port)] }),
  );
  for (const port of ports) await until(() => request(port).catch(() => false), `the API on ${port}`);
  return { ports, services };
}

test('spreads new connections over the API processes in turn', async () => {
  const { ports } = await supervisedBackends(3);
  const port = await balancerOver(ports);
  const answered = [];
  for (let i = 0; i < 9; i++) answered.push((await request(port)).body.port);
  assert.deepEqual(
    ports.map((p) => answered.filter((a) => a === p).length),
    [3, 3, 3],
  );
});

test('takes a killed API process out of rotation, answers every request meanwhile, and uses it again once restarted', async () => {
  const { ports, services } = await supervisedBackends(2);
  const port = await balancerOver(ports, { downForMs: 200 });
  const killedPid = services[0].child.pid;
  const exited = new Promise((resolve) => services[0].child.once('exit', resolve));
  services[0].child.kill('SIGKILL');
  await exited;

  const statuses = [];
  const restarted = await until(async () => {
    const res = await request(port);
    statuses.push(res.status);
    return res.body.port === ports[0] && res.body.pid;
  }, 'the killed process to be back in rotation');
  assert.notEqual(restarted, killedPid);
  assert.equal(services[0].restarts, 1);
  assert.ok(statuses.length > 5, `only ${statuses.length} requests during the restart`);
  assert.deepEqual(new Set(statuses), new Set([200]));
});

test('answers 503 with Retry-After while the only API process restarts, then 200', async () => {
  const { ports, services } = await supervisedBackends(1);
  const port = await balancerOver(ports, { downForMs: 200 });
  const exited = new Promise((resolve) => services[0].child.once('exit', resolve));
  services[0].child.kill('SIGKILL');
  await exited;

  const down = await request(port);
  assert.equal(down.status, 503);
  assert.equal(down.headers['retry-after'], '1');
  assert.equal(down.body.error, 'Service Unavailable');
  const seen = new Set();
  await until(async () => {
    const res = await request(port);
    seen.add(res.status);
    return res.status === 200;
  }, 'the restarted process to answer');
  assert.ok(
    [...seen].every((s) => s === 200 || s === 503),
    `answers during the restart: ${[...seen]}`,
  );
});

test('delivers a webhook POST with its body to a live process when the next one in turn is down', async () => {
  const { ports } = await supervisedBackends(1);
  const dead = await freePort(); // an API process that is not there
  const port = await balancerOver([dead, ports[0]]);
  const body = 'MessageSid=SM123&MessageStatus=delivered';
  for (let i = 0; i < 4; i++) {
    const res = await request(port, { method: 'POST', body });
    assert.equal(res.status, 200);
    assert.deepEqual([res.body.port, res.body.body], [ports[0], body]);
  }
});

test('sets X-Forwarded-For from the client socket: a client cannot choose the address the API counts', async () => {
  const port = await freePort();
  const echo = http.createServer((req, res) => res.end(JSON.stringify({ xff: req.headers['x-forwarded-for'] })));
  await new Promise((resolve) => echo.listen(port, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => echo.close(resolve)));
  const balancer = await balancerOver([port], { trustProxy: 'none' });
  const answer = await new Promise((resolve, reject) => {
    const req = http.request(
      { port: balancer, host: '127.0.0.1', path: '/', headers: { 'x-forwarded-for': '203.0.113.9' }, agent: false },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve(JSON.parse(text)));
      },
    );
    req.on('error', reject);
    req.end();
  });
  assert.equal(answer.xff, '127.0.0.1');
});
