import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { bootTestApp, type TestApp } from '../support/test-app';
import { adminHeaders, createTenant } from '../support/fixtures';
import { expectErrorShape, fieldsOf } from './error-shape';

describe('errors, docs and health', () => {
  let db: TestDatabase;
  let t: TestApp;
  let headers: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await bootTestApp({ database: db.database });
    headers = await adminHeaders(t, await createTenant(db.database, 'Errors Co'));
  });
  afterAll(async () => {
    await t?.close();
    await db?.destroy();
  });

  describe('validation errors name each field', () => {
    it('names name, email and phone for a lead with all three wrong', async () => {
      const res = await t
        .http()
        .post('/api/leads')
        .set(headers)
        .send({ name: '', email: 'nope', phone: '12' })
        .expect(400);
      const body = expectErrorShape(res.body, 400);
      expect(body.error).toBe('Bad Request');
      expect(fieldsOf(body)).toEqual(['email', 'name', 'phone']);
    });

    it('names a phone that is not a number in the SubAccount country', async () => {
      const res = await t.http().post('/api/leads').set(headers).send({ name: 'Ann', phone: '555-01' }).expect(400);
      expect(fieldsOf(expectErrorShape(res.body, 400))).toEqual(['phone']);
    });

    it('names a missing required field', async () => {
      const res = await t.http().post('/api/strategies').set(headers).send({}).expect(400);
      expect(fieldsOf(expectErrorShape(res.body, 400))).toEqual(['name']);
    });

    it('names an unknown body property', async () => {
      const res = await t
        .http()
        .post('/api/leads')
        .set(headers)
        .send({ name: 'Ann', favouriteColour: 'green' })
        .expect(400);
      const body = expectErrorShape(res.body, 400);
      expect(fieldsOf(body)).toEqual(['favouriteColour']);
      expect(body.message).toContain('favouriteColour');
    });

    it('names a bad query parameter', async () => {
      const res = await t.http().get('/api/leads?status=maybe&page=0').set(headers).expect(400);
      expect(fieldsOf(expectErrorShape(res.body, 400))).toEqual(['page', 'status']);
    });

    it('rejects a non-numeric :id with 400 in the one shape', async () => {
      const res = await t.http().get('/api/leads/abc').set(headers).expect(400);
      expectErrorShape(res.body, 400);
    });
  });

  it('answers invalid JSON with 400 in the one shape', async () => {
    const res = await t
      .http()
      .post('/api/leads')
      .set(headers)
      .set('Content-Type', 'application/json')
      .send('{"name": "Ann",')
      .expect(400);
    expect(expectErrorShape(res.body, 400).message).toMatch(/JSON/);
  });

  it('answers an unknown route with 404 in the one shape', async () => {
    const res = await t.http().get('/api/no-such-thing').set(headers).expect(404);
    expectErrorShape(res.body, 404);
  });

  describe('OpenAPI', () => {
    it('serves the document at /api/docs-json with the auth and lead routes', async () => {
      const res = await t.http().get('/api/docs-json').expect(200);
      expect(res.body.openapi).toMatch(/^3\./);
      expect(res.body.paths).toHaveProperty(['/api/auth/login', 'post']);
      expect(res.body.paths).toHaveProperty(['/api/leads/{id}', 'get']);
      expect(res.body.paths).toHaveProperty(['/api/leads/{id}', 'patch']);
      expect(res.body.paths).toHaveProperty(['/api/leads', 'get']);
    });

    it('serves the Swagger UI at /api/docs', async () => {
      const res = await t.http().get('/api/docs').redirects(1).expect(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.text).toMatch(/swagger/i);
    });
  });

  it('reports the database as ok in /api/health without a token', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.checks.database).toMatchObject({ status: 'ok', driver: expect.any(String) });
  });
});
