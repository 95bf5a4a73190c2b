// A round-robin TCP balancer for `npm run cluster`: the admin panel and Twilio's webhooks reach one port, as
// behind a production load balancer, and each connection goes to the next API process that accepts it. An
// API process that is down (crashed, restarting) is skipped.
import net from 'node:net';

/**
 * @param {{ port: number, backends: number[], host?: string }} options
 * @returns {Promise<net.Server>}
 */
export function startBalancer({ port, backends, host = '127.0.0.1' }) {
  let next = 0;
  const server = net.createServer((client) => {
    client.pause();
    connect(client, 0);
  });

  function connect(client, tried) {
    if (tried >= backends.length) {
      client.destroy();
      return;
    }
    const backendPort = backends[next++ % backends.length];
    const upstream = net.connect(backendPort, host);
    let connected = false;
    upstream.on('error', () => (connected ? client.destroy() : connect(client, tried + 1)));
    upstream.once('connect', () => {
      connected = true;
      client.on('error', () => upstream.destroy());
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    });
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '0.0.0.0', () => resolve(server));
  });
}
