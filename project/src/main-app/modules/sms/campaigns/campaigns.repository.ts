import { Injectable } from '@nestjs/common';
import { and, asc, eq, ilike, inArray, sql } from 'drizzle-orm';
import { CappedAnswers } from 'src/core/database/bounded-count';
import { QueryValues, runCompiled } from 'src/core/database/compiled-queries';
import { DatabaseService, rowsOf, type DbOrTx } from 'src/core/database/database.service';
import { leads, smsCampaignRejections, smsCampaigns, smsMessages } from 'src/core/database/schema';
import { keysetPage, tableList, type KeysetKey, type KeysetQuery } from 'src/core/database/keyset-page';
import { likePattern } from 'src/core/http/pagination';
import { inTenant } from 'src/core/tenancy/tenant-scope';
import type { PreparedMessage, Rejection } from 'src/shared/sms/campaigns/recipient-record';

export type CampaignRow = typeof smsCampaigns.$inferSelect;
export type CampaignInsert = typeof smsCampaigns.$inferInsert;

/** A campaign's open messages are counted exactly up to this many; past it, its counters estimate them. */
export const OPEN_EXACT_UP_TO = 1000;
/** Messages awaiting their price are counted up to this many (the panel says "over 1,000"). */
export const AWAITING_PRICE_UP_TO = 1000;

export interface OpenCount {
  open: number;
  quietHours: number;
}

const CAMPAIGN_ORDER: KeysetKey = { at: smsCampaigns.createdAt, id: smsCampaigns.id };

/** Every query of sms_campaigns and of a campaign's messages. */
@Injectable()
export class CampaignsRepository {
  private readonly largeOpen = new CappedAnswers<number, OpenCount>((c) => c.open > OPEN_EXACT_UP_TO);
  private readonly largeAwaitingPrice = new CappedAnswers<number, number>((n) => n >= AWAITING_PRICE_UP_TO);

  constructor(private readonly database: DatabaseService) {}

  private get db() {
    return this.database.db;
  }

  async create(values: CampaignInsert): Promise<CampaignRow> {
    const [row] = await this.db.insert(smsCampaigns).values(values).returning();
    return row!;
  }

  /** Compiled once (runCompiled): a campaign's page, polled while it sends, and its messages read it each time. */
  async find(subAccountId: number, id: number, db: DbOrTx = this.db): Promise<CampaignRow | undefined> {
    const v = new QueryValues();
    const where = inTenant(
      smsCampaigns.subAccountId,
      v.$('subAccountId', subAccountId),
      eq(smsCampaigns.id, v.$('id', id)),
    );
    const [row] = await runCompiled(
      db,
      'campaign by id',
      v,
      () => db.select().from(smsCampaigns).where(where),
      'reusable',
    );
    return row;
  }

  async lock(db: DbOrTx, subAccountId: number, id: number): Promise<CampaignRow | undefined> {
    const [row] = await db
      .select()
      .from(smsCampaigns)
      .where(inTenant(smsCampaigns.subAccountId, subAccountId, eq(smsCampaigns.id, id)))
      .for('update');
    return row;
  }

  /** Newest first by (created_at, id): sms_campaigns_sub_account_created_idx (sub_account_id, created_at, id). */
  async list(subAccountId: number, q: KeysetQuery & { status?: string; search?: string }) {
    const v = new QueryValues();
    const where = inTenant(
      smsCampaigns.subAccountId,
      v.$('subAccountId', subAccountId),
      q.status ? eq(smsCampaigns.status, v.$('status', q.status)) : undefined,
      q.search ? ilike(smsCampaigns.name, v.$('search', likePattern(q.search))) : undefined,
    );
    const db = this.db;
    const plan = q.search ? 'perValues' : 'reusable';
    return keysetPage(db, tableList(db, 'campaigns', smsCampaigns, CAMPAIGN_ORDER, plan), where, v, q);
  }

  async update(id: number, values: Partial<CampaignInsert>, db: DbOrTx = this.db): Promise<CampaignRow | undefined> {
    const [row] = await db
      .update(smsCampaigns)
      .set({ ...values, updatedAt: sql`now()` })
      .where(eq(smsCampaigns.id, id))
      .returning();
    return row;
  }

