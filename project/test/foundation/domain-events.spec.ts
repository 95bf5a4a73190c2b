import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rowsOf, type DbOrTx } from 'src/core/database/database.service';
import { DomainEvents } from 'src/core/events/domain-events';
import { statementsOf } from '../support/statements';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** Handlers run inside the emitter's transaction; one that fails loses only its own work. */
describe('domain events', () => {
  let db: TestDatabase;
  let events: DomainEvents;

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.database.db.execute(sql`create table domain_event_probe (what text not null)`);
  });
  afterAll(async () => {
    await db?.destroy();
  });
  beforeEach(async () => {
    await db.database.db.execute(sql`delete from domain_event_probe`);
    events = new DomainEvents();
  });

  const write = async (db: DbOrTx, what: string) => {
    await db.execute(sql`insert into domain_event_probe (what) values (${what})`);
  };
  const written = async () =>
    rowsOf<{ what: string }>(await db.database.db.execute(sql`select what from domain_event_probe order by what`)).map(
      (r) => r.what,
    );
  const optedOut = { type: 'sms.opted_out', subAccountId: 1, phoneNumber: '+14155550100', source: 'keyword' } as const;

  it('runs every handler in one savepoint when none fails', async () => {
    events.on('sms.opted_out', (e, tx) => write(tx, `first ${e.phoneNumber}`));
    events.on('sms.opted_out', (_, tx) => write(tx, 'second'));
    events.onBatch('sms.opted_out', (list, tx) => write(tx, `batch of ${list.length}`));
    const statements = await statementsOf(db.database, () =>
      db.database.transaction(async (tx) => {
        await write(tx, 'the change');
        await events.emitAll(tx, [optedOut, { ...optedOut, phoneNumber: '+14155550101' }]);
      }),
    );
    expect(await written()).toEqual([
      'batch of 2',
      'first +14155550100',
      'first +14155550101',
      'second',
      'second',
      'the change',
    ]);
    expect(statements.filter((s) => /^savepoint/i.test(s.sql))).toHaveLength(1);
  });

  it('undoes only the failing handler: the change and the other handlers stay', async () => {
    events.on('sms.opted_out', (_, tx) => write(tx, 'before'));
    events.on('sms.opted_out', async (_, tx) => {
      await write(tx, 'failing');
      throw new Error('handler bug');
    });
    events.onBatch('sms.opted_out', (_, tx) => write(tx, 'after'));
    await db.database.transaction(async (tx) => {
      await write(tx, 'the change');
      await events.emit(tx, optedOut);
    });
    expect(await written()).toEqual(['after', 'before', 'the change']);
  });

  it('survives a handler whose statement fails (an aborted savepoint), inside the transaction and outside it', async () => {
    events.on('sms.opted_out', (_, tx) => tx.execute(sql`select * from no_such_table`).then(() => undefined));
    events.on('sms.opted_out', (_, tx) => write(tx, 'kept'));
    await db.database.transaction(async (tx) => {
      await events.emit(tx, optedOut);
      await write(tx, 'the change, after the failure');
    });
    await events.emit(db.database.db, optedOut);
    expect(await written()).toEqual(['kept', 'kept', 'the change, after the failure']);
  });
});
