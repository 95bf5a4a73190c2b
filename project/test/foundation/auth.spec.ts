import { JwtService } from '@nestjs/jwt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AccessTokenPayload } from 'src/core/auth/auth-context';
import { ManualClock } from 'src/core/clock/clock';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { bootTestApp, type TestApp } from '../support/test-app';
import { createTenant, PASSWORD, type Tenant } from '../support/fixtures';
import { expectErrorShape } from './error-shape';

interface Tokens {
  accessToken: string;
  refreshToken: string;
  user: { kind: string; role: string; subAccountId: number | null; subAccounts: { id: number; name: string }[] };
}

// Login is throttled at 20 a minute per address: this file stays under that (about 15 logins).
describe('auth', () => {
  let db: TestDatabase;
  let t: TestApp;
  let clock: ManualClock;
  let tenant: Tenant;

  beforeAll(async () => {
    db = await createTestDatabase();
    clock = new ManualClock(new Date());
    t = await bootTestApp({ database: db.database, clock });
    tenant = await createTenant(db.database, 'Auth Co');
  });
  afterAll(async () => {
    await t?.close();
    await db?.destroy();
  });

  const loginAs = (email: string, password = PASSWORD) => t.http().post('/api/auth/login').send({ email, password });
  const me = (accessToken: string) => t.http().get('/api/auth/me').set('Authorization', `Bearer ${accessToken}`);
  const refresh = (refreshToken: string) => t.http().post('/api/auth/refresh').send({ refreshToken });
  /** Signs like the app does, with the test config's secret, so only the claims differ. */
  const sign = (payload: AccessTokenPayload, expiresIn: number, secret = t.config.jwtSecret) =>
    new JwtService({ secret }).sign(payload, { expiresIn });
  const adminClaims = (): AccessTokenPayload => ({
    sub: tenant.adminId,
    kind: 'admin',
    email: tenant.adminEmail,
    role: 'admin',
  });

  describe('login', () => {
    it('signs an admin in and /me names an admin who manages their SubAccount', async () => {
      const res = await loginAs(tenant.adminEmail).expect(200);
      const body = res.body as Tokens;
      expect(body.accessToken).toEqual(expect.any(String));
      expect(body.refreshToken).toEqual(expect.any(String));
      const who = await me(body.accessToken).expect(200);
      expect(who.body).toMatchObject({
        id: tenant.adminId,
        kind: 'admin',
        role: 'admin',
        email: tenant.adminEmail,
        subAccountId: null,
      });
      expect(who.body.subAccounts).toEqual([expect.objectContaining({ id: tenant.subAccountId, name: 'Auth Co' })]);
    });

    it('signs a user in and /me names their one SubAccount', async () => {
      const res = await loginAs(tenant.userEmail).expect(200);
      const who = await me((res.body as Tokens).accessToken).expect(200);
      expect(who.body).toMatchObject({
        id: tenant.userId,
        kind: 'user',
        role: 'user',
        subAccountId: tenant.subAccountId,
      });
      expect(who.body.subAccounts).toEqual([expect.objectContaining({ id: tenant.subAccountId, name: 'Auth Co' })]);
    });

    it('rejects a wrong password with 401 in the one error shape', async () => {
      const res = await loginAs(tenant.userEmail, 'not-the-password').expect(401);
      const body = expectErrorShape(res.body, 401);
      expect(body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Invalid email or password' });
      expect(res.body).not.toHaveProperty('accessToken');
    });

    it('answers an unknown email exactly like a wrong password (no account enumeration)', async () => {
      const wrongPassword = await loginAs(tenant.adminEmail, 'not-the-password').expect(401);
      const unknown = await loginAs('nobody@nowhere.test', PASSWORD).expect(401);
      expect(unknown.body).toEqual(wrongPassword.body);
    });
  });

  describe('access tokens', () => {
    it('accepts a token the app signed', async () => {
      const res = await me(sign(adminClaims(), 60)).expect(200);
      expect(res.body.id).toBe(tenant.adminId);
    });

    it('rejects an expired token with 401 "Access token expired"', async () => {
      const res = await me(sign(adminClaims(), -10)).expect(401);
      expect(expectErrorShape(res.body, 401).message).toBe('Access token expired');
    });

    it('refuses a token it accepted before once that token has expired', async () => {
      const token = sign(adminClaims(), 30);
      await me(token).expect(200);
      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 31_000 });
      try {
        const res = await me(token).expect(401);
        expect(expectErrorShape(res.body, 401).message).toBe('Access token expired');
      } finally {
        vi.useRealTimers();
      }
    });

    it.each([
      ['garbage', () => 'not-a-jwt'],
      ['signed with another secret', () => sign(adminClaims(), 60, 'another-secret-another-secret-0123456789')],
      ['tampered', () => `${sign(adminClaims(), 60).slice(0, -4)}AAAA`],
    ])('rejects a %s token with 401', async (_, token) => {
      const res = await me(token()).expect(401);
      expect(expectErrorShape(res.body, 401).message).toBe('Invalid access token');
    });

    it.each(['/api/auth/me', '/api/leads', '/api/strategies', '/api/users', '/api/subaccounts'])(
      'refuses %s without a token with 401',
      async (path) => {
        const res = await t.http().get(path).expect(401);
        expect(expectErrorShape(res.body, 401).message).toMatch(/Authorization: Bearer/);
      },
    );

    it('refuses a non-Bearer Authorization header', async () => {
      const token = sign(adminClaims(), 60);
      await t.http().get('/api/auth/me').set('Authorization', `Token ${token}`).expect(401);
    });
  });

  describe('refresh tokens', () => {
    it('rotates: the new refresh token works and the used one is refused', async () => {
      const first = (await loginAs(tenant.adminEmail).expect(200)).body as Tokens;
      const second = (await refresh(first.refreshToken).expect(200)).body as Tokens;
      expect(second.refreshToken).not.toBe(first.refreshToken);
      await me(second.accessToken).expect(200);

      const third = (await refresh(second.refreshToken).expect(200)).body as Tokens;
      await me(third.accessToken).expect(200);

      const reused = await refresh(first.refreshToken).expect(401);
      expectErrorShape(reused.body, 401);
    });

    it('revokes the whole session when a used refresh token is presented again', async () => {
      const other = (await loginAs(tenant.userEmail).expect(200)).body as Tokens;
      const first = (await loginAs(tenant.adminEmail).expect(200)).body as Tokens;
      const second = (await refresh(first.refreshToken).expect(200)).body as Tokens;

      const replay = await refresh(first.refreshToken).expect(401);
      expect(expectErrorShape(replay.body, 401).message).toMatch(/already used/);
      await refresh(second.refreshToken).expect(401);

      await refresh(other.refreshToken).expect(200);
    });

    it('refuses an unknown refresh token', async () => {
      const res = await refresh('x'.repeat(43)).expect(401);
      expectErrorShape(res.body, 401);
    });

    it('logout revokes the refresh token', async () => {
      const tokens = (await loginAs(tenant.userEmail).expect(200)).body as Tokens;
      await t.http().post('/api/auth/logout').send({ refreshToken: tokens.refreshToken }).expect(204);
      const res = await refresh(tokens.refreshToken).expect(401);
      expectErrorShape(res.body, 401);
    });
  });
});
