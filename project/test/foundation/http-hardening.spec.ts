import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { bootTestApp, TEST_METRICS_TOKEN, type TestApp } from '../support/test-app';

describe('HTTP hardening', () => {
  let db: TestDatabase;
  let t: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await bootTestApp({ database: db.database });
  });
  afterAll(async () => {
    await t?.close();
    await db?.destroy();
  });

  it('sends helmet headers and no X-Powered-By', async () => {
    const res = await t.http().get('/api/health');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'self'/);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    // PUBLIC_BASE_URL is http here: no HSTS, and no upgrading the docs page's requests to https.
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['content-security-policy']).not.toMatch(/upgrade-insecure-requests/);
    // Answers are not hashed for an ETag (see configureApp).
    expect(res.headers.etag).toBeUndefined();
  });

  it('sends the same headers on errors: a 401, a 404 and a 400', async () => {
    const ok = await t.http().get('/api/health');
    const answers = [
      await t.http().get('/api/sms/messages').expect(401),
      await t.http().get('/api/no-such-route').expect(404),
      await t.http().post('/api/auth/login').set('content-type', 'application/json').send('"x"').expect(400),
    ];
    for (const name of ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy']) {
      for (const res of answers) expect(res.headers[name]).toBe(ok.headers[name]);
    }
  });

  it('serves a path with a trailing slash as the path without it', async () => {
    expect((await t.http().get('/api/health/')).status).toBe((await t.http().get('/api/health')).status);
    await t.http().get('/api/sms/messages/').expect(401); // the route, asking for a login: not a 404
  });

  it('sends HSTS when the public address is https', async () => {
    const https = await bootTestApp({ database: db.database, env: { PUBLIC_BASE_URL: 'https://sms.example.com' } });
    try {
      const res = await https.http().get('/api/health');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
      expect(res.headers['content-security-policy']).toMatch(/upgrade-insecure-requests/);
    } finally {
      await https.close();
    }
  });

  it('serves /api/metrics only with the METRICS_TOKEN', async () => {
    await t.http().get('/api/metrics').expect(401);
    await t.http().get('/api/metrics').set('Authorization', 'Bearer wrong-token-wrong-token').expect(401);
    const res = await t.http().get('/api/metrics').set('Authorization', `Bearer ${TEST_METRICS_TOKEN}`).expect(200);
    expect(res.text).toMatch(/^# TYPE sms_send_outcomes_total counter$/m);
  });

  it('does not serve /api/metrics at all without a METRICS_TOKEN', async () => {
    const open = await bootTestApp({ database: db.database, env: { METRICS_TOKEN: '' } });
    try {
      await open.http().get('/api/metrics').expect(404);
    } finally {
      await open.close();
    }
  });
});
