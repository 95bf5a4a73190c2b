import { describe, expect, it } from 'vitest';
import { ManualClock } from 'src/core/clock/clock';
import type { DatabaseService } from 'src/core/database/database.service';
import type { RateBucketRow, SmsRateBucketsRepository } from '../repositories/sms-rate-buckets.repository';
import type { Sender } from '../settings/sender.service';
import { CAP_HOLD_MS, CAP_RECOVERY_MS, HALVING_WINDOW_MS, capAfterRateLimit, inFlightCapOf } from './in-flight-cap';
import { SenderHealthService } from './sender-health.service';

const sender = { subAccountId: 7, maxInFlight: 100 } as Sender;

/** One bucket row, its lock held for the length of a transaction as PostgreSQL's FOR UPDATE does. */
function fakeStore() {
  let row: RateBucketRow = {
    subAccountId: 7,
    tokens: 0,
    refilledAt: new Date(0),
    inFlightCap: null,
    inFlightCapUntil: null,
  };
  let lock = Promise.resolve();
  const database = {
    transaction: async <T>(fn: (tx: unknown) => Promise<T>): Promise<T> => {
      const previous = lock;
      let release!: () => void;
      lock = new Promise((r) => (release = r));
      await previous;
      try {
        return await fn({});
      } finally {
        release();
      }
    },
  } as unknown as DatabaseService;
  const buckets = {
    lock: async () => {
      await new Promise((r) => setImmediate(r)); // a round trip: other 429s arrive meanwhile
      return { ...row };
    },
    save: async (_tx: unknown, _id: number, values: Partial<RateBucketRow>) => {
      row = { ...row, ...values };
    },
  } as unknown as SmsRateBucketsRepository;
  return { database, buckets, row: () => row };
}

function healthWith(clock: ManualClock) {
  const store = fakeStore();
  const none = {} as never;
  const service = new SenderHealthService(store.database, store.buckets, none, clock, none, none);
  return { service, store };
}

describe(SenderHealthService.name, () => {
  it('halves the cap once for a burst of 429s answered for requests in flight together', async () => {
    const clock = new ManualClock(new Date('2026-12-04T12:00:00Z'));
    const { service, store } = healthWith(clock);
    await Promise.all(Array.from({ length: 40 }, () => service.halveInFlightCap(sender)));
    expect(inFlightCapOf(store.row(), sender, clock.now())).toBe(50);

    clock.advance(HALVING_WINDOW_MS - 1); // still answers to the same burst
    await service.halveInFlightCap(sender);
    expect(inFlightCapOf(store.row(), sender, clock.now())).toBe(50);

    clock.advance(1); // a 429 after the window: Twilio still says too many
    await Promise.all(Array.from({ length: 10 }, () => service.halveInFlightCap(sender)));
    expect(inFlightCapOf(store.row(), sender, clock.now())).toBe(25);
  });
});

describe(inFlightCapOf.name, () => {
  const t0 = new Date('2026-12-04T12:00:00Z');
  const at = (ms: number) => new Date(t0.getTime() + ms);
  const halved = { inFlightCap: 20, inFlightCapUntil: at(CAP_RECOVERY_MS) };

  it('is the setting when nothing was halved', () => {
    expect(inFlightCapOf({ inFlightCap: null, inFlightCapUntil: null }, sender, t0)).toBe(100);
  });

  it('holds the halved cap, then grows back in a straight line to the setting', () => {
    expect(inFlightCapOf(halved, sender, at(0))).toBe(20);
    expect(inFlightCapOf(halved, sender, at(CAP_HOLD_MS))).toBe(20);
    const midway = CAP_HOLD_MS + (CAP_RECOVERY_MS - CAP_HOLD_MS) / 2;
    expect(inFlightCapOf(halved, sender, at(midway))).toBe(60);
    expect(inFlightCapOf(halved, sender, at(CAP_RECOVERY_MS - 1))).toBe(99);
    expect(inFlightCapOf(halved, sender, at(CAP_RECOVERY_MS))).toBe(100);
  });

  it('never exceeds a setting lowered since the halving', () => {
    expect(inFlightCapOf(halved, { maxInFlight: 10 }, at(0))).toBe(10);
  });
});

describe(capAfterRateLimit.name, () => {
  const t0 = new Date('2026-12-04T12:00:00Z');

  it('halves from the cap in force, not from the setting, once recovery has begun', () => {
    const state = { inFlightCap: 20, inFlightCapUntil: new Date(t0.getTime() + CAP_RECOVERY_MS) };
    const midway = new Date(t0.getTime() + CAP_HOLD_MS + (CAP_RECOVERY_MS - CAP_HOLD_MS) / 2);
    expect(capAfterRateLimit(state, sender, midway)).toEqual({
      inFlightCap: 30,
      inFlightCapUntil: new Date(midway.getTime() + CAP_RECOVERY_MS),
    });
  });

  it('never goes below one request in flight', () => {
    const state = { inFlightCap: 1, inFlightCapUntil: new Date(t0.getTime() + CAP_RECOVERY_MS) };
    expect(capAfterRateLimit(state, sender, new Date(t0.getTime() + HALVING_WINDOW_MS))?.inFlightCap).toBe(1);
  });
});