  /** Makes an imported draft live in one statement; false when it is no longer a draft (canceled meanwhile). */
  async publishDraft(id: number, values: Partial<CampaignInsert>, db: DbOrTx = this.db): Promise<boolean> {
    const rows = await db
      .update(smsCampaigns)
      .set({ ...values, updatedAt: sql`now()` })
      .where(and(eq(smsCampaigns.id, id), eq(smsCampaigns.status, 'draft')))
      .returning({ id: smsCampaigns.id });
    return rows.length === 1;
  }

  async delete(id: number): Promise<void> {
    await this.db.delete(smsCampaigns).where(eq(smsCampaigns.id, id));
  }

  /**
   * Each campaign's messages still pending or in flight, and those waiting for quiet hours, counted only up to
   * OPEN_EXACT_UP_TO + 1 rows (a page never scans a million-row campaign): sms_messages_campaign_idx
   * (campaign_id, status, …) and the partial sms_messages_campaign_quiet_idx. Past the cap, openCounts estimates
   * from the campaign's own counters, and the answer is reused for a few seconds (CappedAnswers).
   */
  async countOpenUpTo(campaignIds: number[]): Promise<Map<number, OpenCount>> {
    const counts = new Map<number, OpenCount>();
    for (const id of campaignIds) {
      const known = this.largeOpen.get(id);
      if (known) counts.set(id, known);
    }
    const toCount = campaignIds.filter((id) => !counts.has(id));
    for (const [id, count] of await this.countOpen(toCount)) {
      this.largeOpen.keep(id, count);
      counts.set(id, count);
    }
    return counts;
  }

  /** Compiled once with a reusable plan: planning its two counts cost PostgreSQL more than running them. */
  private async countOpen(campaignIds: number[]): Promise<Map<number, OpenCount>> {
    if (campaignIds.length === 0) return new Map();
    const v = new QueryValues();
    const ids = v.$('campaignIds', `{${campaignIds.join(',')}}`);
    const openLimit = v.count('openLimit', OPEN_EXACT_UP_TO + 1);
    const quietLimit = v.count('quietLimit', OPEN_EXACT_UP_TO + 1);
    const db = this.db;
    const rows = await runCompiled(
      db,
      'campaigns open counts',
      v,
      () =>
        db
          .select({
            id: sql`c.id`.mapWith(Number),
            open: sql`(select count(*) from (select 1 from sms_messages m
                        where m.campaign_id = c.id and m.status in ('pending', 'sending')
                        limit ${openLimit}) o)::int`.mapWith(Number),
            quietHours: sql`(select count(*) from (select 1 from sms_messages m
                              where m.campaign_id = c.id and m.status = 'pending' and m.status_reason = 'quiet_hours'
                              limit ${quietLimit}) q)::int`.mapWith(Number),
          })
          .from(sql`unnest(${ids}::int[]) as c(id)`),
      'reusable',
    );
    return new Map(rows.map(({ id, ...count }) => [id, count]));
  }

  /**
   * Messages Twilio accepted whose price has not arrived yet (it comes with a later status callback), up to
   * AWAITING_PRICE_UP_TO: enough to say "prices are still arriving" without counting a large campaign on every
   * poll (and a capped answer is reused for a few seconds). Served by sms_messages_awaiting_price_idx.
   */
  async countAwaitingPrice(campaignId: number): Promise<number> {
    const known = this.largeAwaitingPrice.get(campaignId);
    if (known !== undefined) return known;
    const rows = rowsOf<{ n: number }>(
      await this.db.execute(sql`select count(*)::int as n from (
        select 1 from ${smsMessages}
        where ${smsMessages.campaignId} = ${campaignId} and ${smsMessages.price} is null
          and ${smsMessages.status} in ('sent', 'delivered', 'undelivered')
        limit ${AWAITING_PRICE_UP_TO}) awaiting`),
    );
    const n = Number(rows[0]?.n ?? 0);
    this.largeAwaitingPrice.keep(campaignId, n);
    return n;
  }

