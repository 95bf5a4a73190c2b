// A round-robin HTTP balancer for `npm run cluster`: the admin panel and Twilio's webhooks reach one port, as
// behind a production load balancer, and each request goes to the next API process that accepts a connection.
// An API process that refuses one (crashed, restarting) is out of rotation for `downForMs`, and the request
// goes to the next; when none is up the balancer answers 503 with Retry-After, as the API itself does during a
// database outage. It sets X-Forwarded-For from the client's socket (a chain only from a TRUST_PROXY peer):
// a TCP relay would make every client look like loopback, whose own X-Forwarded-For the API then believes.
import http from 'node:http';
import { forwardedForSetter } from '../../my-app/forwarded-for.mjs';

const UNAVAILABLE_BODY = JSON.stringify({
  statusCode: 503,
  error: 'Service Unavailable',
  message: 'No API process is up (restarting); retry shortly',
});

/** Headers of one connection, not of the message: never passed on by a proxy (RFC 9110 §7.6.1). */
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer'];

/**
 * @param {{ port: number, backends: number[], host?: string, downForMs?: number, trustProxy?: string }} options
 * @returns {Promise<http.Server>}
 */
export function startBalancer({ port, backends, host = '127.0.0.1', downForMs = 1_000, trustProxy }) {
  let next = 0;
  /** backend port -> until when it is out of rotation (it refused a connection) */
  const downUntil = new Map();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  const setForwardedFor = forwardedForSetter(trustProxy ?? process.env.TRUST_PROXY);

  function pick(tried) {
    for (let i = 0; i < backends.length; i++) {
      const backend = backends[next++ % backends.length];
      if (!tried.has(backend) && (downUntil.get(backend) ?? 0) <= Date.now()) return backend;
    }
    return undefined;
  }

  /** The body is piped only once the connection stands, so a refused connection can be retried elsewhere. */
  function forward(req, res, tried) {
    const backend = pick(tried);
    if (backend === undefined) return unavailable(res);
    tried.add(backend);
    const headers = withoutHopByHop(req.headers);
    const upstream = http.request({ host, port: backend, method: req.method, path: req.url, headers, agent });
    let connected = false;
    const start = () => {
      connected = true;
      downUntil.delete(backend);
      req.pipe(upstream);
    };
    upstream.on('socket', (socket) => (socket.connecting ? socket.once('connect', start) : start()));
    upstream.on('response', (answer) => {
      res.writeHead(answer.statusCode ?? 502, withoutHopByHop(answer.headers));
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (connected) return res.destroy();
      downUntil.set(backend, Date.now() + downForMs);
      forward(req, res, tried);
    });
    res.on('close', () => upstream.destroy());
  }

  const server = http.createServer((req, res) => {
    setForwardedFor(req);
    forward(req, res, new Set());
  });
  server.on('close', () => agent.destroy());

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '0.0.0.0', () => resolve(server));
  });
}

function withoutHopByHop(headers) {
  const out = { ...headers };
  for (const name of HOP_BY_HOP) delete out[name];
  return out;
}

function unavailable(res) {
  res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': '1' });
  res.end(UNAVAILABLE_BODY);
}
