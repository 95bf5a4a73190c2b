// What a fault run did to each recipient, judged from outside the product: the texts the simulator (Twilio)
// created, against the campaign's rows in the database.
//
//   duplicated   a recipient Twilio created more than one text for
//   unfinished   still pending or sending when the run ended (its time limit)
//   failed       failed with a reason, grouped by reason with digits as N: the dead letter (never created at
//                Twilio), or a text Twilio created and then reported failed (the row carries that text's sid)
//   lost         no text, and the product did not fail it: no row, or a row the product calls sent/delivered
//                whose text Twilio never created
//   misrecorded  a text went out but the row does not say so: no row, a canceled row, or a row whose sid is not
//                the sid of a text Twilio created for that recipient

const SENT = new Set(['sent', 'delivered', 'undelivered']);

/**
 * @param {string[]} recipients
 * @param {{ sid: string, to: string, direction: string }[]} simMessages
 * @param {{ phone_number: string, status: string, error_message: string | null, twilio_sid: string | null }[]} rows
 */
export function countOutcomes(recipients, simMessages, rows) {
  const textsTo = new Map();
  for (const m of simMessages) {
    if (m.direction !== 'outbound-api') continue;
    textsTo.set(m.to, [...(textsTo.get(m.to) ?? []), m.sid]);
  }
  const rowOf = new Map(rows.map((r) => [r.phone_number, r]));
  const out = { lost: 0, duplicated: 0, unfinished: 0, misrecorded: 0, failedReasons: {}, statuses: {} };
  for (const r of rows) out.statuses[r.status] = (out.statuses[r.status] ?? 0) + 1;
  for (const to of recipients) {
    const row = rowOf.get(to);
    const sids = textsTo.get(to) ?? [];
    if (sids.length > 1) out.duplicated++;
    const verdict = judge(row, sids);
    if (verdict === 'failed') {
      const reason = (row.error_message ?? 'no reason').replace(/\d+/g, 'N');
      out.failedReasons[reason] = (out.failedReasons[reason] ?? 0) + 1;
    } else if (verdict !== 'ok') out[verdict]++;
  }
  return out;
}

/** One recipient: 'ok' | 'unfinished' | 'failed' | 'lost' | 'misrecorded' (duplicates are counted apart). */
function judge(row, sids) {
  if (row?.status === 'pending' || row?.status === 'sending') return 'unfinished';
  const texted = sids.length > 0;
  const sidMatches = texted && sids.includes(row?.twilio_sid);
  if (row?.status === 'failed') return !texted || sidMatches ? 'failed' : 'misrecorded';
  if (row && SENT.has(row.status)) return !texted ? 'lost' : sidMatches ? 'ok' : 'misrecorded';
  if (texted) return 'misrecorded';
  return row?.status === 'canceled' ? 'ok' : 'lost';
}
