import type { ListQuery } from './list-query';
import type { MessageStore } from './store';
import { API_VERSION, messageJson } from './twilio-json';
import type { SimMessage } from './types';

function matches(m: SimMessage, accountSid: string, q: ListQuery): boolean {
  if (m.accountSid !== accountSid) return false;
  if (q.to !== undefined && m.to !== q.to) return false;
  if (q.from !== undefined && m.from !== q.from) return false;
  if (q.sent) {
    if (m.dateSent === null || m.dateSent < q.sent.from || m.dateSent > q.sent.to) return false;
  }
  return true;
}

/** Up to `limit` matches older than `beforeSeq`, newest first. */
function older(items: readonly SimMessage[], ok: (m: SimMessage) => boolean, beforeSeq: number, limit: number) {
  const out: SimMessage[] = [];
  for (let i = items.length - 1; i >= 0 && out.length < limit; i--) {
    if (items[i].seq < beforeSeq && ok(items[i])) out.push(items[i]);
  }
  return out;
}

/** Up to `limit` matches newer than `afterSeq`, closest first (oldest first). */
function newer(items: readonly SimMessage[], ok: (m: SimMessage) => boolean, afterSeq: number, limit: number) {
  const out: SimMessage[] = [];
  for (let i = 0; i < items.length && out.length < limit; i++) {
    if (items[i].seq > afterSeq && ok(items[i])) out.push(items[i]);
  }
  return out;
}

function pageSlice(store: MessageStore, accountSid: string, q: ListQuery): SimMessage[] {
  const items = store.candidates(q.to);
  const ok = (m: SimMessage): boolean => matches(m, accountSid, q);
  if (q.token) {
    const seq = store.seqOf(q.token.sid) ?? (q.token.direction === 'older' ? 0 : Infinity);
    return q.token.direction === 'older'
      ? older(items, ok, seq, q.pageSize)
      : newer(items, ok, seq, q.pageSize).reverse();
  }
  const skip = q.page * q.pageSize;
  return older(items, ok, Infinity, skip + q.pageSize).slice(skip);
}

/** Twilio's list page JSON: messages newest first, cursor tokens PA<sid> (older) / PB<sid> (newer). */
export function listPage(store: MessageStore, accountSid: string, q: ListQuery): Record<string, unknown> {
  const messages = pageSlice(store, accountSid, q);
  const items = store.candidates(q.to);
  const ok = (m: SimMessage): boolean => matches(m, accountSid, q);
  const first = messages[0];
  const last = messages[messages.length - 1];
  const hasOlder = last !== undefined && older(items, ok, last.seq, 1).length > 0;
  const hasNewer = first !== undefined && q.page > 0 && newer(items, ok, first.seq, 1).length > 0;

  const path = `/${API_VERSION}/Accounts/${accountSid}/Messages.json`;
  const uri = (page: number, token?: string): string =>
    `${path}?${q.filterQuery ? `${q.filterQuery}&` : ''}PageSize=${q.pageSize}&Page=${page}` +
    (token ? `&PageToken=${token}` : '');
  const start = q.page * q.pageSize;
  return {
    first_page_uri: uri(0),
    end: messages.length ? start + messages.length - 1 : start,
    previous_page_uri: hasNewer ? uri(q.page - 1, `PB${first.sid}`) : null,
    messages: messages.map(messageJson),
    uri: uri(q.page, q.token ? `P${q.token.direction === 'older' ? 'A' : 'B'}${q.token.sid}` : undefined),
    page_size: q.pageSize,
    start,
    next_page_uri: hasOlder ? uri(q.page + 1, `PA${last.sid}`) : null,
    page: q.page,
  };
}
