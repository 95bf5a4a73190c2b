#!/usr/bin/env node
// Read-path benchmark (issue 14): fills a PostgreSQL database with one big SubAccount (--rows messages, one
// campaign, inbound replies, conversations, leads, opt-outs, audit, notifications) and --other-rows messages in
// other SubAccounts, applies a status mix (a bulk UPDATE that leaves --callbacks messages `sent`, then their
// Twilio status callbacks through the real status path: --webhook-callbacks of them signed through
// POST /api/sms/webhooks/twilio/status, the rest through StatusApplyService.applyMany, the function behind that
// webhook, by status-churn.mjs against the built code), then runs autocannon (--connections clients, --seconds
// each, after --warmup seconds not counted) against every list endpoint of the API (SMS_ROLE=api, a bench-only
// API_RATE_LIMIT_PER_MINUTE) and prints p50 / p99 / req/s per endpoint with the row counts, and the no-list baseline
// again at the end (how far the machine's own speed moved). The churn runs after `vacuum analyze`: what is measured
// is the table as autovacuum leaves it after the status changes.
//
//   npm run build -w project && npm run bench -- reads --rows 1000000 --other-rows 5000000 --callbacks 1000000
//
// Flags: --pg postgres://postgres@127.0.0.1:5432/postgres  --port 4510  --keep (keep the database)
//        --reuse <database> (measure a database kept by --keep: no fill, no callbacks)  --explain (print plans)
//        --webhook-callbacks 2000  --churn-concurrency 4  --vacuum-after-churn (a manual vacuum analyze after it)
//        --api-processes N (default 1: N API processes sharing the port, as `npm run cluster` runs them)
//        --only <text> (measure only the endpoints whose name contains it, e.g. --only search)
//        --warmup 2 (seconds of load before each endpoint's measured run, not counted)
import { spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import autocannon from 'autocannon';
import { callbackParams, churnCondition, PENDING_CALLBACKS } from './callbacks.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { Client } = require(require.resolve('pg', { paths: [path.join(root, 'project')] }));
const apiMain = path.join(root, 'project/dist/main.js');
const apiCluster = path.join(root, 'scripts/api-cluster.mjs');
const ADMIN = { email: 'admin@demo.loctelli.test', password: 'demo-password' };
const TWILIO = { sid: `AC${'b'.repeat(32)}`, token: 'reads-bench-auth-token' };
const TARGET_P99_MS = 50;
const AGAIN = 'baseline again, at the end (the machine’s drift)';

const opts = parseArgs(process.argv.slice(2));
let child = null;

async function main() {
  if (!fs.existsSync(apiMain)) throw new Error('project/dist/main.js is missing: run `npm run build -w project` first');
  const dbName = opts.reuse ?? `reads_bench_${randomBytes(3).toString('hex')}`;
  if (!opts.reuse) await admin(`create database ${dbName}`);
  const url = withDatabase(opts.pg, dbName);
  const started = new Date();
  try {
    const api = await startApi(url);
    const pg = new Client({ connectionString: url });
    await pg.connect();
    try {
      const me = await getJson(api.base, '/api/auth/me', await login(api.base));
      const subAccountId = me.subAccounts[0].id;
      const fillInfo = opts.reuse ? await filled(pg, subAccountId) : await fill(pg, subAccountId);
      if (!opts.reuse) await timed('vacuum analyze', () => pg.query('vacuum analyze'));
      const callbacks = opts.reuse ? NO_CALLBACKS : await applyCallbacks(pg, api);
      if (!opts.reuse && opts.vacuumAfterChurn) await timed('vacuum analyze', () => pg.query('vacuum analyze'));
      // The fill can outlast an access token.
      const token = await login(api.base);
      const counts = await rowCounts(pg, subAccountId);
      const endpoints = await endpointsFor(pg, subAccountId, fillInfo);
      const results = [];
      const measured = opts.only ? endpoints.filter((e) => e.name.includes(opts.only)) : endpoints;
      for (const e of measured) results.push(await measure(api.base, token, subAccountId, e));
      // The machine's own speed moves between minutes: the baseline again shows how far during this run.
      if (!opts.only) results.push(await measure(api.base, token, subAccountId, { ...endpoints[0], name: AGAIN }));
      const explains = opts.explain ? await explainAll(pg, subAccountId, fillInfo) : [];
      console.log(`\n${report({ started, counts, callbacks, results, explains })}`);
    } finally {
      await pg.end();
      await api.stop();
    }
  } finally {
    if (!opts.keep) await admin(`drop database if exists ${dbName} with (force)`);
    else console.log(`kept database ${dbName}`);
  }
}

// ------------------------------------------------------------------------------------------------ fill

async function fill(pg, subAccountId) {
  const days = 90;
  await timed('sub-accounts, leads, campaign', async () => {
    await pg.query(`insert into sub_accounts (name) select 'Bench other ' || g from generate_series(1, 4) g`);
    await pg.query(
      `insert into sms_campaigns (sub_account_id, name, message, status, source, started_at)
       values ($1, 'Bench spring campaign', 'Hi {{first_name}}, spring roof checks are 20% off', 'completed', 'csv', now())`,
      [subAccountId],
    );
    await pg.query(
      `insert into leads (sub_account_id, name, phone)
       select $1, 'Lead ' || g, '+1' || (2000000000::bigint + g * 7919)::text from generate_series(1, 20000) g`,
      [subAccountId],
    );
  });
  const campaignId = (await filled(pg, subAccountId)).campaignId;
  // Secondary indexes are dropped during the fill and rebuilt after it (what a pg_restore does): minutes saved
  // on a shared machine; the reads measured are the same.
  // sms_message_search is filled by sms_messages' insert trigger; its trigram indexes are rebuilt the same way.
  const { rows: indexes } = await pg.query(
    `select indexname, indexdef from pg_indexes
      where tablename in ('sms_messages', 'sms_message_search') and indexname not like '%\\_pkey'`,
  );
  for (const i of indexes) await pg.query(`drop index ${i.indexname}`);
  const big = opts.rows;
  const words = `'{roof,gutter,siding,window,deck,fence,paint,solar,attic,chimney}'::text[]`;
  await timed(`fill ${big.toLocaleString('en-US')} messages in SubAccount ${subAccountId}`, () =>
    pg.query(
      `insert into sms_messages (sub_account_id, campaign_id, lead_id, direction, phone_number, message, status,
                                 segments, created_at, updated_at, not_before)
       select $1::int,
              case when g % 50 = 0 then null else $2::int end,
              case when g % 50 = 0 then 1 + g % 20000 end,
              case when g % 100 = 0 then 'inbound' else 'outbound' end,
              '+1' || (2000000000 + (g::bigint * 7919) % 7999999999)::text,
              'Hi Jane ' || g || ', spring ' || (${words})[1 + g % 10] || ' checks are 20% off this week',
              case when g % 100 = 0 then 'received' else 'pending' end,
              1,
              now() - make_interval(secs => (${big} - g)::double precision * ${(days * 86400) / big}),
              now(), now()
         from generate_series(1, ${big}) g`,
      [subAccountId, campaignId],
    ),
  );
  if (opts.otherRows > 0)
    await timed(`fill ${opts.otherRows.toLocaleString('en-US')} messages in 4 other SubAccounts`, () =>
      pg.query(
        `insert into sms_messages (sub_account_id, direction, phone_number, message, status, segments, created_at,
                                   updated_at, not_before)
         select (select id from sub_accounts where name = 'Bench other ' || (1 + g % 4)), 'outbound',
                '+1' || (3000000000 + (g::bigint * 104729) % 6999999999)::text,
                'Other tenant message ' || g, 'pending', 1,
                now() - make_interval(secs => (${opts.otherRows} - g)::double precision * ${(days * 86400) / opts.otherRows}),
                now(), now()
           from generate_series(1, ${opts.otherRows}) g`,
      ),
    );
  // The status mix, as the dispatcher and callbacks leave it: 86% delivered, 4% undelivered, 3% failed,
  // 5% still sent, 2% pending. The rows of churnCondition stay `sent`: their callbacks come after the fill.
  const churn = churnCondition(churnEvery());
  await timed('status mix (bulk update of outbound rows)', () =>
    pg.query(`
      update sms_messages set
        status = case when ${churn} then 'sent'
                      when id % 100 < 86 then 'delivered' when id % 100 < 90 then 'undelivered'
                      when id % 100 < 93 then 'failed' when id % 100 < 98 then 'sent' else 'pending' end,
        twilio_sid = case when id % 100 < 98 then 'SM' || md5(id::text) end,
        sent_at = case when id % 100 < 98 then created_at + interval '2 seconds' end,
        delivered_at = case when id % 100 < 86 and not (${churn}) then created_at + interval '9 seconds' end,
        error_code = case when id % 100 between 86 and 92 and not (${churn}) then 30003 end,
        price = case when id % 100 < 93 and not (${churn}) then -0.0079 end, price_unit = 'USD', updated_at = now()
      where direction = 'outbound'`),
  );
  await timed('rebuild indexes', async () => {
    for (const i of indexes) await pg.query(i.indexdef);
  });
  await timed('campaign counters, 2,000 more campaigns, conversations, opt-outs, audit, notifications', async () => {
    await pg.query(
      `update sms_campaigns k set total_recipients = s.total, sent_count = s.sent, delivered_count = s.delivered,
              failed_count = s.failed, undelivered_count = s.undelivered, segments = s.sent
         from (select count(*) total, count(*) filter (where status in ('sent','delivered','undelivered')) sent,
                      count(*) filter (where status = 'delivered') delivered,
                      count(*) filter (where status = 'failed') failed,
                      count(*) filter (where status = 'undelivered') undelivered
                 from sms_messages where campaign_id = $1) s
        where k.id = $1`,
      [campaignId],
    );
    await pg.query(
      `insert into sms_campaigns (sub_account_id, name, message, status, source, created_at)
       select $1, 'Bench past campaign ' || g, 'Hello', 'completed', 'list', now() - make_interval(days => 1, secs => g)
         from generate_series(1, 2000) g`,
      [subAccountId],
    );
    await pg.query(
      `insert into sms_conversations (sub_account_id, phone_number, lead_id, last_message_id, last_message_at,
                                      last_direction, last_message_preview, last_inbound_at)
       select distinct on (phone_number) sub_account_id, phone_number, lead_id, id, created_at, direction,
              left(message, 200), case when direction = 'inbound' then created_at end
         from sms_messages where sub_account_id = $1 and (campaign_id is null or direction = 'inbound')
        order by phone_number, created_at desc
       on conflict do nothing`,
      [subAccountId],
    );
    await pg.query(
      `insert into sms_opt_outs (sub_account_id, phone_number, source)
       select $1, '+1' || (4000000000 + g)::text, 'keyword' from generate_series(1, 20000) g`,
      [subAccountId],
    );
    await pg.query(
      `insert into sms_audit_log (sub_account_id, actor_kind, actor_id, action, target_type, target_id, created_at)
       select $1, 'admin', 1, (array['sms.send','campaign.pause','campaign.resume','sms.retry'])[1 + g % 4],
              'sms_message', g::text, now() - make_interval(secs => g) from generate_series(1, 100000) g`,
      [subAccountId],
    );
    await pg.query(
      `insert into notifications (sub_account_id, recipient_kind, recipient_id, type, title, dedupe_key, created_at)
       select $1, 'admin', a.id, 'sms.inbound', 'Reply ' || g, 'bench:' || g, now() - make_interval(secs => g)
         from generate_series(1, 20000) g, (select id from admin_users order by id limit 1) a`,
      [subAccountId],
    );
  });
  return { campaignId };
}

/** A database filled by an earlier run (--reuse --keep): its campaign. */
async function filled(pg, subAccountId) {
  const { rows } = await pg.query(
    `select id from sms_campaigns where sub_account_id = $1 and name = 'Bench spring campaign' order by id limit 1`,
    [subAccountId],
  );
  return { campaignId: rows[0].id };
}

const NO_CALLBACKS = { webhook: { applied: 0, seconds: 0 }, batch: { applied: 0, seconds: 0 } };

/** Every how many ids the fill leaves a row `sent` for a callback: enough rows for --callbacks of them. */
function churnEvery() {
  const outbound = 0.93 * (opts.rows * 0.99 + opts.otherRows);
  return opts.callbacks > 0 ? Math.max(1, Math.floor(outbound / opts.callbacks)) : 2 ** 31 - 1;
}

/** The status changes: a sample through the signed webhook, the rest through the webhook's own batch function. */
async function applyCallbacks(pg, api) {
  const sample = Math.min(opts.webhookCallbacks, opts.callbacks);
  const webhook = await timedResult('status callbacks through the signed webhook', () =>
    postCallbacks(pg, api.base, sample),
  );
  const batch = await timedResult('status callbacks through StatusApplyService.applyMany', () =>
    churnScript(api.env, opts.callbacks - sample),
  );
  return { webhook, batch };
}

/** Signed status callbacks through POST /api/sms/webhooks/twilio/status. */
async function postCallbacks(pg, base, count) {
  const { rows } = await pg.query(PENDING_CALLBACKS, [0, count]);
  const url = `${base}/api/sms/webhooks/twilio/status`;
  let next = 0;
  let ok = 0;
  const worker = async () => {
    while (next < rows.length) {
      const params = callbackParams(rows[next++], TWILIO.sid);
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': sign(url, params) },
        body: new URLSearchParams(params).toString(),
      });
      if (res.ok) ok += 1;
      else if (ok === 0) console.warn(`  callback → ${res.status}: ${await res.text()}`);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return ok;
}

/** status-churn.mjs with the API's environment; the number of updates it applied. */
async function churnScript(env, count) {
  if (count <= 0) return 0;
  const script = path.join(root, 'bench/reads/status-churn.mjs');
  const args = [script, '--limit', String(count), '--concurrency', String(opts.churnConcurrency)];
  const proc = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  proc.stdout.on('data', (d) => (out += d));
  const code = await new Promise((resolve) => proc.on('exit', resolve));
  if (code !== 0) throw new Error(`status-churn.mjs exited ${code}`);
  return JSON.parse(out.trim().split('\n').pop()).changed;
}

function sign(url, params) {
  const data = Object.keys(params)
    .sort()
    .reduce((s, k) => s + k + params[k], url);
  return createHmac('sha1', TWILIO.token).update(Buffer.from(data, 'utf8')).digest('base64');
}

async function rowCounts(pg, subAccountId) {
  const q = async (text, params = []) => Number((await pg.query(text, params)).rows[0].n);
  return {
    total: await q('select count(*) n from sms_messages'),
    subAccount: await q('select count(*) n from sms_messages where sub_account_id = $1', [subAccountId]),
    conversations: await q('select count(*) n from sms_conversations'),
    optOuts: await q('select count(*) n from sms_opt_outs'),
    audit: await q('select count(*) n from sms_audit_log'),
    notifications: await q('select count(*) n from notifications'),
    tableMb: await q(`select (pg_total_relation_size('sms_messages') / 1048576)::int n`),
    // Whether anything vacuums between the status changes and the measurement (off on the shared machine's server).
    autovacuum: (await pg.query('show autovacuum')).rows[0].autovacuum,
  };
}

// ------------------------------------------------------------------------------------------------ endpoints

async function endpointsFor(pg, subAccountId, { campaignId }) {
  // The cursor a client holds after reading `offset` rows of a list ordered by (at desc, id desc).
  const cursorAt = async (table, at, where, offset, params) => {
    const { rows } = await pg.query(
      `select ${at}::text at, id from ${table} where ${where} order by ${at} desc, id desc offset ${offset} limit 1`,
      params,
    );
    return rows[0] ? Buffer.from(`${rows[0].at}|${rows[0].id}`).toString('base64url') : '';
  };
  const inSub = 'sub_account_id = $1';
  const deep = await cursorAt('sms_messages', 'created_at', inSub, 20_000, [subAccountId]);
  const deepCampaign = await cursorAt('sms_messages', 'created_at', `${inSub} and campaign_id = $2`, 20_000, [
    subAccountId,
    campaignId,
  ]);
  const deepOf = (table, at, offset = 10_000) => cursorAt(table, at, inSub, offset, [subAccountId]);
  const deepLists = {
    conversations: await deepOf('sms_conversations', 'last_message_at'),
    optOuts: await deepOf('sms_opt_outs', 'created_at'),
    audit: await deepOf('sms_audit_log', 'created_at', 50_000),
    notifications: await cursorAt('notifications', 'created_at', `${inSub} and recipient_kind = 'admin'`, 10_000, [
      subAccountId,
    ]),
    campaigns: await deepOf('sms_campaigns', 'created_at', 1_000),
  };
  const { rows: conv } = await pg.query(
    'select id from sms_conversations where sub_account_id = $1 order by last_message_at desc limit 1',
    [subAccountId],
  );
  const { rows: lead } = await pg.query(
    'select lead_id id from sms_messages where sub_account_id = $1 and lead_id is not null limit 1',
    [subAccountId],
  );
  const { rows: phone } = await pg.query(
    `select phone_number from sms_messages where sub_account_id = $1 and id % 997 = 0 order by id limit 1`,
    [subAccountId],
  );
  const digits = phone[0].phone_number.slice(2, 8);
  const spaced = `${digits.slice(0, 3)} ${digits.slice(3)}`;
  const national = phone[0].phone_number.slice(2);
  const formatted = `(${national.slice(0, 3)}) ${national.slice(3, 6)}-${national.slice(6)}`;
  const week = (daysAgo) => new Date(Date.now() - daysAgo * 86_400_000).toISOString();
  const one = Math.floor(opts.rows / 2) + 1;
  return [
    ['baseline: GET /api/auth/me (no list)', '/api/auth/me'],
    ['history, first page', '/api/sms/messages'],
    ['history, page 1000 (offset, legacy)', '/api/sms/messages?page=1000'],
    ['history, row 20,000 by cursor', `/api/sms/messages?cursor=${deep}`],
    ['history, status=delivered', '/api/sms/messages?status=delivered'],
    ['history, status=failed', '/api/sms/messages?status=failed'],
    ['history, direction=inbound', '/api/sms/messages?direction=inbound'],
    ['history, one week (from/to)', `/api/sms/messages?from=${week(40)}&to=${week(33)}`],
    [`history, search "${spaced}" (phone digits)`, `/api/sms/messages?search=${encodeURIComponent(spaced)}`],
    [`history, search "${formatted}" (a whole number)`, `/api/sms/messages?search=${encodeURIComponent(formatted)}`],
    [`history, search "${digits.slice(3)}" (3 digits)`, `/api/sms/messages?search=${digits.slice(3)}`],
    ['history, search "chimney" (10% of bodies)', '/api/sms/messages?search=chimney'],
    ['history, search "spring off" (words of every body, never side by side)', '/api/sms/messages?search=spring%20off'],
    [`history, search "Jane ${one}," (one body)`, `/api/sms/messages?search=${encodeURIComponent(`Jane ${one},`)}`],
    [
      `history, search "Jane ${one}" (one body, its number last)`,
      `/api/sms/messages?search=${encodeURIComponent(`Jane ${one}`)}`,
    ],
    ['campaign messages, first page', `/api/sms/campaigns/${campaignId}/messages`],
    ['campaign messages, page 1000 (offset, legacy)', `/api/sms/campaigns/${campaignId}/messages?page=1000`],
    ['campaign messages, row 20,000 by cursor', `/api/sms/campaigns/${campaignId}/messages?cursor=${deepCampaign}`],
    ['campaign messages, status=undelivered', `/api/sms/campaigns/${campaignId}/messages?status=undelivered`],
    ['campaigns list', '/api/sms/campaigns'],
    ['campaigns list, row 1,000 by cursor', `/api/sms/campaigns?cursor=${deepLists.campaigns}`],
    ['campaign detail', `/api/sms/campaigns/${campaignId}`],
    ['conversations', '/api/sms/conversations'],
    ['conversations, row 10,000 by cursor', `/api/sms/conversations?cursor=${deepLists.conversations}`],
    ['conversation thread', `/api/sms/conversations/${conv[0].id}/messages`],
    ["lead's thread", `/api/leads/${lead[0].id}/sms`],
    ['opt-outs', '/api/sms/opt-outs'],
    ['opt-outs, row 10,000 by cursor', `/api/sms/opt-outs?cursor=${deepLists.optOuts}`],
    ['audit', '/api/sms/audit'],
    ['audit, row 50,000 by cursor', `/api/sms/audit?cursor=${deepLists.audit}`],
    ['notifications', '/api/notifications'],
    ['notifications, row 10,000 by cursor', `/api/notifications?cursor=${deepLists.notifications}`],
  ].map(([name, url]) => ({ name, url }));
}

async function measure(base, token, subAccountId, e) {
  const headers = { authorization: `Bearer ${token}`, 'x-subaccount-id': String(subAccountId) };
  const t0 = performance.now();
  const probe = await fetch(base + e.url, { headers });
  const single = performance.now() - t0;
  const body = await probe.json().catch(() => ({}));
  if (!probe.ok) console.warn(`  ${e.name}: ${probe.status} ${JSON.stringify(body).slice(0, 200)}`);
  // Not measured: the code's first runs (JIT) and PostgreSQL's first plans of this endpoint on each connection.
  if (opts.warmup > 0)
    await autocannon({ url: base + e.url, connections: opts.connections, duration: opts.warmup, headers });
  const result = await autocannon({
    url: base + e.url,
    connections: opts.connections,
    duration: opts.seconds,
    headers,
  });
  const r = {
    name: e.name,
    url: e.url,
    status: probe.status,
    items: Array.isArray(body.items) ? body.items.length : body.id ? 1 : 0,
    total: body.total ?? body.totalRecipients ?? null,
    totalExact: body.totalExact ?? body.pendingExact ?? null,
    single: Math.round(single),
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    errors: result.errors + result.non2xx,
  };
  console.log(
    `  ${r.name.padEnd(48)} p50 ${String(r.p50).padStart(5)} ms  p99 ${String(r.p99).padStart(5)} ms  ${r.rps.toFixed(0).padStart(5)} req/s  errors ${r.errors}`,
  );
  return r;
}

/** EXPLAIN (ANALYZE, BUFFERS) of the main list queries, as the repositories build them: plan and time. */
async function explainAll(pg, subAccountId, { campaignId }) {
  const page = 'order by created_at desc, id desc limit 21';
  const queries = [
    ['history, first page', `select * from sms_messages where sub_account_id = $1 ${page}`],
    ['history, status=failed', `select * from sms_messages where sub_account_id = $1 and status = 'failed' ${page}`],
    ['history, inbound', `select * from sms_messages where sub_account_id = $1 and direction = 'inbound' ${page}`],
    [
      'history, search phone digits',
      `select * from sms_messages where sub_account_id = $1 and id in (select message_id from sms_message_search
         where phone_number like '%202368%' or body_key like sms_search_key('%202 368%')) ${page}`,
    ],
    [
      'history, search body',
      `select * from sms_messages where sub_account_id = $1
         and id in (select message_id from sms_message_search where body_key like sms_search_key('%chimney%')) ${page}`,
    ],
    ['total, bounded', `select count(*) from (select 1 from sms_messages where sub_account_id = $1 limit 1001) c`],
    [
      'campaign messages, status',
      `select * from sms_messages where sub_account_id = $1 and campaign_id = ${campaignId} and status = 'undelivered' ${page}`,
    ],
    [
      'campaign open count',
      `select (select count(*) from (select 1 from sms_messages m where m.campaign_id = ${campaignId}
          and m.status in ('pending','sending') limit 1001) o) + $1 * 0`,
    ],
  ];
  const out = [];
  for (const [name, text] of queries) {
    const { rows } = await pg.query(`explain (analyze, buffers, costs off) ${text}`, [subAccountId]);
    const plan = rows.map((r) => r['QUERY PLAN']);
    const time = plan.find((l) => l.startsWith('Execution Time')) ?? '';
    out.push(`-- ${name}: ${time}`, ...plan.filter((l) => !/^(Planning|Execution)/.test(l)).slice(0, 8));
  }
  return out;
}

// ------------------------------------------------------------------------------------------------ report

function report({ started, counts, callbacks, results, explains }) {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const lines = [
    `Run ${started.toISOString()} on ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, ` +
      `node ${process.version}, load average ${os.loadavg()[0].toFixed(1)} at the end (machine shared); ` +
      `${opts.apiProcesses} API process(es).`,
    `Command: npm run bench -- reads ${process.argv.slice(2).join(' ')}`,
    `Rows: ${counts.total.toLocaleString('en-US')} messages (${counts.subAccount.toLocaleString('en-US')} in the ` +
      `measured SubAccount; sms_messages with indexes ${counts.tableMb} MB), ${counts.conversations} conversations, ` +
      `${counts.optOuts} opt-outs, ${counts.audit} audit entries, ${counts.notifications} notifications; ` +
      `the server's autovacuum ${counts.autovacuum}; ` +
      `status callbacks applied: ${callbacks.webhook.applied} through the signed webhook in ` +
      `${callbacks.webhook.seconds.toFixed(0)} s, ${callbacks.batch.applied} through StatusApplyService.applyMany in ` +
      `${callbacks.batch.seconds.toFixed(0)} s.`,
    '',
    `| endpoint | rows on page | total (exact?) | one request ms | p50 ms | p99 ms | req/s | req/s vs baseline | ≤ ${TARGET_P99_MS} ms p99 |`,
    '|---|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.name} | ${r.items} | ${r.total ?? '—'}${r.totalExact === false ? ' (estimate)' : ''} | ${r.single} | ` +
        `${r.p50} | ${r.p99} | ${r.rps.toFixed(0)} | ${(r.rps / results[0].rps).toFixed(2)} | ` +
        `${r.errors ? `${r.errors} errors` : r.p99 <= TARGET_P99_MS ? 'yes' : 'no'} |`,
    ),
  ];
  if (explains.length) lines.push('', '```', ...explains, '```');
  return lines.join('\n');
}

