import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultAccounts } from './accounts';
import { handleControl } from './control';
import { SimCore } from './core';
import { BodyTooLargeError, sendJson } from './http-io';
import { injectInbound } from './inbound';
import { handleApi } from './router';
import type { SimOptions, Simulator } from './types';

function handler(core: SimCore) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://sim.local');
    const route = url.pathname.startsWith('/__sim/') ? handleControl : handleApi;
    route(core, req, res, url).catch((err: unknown) => {
      if (err instanceof BodyTooLargeError) return sendJson(res, 413, { error: err.message });
      console.error('[twilio-sim] request failed:', err);
      sendJson(res, 500, { code: 20500, message: 'Internal Server Error', more_info: '', status: 500 });
    });
  };
}

/** Starts the simulator's HTTP server; resolves once it listens. */
export async function startSimulator(opts: SimOptions = {}): Promise<Simulator> {
  const accounts = opts.accounts && Object.keys(opts.accounts).length ? opts.accounts : defaultAccounts();
  const core = new SimCore({
    accounts,
    knobs: opts.knobs,
    seed: opts.seed ?? 1,
    inboundUrl: opts.inboundUrl,
    senders: opts.senders,
  });
  const server = createServer({ keepAlive: true }, handler(core));
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  let closing: Promise<void> | undefined;

  return {
    url: `http://${urlHost}:${port}`,
    port,
    accounts: { ...core.accounts },
    setKnobs: (k) => core.setKnobs(k),
    addSenders: (accountSid, senders) => core.senders.add(accountSid, senders),
    reset: () => core.reset(),
    state: () => core.state(),
    injectInbound: (i) => injectInbound(core, i),
    flushCallbacks: () => core.tasks.flush(),
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        core.stopWork();
        core.poster.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
