#!/usr/bin/env node
// Bulk-import benchmark (issue 4, "Performance"): generates CSVs, uploads each to a freshly started API
// (a child process on a free loopback port) through POST /api/sms/bulk, and measures the upload's wall
// time, rows/s and the API's peak RSS. On PostgreSQL the same accepted rows are also loaded with COPY as
// the reference. Writes the tables into docs/BENCHMARKS.md between the bench markers.
//
//   npm run bench -- --rows 100000,1000000 --db postgres,pglite --pg postgres://postgres@127.0.0.1:5432/postgres
//
// Other flags: --timeout-min 15 (per run), --no-write (print only), --keep (keep temp files),
// --profile (run the API under --cpu-prof and print its hottest functions).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const apiMain = path.join(root, 'project/dist/main.js');
const TEMPLATE = 'Hi {{first_name|there}} from {{company|us}}';
const ADMIN = { email: 'admin@demo.loctelli.test', password: 'demo-password' };
const TARGET = { rows: 1_000_000, seconds: 30, rssMb: 300 };
const MARK_START = '<!-- bench:results:start -->';
const MARK_END = '<!-- bench:results:end -->';

const opts = parseArgs(process.argv.slice(2));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'loctelli-bench-'));
const cleanups = [];
let child = null;

async function main() {
  if (!fs.existsSync(apiMain)) throw new Error('project/dist/main.js is missing: run `npm run build -w project` first');
  warnIfStale();
  const phone = loadPhoneRules();
  const plan = makePhonePlan(phone);
  const results = [];
  const machine = describeMachine();
  console.log(`▸ machine: ${machine.cpus} CPUs, ${machine.memory}, node ${process.version}; temp ${tmp}`);
  for (const db of opts.dbs) {
    for (const rows of opts.rows) {
      console.log(`\n▸ ${db} × ${rows.toLocaleString('en-US')} rows`);
      const csv = await generateCsv(rows, plan);
      console.log(
        `  csv: ${(csv.bytes / 1e6).toFixed(1)} MB, expected valid ${csv.expected.valid}, invalid ${csv.expected.invalid}, duplicate ${csv.expected.duplicate} (${csv.seconds.toFixed(1)} s to write)`,
      );
      try {
        results.push(await runOne(db, rows, csv));
      } catch (e) {
        console.error(`  ✖ ${e.message}`);
        results.push({ db, rows, error: e.message });
      } finally {
        if (!opts.keep) fs.rmSync(csv.file, { force: true });
      }
    }
  }
  const report = renderReport(results, machine);
  console.log(`\n${report}`);
  if (opts.write) writeReport(report);
  if (results.some((r) => r.error || !r.check.ok)) process.exitCode = 1;
}

// ---------------------------------------------------------------------------------------------- runs

