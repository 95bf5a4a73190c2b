import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimCore } from './core';
import { isLoopback, readBody, sendJson } from './http-io';
import { injectInbound } from './inbound';
import type { AccountSenders } from './senders';
import type { InboundInjection, Knobs } from './types';

function parseJson(text: string): unknown {
  return text.trim() === '' ? {} : JSON.parse(text);
}

/** /__sim/* — no auth, loopback callers only: health, state, knobs, reset, inbound, flush. */
export async function handleControl(core: SimCore, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  if (!isLoopback(req)) return sendJson(res, 403, { error: 'control endpoints are loopback-only' });
  const route = `${req.method ?? 'GET'} ${url.pathname}`;
  try {
    switch (route) {
      case 'GET /__sim/health':
        return sendJson(res, 200, { ok: true, messages: core.store.size });
      case 'GET /__sim/state':
        return sendJson(res, 200, core.state(url.searchParams.get('messages') !== '0'));
      case 'POST /__sim/knobs':
        core.setKnobs(parseJson(await readBody(req)) as Partial<Knobs>);
        return sendJson(res, 200, core.knobs);
      case 'POST /__sim/reset':
        core.reset();
        return sendJson(res, 200, { ok: true });
      case 'POST /__sim/senders': {
        const { accountSid, ...senders } = parseJson(await readBody(req)) as AccountSenders & { accountSid?: string };
        core.senders.add(accountSid ?? core.defaultAccountSid, senders);
        return sendJson(res, 200, { ok: true });
      }
      case 'POST /__sim/flush':
        await core.tasks.flush();
        return sendJson(res, 200, { ok: true });
      case 'POST /__sim/inbound': {
        const injection = parseJson(await readBody(req)) as InboundInjection;
        return sendJson(res, 200, await injectInbound(core, injection));
      }
      default:
        return sendJson(res, 404, { error: `no control route ${route}` });
    }
  } catch (err) {
    return sendJson(res, 400, { error: err instanceof Error ? err.message : String(err) });
  }
}
