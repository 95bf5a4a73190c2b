import type { NextConfig } from 'next';

// The browser only ever talks to this origin. /api/* is forwarded to the NestJS API at
// `API_URL` (default http://127.0.0.1:3001) by app/api/[...path]/route.ts, read at run time;
// a `rewrites()` entry here would freeze the API's address into the build.
const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Next's gzip middleware buffers text/event-stream responses, which would hold back the campaign
  // progress stream; the admin panel's own assets are small.
  compress: false,
};

export default nextConfig;
