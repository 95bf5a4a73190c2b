#!/usr/bin/env node
// One command for the whole product: build what is stale, start the Twilio simulator when no Twilio
// credentials are set, the API (which migrates and seeds the demo), and the admin panel. Every process is
// supervised: one that crashes is restarted with backoff (scripts/lib/supervisor.mjs).
//
//   npm start                           one API process that also dispatches (SMS_ROLE=all), the panel
//   npm run cluster                     2 API processes sharing one port + 2 workers on DATABASE_URL, the panel
//   npm start -- --api 3 --workers 4    the same with other counts (--api/--workers imply --cluster)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDotEnv } from './lib/dotenv.mjs';
import { missingBuildFiles, panelEnv } from './lib/panel-build.mjs';
import { isStale } from './lib/staleness.mjs';
import { Supervisor } from './lib/supervisor.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = parseArgs(process.argv.slice(2));
const dev = args.dev;
const env = { ...loadDotEnv(path.join(root, '.env')), ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const apiPort = Number(env.PORT ?? 3001);
const webPort = Number(env.WEB_PORT ?? 3000);
const simPort = Number(env.SIM_PORT ?? 4010);
const supervisor = new Supervisor({ onGiveUp: () => shutdown(1) });

function parseArgs(argv) {
  const out = { dev: false, cluster: false, apis: 2, workers: 2, panel: true };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const count = () => {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) fail(`${flag} takes a whole number of processes, at least 1`);
      out.cluster = true;
      return n;
    };
    if (flag === '--dev') out.dev = true;
    else if (flag === '--cluster') out.cluster = true;
    else if (flag === '--no-panel') out.panel = false;
    else if (flag === '--api') out.apis = count();
    else if (flag === '--workers') out.workers = count();
    else fail(`unknown option ${flag} (known: --dev, --cluster, --api N, --workers N, --no-panel)`);
  }
  if (out.cluster && out.dev) fail('--dev runs one API process; leave out --cluster/--api/--workers');
  return out;
}

function fail(message) {
  console.error(`✖ ${message}`);
  process.exit(1);
}

function run(cmd, args, opts = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env, ...opts });
  if (result.status !== 0) {
    console.error(`\n✖ ${cmd} ${args.join(' ')} failed`);
    process.exit(result.status ?? 1);
  }
}

/** Builds when the build's output is missing, incomplete or older than its sources (`npm run build` counts too). */
function build(name, sources, output, args, { complete, buildEnv = env } = {}) {
  if (!isStale(root, sources, output, { complete })) return;
  console.log(`▸ building ${name}…`);
  run('npm', args, { env: buildEnv });
  if (complete && !complete(path.dirname(path.join(root, output)))) {
    console.error(`\n✖ the ${name} build finished without ${output}'s companions; run \`npm run build -w my-app\``);
    process.exit(1);
  }
}

function start(name, cmd, args, extraEnv = {}, cwd = root, baseEnv = env) {
  return supervisor.add({ name, cmd, args, cwd, env: { ...baseEnv, ...extraEnv } });
}

async function waitForUrl(url, what, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  console.error(`✖ ${what} did not come up at ${url}`);
  shutdown(1);
}