  leadsByIds(subAccountId: number, ids: number[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .select()
      .from(leads)
      .where(inTenant(leads.subAccountId, subAccountId, inArray(leads.id, ids)))
      .orderBy(asc(leads.id));
  }

  /**
   * Writes a chunk of a campaign's messages in one statement: the rows travel as one JSON parameter
   * (json_to_recordset), so thousands of rows cost one round trip on both drivers. The rows are charged to
   * `spendMonth`; the caller adds their segments to sms_spending in the same transaction.
   */
  async insertMessages(
    campaign: Pick<CampaignRow, 'id' | 'subAccountId' | 'userId' | 'adminUserId'>,
    notBefore: Date,
    rows: PreparedMessage[],
    spendMonth: string,
    db: DbOrTx = this.db,
  ): Promise<void> {
    if (rows.length === 0) return;
    const payload = JSON.stringify(
      rows.map((r) => ({ p: r.phoneNumber, m: r.message, s: r.segments, e: r.encoding, l: r.leadId ?? null })),
    );
    await db.execute(sql`
      insert into sms_messages (sub_account_id, user_id, admin_user_id, campaign_id, lead_id, direction,
                                phone_number, message, segments, encoding, not_before, spend_month)
      select ${campaign.subAccountId}, ${campaign.userId}, ${campaign.adminUserId}, ${campaign.id}, t.l, 'outbound',
             t.p, t.m, t.s, t.e, ${notBefore.toISOString()}::timestamptz, ${spendMonth}::date
        from json_to_recordset(${payload}::json) as t(p text, m text, s int, e text, l int)`);
  }

  async insertRejections(campaignId: number, rows: Rejection[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.insert(smsCampaignRejections).values(
      rows.map((r) => ({
        campaignId,
        row: r.row,
        value: r.value.slice(0, 500),
        reason: r.reason,
        message: r.message,
      })),
    );
  }

  async *rejections(campaignId: number, pageSize = 5000) {
    let afterRow = -1;
    let afterId = 0;
    for (;;) {
      const rows = await this.db
        .select()
        .from(smsCampaignRejections)
        .where(
          and(
            eq(smsCampaignRejections.campaignId, campaignId),
            sql`(${smsCampaignRejections.row}, ${smsCampaignRejections.id}) > (${afterRow}, ${afterId})`,
          ),
        )
        .orderBy(asc(smsCampaignRejections.row), asc(smsCampaignRejections.id))
        .limit(pageSize);
      if (rows.length === 0) return;
      yield rows;
      afterRow = rows[rows.length - 1]!.row;
      afterId = rows[rows.length - 1]!.id;
    }
  }

  /** Cancel: every pending message of the campaign becomes canceled, counted, in one statement. */
  async cancelPendingMessages(db: DbOrTx, campaignId: number): Promise<number> {
    const result = await db.execute(sql`
      with canceled as (
        update sms_messages set status = 'canceled', status_reason = 'campaign_canceled', updated_at = now()
         where campaign_id = ${campaignId} and status = 'pending'
        returning 1)
      update sms_campaigns set canceled_count = canceled_count + (select count(*) from canceled), updated_at = now()
       where id = ${campaignId}
      returning (select count(*) from canceled)::int as n`);
    return rowsOf<{ n: number }>(result)[0]?.n ?? 0;
  }

  failedMessageIds(campaignId: number) {
    return this.db
      .select({ id: smsMessages.id })
      .from(smsMessages)
      .where(and(eq(smsMessages.campaignId, campaignId), eq(smsMessages.status, 'failed')))
      .orderBy(asc(smsMessages.id));
  }

  /**
   * Re-renders the bodies of a campaign's pending messages after a template change without variables. The
   * trigger on sms_messages moves their charge; returns the segments added (negative: freed) and their month.
   */
  async replacePendingBodies(
    db: DbOrTx,
    campaignId: number,
    message: string,
    segments: number,
    encoding: string,
  ): Promise<{ segments: number; month: string }> {
    const result = await db.execute(sql`
      with old as (
        select id, segments from sms_messages where campaign_id = ${campaignId} and status = 'pending' for update),
      changed as (
        update sms_messages m set message = ${message}, segments = ${segments}, encoding = ${encoding},
                                  updated_at = now()
          from old where m.id = old.id
        returning m.spend_month, ${segments}::int - old.segments as added)
      select coalesce(sum(added), 0)::int as added, max(spend_month)::text as month from changed`);
    const row = rowsOf<{ added: number; month: string | null }>(result)[0];
    return { segments: Number(row?.added ?? 0), month: row?.month ?? '' };
  }

  async reschedulePending(db: DbOrTx, campaignId: number, notBefore: Date): Promise<void> {
    await db
      .update(smsMessages)
      .set({ notBefore, updatedAt: sql`now()` })
      .where(and(eq(smsMessages.campaignId, campaignId), eq(smsMessages.status, 'pending')));
  }
}
