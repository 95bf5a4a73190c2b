import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate } from './auth';
import type { SimCore } from './core';
import { countRejection } from './counters';
import { apiError, TwilioApiError } from './errors';
import { isJsonRequest, readBody, sendEmpty, sendJson } from './http-io';
import { fetchService, listIncomingNumbers } from './senders';
import { type ApiReply, createMessage, deleteMessage, fetchMessage, listMessages, updateMessage } from './messages';

const MESSAGES = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/;
const MESSAGE = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\/([^/]+)\.json$/;
const NUMBERS = /^\/2010-04-01\/Accounts\/([^/]+)\/IncomingPhoneNumbers\.json$/;
/** messaging.twilio.com's path (the engine's client rebases every *.twilio.com host onto the simulator). */
const SERVICE = /^\/v1\/Services\/([^/]+)$/;

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const body = await readBody(req);
  // Sim-chosen code: Twilio's API only takes form bodies; the spec-driven mock (Prism) answers 415.
  if (isJsonRequest(req)) throw apiError(415, 20415, 'Unsupported Media Type: send application/x-www-form-urlencoded');
  return new URLSearchParams(body);
}

const methodNotAllowed = (): TwilioApiError => apiError(405, 20004, 'Method not allowed');

/** Sender ownership lookups: IncomingPhoneNumbers list and Messaging Service fetch (read-only). */
function senderLookup(core: SimCore, req: IncomingMessage, url: URL): ApiReply | undefined {
  const numbers = NUMBERS.exec(url.pathname);
  const service = numbers ? null : SERVICE.exec(url.pathname);
  if (!numbers && !service) return undefined;
  if (req.method !== 'GET') throw methodNotAllowed();
  if (numbers) {
    authenticate(req, core.accounts, numbers[1]);
    return { kind: 'json', status: 200, body: listIncomingNumbers(core.senders, numbers[1], url.searchParams) };
  }
  return { kind: 'json', status: 200, body: fetchService(core.senders, core.accounts, req, service![1]) };
}

async function dispatch(core: SimCore, req: IncomingMessage, url: URL): Promise<ApiReply> {
  const lookup = senderLookup(core, req, url);
  if (lookup) return lookup;
  const list = MESSAGES.exec(url.pathname);
  const one = list ? null : MESSAGE.exec(url.pathname);
  const accountSid = list?.[1] ?? one?.[1];
  if (accountSid === undefined) throw apiError(404, 20404, `The requested resource ${url.pathname} was not found`);
  authenticate(req, core.accounts, accountSid);
  if (list) {
    if (req.method === 'POST') return createMessage(core, accountSid, await readForm(req));
    if (req.method === 'GET') return listMessages(core, accountSid, url.searchParams);
    throw methodNotAllowed();
  }
  const sid = one?.[2] ?? '';
  if (req.method === 'GET') return fetchMessage(core, accountSid, sid);
  if (req.method === 'POST') return updateMessage(core, accountSid, sid, await readForm(req));
  if (req.method === 'DELETE') return deleteMessage(core, accountSid, sid);
  throw methodNotAllowed();
}

function errorReply(err: TwilioApiError): ApiReply {
  return { kind: 'json', status: err.status, body: err.toJSON() };
}

function send(core: SimCore, res: ServerResponse, reply: ApiReply): void {
  if (reply.kind === 'drop') {
    res.socket?.destroy();
    return;
  }
  const write = (): void => {
    if (reply.kind === 'empty') return sendEmpty(res, reply.status);
    const headers: Record<string, string> =
      reply.status === 401 ? { 'WWW-Authenticate': 'Basic realm="Twilio API"' } : {};
    sendJson(res, reply.status, reply.body, headers);
  };
  const delay = core.knobs.latencyMs + (reply.kind === 'json' ? (reply.holdMs ?? 0) : 0);
  if (delay <= 0) return write();
  const cancel = core.tasks.later(delay, write, false);
  res.on('close', cancel);
}

/** Twilio REST routes: Messages create / list / fetch / update / delete, with Twilio's auth and error bodies. */
export async function handleApi(core: SimCore, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const isCreate = req.method === 'POST' && MESSAGES.test(url.pathname);
  if (isCreate) core.counters.createRequests++;
  let reply: ApiReply;
  try {
    reply = await dispatch(core, req, url);
  } catch (err) {
    if (!(err instanceof TwilioApiError)) throw err;
    if (isCreate) countRejection(core.counters, err.code);
    reply = errorReply(err);
  }
  send(core, res, reply);
}
