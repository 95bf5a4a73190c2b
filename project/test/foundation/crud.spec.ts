import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { bootTestApp, type TestApp } from '../support/test-app';
import { adminHeaders, createTenant, login, userHeaders, type Tenant } from '../support/fixtures';
import { expectErrorShape, fieldsOf } from './error-shape';

interface Page<T> {
  items: T[];
  total: number;
  page: number;
  limit: number;
}
interface Lead {
  id: number;
  name: string;
  phone: string | null;
  status: string;
  strategyId: number | null;
  ownerId: number | null;
  subAccountId: number;
}

describe('CRM CRUD', () => {
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

  describe('leads', () => {
    let tenant: Tenant;
    let h: Record<string, string>;
    let strategyId: number;
    let otherOwnerId: number;
    const created: Lead[] = [];

    beforeAll(async () => {
      tenant = await createTenant(db.database, 'Leads Co');
      h = await adminHeaders(t, tenant);
      strategyId = (await t.http().post('/api/strategies').set(h).send({ name: 'Spring promo' }).expect(201)).body.id;
      otherOwnerId = (
        await t
          .http()
          .post('/api/users')
          .set(h)
          .send({ email: 'owner2@leads.test', name: 'Second Owner', password: 'password-123' })
          .expect(201)
      ).body.id;
      const rows = [
        { name: 'Ada Lovelace', phone: '(415) 555-0101', status: 'new', ownerId: tenant.userId, strategyId },
        { name: 'Grace Hopper', phone: '415-555-0102', status: 'contacted', ownerId: tenant.userId },
        { name: 'Alan Turing', phone: '+1 415 555 0103', status: 'qualified', ownerId: otherOwnerId, strategyId },
        { name: 'Edsger Dijkstra', phone: '4155550104', status: 'contacted', ownerId: otherOwnerId },
        { name: 'Barbara Liskov', email: 'barbara@example.com', status: 'customer' },
      ];
      for (const row of rows)
        created.push((await t.http().post('/api/leads').set(h).send(row).expect(201)).body as Lead);
    });

    const list = (query: string) =>
      t
        .http()
        .get(`/api/leads?${query}`)
        .set(h)
        .expect(200)
        .then((r) => r.body as Page<Lead>);
    const names = (page: Page<Lead>) => page.items.map((l) => l.name).sort();

    it('creates a lead in the caller SubAccount with the phone stored as E.164', () => {
      expect(created[0]).toMatchObject({
        name: 'Ada Lovelace',
        phone: '+14155550101',
        status: 'new',
        subAccountId: tenant.subAccountId,
        strategyId,
      });
      expect(created.slice(1, 4).map((l) => l.phone)).toEqual(['+14155550102', '+14155550103', '+14155550104']);
      expect(created[4]!.phone).toBeNull();
    });

    it('pages newest first as {items, total, page, limit}', async () => {
      const first = await list('limit=2');
      expect(first).toMatchObject({ total: 5, page: 1, limit: 2 });
      expect(first.items.map((l) => l.name)).toEqual(['Barbara Liskov', 'Edsger Dijkstra']);
      const second = await list('limit=2&page=2');
      const third = await list('limit=2&page=3');
      expect(third.items).toHaveLength(1);
      const all = [...first.items, ...second.items, ...third.items].map((l) => l.id);
      expect(new Set(all).size).toBe(5);
      expect((await list('limit=2&page=4')).items).toEqual([]);
    });

    it('defaults to page 1 with 20 per page', async () => {
      expect(await list('')).toMatchObject({ page: 1, limit: 20, total: 5 });
    });

    it.each([
      ['limit=101', 'limit'],
      ['limit=0', 'limit'],
      ['page=0', 'page'],
      ['limit=ten', 'limit'],
      ['status=maybe', 'status'],
      ['strategyId=abc', 'strategyId'],
    ])('rejects %s with 400 naming %s', async (query, field) => {
      const res = await t.http().get(`/api/leads?${query}`).set(h).expect(400);
      expect(fieldsOf(expectErrorShape(res.body, 400))).toEqual([field]);
    });

    it('filters by status, strategyId and ownerId, alone and together', async () => {
      expect(names(await list('status=contacted'))).toEqual(['Edsger Dijkstra', 'Grace Hopper']);
      expect(names(await list(`strategyId=${strategyId}`))).toEqual(['Ada Lovelace', 'Alan Turing']);
      expect(names(await list(`ownerId=${otherOwnerId}`))).toEqual(['Alan Turing', 'Edsger Dijkstra']);
      expect(names(await list(`ownerId=${tenant.userId}&status=contacted`))).toEqual(['Grace Hopper']);
      expect((await list(`status=contacted`)).total).toBe(2);
    });

    it('searches by name, phone and email', async () => {
      expect(names(await list('search=hopper'))).toEqual(['Grace Hopper']);
      expect(names(await list('search=5550103'))).toEqual(['Alan Turing']);
      expect(names(await list('search=barbara%40example'))).toEqual(['Barbara Liskov']);
      expect((await list('search=%25')).total).toBe(0);
      expect((await list('search=zzz')).total).toBe(0);
    });

    it('reads, updates and deletes one lead', async () => {
      const { id } = created[1]!;
      expect((await t.http().get(`/api/leads/${id}`).set(h).expect(200)).body).toMatchObject({
        id,
        name: 'Grace Hopper',
      });
      const patched = await t
        .http()
        .patch(`/api/leads/${id}`)
        .set(h)
        .send({ status: 'qualified', phone: '(415) 555-0199', strategyId })
        .expect(200);
      expect(patched.body).toMatchObject({
        id,
        name: 'Grace Hopper',
        status: 'qualified',
        phone: '+14155550199',
        strategyId,
      });
      expect((await t.http().get(`/api/leads/${id}`).set(h).expect(200)).body.phone).toBe('+14155550199');
      const cleared = await t.http().patch(`/api/leads/${id}`).set(h).send({ phone: '' }).expect(200);
      expect(cleared.body.phone).toBeNull();
      await t.http().patch(`/api/leads/${id}`).set(h).send({ phone: '(415) 555-0198' }).expect(200);
      const nulled = await t.http().patch(`/api/leads/${id}`).set(h).send({ phone: null }).expect(200);
      expect(nulled.body.phone).toBeNull();

      await t.http().delete(`/api/leads/${id}`).set(h).expect(204);
      await t.http().get(`/api/leads/${id}`).set(h).expect(404);
      await t.http().delete(`/api/leads/${id}`).set(h).expect(404);
      expect((await list('')).total).toBe(4);
    });

    it('makes a user the owner of the leads they create', async () => {
      const res = await t
        .http()
        .post('/api/leads')
        .set(await userHeaders(t, tenant))
        .send({ name: 'Owned by user' })
        .expect(201);
      expect(res.body.ownerId).toBe(tenant.userId);
      await t.http().delete(`/api/leads/${res.body.id}`).set(h).expect(204);
    });
  });

  describe('strategies', () => {
    let h: Record<string, string>;

    beforeAll(async () => {
      h = await adminHeaders(t, await createTenant(db.database, 'Strategies Co'));
    });

    it('creates, lists with pagination and search, reads, updates and deletes', async () => {
      const ids: number[] = [];
      for (const name of ['Nurture', 'Win-back', 'Referral']) {
        const res = await t
          .http()
          .post('/api/strategies')
          .set(h)
          .send({ name, description: `${name} flow`, tag: name.toLowerCase() })
          .expect(201);
        expect(res.body).toMatchObject({ name, description: `${name} flow`, tag: name.toLowerCase() });
        ids.push(res.body.id);
      }
      const page = await t.http().get('/api/strategies?limit=2').set(h).expect(200);
      expect(page.body).toMatchObject({ total: 3, page: 1, limit: 2 });
      expect(page.body.items.map((s: { name: string }) => s.name)).toEqual(['Referral', 'Win-back']);
      const found = await t.http().get('/api/strategies?search=win').set(h).expect(200);
      expect(found.body.items.map((s: { id: number }) => s.id)).toEqual([ids[1]]);
      await t.http().get('/api/strategies?limit=101').set(h).expect(400);

      const updated = await t
        .http()
        .patch(`/api/strategies/${ids[0]}`)
        .set(h)
        .send({ description: 'Long nurture' })
        .expect(200);
      expect(updated.body).toMatchObject({ id: ids[0], name: 'Nurture', description: 'Long nurture' });
      expect((await t.http().get(`/api/strategies/${ids[0]}`).set(h).expect(200)).body.description).toBe(
        'Long nurture',
      );

      await t.http().delete(`/api/strategies/${ids[0]}`).set(h).expect(204);
      await t.http().get(`/api/strategies/${ids[0]}`).set(h).expect(404);
      expect((await t.http().get('/api/strategies').set(h).expect(200)).body.total).toBe(2);
    });

    it('unlinks leads from a deleted strategy but keeps the leads', async () => {
      const strategyId = (await t.http().post('/api/strategies').set(h).send({ name: 'Short-lived' }).expect(201)).body
        .id;
      const lead = (await t.http().post('/api/leads').set(h).send({ name: 'Linked', strategyId }).expect(201)).body;
      await t.http().delete(`/api/strategies/${strategyId}`).set(h).expect(204);
      expect((await t.http().get(`/api/leads/${lead.id}`).set(h).expect(200)).body.strategyId).toBeNull();
    });
  });

  describe('users', () => {
    let tenant: Tenant;
    let h: Record<string, string>;

    beforeAll(async () => {
      tenant = await createTenant(db.database, 'Users Co');
      h = await adminHeaders(t, tenant);
    });

    it('lets an admin create a user who can then sign in, without exposing the password hash', async () => {
      const res = await t
        .http()
        .post('/api/users')
        .set(h)
        .send({ email: 'New.Person@Users.test', name: 'New Person', password: 'new-person-pw' })
        .expect(201);
      expect(res.body).toMatchObject({
        email: 'new.person@users.test',
        name: 'New Person',
        role: 'user',
        subAccountId: tenant.subAccountId,
      });
      expect(JSON.stringify(res.body)).not.toMatch(/password/i);
      const token = await login(t, 'new.person@users.test', 'new-person-pw');
      const me = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
      expect(me.body).toMatchObject({ kind: 'user', subAccountId: tenant.subAccountId });
    });

    it.each([
      ['an existing user', 'user@users-co.test'],
      ['the same user in other case', 'USER@Users-Co.test'],
      ['an admin', 'admin@users-co.test'],
    ])('refuses the email of %s with 409 naming email', async (_, email) => {
      const res = await t
        .http()
        .post('/api/users')
        .set(h)
        .send({ email, name: 'Dup', password: 'password-123' })
        .expect(409);
      const body = expectErrorShape(res.body, 409);
      expect(fieldsOf(body)).toEqual(['email']);
      expect(body.message).toContain('email');
    });

    it('names each bad field of a new user', async () => {
      const res = await t
        .http()
        .post('/api/users')
        .set(h)
        .send({ email: 'x', name: '', password: 'short', role: 'owner' })
        .expect(400);
      expect(fieldsOf(res.body)).toEqual(['email', 'name', 'password', 'role']);
    });

    it('refuses a plain user creating, editing another or deleting users with 403', async () => {
      const uh = await userHeaders(t, tenant);
      const other = (
        await t
          .http()
          .post('/api/users')
          .set(h)
          .send({ email: 'other@users.test', name: 'Other', password: 'password-123' })
          .expect(201)
      ).body;
      const attempts = [
        t
          .http()
          .post('/api/users')
          .set(uh)
          .send({ email: 'sneaky@users.test', name: 'Sneaky', password: 'password-123' }),
        t.http().patch(`/api/users/${other.id}`).set(uh).send({ name: 'Renamed' }),
        t.http().delete(`/api/users/${other.id}`).set(uh),
      ];
      for (const attempt of attempts) expectErrorShape((await attempt.expect(403)).body, 403);
      expect((await t.http().get(`/api/users/${other.id}`).set(h).expect(200)).body.name).toBe('Other');
      expect((await t.http().get('/api/users?search=sneaky').set(h).expect(200)).body.total).toBe(0);
    });

    it('lets a user rename themself but not make themself a manager', async () => {
      const uh = await userHeaders(t, tenant);
      const res = await t
        .http()
        .patch(`/api/users/${tenant.userId}`)
        .set(uh)
        .send({ name: 'Renamed Self' })
        .expect(200);
      expect(res.body.name).toBe('Renamed Self');
      await t.http().patch(`/api/users/${tenant.userId}`).set(uh).send({ role: 'manager' }).expect(403);
      expect((await t.http().get(`/api/users/${tenant.userId}`).set(h).expect(200)).body.role).toBe('user');
    });

    it('lets a manager create users', async () => {
      await t
        .http()
        .post('/api/users')
        .set(h)
        .send({ email: 'boss@users.test', name: 'Boss', password: 'password-123', role: 'manager' })
        .expect(201);
      const mh = { Authorization: `Bearer ${await login(t, 'boss@users.test', 'password-123')}` };
      await t
        .http()
        .post('/api/users')
        .set(mh)
        .send({ email: 'hired@users.test', name: 'Hired', password: 'password-123' })
        .expect(201);
    });

    it('lists with pagination and search, updates and deletes', async () => {
      const all = await t.http().get('/api/users?limit=2').set(h).expect(200);
      expect(all.body).toMatchObject({ page: 1, limit: 2 });
      expect(all.body.items).toHaveLength(2);
      expect(all.body.total).toBeGreaterThan(2);
      const found = await t.http().get('/api/users?search=hired').set(h).expect(200);
      expect(found.body.total).toBe(1);
      const { id } = found.body.items[0];
      expect((await t.http().patch(`/api/users/${id}`).set(h).send({ role: 'manager' }).expect(200)).body.role).toBe(
        'manager',
      );
      await t.http().delete(`/api/users/${id}`).set(h).expect(204);
      await t.http().get(`/api/users/${id}`).set(h).expect(404);
    });
  });

  describe('subaccounts', () => {
    let tenant: Tenant;
    let bearer: Record<string, string>;

    beforeAll(async () => {
      tenant = await createTenant(db.database, 'Agency Co');
      bearer = { Authorization: `Bearer ${await login(t, tenant.adminEmail)}` };
    });

    it('lets an admin create a SubAccount, act in it and see it in their list and /me', async () => {
      const res = await t
        .http()
        .post('/api/subaccounts')
        .set(bearer)
        .send({ name: 'London Branch', timeZone: 'Europe/London', defaultCountry: 'GB' })
        .expect(201);
      expect(res.body).toMatchObject({ name: 'London Branch', timeZone: 'Europe/London', defaultCountry: 'GB' });
      const id = res.body.id as number;

      const listed = await t.http().get('/api/subaccounts').set(bearer).expect(200);
      expect(listed.body).toMatchObject({ total: 2, page: 1, limit: 20 });
      expect(listed.body.items.map((s: { id: number }) => s.id).sort()).toEqual([tenant.subAccountId, id].sort());
      const me = await t.http().get('/api/auth/me').set(bearer).expect(200);
      expect(me.body.subAccounts.map((s: { id: number }) => s.id)).toContain(id);

      // A lead in the new SubAccount takes its country: a London number in national format.
      const lead = await t
        .http()
        .post('/api/leads')
        .set({ ...bearer, 'X-SubAccount-Id': String(id) })
        .send({ name: 'Pat', phone: '020 7946 0018' })
        .expect(201);
      expect(lead.body).toMatchObject({ subAccountId: id, phone: '+442079460018' });
    });

    it('pages and searches SubAccounts', async () => {
      await t.http().post('/api/subaccounts').set(bearer).send({ name: 'Paris Branch' }).expect(201);
      const page = await t.http().get('/api/subaccounts?limit=1&page=2').set(bearer).expect(200);
      expect(page.body).toMatchObject({ total: 3, page: 2, limit: 1 });
      expect(page.body.items).toHaveLength(1);
      const found = await t.http().get('/api/subaccounts?search=paris').set(bearer).expect(200);
      expect(found.body.items.map((s: { name: string }) => s.name)).toEqual(['Paris Branch']);
      await t.http().get('/api/subaccounts?limit=101').set(bearer).expect(400);
    });

    it('names a bad time zone and country', async () => {
      const res = await t
        .http()
        .post('/api/subaccounts')
        .set(bearer)
        .send({ name: 'Nowhere', timeZone: 'Mars/Olympus', defaultCountry: 'XX' })
        .expect(400);
      expect(fieldsOf(res.body)).toEqual(['defaultCountry', 'timeZone']);
    });

    it('updates and deletes a SubAccount, taking its leads with it', async () => {
      const id = (await t.http().post('/api/subaccounts').set(bearer).send({ name: 'Temp' }).expect(201)).body
        .id as number;
      const inIt = { ...bearer, 'X-SubAccount-Id': String(id) };
      const lead = (await t.http().post('/api/leads').set(inIt).send({ name: 'Temp lead' }).expect(201)).body;
      const renamed = await t
        .http()
        .patch(`/api/subaccounts/${id}`)
        .set(bearer)
        .send({ name: 'Temp renamed', timeZone: 'America/Chicago' })
        .expect(200);
      expect(renamed.body).toMatchObject({ id, name: 'Temp renamed', timeZone: 'America/Chicago' });
      expect((await t.http().get(`/api/subaccounts/${id}`).set(bearer).expect(200)).body.name).toBe('Temp renamed');

      await t.http().delete(`/api/subaccounts/${id}`).set(bearer).expect(204);
      await t.http().get(`/api/subaccounts/${id}`).set(bearer).expect(404);
      await t.http().get(`/api/leads/${lead.id}`).set(inIt).expect(403);
    });
  });
});
