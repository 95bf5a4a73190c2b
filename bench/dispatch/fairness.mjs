// (g) Fairness across SubAccounts (issue 12, point 4): SubAccount B's single sends, the wait from accept (the
// message row's created_at) to Twilio (the simulator's receive time), without and with SubAccount A's big
// campaign sending at full speed on the same worker. Target: B's p99 with the campaign within 1.2x of without.
import { psql, sleep } from '../common.mjs';

const p99 = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.99) - 1)];
};

/** SubAccount B, managed by the demo admin, so the same login sends for it. */
function createSubAccountB(dbUrl) {
  return Number(
    psql(
      dbUrl,
      `insert into sub_accounts (name, created_by_admin_id)
       select 'Bench B', id from admin_users where email = 'admin@demo.loctelli.test' returning id`,
    ).split('\n')[0],
  );
}

/** A's campaign: n rows of one sending campaign, due now (inserted at once, as an import leaves them). */
function queueCampaign(dbUrl, sub, n) {
  const id = Number(
    psql(
      dbUrl,
      `insert into sms_campaigns (sub_account_id, name, message, status, total_recipients, started_at)
       values (${sub}, 'Bench big campaign', 'Big sale', 'sending', ${n}, now()) returning id`,
    ).split('\n')[0],
  );
  psql(
    dbUrl,
    `insert into sms_messages (sub_account_id, campaign_id, phone_number, message, not_before)
     select ${sub}, ${id}, '+1606' || (2000000 + g), 'Big sale ' || g, now() from generate_series(1, ${n}) g`,
  );
}

/** B's single sends through the API, `spacingMs` apart; returns their message ids. */
async function sendSingles(api, sub, count, spacingMs, offset) {
  const headers = {
    'content-type': 'application/json',
    authorization: `Bearer ${api.token}`,
    'x-subaccount-id': String(sub),
  };
  const ids = [];
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${api.base}/api/sms/send`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ phoneNumber: `+1707${2_000_000 + offset + i}`, message: `B single ${i}` }),
    });
    if (res.status !== 202) throw new Error(`B's send → ${res.status}: ${await res.text()}`);
    ids.push((await res.json()).id);
    await sleep(spacingMs);
  }
  return ids;
}

/** Accept → simulator receive, in ms, for each of B's messages (all must have reached the simulator). */
async function waitsAtSimulator(dbUrl, sim, ids, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  const sent = () =>
    Number(psql(dbUrl, `select count(*) from sms_messages where id in (${ids.join(',')}) and twilio_sid is not null`));
  while (sent() < ids.length) {
    if (Date.now() > deadline) throw new Error(`B's sends did not all reach the simulator in ${timeoutMs} ms`);
    await sleep(100);
  }
  const rows = psql(
    dbUrl,
    `select twilio_sid, round(extract(epoch from created_at) * 1000) from sms_messages where id in (${ids.join(',')})`,
  )
    .split('\n')
    .map((line) => line.split('|'));
  const received = new Map((await sim.state()).messages.map((m) => [m.sid, m.createdAt]));
  return rows.map(([sid, acceptedMs]) => received.get(sid) - Number(acceptedMs));
}

/**
 * ctx: { dbUrl, sim, api, sub (A), reset(), startWorkers(n), opts }. Returns B's waits and p99s, alone and
 * during A's campaign, and how much of the campaign was still queued when B's last send reached Twilio.
 */
export async function fairnessRun(ctx) {
  const { dbUrl, sim, api, opts } = ctx;
  const b = createSubAccountB(dbUrl);
  const phase = async (withCampaign) => {
    await ctx.reset();
    const w = await ctx.startWorkers(1);
    try {
      if (withCampaign) {
        queueCampaign(dbUrl, ctx.sub, opts.fairCampaign);
        // Measured while the campaign is in full swing, not while it starts.
        const warm = Math.min(2_000, Math.floor(opts.fairCampaign / 10));
        while ((await sim.created()) < warm) await sleep(50);
      }
      const ids = await sendSingles(api, b, opts.fairSends, opts.fairSpacingMs, withCampaign ? 100_000 : 0);
      const waits = await waitsAtSimulator(dbUrl, sim, ids, 120_000);
      const campaignQueued = withCampaign
        ? Number(
            psql(dbUrl, `select count(*) from sms_messages where sub_account_id = ${ctx.sub} and status = 'pending'`),
          )
        : null;
      return { waits, p99: p99(waits), campaignQueued };
    } finally {
      await w.stop();
    }
  };
  const alone = await phase(false);
  const during = await phase(true);
  return { campaign: opts.fairCampaign, sends: opts.fairSends, alone, during, ratio: during.p99 / alone.p99 };
}
