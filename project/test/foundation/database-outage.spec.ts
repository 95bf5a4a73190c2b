import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseService } from 'src/core/database/database.service';
import { fingerprint, assertSharedSecrets } from 'src/core/database/installation-secrets';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { bootTestApp, type TestApp } from '../support/test-app';
import { adminHeaders, createTenant } from '../support/fixtures';
import { expectErrorShape } from './error-shape';

/**
 * The database going away under a running API (closed here: PGlite closed, or the PostgreSQL pool ended;
 * test/outages/ cuts a real connection): answers are 503 with Retry-After, never a 500 or a crash.
 */
describe('the API while its database is unreachable', () => {
  let db: TestDatabase;
  let appDb: DatabaseService;
  let t: TestApp;
  let headers: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    // On PostgreSQL the app gets its own pool, so the test database can still be dropped afterwards.
    appDb = db.database.url ? await DatabaseService.connect({ databaseUrl: db.database.url }) : db.database;
    t = await bootTestApp({ database: appDb });
    headers = await adminHeaders(t, await createTenant(db.database, 'Outage Co'));
    await t.http().get('/api/leads').set(headers).expect(200);
    await t.http().get('/api/health').expect(200);
    await appDb.close();
  });
  afterAll(async () => {
    await t?.close();
    await db?.destroy().catch(() => undefined); // PGlite: already closed above
  });

  it('answers a request that needs the database with 503 and Retry-After', async () => {
    const res = await t.http().get('/api/leads').set(headers);
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    const body = expectErrorShape(res.body, 503);
    expect(body.error).toBe('Service Unavailable');
    expect(body.message).toContain('database is unreachable');
  });

  it('answers a login with 503, not 500 or 401', async () => {
    const res = await t.http().post('/api/auth/login').send({ email: 'admin@outage-co.test', password: 'x' });
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
  });

  it('says so on /api/health: database down and unreachable, 503 with Retry-After', async () => {
    const res = await t.http().get('/api/health');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    const body = res.body as { status: string; checks: { database: { status: string; reachable: boolean } } };
    expect(body.status).toBe('down');
    expect(body.checks.database).toMatchObject({ status: 'down', reachable: false });
  });
});

describe('secrets shared by every process on one database', () => {
  let db: TestDatabase;
  const secrets = { JWT_SECRET: 'j'.repeat(40), ENCRYPTION_KEY: Buffer.alloc(32, 1) };

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('lets a second process with the same secrets start', async () => {
    await assertSharedSecrets(db.database, secrets);
    await expect(assertSharedSecrets(db.database, secrets)).resolves.toBeUndefined();
  });

  it('refuses a process whose ENCRYPTION_KEY differs, naming it', async () => {
    await assertSharedSecrets(db.database, secrets);
    const other = { ...secrets, ENCRYPTION_KEY: Buffer.alloc(32, 2) };
    await expect(assertSharedSecrets(db.database, other)).rejects.toThrow(/^ENCRYPTION_KEY differ/);
  });

  it('refuses a process whose JWT_SECRET differs, naming it', async () => {
    await assertSharedSecrets(db.database, secrets);
    await expect(assertSharedSecrets(db.database, { ...secrets, JWT_SECRET: 'k'.repeat(40) })).rejects.toThrow(
      /^JWT_SECRET differ/,
    );
  });

  it('stores a keyed fingerprint, not the secret', () => {
    const stored = fingerprint('JWT_SECRET', secrets.JWT_SECRET);
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(stored).not.toContain(secrets.JWT_SECRET);
    expect(fingerprint('JWT_SECRET', 'other-secret-other-secret-other-secret')).not.toBe(stored);
  });
});
