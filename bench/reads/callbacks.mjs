// The status callbacks of the reads benchmark, shared by index.mjs (signed webhook sample) and status-churn.mjs.

/**
 * Rows the fill leaves `sent` for a callback to finish: every `churnEvery`-th id among those whose final status
 * is delivered, undelivered or failed (id % 100 < 93). The other `sent` rows (id % 100 in 93..97) stay sent.
 */
export const churnCondition = (churnEvery) => `id % 100 < 93 and id % ${churnEvery} = 0`;

/** The final status the fill's mix gives a row: 86% delivered, 4% undelivered, 3% failed. */
export function finalStatusOf(id) {
  const r = id % 100;
  return r < 86 ? 'delivered' : r < 90 ? 'undelivered' : 'failed';
}

/** Twilio's status callback for a row, as the webhook receives it (no price: Twilio's callbacks carry none). */
export function callbackParams(row, accountSid) {
  const status = finalStatusOf(Number(row.id));
  return {
    AccountSid: accountSid,
    MessageSid: row.twilio_sid,
    MessageStatus: status,
    To: row.phone_number,
    From: '+15005550006',
    ...(status === 'delivered' ? {} : { ErrorCode: '30003' }),
  };
}

/** The rows still waiting for their callback after id $1 (at most $2), oldest first. */
export const PENDING_CALLBACKS = `select id, twilio_sid, phone_number from sms_messages
  where status = 'sent' and id % 100 < 93 and id > $1 order by id limit $2`;
