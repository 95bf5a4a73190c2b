import type { NextConfig } from 'next';

const dev = process.env.NODE_ENV !== 'production';

// Next's own inline bootstrap scripts need 'unsafe-inline' without per-request nonces; the development
// server also evaluates code and talks over a websocket. Everything else comes from this origin only.
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders = [
  { key: 'Content-Security-Policy', value: csp },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

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
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // HSTS only when the request reached us over https (a TLS proxy in front says so).
      {
        source: '/:path*',
        has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }],
        headers: [{ key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' }],
      },
    ];
  },
};

export default nextConfig;
