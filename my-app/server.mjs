/**
 * The admin panel's HTTP server: Next's request handler behind one step that fixes X-Forwarded-For.
 *
 * Next keeps a client's own X-Forwarded-For (it only fills the header when absent), and the /api proxy
 * (app/api/[...path]/route.ts) cannot see the socket. So here, where the socket is known, the header is
 * set from it: a client talking to the panel directly cannot choose the address the API's sign-in locks
 * and rate limits count. Only a proxy listed in TRUST_PROXY (same syntax as the API's) may pass a chain on.
 *
 * Usage: node server.mjs [--dev]   (PORT and TRUST_PROXY from the environment; listens on every interface)
 */
import http from 'node:http';
import { BlockList, isIP } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import next from 'next';

const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);

/** loopback by default; `false`/`none` trusts nobody; otherwise addresses and CIDR ranges. */
function trustedProxies(setting = 'loopback') {
  const list = new BlockList();
  for (const entry of setting.split(',').map((e) => e.trim())) {
    if (entry === '' || entry === 'false' || entry === 'none') continue;
    if (entry === 'loopback') {
      list.addSubnet('127.0.0.0', 8, 'ipv4');
      list.addAddress('::1', 'ipv6');
      continue;
    }
    const [address, bits] = entry.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : isIP(address) === 4 ? 'ipv4' : null;
    if (!family) continue; // hop counts and names other than loopback: trust nobody rather than guess
    if (bits === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(bits), family);
  }
  return list;
}

const trusted = trustedProxies(process.env.TRUST_PROXY);

export function setForwardedFor(req) {
  const raw = req.socket.remoteAddress ?? '';
  const peer = raw.startsWith('::ffff:') ? raw.slice(7) : raw;
  const family = isIP(peer) === 6 ? 'ipv6' : 'ipv4';
  const chain = req.headers['x-forwarded-for'];
  const passOn = isIP(peer) !== 0 && trusted.check(peer, family) && typeof chain === 'string' && chain !== '';
  req.headers['x-forwarded-for'] = passOn ? `${chain}, ${peer}` : peer;
  if (!passOn) {
    delete req.headers['forwarded'];
    delete req.headers['x-real-ip'];
  }
}

const app = next({ dev, dir: path.dirname(fileURLToPath(import.meta.url)), port });
const handle = app.getRequestHandler();
await app.prepare();
http
  .createServer((req, res) => {
    setForwardedFor(req);
    void handle(req, res);
  })
  .listen(port, () => console.log(`Admin panel listening on port ${port}`));
