import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from 'src/core/database/database.service';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const ON_POSTGRES = Boolean(process.env.TEST_DATABASE_URL);
if (!ON_POSTGRES) console.warn('session-settings.spec.ts skipped: set TEST_DATABASE_URL to run it on PostgreSQL');

/** Every pooled connection plans for many short queries at once: no parallel workers, no JIT. */
describe.skipIf(!ON_POSTGRES)('PostgreSQL session settings (needs TEST_DATABASE_URL)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('applies them on every connection of the pool before its first query', async () => {
    // Transactions held open together each take a connection of their own.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const settings: { pid: number; parallel: string; jit: string }[] = [];
    const opened = Array.from({ length: 5 }, () =>
      db.database.transaction(async (tx) => {
        const [row] = rowsOf<{ pid: number; parallel: string; jit: string }>(
          await tx.execute(sql`select pg_backend_pid() pid, current_setting('max_parallel_workers_per_gather') parallel,
                                      current_setting('jit') jit`),
        );
        settings.push(row!);
        if (settings.length === 5) release();
        await held;
      }),
    );
    await Promise.all(opened);
    expect(new Set(settings.map((s) => s.pid)).size).toBe(5);
    expect(settings.map(({ parallel, jit }) => ({ parallel, jit }))).toEqual(
      Array.from({ length: 5 }, () => ({ parallel: '0', jit: 'off' })),
    );
  });
});