// ------------------------------------------------------------------------------------------------ plumbing

async function startApi(databaseUrl) {
  const port = opts.port;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reads-bench-'));
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(port),
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    // Fixed, so a database kept by --keep is measured again by --reuse (the API refuses other secrets).
    JWT_SECRET: 'reads-bench-jwt-secret-0123456789abcdef0123',
    ENCRYPTION_KEY: 'ab'.repeat(32),
    SMS_ROLE: 'api',
    DEMO_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'warn',
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    TWILIO_ACCOUNT_SID: TWILIO.sid,
    TWILIO_AUTH_TOKEN: TWILIO.token,
    TWILIO_PHONE_NUMBER: '+15005550006',
    API_RATE_LIMIT_PER_MINUTE: '100000000',
  };
  const log = fs.openSync(path.join(dataDir, 'api.log'), 'a');
  const args = opts.apiProcesses > 1 ? [apiCluster, '--processes', String(opts.apiProcesses)] : [apiMain];
  child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  let exited = null;
  child.on('exit', (code, signal) => (exited = signal ?? `exit ${code}`));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (exited)
      throw new Error(`the API stopped (${exited}): ${fs.readFileSync(path.join(dataDir, 'api.log'), 'utf8')}`);
    if (Date.now() > deadline) throw new Error('the API did not answer within 180 s');
    try {
      if ((await fetch(`${base}/api/health`)).status < 500) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  const proc = child;
  return {
    base,
    env,
    stop: async () => {
      if (exited) return;
      proc.kill('SIGTERM');
      for (let i = 0; i < 100 && !exited; i++) await new Promise((r) => setTimeout(r, 100));
      if (!exited) proc.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
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

async function getJson(base, url, token) {
  const res = await fetch(base + url, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET ${url} → ${res.status}`);
  return res.json();
}

async function admin(statement) {
  const c = new Client({ connectionString: opts.pg });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}

/** Runs fn (which returns a count) and reports it with its time. */
async function timedResult(label, fn) {
  const t0 = Date.now();
  const applied = await fn();
  const seconds = (Date.now() - t0) / 1000;
  console.log(`  ${label}: ${applied.toLocaleString('en-US')} in ${seconds.toFixed(1)} s`);
  return { applied, seconds };
}

async function timed(label, fn) {
  const t0 = Date.now();
  const out = await fn();
  console.log(`  ${label}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return out;
}

function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

function parseArgs(argv) {
  const o = {
    rows: 200_000,
    otherRows: 200_000,
    callbacks: 5_000,
    webhookCallbacks: 2_000,
    churnConcurrency: 4,
    vacuumAfterChurn: false,
    connections: 50,
    seconds: 10,
    warmup: 2,
    port: 4510,
    pg: 'postgres://postgres@127.0.0.1:5432/postgres',
    keep: false,
    reuse: undefined,
    explain: false,
    apiProcesses: 1,
    only: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = () => argv[++i];
    if (a === '--rows') o.rows = Number(v());
    else if (a === '--other-rows') o.otherRows = Number(v());
    else if (a === '--callbacks') o.callbacks = Number(v());
    else if (a === '--webhook-callbacks') o.webhookCallbacks = Number(v());
    else if (a === '--churn-concurrency') o.churnConcurrency = Number(v());
    else if (a === '--vacuum-after-churn') o.vacuumAfterChurn = true;
    else if (a === '--connections') o.connections = Number(v());
    else if (a === '--seconds') o.seconds = Number(v());
    else if (a === '--warmup') o.warmup = Number(v());
    else if (a === '--port') o.port = Number(v());
    else if (a === '--pg') o.pg = v();
    else if (a === '--keep') o.keep = true;
    else if (a === '--reuse') ((o.reuse = v()), (o.keep = true));
    else if (a === '--explain') o.explain = true;
    else if (a === '--api-processes') o.apiProcesses = Number(v());
    else if (a === '--only') o.only = v();
    else if (a === '--') continue;
    else throw new Error(`unknown flag ${a}`);
  }
  return o;
}

process.on('SIGINT', () => {
  child?.kill('SIGKILL');
  process.exit(130);
});

main().catch((e) => {
  console.error(e);
  child?.kill('SIGKILL');
  process.exitCode = 1;
});
