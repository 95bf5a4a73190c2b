import type { NextConfig } from 'next';

// The browser only ever talks to this origin. /api/* is forwarded to the NestJS API at
// `API_URL` (default http://127.0.0.1:3001) by app/api/[...path]/route.ts, read at run time;
// a `rewrites()` entry here would freeze the API's address into the build.
const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // gzip for pages and JavaScript (the /login bundle is ~840 KB raw). Server-Sent Events stay unbuffered:
  // the /api proxy (app/api/[...path]/route.ts) marks them `Cache-Control: no-transform`, which the
  // compression middleware honours by passing them through untouched.
  compress: true,
};

export default nextConfig;
