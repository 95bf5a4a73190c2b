/** X-Forwarded-For for the admin panel's server (server.mjs): from the socket unless the peer is trusted. */
import { BlockList, isIP } from 'node:net';

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

/**
 * Sets X-Forwarded-For from the socket; passes an incoming chain on (and appends the peer) only when the
 * peer is a trusted proxy. Drops Forwarded and X-Real-IP from anyone else.
 */
export function forwardedForSetter(setting) {
  const trusted = trustedProxies(setting);
  return (req) => {
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
  };
}
