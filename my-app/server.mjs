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
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import next from 'next';
import { forwardedForSetter } from './forwarded-for.mjs';

const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);

const setForwardedFor = forwardedForSetter(process.env.TRUST_PROXY);

const app = next({ dev, dir: path.dirname(fileURLToPath(import.meta.url)), port });
const handle = app.getRequestHandler();
await app.prepare();
http
  .createServer((req, res) => {
    setForwardedFor(req);
    void handle(req, res);
  })
  .listen(port, () => console.log(`Admin panel listening on port ${port}`));
