import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, login, type Tenant } from '../../../../test/support/fixtures';
import { bootTestApp, type TestApp } from '../../../../test/support/test-app';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import type { Route } from '../../../../test/support/served-routes';
import { SmsController } from './sms.controller';

/** The /api/sms routes the app serves, so a new one is covered without editing this file. */
const smsRoutes = (t: TestApp): Route[] => t.routes.filter((r) => r.path.startsWith('/api/sms/'));

/** Public by design: Twilio calls them and each checks X-Twilio-Signature instead of a login. */
const isTwilioWebhook = (path: string) => path.startsWith('/api/sms/webhooks/');

const fieldsOf = (body: { details?: { field: string }[] }) => [...new Set((body.details ?? []).map((d) => d.field))];

describe(SmsController.name, () => {
  let db: TestDatabase;
  let t: TestApp;
  let tenant: Tenant;
  let user: Record<string, string>;
  let adminNoTenant: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await bootTestApp({ database: db.database });
    tenant = await createTenant(db.database, 'Controller Roofing');
    user = { Authorization: `Bearer ${await login(t, tenant.userEmail)}` };
    adminNoTenant = { Authorization: `Bearer ${await login(t, tenant.adminEmail)}` };
  });
  afterAll(async () => {
    await t?.close();
    await db?.destroy();
  });

  const send = (body: object, headers: Record<string, string> = user) =>
    t.http().post('/api/sms/send').set(headers).send(body);

  describe('authentication', () => {
    it('answers 401 on every /api/sms route without a token or with a bad one', async () => {
      const routes = smsRoutes(t).filter((r) => !isTwilioWebhook(r.path));
      expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
        expect.arrayContaining([
          'post /api/sms/send',
          'get /api/sms/messages',
          'get /api/sms/messages/:id',
          'get /api/sms/stats',
          'put /api/sms/settings',
        ]),
      );
      for (const route of routes) {
        const path = route.path.replace(/:\w+/g, '1');
        const label = `${route.method.toUpperCase()} ${route.path}`;
        const anonymous = await t.http()[route.method](path).send({});
        expect(anonymous.status, `${label} without a token`).toBe(401);
        const forged = await t.http()[route.method](path).set('Authorization', 'Bearer not.a.token').send({});
        expect(forged.status, `${label} with a bad token`).toBe(401);
      }
    });
  });

  describe('validation names the field', () => {
    it('rejects a send without a message', async () => {
      const res = await send({ phoneNumber: '+14155550142' }).expect(400);
      expect(fieldsOf(res.body)).toContain('message');
      expect(res.body.message).toMatch(/message/);
    });

    it('rejects a phoneNumber that is not a string', async () => {
      const res = await send({ phoneNumber: 4155550142, message: 'hi' }).expect(400);
      expect(fieldsOf(res.body)).toEqual(['phoneNumber']);
    });

    it('rejects scheduledAt without a time zone offset', async () => {
      const res = await send({ phoneNumber: '+14155550142', message: 'hi', scheduledAt: '2030-01-01T09:00:00' }).expect(
        400,
      );
      expect(fieldsOf(res.body)).toEqual(['scheduledAt']);
      expect(res.body.message).toMatch(/scheduledAt .*offset/);
    });

    it('rejects an unknown body field', async () => {
      const res = await send({ phoneNumber: '+14155550142', message: 'hi', subAccountId: 99 }).expect(400);
      expect(fieldsOf(res.body)).toEqual(['subAccountId']);
    });

    it('rejects a malformed Idempotency-Key header, naming it', async () => {
      for (const key of ['has spaces', 'x'.repeat(201), 'semi;colon']) {
        const res = await t
          .http()
          .post('/api/sms/send')
          .set(user)
          .set('Idempotency-Key', key)
          .send({ phoneNumber: '+14155550142', message: 'hi' })
          .expect(400);
        expect(fieldsOf(res.body)).toEqual(['Idempotency-Key']);
      }
    });

    it('caps the history page size at 100', async () => {
      const res = await t.http().get('/api/sms/messages?limit=500').set(user).expect(400);
      expect(fieldsOf(res.body)).toEqual(['limit']);
      await t.http().get('/api/sms/messages?limit=100').set(user).expect(200);
    });

    it('rejects an unknown status filter and a bad date filter', async () => {
      expect(fieldsOf((await t.http().get('/api/sms/messages?status=lost').set(user).expect(400)).body)).toEqual([
        'status',
      ]);
      expect(fieldsOf((await t.http().get('/api/sms/messages?direction=sideways').set(user).expect(400)).body)).toEqual(
        ['direction'],
      );
      expect(fieldsOf((await t.http().get('/api/sms/messages?from=yesterday').set(user).expect(400)).body)).toEqual([
        'from',
      ]);
    });

    it('rejects a non-numeric message id', async () => {
      await t.http().get('/api/sms/messages/abc').set(user).expect(400);
    });
  });

  describe('tenancy', () => {
    it('lets a plain user send and list in their own SubAccount', async () => {
      const sent = await send({ phoneNumber: '(415) 555-0177', message: 'From the office' }).expect(202);
      expect(sent.body).toMatchObject({
        status: 'pending',
        phoneNumber: '+14155550177',
        segments: 1,
        encoding: 'GSM-7',
        replayed: false,
      });
      const list = await t.http().get('/api/sms/messages').set(user).expect(200);
      expect(list.body).toMatchObject({ total: 1, page: 1, limit: 20 });
      expect(list.body.items[0]).toMatchObject({
        id: sent.body.id,
        subAccountId: tenant.subAccountId,
        userId: tenant.userId,
        message: 'From the office',
      });
    });

    it('asks an admin to name the SubAccount with X-SubAccount-Id', async () => {
      for (const res of [
        await t.http().get('/api/sms/messages').set(adminNoTenant),
        await send({ phoneNumber: '+14155550142', message: 'hi' }, adminNoTenant),
        await t.http().get('/api/sms/stats').set(adminNoTenant),
        await t.http().get('/api/sms/settings').set(adminNoTenant),
      ]) {
        expect(res.status).toBe(400);
        expect(res.body.message).toMatch(/X-SubAccount-Id/);
      }
    });
  });
});
