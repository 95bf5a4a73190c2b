import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT_BYTES, MAX_FORM_PARAMETERS, MAX_JSON_DEPTH } from 'src/core/http/body-parsers';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { bootTestApp, type TestApp } from '../support/test-app';
import { adminHeaders, createTenant } from '../support/fixtures';
import { expectErrorShape, fieldsOf } from './error-shape';

/** Each case once was, or could have been, a 500: every one must be a 4xx naming what is wrong. */
describe('bad input is a 4xx, never a 500', () => {
  let db: TestDatabase;
  let t: TestApp;
  let headers: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await bootTestApp({ database: db.database });
    headers = await adminHeaders(t, await createTenant(db.database, 'Hostile Co'));
  });
  afterAll(async () => {
    await t?.close();
    await db?.destroy();
  });

  const postJson = (path: string, raw: string) =>
    t.http().post(path).set(headers).set('Content-Type', 'application/json').send(raw);

  it('an id beyond int4 (/leads/2147483648) is a 400 naming id', async () => {
    const res = await t.http().get('/api/leads/2147483648').set(headers).expect(400);
    expect(fieldsOf(expectErrorShape(res.body, 400))).toEqual(['id']);
    await t.http().get('/api/leads/2147483647').set(headers).expect(404);
  });

  it('an overflowing page number is a 400 naming page', async () => {
    const res = await t.http().get('/api/leads?page=99999999999999999999').set(headers).expect(400);
    expect(fieldsOf(res.body)).toEqual(['page']);
  });

  it('an id beyond int4 inside a body is a 400 naming the field', async () => {
    const res = await t
      .http()
      .post('/api/leads')
      .set(headers)
      .send({ name: 'A', ownerId: 2 ** 31 })
      .expect(400);
    expect(fieldsOf(res.body)).toEqual(['ownerId']);
  });

  it('a NUL byte in a name is a 400 naming name', async () => {
    const res = await t.http().post('/api/leads').set(headers).send({ name: 'Jane\u0000Doe' }).expect(400);
    expect(fieldsOf(expectErrorShape(res.body, 400))).toEqual(['name']);
  });

  it('half of a surrogate pair is a 400 naming the field, in any field (the email check used to throw: 500)', async () => {
    for (const body of [{ name: 'A', email: '\uD800' }, { name: 'Jane \uDC00' }]) {
      const res = await t.http().post('/api/leads').set(headers).send(body).expect(400);
      expect(fieldsOf(expectErrorShape(res.body, 400))).toEqual([Object.keys(body).at(-1)]);
      expect(res.body.message).toMatch(/valid Unicode/);
    }
    await t.http().post('/api/leads').set(headers).send({ name: 'Jane 😀' }).expect(201);
  });

  it('a NUL byte in a message body is a 400 naming message', async () => {
    const res = await t
      .http()
      .post('/api/sms/send')
      .set(headers)
      .send({ phoneNumber: '+14155550101', message: 'hi\u0000' })
      .expect(400);
    expect(fieldsOf(res.body)).toEqual(['message']);
  });

  it('a message of only zero-width characters is a 400 naming message', async () => {
    const res = await t
      .http()
      .post('/api/sms/send')
      .set(headers)
      .send({ phoneNumber: '+14155550101', message: '\u200B\u200C\u200D\uFEFF' })
      .expect(400);
    expect(fieldsOf(res.body)).toEqual(['message']);
    expect(res.body.message).toMatch(/visible characters/);
  });

  it(`JSON nested 5,000 deep is a 400 (limit ${MAX_JSON_DEPTH})`, async () => {
    const raw = `{"name":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const res = await postJson('/api/leads', raw).expect(400);
    expect(expectErrorShape(res.body, 400).message).toMatch(/nested deeper than 32/);
  });

  it(`a JSON body over ${BODY_LIMIT_BYTES / 1024} kB is a 413`, async () => {
    const res = await postJson('/api/leads', JSON.stringify({ name: 'A', notes: 'x'.repeat(BODY_LIMIT_BYTES) }));
    expect(expectErrorShape(res.body, 413).message).toMatch(/too large/);
  });

  it.each(['{"name":', '"just a string"', 'null'])(
    'a body that is not a JSON object or list (%s) is a 400',
    async (raw) => {
      const res = await postJson('/api/leads', raw).expect(400);
      expect(expectErrorShape(res.body, 400).message).toBe('Request body is not valid JSON');
    },
  );

  it('an empty body sent as JSON is no body, not an error', async () => {
    await postJson('/api/auth/stream-ticket', '').expect(200);
  });

  it(`a form body of over ${MAX_FORM_PARAMETERS} parameters is a 413`, async () => {
    const form = Array.from({ length: MAX_FORM_PARAMETERS + 1 }, (_, i) => `p${i}=1`).join('&');
    const res = await t.http().post('/api/sms/webhooks/twilio/status').type('form').send(form);
    expect(expectErrorShape(res.body, 413).message).toBe('Too many form parameters');
  });

  it('brackets inside strings do not count as depth', async () => {
    const res = await postJson('/api/leads', JSON.stringify({ name: '['.repeat(100) })).expect(201);
    expect(res.body.name).toBe('['.repeat(100));
  });

  it.each(['__proto__', 'constructor'])('a %s key is a 400 naming it', async (key) => {
    const res = await postJson('/api/leads', `{"name":"A","${key}":{"isAdmin":true}}`).expect(400);
    expect(fieldsOf(expectErrorShape(res.body, 400))).toEqual([key]);
  });

  it.each([
    ['application/json', '{"From":"+14155550101"}'],
    ['text/plain', 'From=+14155550101'],
  ])('a webhook body sent as %s is a 415', async (type, body) => {
    for (const path of ['/api/sms/webhooks/twilio/inbound', '/api/sms/webhooks/twilio/status']) {
      const res = await t.http().post(path).set('Content-Type', type).send(body).expect(415);
      expectErrorShape(res.body, 415);
    }
  });

  it('a webhook parameter given twice is a 400 naming it', async () => {
    const res = await t
      .http()
      .post('/api/sms/webhooks/twilio/inbound')
      .type('form')
      .send('From=%2B14155550101&To=a&To=b')
      .expect(400);
    expect(res.body.message).toMatch(/^To: must appear once/);
  });

  it('two file parts in an upload are a 400 naming file', async () => {
    const csv = Buffer.from('phone\n+14155550101\n');
    const res = await t
      .http()
      .post('/api/sms/bulk')
      .set(headers)
      .field('message', 'hi')
      .field('dryRun', 'true')
      .attach('file', csv, 'a.csv')
      .attach('file', csv, 'b.csv');
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['file']);
  });
});