async function runOne(db, rows, csv) {
  let pgUrl;
  let dropDb = () => {};
  if (db === 'postgres') {
    const name = `bench_${randomBytes(6).toString('hex')}`;
    psql(opts.pg, `create database ${name}`);
    dropDb = () => psql(opts.pg, `drop database if exists ${name} with (force)`, { allowFail: true });
    cleanups.push(dropDb);
    pgUrl = withDatabase(opts.pg, name);
  }
  const dataDir = fs.mkdtempSync(path.join(tmp, `data-${db}-`));
  const api = await startApi({ dataDir, pgUrl });
  try {
    const token = await login(api.base);
    const me = await getJson(api.base, '/api/auth/me', token);
    const subAccountId = me.subAccounts?.[0]?.id;
    if (!subAccountId) throw new Error('GET /api/auth/me returned no SubAccount');
    const load = os.loadavg()[0];
    const before = procStatus(api.pid);
    const cpuBefore = procCpuSeconds(api.pid);
    const upload = await uploadCsv(api.base, token, subAccountId, csv.file, `bench ${rows}`);
    const after = procStatus(api.pid);
    const cpu = procCpuSeconds(api.pid) - cpuBefore;
    if (upload.status !== 201 && upload.status !== 200)
      throw new Error(`POST /api/sms/bulk → ${upload.status}: ${upload.body.slice(0, 500)}`);
    const report = JSON.parse(upload.body);
    const campaign = await getJson(api.base, `/api/sms/campaigns/${report.campaignId}`, token, subAccountId);
    const check = checkResult(rows, csv.expected, report, campaign);
    const seconds = upload.ms / 1000;
    const result = {
      db,
      rows,
      seconds,
      transferSeconds: upload.sentMs / 1000,
      rowsPerSecond: rows / seconds,
      peakRssMb: after.VmHWM / 1024,
      startRssMb: before.VmRSS / 1024,
      cpuSeconds: cpu,
      load,
      accepted: campaign.totalRecipients,
      rejected: campaign.rejectedCount,
      check,
    };
    console.log(
      `  import: ${seconds.toFixed(2)} s (${fmtInt(result.rowsPerSecond)} rows/s; body sent in ${result.transferSeconds.toFixed(2)} s), ` +
        `peak RSS ${result.peakRssMb.toFixed(0)} MB (${result.startRssMb.toFixed(0)} MB before), API CPU ${cpu.toFixed(1)} s, load ${load.toFixed(1)}`,
    );
    console.log(`  check: ${check.ok ? 'ok' : 'FAILED'} — ${check.detail}`);
    if (pgUrl) {
      const stored = Number(
        psql(pgUrl, `select count(*) from sms_messages where campaign_id = ${Number(report.campaignId)}`).trim(),
      );
      if (stored !== campaign.totalRecipients) {
        check.ok = false;
        check.detail += `; sms_messages holds ${stored} rows`;
      }
      Object.assign(result, copyReference(pgUrl, report.campaignId, result.seconds));
      console.log(
        `  COPY of the same ${fmtInt(stored)} rows: ${result.copySeconds.toFixed(2)} s → import/COPY = ${result.ratio.toFixed(1)}×`,
      );
    }
    return result;
  } finally {
    await api.stop();
    if (opts.profile) printProfile(api.profileDir);
    dropDb();
    if (!opts.keep) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function checkResult(rows, expected, report, campaign) {
  const c = report.counts ?? {};
  const problems = [];
  if (campaign.totalRecipients + campaign.rejectedCount !== rows)
    problems.push(`totalRecipients ${campaign.totalRecipients} + rejected ${campaign.rejectedCount} ≠ ${rows}`);
  if (c.rows !== rows) problems.push(`counts.rows ${c.rows} ≠ ${rows}`);
  for (const k of ['valid', 'invalid', 'duplicate'])
    if (c[k] !== expected[k]) problems.push(`counts.${k} ${c[k]} ≠ expected ${expected[k]}`);
  if (campaign.status !== 'sending') problems.push(`campaign status ${campaign.status}`);
  const detail = problems.length
    ? problems.join('; ')
    : `totalRecipients ${fmtInt(campaign.totalRecipients)} + rejected ${fmtInt(campaign.rejectedCount)} = ${fmtInt(rows)} rows; invalid/duplicate as generated`;
  return { ok: problems.length === 0, detail };
}

/**
 * COPY of the imported rows into an empty clone of sms_messages (same columns, defaults, indexes and
 * foreign keys), so the reference writes the same bytes into the same structure, starting empty as the
 * import did. Exporting the rows is not timed; the COPY is, as a whole psql run.
 */
function copyReference(pgUrl, campaignId, importSeconds) {
  const file = path.join(tmp, `copy-${campaignId}-${randomBytes(4).toString('hex')}.tsv`);
  const cols =
    'sub_account_id, user_id, admin_user_id, campaign_id, lead_id, direction, phone_number, message, segments, encoding, not_before';
  psql(
    pgUrl,
    `\\copy (select ${cols} from sms_messages where campaign_id = ${Number(campaignId)} order by id) to '${file}'`,
  );
  psql(
    pgUrl,
    `create table bench_copy_ref (like sms_messages including all);
     do $$ declare c record; begin
       for c in select conname, pg_get_constraintdef(oid) as def from pg_constraint
                 where conrelid = 'sms_messages'::regclass and contype = 'f' loop
         execute format('alter table bench_copy_ref add constraint %I %s', 'ref_' || c.conname, c.def);
       end loop; end $$;`,
  );
  const started = process.hrtime.bigint();
  psql(pgUrl, `\\copy bench_copy_ref (${cols}) from '${file}'`);
  const copySeconds = Number(process.hrtime.bigint() - started) / 1e9;
  psql(pgUrl, 'drop table bench_copy_ref');
  fs.rmSync(file, { force: true });
  return { copySeconds, ratio: importSeconds / copySeconds };
}

// ------------------------------------------------------------------------------------------ the API

async function startApi({ dataDir, pgUrl }) {
  const port = await freePort();
  const env = { ...process.env };
  delete env.DATABASE_URL;
  Object.assign(env, {
    NODE_ENV: 'development',
    PORT: String(port),
    DATA_DIR: dataDir,
    SMS_ROLE: 'api',
    SMS_MAX_UPLOAD_MB: '1024',
    DEMO_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'warn',
    TMPDIR: dataDir, // the upload is spooled here, so it goes when the run is cleaned
    ...(pgUrl ? { DATABASE_URL: pgUrl } : {}),
  });
  const profileDir = opts.profile ? fs.mkdtempSync(path.join(tmp, 'prof-')) : null;
  const args = [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), apiMain];
  const log = fs.openSync(path.join(dataDir, 'api.log'), 'a');
  child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  let exited = null;
  child.on('exit', (code, signal) => (exited = signal ?? `exit ${code}`));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited) throw new Error(`the API stopped while starting (${exited}):\n${tail(path.join(dataDir, 'api.log'))}`);
    if (Date.now() > deadline)
      throw new Error(`the API did not answer within 120 s:\n${tail(path.join(dataDir, 'api.log'))}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.status < 500) break;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  const proc = child;
  return {
    base,
    pid: proc.pid,
    profileDir,
    stop: async () => {
      if (exited) return;
      proc.kill('SIGTERM');
      const until = Date.now() + 30_000;
      while (!exited && Date.now() < until) await sleep(100);
      if (!exited) proc.kill('SIGKILL');
      child = null;
    },
  };
}

async function login(base) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (!res.ok) throw new Error(`login → ${res.status}: ${await res.text()}`);
  return (await res.json()).accessToken;
}

async function getJson(base, url, token, subAccountId) {
  const headers = {
    authorization: `Bearer ${token}`,
    ...(subAccountId ? { 'x-subaccount-id': String(subAccountId) } : {}),
  };
  const res = await fetch(`${base}${url}`, { headers });
  if (!res.ok) throw new Error(`GET ${url} → ${res.status}: ${await res.text()}`);
  return res.json();
}

/** A streaming multipart POST: the file is piped from disk, never read into memory. */
function uploadCsv(base, token, subAccountId, file, name) {
  const boundary = `----bench${randomBytes(12).toString('hex')}`;
  const field = (k, v) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
  const head = Buffer.from(
    field('message', TEMPLATE) +
      field('dryRun', 'false') +
      field('name', name) +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${path.basename(file)}"\r\nContent-Type: text/csv\r\n\r\n`,
  );
  const foot = Buffer.from(`\r\n--${boundary}--\r\n`);
  const length = head.length + fs.statSync(file).size + foot.length;
  const url = new URL('/api/sms/bulk', base);
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    let sentMs = 0;
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'x-subaccount-id': String(subAccountId),
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': length,
        },
        timeout: opts.timeoutMin * 60_000,
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode,
            body: Buffer.concat(chunks).toString('utf8'),
            ms: Number(process.hrtime.bigint() - started) / 1e6,
            sentMs,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${opts.timeoutMin} min (--timeout-min)`)));
    req.on('error', reject);
    req.on('finish', () => (sentMs = Number(process.hrtime.bigint() - started) / 1e6));
    req.write(head);
    const body = fs.createReadStream(file);
    body.on('error', (e) => req.destroy(e));
    body.on('end', () => req.end(foot));
    body.pipe(req, { end: false });
  });
}

// ------------------------------------------------------------------------------------- the CSV files

function loadPhoneRules() {
  const require = createRequire(apiMain);
  return require('./shared/sms/phone.rules.js').normalizePhone;
}

/**
 * Which US area code/exchange pairs the project's own rules accept, sampled once; numbers are drawn from
 * those pairs. Invalid samples are checked to be rejected, so the expected counts are exact.
 */
function makePhonePlan(normalizePhone) {
  const rand = mulberry32(42);
  const pairs = [];
  for (let npa = 201; npa <= 989; npa++) {
    if (npa % 100 === 11 || npa === 555) continue;
    for (let k = 0; k < 12; k++) {
      const nxx = 200 + Math.floor(rand() * 800);
      if (nxx % 100 === 11 || nxx === 555) continue;
      const ok = ['0000', '5309', '9999'].every((line) => normalizePhone(`${npa}${nxx}${line}`, 'US').ok);
      if (ok) pairs.push(npa * 1000 + nxx);
    }
  }
  const invalid = [
    '(555) 234-5678',
    '+1 (123) 456-7890',
    '201-555',
    '1.2015550123E+10',
    'call me',
    '2015550123456789',
    '911',
  ];
  for (const v of invalid)
    if (normalizePhone(v, 'US').ok)
      throw new Error(`the generator's invalid sample ${v} is accepted by the phone rules`);
  const space = pairs.length * 10_000;
  let stride = 1_000_003; // a prime: k → k·stride mod space visits every number once
  while (gcd(stride, space) !== 1) stride += 2;
  console.log(`▸ phone plan: ${pairs.length} valid area code/exchange pairs (${(space / 1e6).toFixed(1)} M numbers)`);
  return { pairs, invalid, space, stride };
}

