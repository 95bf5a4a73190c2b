// Helpers shared by the benchmarks in this folder (processes, PostgreSQL, the machine, the results file).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function psql(url, command, { allowFail = false } = {}) {
  const r = spawnSync('psql', ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', url, '-c', command], {
    encoding: 'utf8',
  });
  if (r.status !== 0 && !allowFail) throw new Error(`psql: ${r.stderr || r.stdout}`);
  return (r.stdout ?? '').trim();
}

export function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A node child with its output in `log`; `stop()` sends SIGTERM, then SIGKILL after 20 s. */
/** BENCH_CPU_PROF_DIR=<dir> runs every started process under --cpu-prof (one .cpuprofile per pid in <dir>). */
export function startNode(args, env, log) {
  const fd = fs.openSync(log, 'a');
  const prof = process.env.BENCH_CPU_PROF_DIR;
  const flags = prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : [];
  const child = spawn(process.execPath, [...flags, ...args], { cwd: root, env, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  let exited = null;
  child.on('exit', (code, signal) => (exited = signal ?? `exit ${code}`));
  return {
    pid: child.pid,
    exited: () => exited,
    stop: async () => {
      if (exited) return;
      child.kill('SIGTERM');
      const until = Date.now() + 20_000;
      while (!exited && Date.now() < until) await sleep(100);
      if (!exited) child.kill('SIGKILL');
    },
  };
}

export async function waitForHttp(url, proc, log, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc.exited()) throw new Error(`${url}: the process stopped (${proc.exited()}):\n${tail(log)}`);
    if (Date.now() > deadline) throw new Error(`${url} did not answer in time:\n${tail(log)}`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
}

export function rssMb(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

export function tail(file, n = 30) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-n).join('\n');
  } catch {
    return '';
  }
}

export function describeMachine() {
  const cpus = (spawnSync('nproc', { encoding: 'utf8' }).stdout ?? '').trim() || String(os.availableParallelism());
  return {
    cpus,
    model: os.cpus()[0]?.model ?? 'unknown CPU',
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    node: process.version,
    postgres: (spawnSync('psql', ['--version'], { encoding: 'utf8' }).stdout ?? '').trim(),
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  };
}

/** Replaces the text between `<!-- bench:<name>:start -->` and its end marker in docs/BENCHMARKS.md. */
export function writeSection(name, text) {
  const file = path.join(root, 'docs/BENCHMARKS.md');
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  let doc = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
  const block = `${start}\n${text.trim()}\n${end}`;
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  doc = i >= 0 && j > i ? doc.slice(0, i) + block + doc.slice(j + end.length) : `${doc.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(file, doc);
  console.log(`▸ wrote ${path.relative(root, file)} (${name})`);
}
