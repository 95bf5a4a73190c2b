import type { SimCore } from './core';
import { apiError } from './errors';
import { parseListQuery } from './list-query';
import { buildOutboundMessage } from './message-create';
import { listPage } from './messages-list';
import { chance } from './prng';
import { messageJson, messageUri } from './twilio-json';
import type { SimMessage } from './types';

export type ApiReply =
  | { kind: 'json'; status: number; body: unknown; holdMs?: number }
  | { kind: 'empty'; status: number }
  /** Destroy the socket without answering. */
  | { kind: 'drop' };

const json = (status: number, body: unknown, holdMs?: number): ApiReply => ({ kind: 'json', status, body, holdMs });

/** POST Messages.json: the knobs' faults first (nothing created), then Twilio's validation, then create. */
export function createMessage(core: SimCore, accountSid: string, form: URLSearchParams): ApiReply {
  const { knobs, rng, counters } = core;
  if (chance(rng, knobs.dropBeforeCreateRate)) {
    counters.dropsBeforeCreate++;
    return { kind: 'drop' };
  }
  if (chance(rng, knobs.rate429)) {
    counters.rate429++;
    throw apiError(429, 20429, 'Too Many Requests');
  }
  if (chance(rng, knobs.rate5xx)) {
    counters.rate5xx++;
    throw apiError(500, 20500, 'Internal Server Error');
  }
  const message = core.store.add(buildOutboundMessage(accountSid, form, Date.now()));
  counters.created++;
  if (message.status !== 'scheduled') core.lifecycle.start(message);
  if (chance(rng, knobs.timeoutRate)) {
    counters.timeouts++;
    return json(201, messageJson(message), knobs.timeoutMs);
  }
  return json(201, messageJson(message));
}

function findMessage(core: SimCore, accountSid: string, sid: string): SimMessage {
  const message = core.store.get(sid);
  if (!message || message.accountSid !== accountSid) {
    throw apiError(404, 20404, `The requested resource ${messageUri(accountSid, sid)} was not found`);
  }
  return message;
}

export function fetchMessage(core: SimCore, accountSid: string, sid: string): ApiReply {
  return json(200, messageJson(findMessage(core, accountSid, sid)));
}

/** POST Messages/{Sid}.json: Status=canceled while scheduled (else 30409), Body='' redacts. */
export function updateMessage(core: SimCore, accountSid: string, sid: string, form: URLSearchParams): ApiReply {
  const message = findMessage(core, accountSid, sid);
  const status = form.get('Status');
  const body = form.get('Body');
  if (status !== null) {
    if (status !== 'canceled') throw apiError(400, 20001, `Invalid Status: ${status}. Only 'canceled' is allowed.`);
    if (message.status !== 'scheduled') throw apiError(400, 30409, 'This message cannot be canceled');
    message.status = 'canceled';
  }
  if (body !== null) {
    if (body !== '') throw apiError(400, 20001, 'Body can only be updated to an empty string (redaction).');
    message.body = '';
  }
  message.dateUpdated = Date.now();
  return json(200, messageJson(message));
}

export function deleteMessage(core: SimCore, accountSid: string, sid: string): ApiReply {
  findMessage(core, accountSid, sid);
  core.store.delete(sid);
  return { kind: 'empty', status: 204 };
}

export function listMessages(core: SimCore, accountSid: string, query: URLSearchParams): ApiReply {
  return json(200, listPage(core.store, accountSid, parseListQuery(query)));
}