const FIRST = [
  'James',
  'Mary',
  'Robert',
  'Patricia',
  'John',
  'Jennifer',
  'Michael',
  'Linda',
  'David',
  'Elizabeth',
  'José',
  'Chloé',
  'Wei',
  'Aisha',
  'Ольга',
  'Zoë',
];
const COMPANY = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  '"Stark, Inc."',
  'Wayne Enterprises',
  '"Pied Piper, LLC"',
  'Vandelay Industries',
  'Soylent',
];

/** phone, First Name, Company; ~1% invalid numbers, ~0.5% repeats of an earlier number, mixed formats. */
async function generateCsv(rows, plan) {
  const started = Date.now();
  const file = path.join(tmp, `recipients-${rows}.csv`);
  const out = fs.createWriteStream(file);
  const rand = mulberry32(rows);
  const recent = [];
  const expected = { valid: 0, invalid: 0, duplicate: 0 };
  let unique = 0;
  let bytes = 0;
  let lines = ['phone,First Name,Company'];
  const flush = async () => {
    const text = `${lines.join('\n')}\n`;
    bytes += Buffer.byteLength(text);
    lines = [];
    if (!out.write(text)) await new Promise((r) => out.once('drain', r));
  };
  for (let i = 0; i < rows; i++) {
    const r = rand();
    let phone;
    if (r < 0.01) {
      phone = plan.invalid[i % plan.invalid.length];
      expected.invalid += 1;
    } else if (r < 0.015 && recent.length > 0) {
      phone = format(recent[Math.floor(rand() * recent.length)], Math.floor(rand() * 5));
      expected.duplicate += 1;
    } else {
      const idx = (unique++ * plan.stride) % plan.space;
      const digits = `${plan.pairs[Math.floor(idx / 10_000)]}${String(idx % 10_000).padStart(4, '0')}`;
      if (recent.length < 1000) recent.push(digits);
      else recent[i % 1000] = digits;
      phone = format(digits, i % 5);
      expected.valid += 1;
    }
    const first = rand() < 0.03 ? '' : FIRST[Math.floor(rand() * FIRST.length)];
    const company = rand() < 0.02 ? '' : COMPANY[Math.floor(rand() * COMPANY.length)];
    lines.push(`${phone},${first},${company}`);
    if (lines.length >= 10_000) await flush();
  }
  await flush();
  await new Promise((resolve, reject) => out.end((e) => (e ? reject(e) : resolve())));
  return { file, bytes, expected, seconds: (Date.now() - started) / 1000 };
}

