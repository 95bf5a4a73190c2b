import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { smsCampaigns, smsMessages, smsOptOuts } from 'src/core/database/schema';
import { CampaignImportService } from 'src/main-app/modules/sms/campaigns/campaign-import.service';
import type { RecipientRecord } from 'src/shared/sms/campaigns/recipient-record';
import { expectErrorShape, fieldsOf } from '../foundation/error-shape';
import { adminHeaders, createTenant, type Tenant } from '../support/fixtures';
import { bootEngine, type EngineHarness } from '../support/engine-harness';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { clearSms, countOf, parseCsv, phoneAt, upload, type Headers } from './campaign-support';

interface Report {
  campaignId: number | null;
  dryRun: boolean;
  counts: Record<string, number>;
  rejections: { row: number; value: string; reason: string; message: string }[];
  preview: { row: number; phoneNumber: string; message: string; segments: number; encoding: string }[];
  estimatedSegments: number;
  estimatedCost: number;
  headers: string[];
  phoneColumn: string | null;
}

describe('POST /api/sms/bulk (CSV upload)', () => {
  let db: TestDatabase;
  let h: EngineHarness;
  let tenant: Tenant;
  let headers: Headers;

  beforeAll(async () => {
    db = await createTestDatabase();
    h = await bootEngine({ database: db.database, env: { SMS_MAX_UPLOAD_MB: '1' } });
    tenant = await createTenant(db.database, 'Bulk Co');
    headers = await adminHeaders(h, tenant);
  });
  afterAll(async () => {
    await h?.close();
    await db?.destroy();
  });
  beforeEach(async () => {
    await clearSms(db.database);
    h.sim.reset();
  });

  const campaignsStored = () => countOf(db.database, sql`select count(*) as n from ${smsCampaigns}`);
  const messagesStored = () => countOf(db.database, sql`select count(*) as n from ${smsMessages}`);
  const getCampaign = async (id: number) =>
    (await h.http().get(`/api/sms/campaigns/${id}`).set(headers).expect(200)).body;

  /** A file with a header, 25 good rows (one needing two segments, one in UCS-2) and 4 bad ones. */
  const mixedCsv = () => {
    const lines = ['Phone Number;First Name;Company'];
    for (let i = 0; i < 25; i++)
      lines.push(`${phoneAt(i)};Person ${i};${i === 3 ? 'A'.repeat(150) : i === 4 ? 'Café ☕' : 'Acme'}`);
    lines.push('not a phone;Bad;Acme'); // row 27
    lines.push('1.5551234567E+10;Mangled;Acme'); // row 28
    lines.push(`${phoneAt(0)};Again;Acme`); // row 29: duplicate of row 2
    lines.push(`${phoneAt(99)};;Acme`); // row 30: no first name
    return lines.join('\r\n') + '\r\n';
  };
  const TEMPLATE = 'Hi {{first_name}} from {{Company}}';

  describe('dry run', () => {
    it('reports counts, the first 20 rendered messages, segments, cost and rejections, and stores nothing', async () => {
      const res = await upload(h, headers, mixedCsv(), { message: TEMPLATE, dryRun: 'true' }).expect(201);
      const report = res.body as Report;
      expect(report).toMatchObject({
        campaignId: null,
        dryRun: true,
        phoneColumn: 'Phone Number',
        headers: ['Phone Number', 'First Name', 'Company'],
      });
      expect(report.counts).toEqual({ rows: 29, valid: 25, invalid: 2, duplicate: 1, optedOut: 0, missingVariable: 1 });
      expect(report.preview).toHaveLength(20);
      expect(report.preview[0]).toMatchObject({
        row: 2,
        phoneNumber: phoneAt(0),
        message: 'Hi Person 0 from Acme',
        segments: 1,
        encoding: 'GSM-7',
      });
      expect(report.preview[3]).toMatchObject({ row: 5, segments: 2, encoding: 'GSM-7' });
      expect(report.preview[4]).toMatchObject({
        row: 6,
        message: 'Hi Person 4 from Café ☕',
        segments: 1,
        encoding: 'UCS-2',
      });
      expect(report.estimatedSegments).toBe(26);
      expect(report.estimatedCost).toBeCloseTo(26 * h.config.sms.estimatedPricePerSegment, 5);
      expect(report.rejections).toEqual([
        expect.objectContaining({ row: 27, value: 'not a phone', reason: 'invalid_phone' }),
        expect.objectContaining({ row: 28, value: '1.5551234567E+10', reason: 'spreadsheet_mangled' }),
        expect.objectContaining({ row: 29, value: phoneAt(0), reason: 'duplicate' }),
        expect.objectContaining({ row: 30, value: phoneAt(99), reason: 'missing_variable' }),
      ]);
      expect(report.rejections[3]!.message).toContain('{{first_name}}');
      expect(await campaignsStored()).toBe(0);
      expect(await messagesStored()).toBe(0);
    });

    it.each(['1', 'false'])('treats dryRun=%s as its literal meaning', async (dryRun) => {
      const res = await upload(h, headers, `phone\n${phoneAt(1)}\n`, { message: 'hi', dryRun }).expect(201);
      expect(res.body.dryRun).toBe(dryRun === '1');
      expect(await campaignsStored()).toBe(dryRun === '1' ? 0 : 1);
    });
  });

  describe('a real import', () => {
    it('creates a sending campaign of the valid rows with one rendered message per row', async () => {
      const res = await upload(h, headers, mixedCsv(), { message: TEMPLATE, name: 'Spring list' }).expect(201);
      const report = res.body as Report;
      expect(report.dryRun).toBe(false);
      expect(report.counts.valid).toBe(25);
      const campaign = await getCampaign(report.campaignId!);
      expect(campaign).toMatchObject({
        name: 'Spring list',
        status: 'sending',
        source: 'csv',
        totalRecipients: 25,
        rejectedCount: 4,
        pending: 25,
        sentCount: 0,
      });
      expect(campaign.startedAt).toBeTruthy();
      const rows = (await db.database.db
        .select()
        .from(smsMessages)
        .orderBy(smsMessages.id)) as (typeof smsMessages.$inferSelect)[];
      expect(rows).toHaveLength(25);
      expect(
        rows.every(
          (r) => r.campaignId === report.campaignId && r.status === 'pending' && r.subAccountId === tenant.subAccountId,
        ),
      ).toBe(true);
      const byPhone = new Map(rows.map((r) => [r.phoneNumber, r]));
      expect(byPhone.get(phoneAt(0))).toMatchObject({
        message: 'Hi Person 0 from Acme',
        segments: 1,
        encoding: 'GSM-7',
      });
      expect(byPhone.get(phoneAt(3))).toMatchObject({ segments: 2 });
      expect(byPhone.get(phoneAt(4))).toMatchObject({ message: 'Hi Person 4 from Café ☕', encoding: 'UCS-2' });
      expect(byPhone.has(phoneAt(99))).toBe(false);
    });

    it('reads the fields that say how to read the file even when they come after it', async () => {
      const res = await h
        .http()
        .post('/api/sms/bulk')
        .set(headers)
        .attach('file', Buffer.from(`home,cell\n${phoneAt(8)},${phoneAt(9)}\n`), 'list.csv')
        .field('message', 'after the file')
        .field('phoneColumn', 'home')
        .field('dryRun', 'true')
        .expect(201);
      expect(res.body).toMatchObject({ dryRun: true, phoneColumn: 'home' });
      expect(res.body.preview).toEqual([
        expect.objectContaining({ phoneNumber: phoneAt(8), message: 'after the file' }),
      ]);
    });

    it('names the campaign after the file when no name is given', async () => {
      const res = await upload(h, headers, `phone\n${phoneAt(1)}\n`, { message: 'hi' }, 'april-leads.csv').expect(201);
      expect((await getCampaign(res.body.campaignId)).name).toMatch(/^april-leads\.csv/);
    });

    it('creates a scheduled campaign whose messages wait until scheduledAt', async () => {
      const at = new Date(Date.now() + 86_400_000);
      const res = await upload(h, headers, `phone\n${phoneAt(1)}\n${phoneAt(2)}\n`, {
        message: 'later',
        scheduledAt: at.toISOString(),
      }).expect(201);
      const campaign = await getCampaign(res.body.campaignId);
      expect(campaign).toMatchObject({ status: 'scheduled', startedAt: null, totalRecipients: 2 });
      expect(new Date(campaign.scheduledAt).getTime()).toBe(at.getTime());
      const rows = await db.database.db.select().from(smsMessages);
      expect(rows.map((r) => r.notBefore.getTime())).toEqual([at.getTime(), at.getTime()]);
      await h.dispatcher.drain();
      expect(h.sim.state().counters.createRequests).toBe(0);
    });

    it.each([
      ['in the past', new Date(Date.now() - 60_000).toISOString()],
      ['without a time zone offset', '2099-01-01T09:00:00'],
    ])('refuses a scheduledAt %s with 400 naming scheduledAt, storing nothing', async (_what, scheduledAt) => {
      const res = await upload(h, headers, `phone\n${phoneAt(1)}\n`, { message: 'hi', scheduledAt }).expect(400);
      expect(fieldsOf(expectErrorShape(res.body, 400))).toEqual(['scheduledAt']);
      expect(await campaignsStored()).toBe(0);
    });

    it('returns the first 1,000 rejections and serves all of them in rejections.csv', async () => {
      const lines = ['phone,name'];
      for (let i = 0; i < 1_234; i++) lines.push(`bad-${i},x`);
      lines.push(`${phoneAt(1)},ok`, `"=HYPERLINK(""http://evil"")",y`);
      const res = await upload(h, headers, lines.join('\n'), { message: 'hi {{name}}' }).expect(201);
      const report = res.body as Report;
      expect(report.counts).toMatchObject({ rows: 1_236, valid: 1, invalid: 1_235 });
      expect(report.rejections).toHaveLength(1_000);
      expect(report.rejections.at(-1)!.row).toBe(1_001);
      const csv = await h.http().get(`/api/sms/campaigns/${report.campaignId}/rejections.csv`).set(headers).expect(200);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      expect(csv.headers['content-disposition']).toContain(`campaign-${report.campaignId}-rejections.csv`);
      const [head, ...rows] = parseCsv(csv.text);
      expect(head).toEqual(['row', 'value', 'reason', 'message']);
      expect(rows).toHaveLength(1_235);
      expect(rows.map((r) => Number(r[0]))).toEqual([...Array.from({ length: 1_234 }, (_, i) => i + 2), 1_237]);
      expect(rows[0]!.slice(0, 3)).toEqual(['2', 'bad-0', 'invalid_phone']);
      // A formula in a cell is neutralised so the report is safe to open in a spreadsheet.
      expect(rows.at(-1)![1]).toBe(`'=HYPERLINK("http://evil")`);
      expect((await getCampaign(report.campaignId!)).rejectedCount).toBe(1_235);
    });

    it('rejects numbers on the opt-out list as opted_out', async () => {
      await db.database.db
        .insert(smsOptOuts)
        .values({ subAccountId: tenant.subAccountId, phoneNumber: phoneAt(2), source: 'keyword' });
      const res = await upload(h, headers, `phone\n${phoneAt(1)}\n(415) 500-0002\n`, { message: 'hi' }).expect(201);
      expect(res.body.counts).toMatchObject({ valid: 1, optedOut: 1 });
      expect(res.body.rejections).toEqual([
        expect.objectContaining({ row: 3, value: phoneAt(2), reason: 'opted_out' }),
      ]);
      const rows = await db.database.db.select().from(smsMessages);
      expect(rows.map((r) => r.phoneNumber)).toEqual([phoneAt(1)]);
    });
  });

  describe('refusals', () => {
    const refused = async (status: number, req: ReturnType<typeof upload>) => {
      const res = await req.expect(status);
      const body = expectErrorShape(res.body, status);
      expect(await campaignsStored()).toBe(0);
      expect(await messagesStored()).toBe(0);
      return body;
    };

    it('refuses a binary file (an .xlsx / zip) with 400 saying it is not CSV', async () => {
      const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), Buffer.alloc(200, 0)]);
      const body = await refused(400, upload(h, headers, zip, { message: 'hi' }, 'list.xlsx'));
      expect(body.message).toMatch(/not a CSV text file/);
      expect(fieldsOf(body)).toEqual(['file']);
    });

    it('refuses PNG bytes with 400', async () => {
      const png = Buffer.from([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
      ]);
      expect((await refused(400, upload(h, headers, png, { message: 'hi' }, 'photo.csv'))).message).toMatch(/binary/);
    });

    it('refuses an empty file with 400', async () => {
      expect((await refused(400, upload(h, headers, Buffer.alloc(0), { message: 'hi' }))).message).toMatch(/empty/i);
    });

    it('refuses a file with no phone column with 400 naming the expected columns', async () => {
      const body = await refused(400, upload(h, headers, 'name,email\nAnn,ann@example.com\n', { message: 'hi' }));
      expect(body.message).toMatch(/No phone column/);
      expect(body.message).toContain('phone_number');
    });

    it('refuses an unknown phoneColumn with 400 listing the columns', async () => {
      const body = await refused(
        400,
        upload(h, headers, `name,phone\nAnn,${phoneAt(1)}\n`, { message: 'hi', phoneColumn: 'mobile' }),
      );
      expect(body.message).toContain('columns: name, phone');
    });

    it('refuses a request without the file part with 400 naming file', async () => {
      const body = await refused(400, upload(h, headers, null, { message: 'hi' }));
      expect(fieldsOf(body)).toEqual(['file']);
    });

    it('refuses a request that is not multipart with 400 naming file', async () => {
      const res = await h.http().post('/api/sms/bulk').set(headers).send({ message: 'hi' }).expect(400);
      expect(fieldsOf(expectErrorShape(res.body, 400))).toEqual(['file']);
    });

    it('refuses a request without message with 400 naming message', async () => {
      const body = await refused(400, upload(h, headers, `phone\n${phoneAt(1)}\n`, {}));
      expect(fieldsOf(body)).toEqual(['message']);
    });

    it('refuses a message over 1,600 characters with 400 naming message', async () => {
      const body = await refused(400, upload(h, headers, `phone\n${phoneAt(1)}\n`, { message: 'x'.repeat(1_601) }));
      expect(fieldsOf(body)).toEqual(['message']);
    });

    it('refuses a file over SMS_MAX_UPLOAD_MB with 413 naming the limit, and takes the next upload', async () => {
      const big = Buffer.alloc(1.5 * 1024 * 1024, 'x');
      const body = await refused(
        413,
        upload(h, headers, Buffer.concat([Buffer.from('phone\n'), big]), { message: 'hi' }),
      );
      expect(body.message).toMatch(/larger than 1 MB/);
      expect(body.message).toContain('SMS_MAX_UPLOAD_MB');
      await upload(h, headers, `phone\n${phoneAt(1)}\n`, { message: 'hi' }).expect(201);
    });

    it('refuses a file where every row is rejected with 400, leaving no campaign behind, and reports why', async () => {
      const body = await refused(400, upload(h, headers, 'phone\nnope\n1.5E+10\n', { message: 'hi' }));
      expect(body.message).toMatch(/No valid recipients/);
      expect(body.details).toMatchObject({ counts: { rows: 2, valid: 0, invalid: 2 } });
      expect(await countOf(db.database, sql`select count(*) as n from sms_campaign_rejections`)).toBe(0);
    });

    it('refuses a campaign over the monthly spending cap with 422, leaving no campaign behind', async () => {
      await h.http().put('/api/sms/settings').set(headers).send({ spendingCapSegments: 2 }).expect(200);
      const body = await refused(
        422,
        upload(h, headers, `phone\n${phoneAt(1)}\n${phoneAt(2)}\n${phoneAt(3)}\n`, { message: 'hi' }),
      );
      expect(body.message).toMatch(/spending cap/i);
      expect(body.details).toEqual({ used: 0, cap: 2, needed: 3 });
    });

    it('accepts a campaign that fits the spending cap exactly (its own rows are not counted twice)', async () => {
      await h.http().put('/api/sms/settings').set(headers).send({ spendingCapSegments: 3 }).expect(200);
      const res = await upload(h, headers, `phone\n${phoneAt(1)}\n${phoneAt(2)}\n${phoneAt(3)}\n`, {
        message: 'hi',
      }).expect(201);
      expect((await getCampaign(res.body.campaignId)).totalRecipients).toBe(3);
    });

    it('removes the draft and its rows when the file turns out broken after the first chunks were stored', async () => {
      const lines = ['phone'];
      for (let i = 0; i < 4_500; i++) lines.push(phoneAt(i));
      lines.push('"+14155550100'); // an unclosed quote at the end
      const body = await refused(400, upload(h, headers, lines.join('\n'), { message: 'hi' }));
      expect(body.message).toMatch(/not valid CSV/);
      expect(await countOf(db.database, sql`select count(*) as n from sms_campaign_rejections`)).toBe(0);
    });
  });

  describe('a crash mid-import', () => {
    it('leaves a visible draft that the dispatcher never sends and that DELETE removes with its rows', async () => {
      const [draft] = await db.database.db
        .insert(smsCampaigns)
        .values({
          subAccountId: tenant.subAccountId,
          name: 'Half imported',
          message: 'hi',
          status: 'draft',
          source: 'csv',
        })
        .returning();
      await db.database.db.insert(smsMessages).values(
        [1, 2, 3].map((i) => ({
          subAccountId: tenant.subAccountId,
          campaignId: draft!.id,
          phoneNumber: phoneAt(i),
          message: 'hi',
          segments: 1,
        })),
      );
      await h.dispatcher.drain();
      expect(h.sim.state().counters.createRequests).toBe(0);
      expect(await countOf(db.database, sql`select count(*) as n from sms_messages where status = 'pending'`)).toBe(3);
      const list = (await h.http().get('/api/sms/campaigns?status=draft').set(headers).expect(200)).body;
      expect(list.items.map((c: { id: number }) => c.id)).toEqual([draft!.id]);
      expect(list.items[0]).toMatchObject({ status: 'draft', pending: 3 });
      await h.http().delete(`/api/sms/campaigns/${draft!.id}`).set(headers).expect(204);
      expect(await campaignsStored()).toBe(0);
      expect(await messagesStored()).toBe(0);
      await h.dispatcher.drain();
      expect(h.sim.state().counters.createRequests).toBe(0);
    });

    it('refuses to resume (start) a draft: a half-imported list is never sent', async () => {
      const [draft] = await db.database.db
        .insert(smsCampaigns)
        .values({
          subAccountId: tenant.subAccountId,
          name: 'Half imported',
          message: 'hi',
          status: 'draft',
          source: 'csv',
        })
        .returning();
      await db.database.db
        .insert(smsMessages)
        .values({ subAccountId: tenant.subAccountId, campaignId: draft!.id, phoneNumber: phoneAt(1), message: 'hi' });
      const res = await h.http().post(`/api/sms/campaigns/${draft!.id}/resume`).set(headers).expect(409);
      expect(expectErrorShape(res.body, 409).message).toMatch(/draft/i);
      await h.dispatcher.drain();
      expect(h.sim.state().counters.createRequests).toBe(0);
      expect((await getCampaign(draft!.id)).status).toBe('draft');
    });
  });

  describe('an import in progress', () => {
    /**
     * Runs an import of `rows` numbers through the service itself; `midway` runs once the first chunk
     * is stored and the campaign is still a draft, like a user acting on the draft in the list.
     */
    async function importWith(rows: number, midway: (draftId: number) => Promise<void>) {
      async function* records(): AsyncGenerator<RecipientRecord> {
        for (let i = 0; i < rows; i++) {
          if (i === 2_500) {
            const [draft] = await db.database.db.select().from(smsCampaigns);
            expect(draft!.status).toBe('draft');
            await midway(draft!.id);
          }
          yield { row: i + 2, phone: phoneAt(i), variables: {} };
        }
      }
      const auth = {
        kind: 'admin' as const,
        id: tenant.adminId,
        email: tenant.adminEmail,
        role: 'admin' as const,
        subAccountId: tenant.subAccountId,
      };
      return h.app
        .get(CampaignImportService)
        .run(
          auth,
          tenant.subAccountId,
          { name: 'Big list', template: 'hi', dryRun: false, source: 'csv', records: records() },
          { requestId: 'test' },
        );
    }

    it('keeps a campaign canceled while its rows were being written canceled, and sends none of them', async () => {
      let id = 0;
      const report = await importWith(3_000, async (draftId) => {
        id = draftId;
        expect((await h.http().post(`/api/sms/campaigns/${draftId}/cancel`).set(headers).expect(200)).body.status).toBe(
          'canceled',
        );
      });
      expect(report.campaignId).toBe(id);
      await h.dispatcher.drain();
      expect(h.sim.state().counters.createRequests).toBe(0);
      expect(await getCampaign(id)).toMatchObject({
        status: 'canceled',
        totalRecipients: 3_000,
        pending: 0,
        canceled: 3_000,
        sentCount: 0,
      });
      expect(await countOf(db.database, sql`select count(*) as n from sms_messages where status <> 'canceled'`)).toBe(
        0,
      );
    });

    it('answers 409 (not a server error) when the draft is deleted while its rows are being written', async () => {
      const error = await importWith(3_000, async (draftId) => {
        await h.http().delete(`/api/sms/campaigns/${draftId}`).set(headers).expect(204);
      }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: 'INVALID_STATE', message: expect.stringMatching(/deleted/) });
      expect(await campaignsStored()).toBe(0);
      expect(await messagesStored()).toBe(0);
    });
  });
});
