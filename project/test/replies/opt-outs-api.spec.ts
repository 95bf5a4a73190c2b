import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { smsAuditLog, smsMessages, smsOptOuts } from 'src/core/database/schema';
import { clearSms, type Headers } from '../campaigns/campaign-support';
import { expectErrorShape, fieldsOf } from '../foundation/error-shape';
import { adminHeaders, createTenant, userHeaders, type Tenant } from '../support/fixtures';
import { bootEngine, type EngineHarness } from '../support/engine-harness';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

interface OptOut {
  id: number;
  phoneNumber: string;
  source: string;
  createdByUserId: number | null;
  createdByAdminId: number | null;
  createdAt: string;
}

interface ImportReport {
  counts: { rows: number; added: number; alreadyOptedOut: number; invalid: number };
  rejections: { row: number; value: string; reason: string; message: string }[];
}

describe('the opt-out list API', () => {
  let db: TestDatabase;
  let h: EngineHarness;
  let a: Tenant;
  let b: Tenant;
  let adminA: Headers;
  let userA: Headers;
  let adminB: Headers;

  beforeAll(async () => {
    db = await createTestDatabase();
    // Status callbacks are not what these tests look at.
    h = await bootEngine({ database: db.database, knobs: { callbackDelayMs: 600_000 } });
    a = await createTenant(db.database, 'Opt A');
    b = await createTenant(db.database, 'Opt B');
    // Logins are throttled: once per file.
    adminA = await adminHeaders(h, a);
    userA = await userHeaders(h, a);
    adminB = await adminHeaders(h, b);
  });
  afterAll(async () => {
    await h?.close();
    await db?.destroy();
  });
  beforeEach(async () => {
    await h.dispatcher.settled();
    await clearSms(db.database);
    h.sim.reset();
  });

  const add = (headers: Headers, phoneNumber: string) =>
    h.http().post('/api/sms/opt-outs').set(headers).send({ phoneNumber });
  const list = async (headers: Headers, query = '') =>
    (await h.http().get(`/api/sms/opt-outs${query}`).set(headers).expect(200)).body as {
      items: OptOut[];
      total: number;
      page: number;
      limit: number;
    };
  const importCsv = (headers: Headers, file: string | Buffer, name = 'numbers.csv') =>
    h
      .http()
      .post('/api/sms/opt-outs/import')
      .set(headers)
      .attach('file', typeof file === 'string' ? Buffer.from(file) : file, name);
  const audit = () => db.database.db.select().from(smsAuditLog);

  it('normalises the number, keeps who added it, and adds a number twice only once', async () => {
    const first = await add(adminA, '(415) 555-0142').expect(201);
    expect(first.body).toMatchObject({
      phoneNumber: '+14155550142',
      source: 'manual',
      createdByAdminId: a.adminId,
      createdByUserId: null,
    });
    const again = await add(adminA, '+1 415 555 0142').expect(201);
    expect(again.body.id).toBe(first.body.id);
    const byUser = await add(userA, '415.555.0143').expect(201);
    expect(byUser.body).toMatchObject({
      phoneNumber: '+14155550143',
      source: 'manual',
      createdByUserId: a.userId,
      createdByAdminId: null,
    });
    expect((await list(adminA)).total).toBe(2);
    // One audit row per change, the number masked; the repeat changed nothing and is not recorded.
    const rows = await audit();
    expect(rows.map((r) => [r.action, r.actorKind, r.actorId, r.targetId])).toEqual([
      ['opt_out.add', 'admin', a.adminId, '+1415***0142'],
      ['opt_out.add', 'user', a.userId, '+1415***0143'],
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/4155550142|4155550143/);
  });

  it('refuses an invalid number with 400 naming phoneNumber, and stores nothing', async () => {
    for (const phoneNumber of ['not a phone', '12', '+1 415 555']) {
      const res = await add(adminA, phoneNumber).expect(400);
      expectErrorShape(res.body, 400);
      expect(fieldsOf(res.body)).toEqual(['phoneNumber']);
    }
    const missing = await h.http().post('/api/sms/opt-outs').set(adminA).send({}).expect(400);
    expect(fieldsOf(missing.body)).toEqual(['phoneNumber']);
    expect((await list(adminA)).total).toBe(0);
    expect(await audit()).toEqual([]);
  });

  it('lists newest first, a page at a time, searchable by digits however they are typed', async () => {
    for (let i = 0; i < 5; i++) await add(adminA, `+1415555010${i}`).expect(201);
    await add(adminA, '+12125550199').expect(201);
    await add(adminB, '+14155550100').expect(201); // B's list is B's
    const all = await list(adminA);
    expect(all.total).toBe(6);
    expect(all.items.map((o) => o.phoneNumber)).toEqual([
      '+12125550199',
      '+14155550104',
      '+14155550103',
      '+14155550102',
      '+14155550101',
      '+14155550100',
    ]);
    const page2 = await list(adminA, '?page=2&limit=4');
    expect(page2).toMatchObject({ total: 6, page: 2, limit: 4 });
    expect(page2.items.map((o) => o.phoneNumber)).toEqual(['+14155550101', '+14155550100']);
    expect(
      (await list(adminA, `?search=${encodeURIComponent('(415) 555-0103')}`)).items.map((o) => o.phoneNumber),
    ).toEqual(['+14155550103']);
    expect((await list(adminA, '?search=212')).items.map((o) => o.phoneNumber)).toEqual(['+12125550199']);
    expect((await list(adminA, `?search=${encodeURIComponent('415-555')}`)).total).toBe(5);
    expect((await list(adminA, '?search=9999999')).total).toBe(0);
    await h.http().get('/api/sms/opt-outs?limit=101').set(adminA).expect(400);
  });

  it("removes an entry by id (audited, masked), and answers 404 for another SubAccount's entry", async () => {
    const mine = (await add(adminA, '+14155550150').expect(201)).body as OptOut;
    const theirs = (await add(adminB, '+14155550151').expect(201)).body as OptOut;
    const refused = await h.http().delete(`/api/sms/opt-outs/${theirs.id}`).set(adminA).expect(404);
    expectErrorShape(refused.body, 404);
    expect((await list(adminB)).items.map((o) => o.id)).toEqual([theirs.id]);
    await h.http().delete(`/api/sms/opt-outs/${mine.id}`).set(adminA).expect(204);
    await h.http().delete(`/api/sms/opt-outs/${mine.id}`).set(adminA).expect(404);
    expect((await list(adminA)).total).toBe(0);
    const removed = (await audit()).filter((r) => r.action === 'opt_out.remove');
    expect(removed).toEqual([
      expect.objectContaining({
        subAccountId: a.subAccountId,
        actorKind: 'admin',
        actorId: a.adminId,
        targetId: '+1415***0150',
        details: { source: 'manual' },
      }),
    ]);
    // The number can be texted again.
    await h
      .http()
      .post('/api/sms/send')
      .set(adminA)
      .send({ phoneNumber: '+14155550150', message: 'welcome back' })
      .expect(202);
  });

  it('imports a CSV with the bulk parser: BOM, semicolons, a header; reports bad rows by number and counts repeats', async () => {
    await add(adminA, '+14155550160').expect(201);
    const csv =
      '\uFEFFName;Mobile;Note\r\n' +
      'Ann;(415) 555-0161;a\r\n' + // row 2: added
      'Bob;not a phone;b\r\n' + // row 3: invalid
      'Cy;+1 415 555 0162;c\r\n' + // row 4: added
      'Di;415-555-0161;d\r\n' + // row 5: the same number as row 2
      'Ed;+14155550160;e\r\n' + // row 6: already on the list
      'Flo;;f\r\n'; // row 7: empty
    const res = await importCsv(userA, csv).expect(200);
    const report = res.body as ImportReport;
    expect(report.counts).toEqual({ rows: 6, added: 2, alreadyOptedOut: 2, invalid: 2 });
    expect(report.rejections.map((r) => [r.row, r.value, r.reason])).toEqual([
      [3, 'not a phone', 'invalid_phone'],
      [7, '', 'invalid_phone'],
    ]);
    const entries = (await list(adminA)).items;
    expect(entries.map((o) => `${o.phoneNumber}:${o.source}`).sort()).toEqual([
      '+14155550160:manual',
      '+14155550161:import',
      '+14155550162:import',
    ]);
    expect(entries.find((o) => o.phoneNumber === '+14155550161')).toMatchObject({
      createdByUserId: a.userId,
      createdByAdminId: null,
    });
    const imported = (await audit()).filter((r) => r.action === 'opt_out.import');
    expect(imported).toEqual([
      expect.objectContaining({
        actorKind: 'user',
        actorId: a.userId,
        details: { rows: 6, added: 2, alreadyOptedOut: 2, invalid: 2 },
      }),
    ]);
    expect(JSON.stringify(await audit())).not.toMatch(/4155550161|4155550162/);
  });

  it('refuses a binary or empty file, or none, with 400 naming file, and adds nothing', async () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), Buffer.alloc(200, 0)]);
    const binary = await importCsv(adminA, zip, 'numbers.xlsx').expect(400);
    expectErrorShape(binary.body, 400);
    expect(binary.body.message).toMatch(/not a CSV text file/);
    expect(fieldsOf(binary.body)).toEqual(['file']);
    expect(fieldsOf((await importCsv(adminA, Buffer.alloc(0)).expect(400)).body)).toEqual(['file']);
    const none = await h.http().post('/api/sms/opt-outs/import').set(adminA).field('note', 'no file').expect(400);
    expect(fieldsOf(none.body)).toEqual(['file']);
    expect((await list(adminA)).total).toBe(0);
    expect(await audit()).toEqual([]);
  });

  it('refuses a later send to a number opted out by hand, and cancels at claim one accepted before', async () => {
    const accepted = (
      await h
        .http()
        .post('/api/sms/send')
        .set(adminA)
        .send({ phoneNumber: '+14155550170', message: 'Reminder' })
        .expect(202)
    ).body.id as number;
    await add(userA, '+14155550170').expect(201);
    const refused = await h
      .http()
      .post('/api/sms/send')
      .set(adminA)
      .send({ phoneNumber: '+14155550170', message: 'Another' })
      .expect(422);
    expectErrorShape(refused.body, 422);
    expect(refused.body.message).toMatch(/opted out/);
    expect(refused.body.message).not.toContain('4155550170');
    await h.dispatcher.drain();
    const [row] = await db.database.db.select().from(smsMessages).where(eq(smsMessages.id, accepted));
    expect(row).toMatchObject({ status: 'canceled', statusReason: 'opted_out', attempts: 0 });
    expect(h.sim.state().counters.createRequests).toBe(0);
    // Only A's list: B may still text that number.
    await h
      .http()
      .post('/api/sms/send')
      .set(adminB)
      .send({ phoneNumber: '+14155550170', message: 'From B' })
      .expect(202);
  });

  it('lists a number Twilio refused with 21610 as source error_21610, audited', async () => {
    await h
      .http()
      .post('/api/sms/send')
      .set(adminA)
      .send({ phoneNumber: '+15005550004', message: 'Hello' })
      .expect(202);
    await h.dispatcher.drain();
    const entries = (await list(adminA)).items;
    expect(entries).toEqual([
      expect.objectContaining({
        phoneNumber: '+15005550004',
        source: 'error_21610',
        createdByUserId: null,
        createdByAdminId: null,
      }),
    ]);
    const rows = await db.database.db.select().from(smsOptOuts).where(eq(smsOptOuts.subAccountId, b.subAccountId));
    expect(rows).toEqual([]);
    // Recorded like a STOP keyword: by Twilio, the number masked.
    const [message] = await db.database.db.select().from(smsMessages);
    expect(await audit()).toContainEqual(
      expect.objectContaining({
        subAccountId: a.subAccountId,
        actorKind: 'twilio',
        action: 'opt_out.add',
        targetId: '+1500***0004',
        details: { source: 'error_21610', messageId: message!.id },
      }),
    );
  });
});