function format(d, style) {
  const [a, b, c] = [d.slice(0, 3), d.slice(3, 6), d.slice(6)];
  switch (style) {
    case 0:
      return `(${a}) ${b}-${c}`;
    case 1:
      return `${a}-${b}-${c}`;
    case 2:
      return `+1${d}`;
    case 3:
      return `1 ${a} ${b} ${c}`;
    default:
      return `${a}.${b}.${c}`;
  }
}

// ----------------------------------------------------------------------------------------- the report

function renderReport(results, m) {
  const lines = [
    MARK_START,
    `Run on ${m.date} with \`${m.command}\`.`,
    '',
    `Machine: ${m.cpus} CPUs (\`nproc\`), ${m.memory} memory (\`free -h\`), Node ${process.version}, ${m.os}` +
      (m.postgres ? `, ${m.postgres}` : '') +
      '.',
    '',
    '| Database | Rows | Import wall time | Rows/s | Peak RSS (API) | API CPU | Load before | Accepted / rejected | COPY of the accepted rows | Import ÷ COPY | Check |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const r of results) {
    if (r.error) {
      lines.push(
        `| ${r.db} | ${fmtInt(r.rows)} | failed: ${r.error.replace(/\|/g, '/').split('\n')[0]} | | | | | | | | ✗ |`,
      );
      continue;
    }
    lines.push(
      `| ${r.db} | ${fmtInt(r.rows)} | ${r.seconds.toFixed(1)} s | ${fmtInt(r.rowsPerSecond)} | ${r.peakRssMb.toFixed(0)} MB | ${r.cpuSeconds.toFixed(1)} s | ${r.load.toFixed(1)} | ` +
        `${fmtInt(r.accepted)} / ${fmtInt(r.rejected)} | ${r.copySeconds !== undefined ? `${r.copySeconds.toFixed(1)} s` : '—'} | ` +
        `${r.ratio !== undefined ? `${r.ratio.toFixed(1)}×` : '—'} | ${r.check.ok ? '✓' : `✗ ${r.check.detail}`} |`,
    );
  }
  lines.push('', verdict(results), MARK_END);
  return lines.join('\n');
}

