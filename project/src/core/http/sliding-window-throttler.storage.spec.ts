import { describe, expect, it } from 'vitest';
import { SlidingWindowThrottlerStorage } from './sliding-window-throttler.storage';

const MINUTE = 60_000;

function storageAt(start = 1_000_000) {
  const clock = { now: start };
  const storage = new SlidingWindowThrottlerStorage(() => clock.now);
  const hit = (key = 'user:1', limit = 3, block = MINUTE) => storage.increment(key, MINUTE, limit, block, 'default');
  return { clock, hit };
}

describe('SlidingWindowThrottlerStorage', () => {
  it('counts exactly within the first window and refuses the request past the limit', async () => {
    const { hit } = storageAt();
    expect((await hit()).totalHits).toBe(1);
    expect((await hit()).totalHits).toBe(2);
    const third = await hit();
    expect(third).toMatchObject({ totalHits: 3, isBlocked: false, timeToExpire: 60 });
    expect(await hit()).toMatchObject({ isBlocked: true, timeToBlockExpire: 60 });
  });

  it('keeps a refused key blocked for the block duration, then starts it afresh', async () => {
    const { clock, hit } = storageAt();
    for (let i = 0; i < 4; i++) await hit();
    clock.now += 30_000;
    expect(await hit()).toMatchObject({ isBlocked: true, timeToBlockExpire: 30 });
    clock.now += 30_000;
    expect(await hit()).toMatchObject({ isBlocked: false, totalHits: 1 });
  });

  it('counts each key and each throttler on its own', async () => {
    const { hit } = storageAt();
    for (let i = 0; i < 3; i++) await hit('user:1');
    expect((await hit('user:2')).isBlocked).toBe(false);
    expect((await hit('user:1')).isBlocked).toBe(true);
  });

  it('weighs the previous window by how much of it is still within the last minute', async () => {
    const { clock, hit } = storageAt();
    for (let i = 0; i < 10; i++) await hit('k', 10);
    clock.now += MINUTE + 15_000; // a quarter into the next window: 10 × 0.75 = 7.5 of the last minute's hits
    expect((await hit('k', 10)).totalHits).toBe(8);
    expect((await hit('k', 10)).totalHits).toBe(9);
    expect((await hit('k', 10)).totalHits).toBe(10);
    expect((await hit('k', 10)).isBlocked).toBe(true);
  });

  it('forgets the previous window after two idle windows', async () => {
    const { clock, hit } = storageAt();
    for (let i = 0; i < 3; i++) await hit();
    clock.now += 2 * MINUTE + 1;
    expect(await hit()).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('without a block duration, refuses only while the count is over the limit', async () => {
    const { clock, hit } = storageAt();
    for (let i = 0; i < 3; i++) await hit('k', 3, 0);
    expect((await hit('k', 3, 0)).isBlocked).toBe(true);
    expect((await hit('k', 3, 0)).isBlocked).toBe(true);
    clock.now += 2 * MINUTE;
    expect((await hit('k', 3, 0)).isBlocked).toBe(false);
  });
});
