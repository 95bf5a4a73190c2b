import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { bootTestApp, type TestApp } from './support/test-app';
import { createTenant, adminHeaders } from './support/fixtures';

describe('API smoke', () => {
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

  it('reports the database in /api/health', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.body.checks.database.status).toBe('ok');
  });

  it('lets an admin create a lead with a normalised phone', async () => {
    const tenant = await createTenant(db.database, 'Smoke Co');
    const headers = await adminHeaders(t, tenant);
    const res = await t
      .http()
      .post('/api/leads')
      .set(headers)
      .send({ name: 'Ann', phone: '(415) 555-0100' })
      .expect(201);
    expect(res.body.phone).toBe('+14155550100');
  });
});