function verdict(results) {
  const r = results.find((x) => x.db === 'postgres' && x.rows === TARGET.rows);
  if (!r)
    return `Target (${fmtInt(TARGET.rows)} rows on PostgreSQL in ≤ ${TARGET.seconds} s, peak RSS ≤ ${TARGET.rssMb} MB): not measured in this run.`;
  if (r.error) return `Target: **not met** — the ${fmtInt(TARGET.rows)}-row PostgreSQL run failed.`;
  const fast = r.seconds <= TARGET.seconds;
  const lean = r.peakRssMb <= TARGET.rssMb;
  const met = fast && lean && r.check.ok;
  return (
    `Target (${fmtInt(TARGET.rows)} rows on PostgreSQL in ≤ ${TARGET.seconds} s with peak RSS ≤ ${TARGET.rssMb} MB): **${met ? 'met' : 'not met'}** — ` +
    `${r.seconds.toFixed(1)} s (${fast ? 'within' : 'over'} ${TARGET.seconds} s), ${r.peakRssMb.toFixed(0)} MB (${lean ? 'within' : 'over'} ${TARGET.rssMb} MB).`
  );
}

function writeReport(report) {
  const file = path.join(root, 'docs/BENCHMARKS.md');
  let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n\n';
  const a = text.indexOf(MARK_START);
  const b = text.indexOf(MARK_END);
  text =
    a >= 0 && b > a ? text.slice(0, a) + report + text.slice(b + MARK_END.length) : `${text.trimEnd()}\n\n${report}\n`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  console.log(`▸ wrote ${path.relative(root, file)}`);
}

function describeMachine() {
  const free = spawnSync('free', ['-h'], { encoding: 'utf8' }).stdout ?? '';
  const memLine = free.split('\n').find((l) => l.startsWith('Mem:'));
  const postgres = opts.dbs.includes('postgres')
    ? psql(opts.pg, 'show server_version', { allowFail: true })?.trim()
    : null;
  return {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    cpus: (spawnSync('nproc', { encoding: 'utf8' }).stdout ?? '').trim() || String(os.availableParallelism()),
    memory: memLine ? memLine.split(/\s+/)[1] : `${Math.round(os.totalmem() / 2 ** 30)}Gi`,
    os: `${os.type()} ${os.release()}`,
    postgres: postgres ? `PostgreSQL ${postgres} on the same machine` : null,
  };
}

// ----------------------------------------------------------------------------------- profile summary

