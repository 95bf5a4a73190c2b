import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from 'src/core/clock/clock';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { bootTestApp, type TestApp } from '../support/test-app';
import { createTenant, PASSWORD } from '../support/fixtures';
import { expectErrorShape } from './error-shape';

describe('sign-in that cannot be turned against users', () => {
  let db: TestDatabase;
  let t: TestApp;
  let clock: ManualClock;
  let n = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    clock = new ManualClock(new Date());
    t = await bootTestApp({ database: db.database, clock });
  });
  afterAll(async () => {
    await t?.close();
    await db?.destroy();
  });

  const loginFrom = (address: string, email: string, password = PASSWORD, app = t) =>
    app.http().post('/api/auth/login').set('X-Forwarded-For', address).send({ email, password });

  it('locks (account, address) after 4 failures with growing delays; the owner elsewhere still signs in', async () => {
    const { userEmail } = await createTenant(db.database, `Lock Co ${++n}`);
    const attacker = '203.0.113.7';
    for (let i = 1; i <= 4; i++) await loginFrom(attacker, userEmail, `wrong-${i}`).expect(401);
    await loginFrom(attacker, userEmail, 'wrong-5').expect(401);

    const locked = await loginFrom(attacker, userEmail).expect(429);
    expect(locked.headers['retry-after']).toBe('30');
    expect(expectErrorShape(locked.body, 429).message).toMatch(/try again in 30 seconds/);
    await loginFrom('198.51.100.20', userEmail).expect(200);

    clock.advance(31_000);
    await loginFrom(attacker, userEmail, 'wrong-6').expect(401);
    expect((await loginFrom(attacker, userEmail).expect(429)).headers['retry-after']).toBe('60');
    clock.advance(61_000);
    await loginFrom(attacker, userEmail).expect(200);
    await loginFrom(attacker, userEmail, 'wrong-again').expect(401);
    await loginFrom(attacker, userEmail).expect(200);
  });

  it('answers an unknown email after a bcrypt comparison, as long as for a known one', async () => {
    const { userEmail } = await createTenant(db.database, `Timing Co ${++n}`);
    const time = async (email: string, i: number) => {
      const start = performance.now();
      await loginFrom(`192.0.2.${i}`, email, 'wrong-password').expect(401);
      return performance.now() - start;
    };
    // The fastest of several tries: load on a shared machine only ever adds time, so the minimum is the cost.
    const fastest = (xs: number[]) => Math.min(...xs);
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 7; i++) {
      known.push(await time(userEmail, 10 + i));
      unknown.push(await time(`nobody-${i}@nowhere.test`, 20 + i));
    }
    // Without the dummy comparison an unknown email answers in a few ms against ~50+ ms for bcrypt.
    expect(fastest(unknown)).toBeGreaterThan(fastest(known) * 0.5);
  });

  it('refuses a password over 72 bytes with a message naming the limit', async () => {
    const { userEmail } = await createTenant(db.database, `Long Co ${++n}`);
    const long = 'é'.repeat(37); // 37 characters, 74 bytes
    const res = await loginFrom('192.0.2.50', userEmail, long).expect(400);
    expect(expectErrorShape(res.body, 400).message).toMatch(/at most 72 bytes/);
    await loginFrom('192.0.2.50', userEmail, 'a'.repeat(72)).expect(401);
  });

  it('with TRUST_PROXY=false a client cannot dodge the lock by sending X-Forwarded-For', async () => {
    const strict = await bootTestApp({ database: db.database, clock, env: { TRUST_PROXY: 'false' } });
    try {
      const { userEmail } = await createTenant(db.database, `Proxy Co ${++n}`);
      for (let i = 1; i <= 5; i++) await loginFrom(`203.0.113.${i}`, userEmail, `wrong-${i}`, strict).expect(401);
      await loginFrom('203.0.113.99', userEmail, PASSWORD, strict).expect(429);
    } finally {
      await strict.close();
    }
  });

  it('answers the 21st sign-in of a minute from one address with 429 and Retry-After', async () => {
    const address = '192.0.2.200';
    for (let i = 0; i < 20; i++) {
      await t.http().post('/api/auth/login').set('X-Forwarded-For', address).send({ email: 'x' }).expect(400);
    }
    const res = await t.http().post('/api/auth/login').set('X-Forwarded-For', address).send({ email: 'x' });
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });
});