let shuttingDown = false;
/** SIGTERM to every process; each finishes what it has in flight (up to 30 s) before the supervisor exits. */
function shutdown(code = 0) {
  if (shuttingDown) return;
  shuttingDown = true;
  console.error('▸ stopping: processes finish the sends in flight');
  void supervisor.stop().then(() => process.exit(code));
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

if (args.cluster && !env.DATABASE_URL) {
  fail('a cluster shares one PostgreSQL database: set DATABASE_URL (the embedded database is for one process)');
}
if (!fs.existsSync(path.join(root, 'node_modules'))) {
  console.error('✖ Dependencies are missing: run `npm install` first.');
  process.exit(1);
}

build('Twilio simulator', ['twilio-sim/src'], 'twilio-sim/dist/main.js', ['run', 'build', '-w', 'twilio-sim']);
build('API', ['project/src', 'project/drizzle'], 'project/dist/main.js', ['run', 'build', '-w', 'project']);
if (!dev && args.panel)
  build(
    'admin panel',
    ['my-app/app', 'my-app/components', 'my-app/lib', 'my-app/types', 'my-app/next.config.ts'],
    'my-app/.next/BUILD_ID',
    ['run', 'build', '-w', 'my-app'],
    { complete: (dir) => missingBuildFiles(dir).length === 0, buildEnv: panelEnv(env, 'build') },
  );

const simulated = !env.TWILIO_ACCOUNT_SID;
let apiEnv = {};
if (simulated) {
  const accountSid = 'AC' + '5'.repeat(32);
  const authToken = 'simulatorAuthToken000000000000';
  start('Twilio simulator', process.execPath, ['twilio-sim/dist/main.js'], {
    SIM_PORT: String(simPort),
    SIM_ACCOUNT_SID: accountSid,
    SIM_AUTH_TOKEN: authToken,
    // What the simulated account owns: the shared sender, and one number a SubAccount may claim with these credentials.
    SIM_PHONE_NUMBERS: `${env.TWILIO_PHONE_NUMBER ?? '+15005550006'},+14155550100`,
    SIM_INBOUND_URL: `http://127.0.0.1:${apiPort}/api/sms/webhooks/twilio/inbound`,
  });
  await waitForUrl(`http://127.0.0.1:${simPort}/__sim/health`, 'Twilio simulator');
  apiEnv = {
    TWILIO_ACCOUNT_SID: accountSid,
    TWILIO_AUTH_TOKEN: authToken,
    TWILIO_PHONE_NUMBER: env.TWILIO_PHONE_NUMBER ?? '+15005550006',
    TWILIO_API_BASE_URL: `http://127.0.0.1:${simPort}`,
  };
}

if (dev) {
  start('API compiler', 'npx', ['tsc', '-p', 'project/tsconfig.build.json', '--watch', '--preserveWatchOutput']);
  start('API', process.execPath, ['--watch-path=project/dist', 'project/dist/main.js'], apiEnv);
} else if (args.cluster) {
  await startCluster();
} else {
  start('API', process.execPath, ['project/dist/main.js'], apiEnv);
}
await waitForUrl(`http://127.0.0.1:${apiPort}/api/health`, 'API');

/**
 * N API processes (SMS_ROLE=api) sharing PORT through node:cluster (scripts/api-cluster.mjs), and M workers
 * (SMS_ROLE=worker), all on one DATABASE_URL with one environment, so one JWT_SECRET and ENCRYPTION_KEY. The first
 * API process starts alone (it migrates, seeds the demo and, in development, writes DATA_DIR/secrets.json that the
 * others read); the workers start once it answers.
 */
async function startCluster() {
  const publicBaseUrl = env.PUBLIC_BASE_URL ?? `http://127.0.0.1:${apiPort}`;
  const roles = { ...apiEnv, SMS_ROLE: 'api', PORT: String(apiPort), PUBLIC_BASE_URL: publicBaseUrl };
  start('API cluster', process.execPath, ['scripts/api-cluster.mjs', '--processes', String(args.apis)], roles);
  await waitForUrl(`http://127.0.0.1:${apiPort}/api/health`, 'API');
  for (let i = 1; i <= args.workers; i++) {
    start(`worker ${i}`, process.execPath, ['project/dist/main.js'], { ...roles, SMS_ROLE: 'worker' });
  }
  console.log(`▸ cluster: ${args.apis} API process(es) sharing :${apiPort}, ${args.workers} worker(s)`);
}

if (args.panel) {
  // my-app/server.mjs wraps Next so X-Forwarded-For comes from the socket, not from the client.
  const nextArgs = dev ? ['server.mjs', '--dev'] : ['server.mjs'];
  start(
    'admin panel',
    process.execPath,
    nextArgs,
    { API_URL: `http://127.0.0.1:${apiPort}`, PORT: String(webPort) },
    path.join(root, 'my-app'),
    panelEnv(env, dev ? 'dev' : 'start'),
  );
  await waitForUrl(`http://127.0.0.1:${webPort}/login`, 'admin panel', 180_000);
}

const password = env.DEMO_PASSWORD ?? 'demo-password';
console.log(`
  Loctelli SMS is running${simulated ? ' (Twilio simulator: no real texts are sent)' : ''}

${args.panel ? `    Admin panel   http://localhost:${webPort}/login\n` : ''}    API           http://localhost:${apiPort}/api   (docs: /api/docs)
${simulated ? `    Simulator     http://127.0.0.1:${simPort}/__sim/state\n` : ''}
    Demo admin    admin@demo.loctelli.test / ${password}
    Demo user     user@demo.loctelli.test / ${password}

  Data is kept in ${env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : path.resolve(root, env.DATA_DIR ?? 'data')}. A process that crashes is
  restarted. Ctrl+C stops everything (after the sends in flight).
`);