function printProfile(dir) {
  const file = dir && fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return console.log('  (no CPU profile was written)');
  const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  const dt = profile.timeDeltas ?? [];
  const selfUs = new Map();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (dt[i] ?? 0)));
  const byFn = new Map();
  let total = 0;
  for (const n of profile.nodes) {
    const us = selfUs.get(n.id) ?? 0;
    total += us;
    const where = (n.callFrame.url || '')
      .replace(/^file:\/\//, '')
      .replace(root + '/', '')
      .replace(/.*node_modules\//, '');
    const key = `${n.callFrame.functionName || '(anonymous)'}  ${where}:${n.callFrame.lineNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + us);
  }
  const byPackage = new Map();
  for (const [k, us] of byFn) {
    const where = k.split('  ')[1] ?? '';
    const pkg = where.startsWith('project/')
      ? where.split(':')[0]
      : where.startsWith('@')
        ? where.split('/').slice(0, 2).join('/')
        : where.split('/')[0] || k.split('  ')[0];
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  }
  const top = (m, n) => [...m].sort((x, y) => y[1] - x[1]).slice(0, n);
  console.log(`  CPU profile ${path.join(dir, file)} (${(total / 1e6).toFixed(1)} s sampled); by file or package:`);
  for (const [k, us] of top(byPackage, 15)) console.log(`    ${(us / 1e6).toFixed(2).padStart(7)} s  ${k}`);
  console.log('  hottest functions (self time):');
  for (const [k, us] of top(byFn, 25)) console.log(`    ${(us / 1e6).toFixed(2).padStart(7)} s  ${k}`);
}

// ------------------------------------------------------------------------------------------- helpers

function parseArgs(argv) {
  const o = {
    rows: [100_000, 1_000_000],
    dbs: ['postgres', 'pglite'],
    pg: 'postgres://postgres@127.0.0.1:5432/postgres',
    timeoutMin: 15,
    write: true,
    keep: false,
    profile: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--rows':
        o.rows = value()
          .split(',')
          .map((s) => Number(s.replace(/[_k]/g, (c) => (c === 'k' ? '000' : ''))));
        break;
      case '--db':
        o.dbs = value().split(',');
        break;
      case '--pg':
        o.pg = value();
        break;
      case '--timeout-min':
        o.timeoutMin = Number(value());
        break;
      case '--no-write':
        o.write = false;
        break;
      case '--keep':
        o.keep = true;
        break;
      case '--profile':
        o.profile = true;
        break;
      default:
        throw new Error(`unknown flag ${argv[i]} (see the header of bench/import/index.mjs)`);
    }
  }
  if (o.rows.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error('--rows takes positive integers, e.g. 100000,1000000');
  if (o.dbs.some((d) => d !== 'postgres' && d !== 'pglite')) throw new Error('--db takes pglite and/or postgres');
  const host = new URL(o.pg).hostname;
  if (o.dbs.includes('postgres') && !['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host))
    throw new Error(`--pg must point at a loopback server (got ${host})`);
  return o;
}

function psql(url, command, { allowFail = false } = {}) {
  const r = spawnSync('psql', ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', url, '-c', command], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (r.status !== 0) {
    if (allowFail) return null;
    throw new Error(`psql: ${command.split('\n')[0]}: ${(r.stderr || r.error?.message || '').trim()}`);
  }
  return r.stdout;
}

function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

function procStatus(pid) {
  const out = {};
  for (const line of fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n')) {
    const m = /^(Vm\w+):\s+(\d+) kB/.exec(line);
    if (m) out[m[1]] = Number(m[2]);
  }
  return out;
}

function procCpuSeconds(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks (USER_HZ = 100)
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function warnIfStale() {
  const built = fs.statSync(apiMain).mtimeMs;
  const stack = [path.join(root, 'project/src')];
  for (let guard = 0; stack.length && guard < 10_000; guard++) {
    const dir = stack.pop();
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) stack.push(p);
      else if (p.endsWith('.ts') && !p.endsWith('.spec.ts') && fs.statSync(p).mtimeMs > built) {
        console.warn(
          `⚠ ${path.relative(root, p)} is newer than project/dist: run \`npm run build -w project\` to measure the current code`,
        );
        return;
      }
    }
  }
}

function tail(file, n = 30) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-n).join('\n');
  } catch {
    return '(no log)';
  }
}

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gcd(a, b) {
  return b === 0 ? a : gcd(b, a % b);
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

function fmtInt(n) {
  return Math.round(n).toLocaleString('en-US');
}

function cleanup() {
  if (child) {
    child.kill('SIGKILL');
    child = null;
  }
  for (const fn of cleanups.reverse()) {
    try {
      fn();
    } catch {
      // best effort: report nothing more than the run already did
    }
  }
  if (!opts.keep) fs.rmSync(tmp, { recursive: true, force: true });
  else console.log(`▸ kept ${tmp}`);
}

// Started last, so every constant above is initialised.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    cleanup();
    process.exit(130);
  });
}

main()
  .catch((e) => {
    console.error(`✖ ${e.stack ?? e}`);
    process.exitCode = 1;
  })
  .finally(cleanup);
