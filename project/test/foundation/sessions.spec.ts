import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRINCIPAL_STATE_TTL_MS } from 'src/core/auth/principal-state.cache';
import { ManualClock } from 'src/core/clock/clock';
import { users } from 'src/core/database/schema';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { bootTestApp, type TestApp } from '../support/test-app';
import { adminHeaders, createTenant, PASSWORD, type Tenant } from '../support/fixtures';
import { expectErrorShape } from './error-shape';

interface Tokens {
  accessToken: string;
  refreshToken: string;
}

describe('sessions end when they should', () => {
  let db: TestDatabase;
  let t: TestApp;
  let clock: ManualClock;
  let n = 0;
  let address = 0;
  /** Sign-ins are throttled per address (20 a minute): each comes from its own, through the trusted proxy. */
  const nextAddress = () => `198.51.100.${++address}`;

  beforeAll(async () => {
    db = await createTestDatabase();
    clock = new ManualClock(new Date());
    t = await bootTestApp({ database: db.database, clock });
  });
  afterAll(async () => {
    await t?.close();
    await db?.destroy();
  });

  const fresh = () => createTenant(db.database, `Session Co ${++n}`);
  const loginAs = async (email: string, password = PASSWORD) =>
    (await t.http().post('/api/auth/login').set('X-Forwarded-For', nextAddress()).send({ email, password }).expect(200))
      .body as Tokens;
  const me = (token: string) => t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`);
  const refresh = (refreshToken: string) => t.http().post('/api/auth/refresh').send({ refreshToken });
  const patchUser = async (tenant: Tenant, body: object) =>
    t
      .http()
      .patch(`/api/users/${tenant.userId}`)
      .set(await adminHeaders(t, tenant))
      .send(body);

  it('a deleted user is refused at once, and their refresh token with them', async () => {
    const tenant = await fresh();
    const tokens = await loginAs(tenant.userEmail);
    await me(tokens.accessToken).expect(200);
    await t
      .http()
      .delete(`/api/users/${tenant.userId}`)
      .set(await adminHeaders(t, tenant))
      .expect(204);
    const res = await me(tokens.accessToken).expect(401);
    expect(expectErrorShape(res.body, 401).message).toMatch(/removed or disabled/);
    await refresh(tokens.refreshToken).expect(401);
  });

  it('a disabled user is refused at once and cannot sign in; enabled again, they can', async () => {
    const tenant = await fresh();
    const tokens = await loginAs(tenant.userEmail);
    const disabled = await patchUser(tenant, { disabled: true });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ disabled: true });
    await me(tokens.accessToken).expect(401);
    await refresh(tokens.refreshToken).expect(401);
    await t
      .http()
      .post('/api/auth/login')
      .set('X-Forwarded-For', nextAddress())
      .send({ email: tenant.userEmail, password: PASSWORD })
      .expect(401);

    expect((await patchUser(tenant, { disabled: false })).status).toBe(200);
    await me((await loginAs(tenant.userEmail)).accessToken).expect(200);
  });

  it('a demoted manager loses the old token at once; a new sign-in carries the new role', async () => {
    const tenant = await fresh();
    expect((await patchUser(tenant, { role: 'manager' })).status).toBe(200);
    const tokens = await loginAs(tenant.userEmail);
    expect((await me(tokens.accessToken).expect(200)).body.role).toBe('manager');

    expect((await patchUser(tenant, { role: 'user' })).status).toBe(200);
    const res = await me(tokens.accessToken).expect(401);
    expect(expectErrorShape(res.body, 401).message).toMatch(/sign in again/);
    await refresh(tokens.refreshToken).expect(401);
    expect((await me((await loginAs(tenant.userEmail)).accessToken).expect(200)).body.role).toBe('user');
  });

  it('a change made outside this process (another API instance) is seen within the cache time', async () => {
    const tenant = await fresh();
    const tokens = await loginAs(tenant.userEmail);
    await me(tokens.accessToken).expect(200);
    await db.database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, tenant.userId));
    clock.advance(PRINCIPAL_STATE_TTL_MS);
    await me(tokens.accessToken).expect(401);
  });

  describe('changing a password', () => {
    it('asks for the current password', async () => {
      const tenant = await fresh();
      const tokens = await loginAs(tenant.userEmail);
      const res = await t
        .http()
        .post('/api/auth/password')
        .set('Authorization', `Bearer ${tokens.accessToken}`)
        .send({ currentPassword: 'not-it-at-all', newPassword: 'a-brand-new-password' })
        .expect(400);
      expect(expectErrorShape(res.body, 400).details).toEqual([
        { field: 'currentPassword', message: 'is not your current password' },
      ]);
      await me(tokens.accessToken).expect(200);
    });

    it('ends every other session (access and refresh tokens) and hands this one new tokens', async () => {
      const tenant = await fresh();
      const laptop = await loginAs(tenant.userEmail);
      const phone = await loginAs(tenant.userEmail);
      const res = await t
        .http()
        .post('/api/auth/password')
        .set('Authorization', `Bearer ${laptop.accessToken}`)
        .send({ currentPassword: PASSWORD, newPassword: 'a-brand-new-password' })
        .expect(200);
      const renewed = res.body as Tokens;
      await me(renewed.accessToken).expect(200);
      await me(phone.accessToken).expect(401);
      await me(laptop.accessToken).expect(401);
      await refresh(phone.refreshToken).expect(401);
      await refresh(laptop.refreshToken).expect(401);
      await refresh(renewed.refreshToken).expect(200);
      await loginAs(tenant.userEmail, 'a-brand-new-password');
    });

    it('is refused through PATCH /users/:id for oneself, which does not ask for the current one', async () => {
      const tenant = await fresh();
      const tokens = await loginAs(tenant.userEmail);
      const res = await t
        .http()
        .patch(`/api/users/${tenant.userId}`)
        .set('Authorization', `Bearer ${tokens.accessToken}`)
        .send({ password: 'a-brand-new-password' })
        .expect(400);
      expect(expectErrorShape(res.body, 400).message).toMatch(/POST \/api\/auth\/password/);
    });

    it('a manager resetting a user password ends that user sessions', async () => {
      const tenant = await fresh();
      const tokens = await loginAs(tenant.userEmail);
      expect((await patchUser(tenant, { password: 'reset-by-the-admin' })).status).toBe(200);
      await me(tokens.accessToken).expect(401);
      await refresh(tokens.refreshToken).expect(401);
    });
  });

  describe('event streams take a one-time ticket, never a token in the URL', () => {
    const ticketFor = async (token: string) =>
      (await t.http().post('/api/auth/stream-ticket').set('Authorization', `Bearer ${token}`).expect(200)).body as {
        ticket: string;
        expiresIn: number;
      };

    it('refuses ?access_token=', async () => {
      const tenant = await fresh();
      const tokens = await loginAs(tenant.userEmail);
      await t.http().get(`/api/notifications/stream?access_token=${tokens.accessToken}`).expect(401);
    });

    it('opens the stream with a ticket once; the same ticket again is refused', async () => {
      const tenant = await fresh();
      const { ticket, expiresIn } = await ticketFor((await loginAs(tenant.userEmail)).accessToken);
      expect(expiresIn).toBe(30);
      await t.app.listen(0, '127.0.0.1');
      const { port } = t.app.getHttpServer().address() as AddressInfo;
      const abort = new AbortController();
      const res = await fetch(`http://127.0.0.1:${port}/api/notifications/stream?ticket=${ticket}`, {
        signal: abort.signal,
      });
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      let text = '';
      while (!text.includes('event: unread')) text += new TextDecoder().decode((await reader.read()).value);
      abort.abort();
      const again = await t.http().get(`/api/notifications/stream?ticket=${ticket}`).expect(401);
      expect(expectErrorShape(again.body, 401).message).toMatch(/already used/);
    });

    it('a ticket is not an access token', async () => {
      const tenant = await fresh();
      const { ticket } = await ticketFor((await loginAs(tenant.userEmail)).accessToken);
      await me(ticket).expect(401);
    });
  });
});
