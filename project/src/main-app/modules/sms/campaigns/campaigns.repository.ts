import { Injectable } from '@nestjs/common';
import { and, asc, count, desc, eq, ilike, inArray, sql } from 'drizzle-orm';
import { DatabaseService, rowsOf, type DbOrTx } from 'src/core/database/database.service';
import { leads, smsCampaignRejections, smsCampaigns, smsMessages } from 'src/core/database/schema';
import { likePattern, offsetOf } from 'src/core/http/pagination';
import { inTenant } from 'src/core/tenancy/tenant-scope';
import type { PreparedMessage, Rejection } from 'src/shared/sms/campaigns/recipient-record';

export type CampaignRow = typeof smsCampaigns.$inferSelect;
export type CampaignInsert = typeof smsCampaigns.$inferInsert;

/** Every query of sms_campaigns and of a campaign's messages. */
@Injectable()
export class CampaignsRepository {
  constructor(private readonly database: DatabaseService) {}

  private get db() {
    return this.database.db;
  }

  async create(values: CampaignInsert): Promise<CampaignRow> {
    const [row] = await this.db.insert(smsCampaigns).values(values).returning();
    return row!;
  }

  async find(subAccountId: number, id: number, db: DbOrTx = this.db): Promise<CampaignRow | undefined> {
    const [row] = await db
      .select()
      .from(smsCampaigns)
      .where(inTenant(smsCampaigns.subAccountId, subAccountId, eq(smsCampaigns.id, id)));
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

  async list(subAccountId: number, q: { page: number; limit: number; status?: string; search?: string }) {
    const where = inTenant(
      smsCampaigns.subAccountId,
      subAccountId,
      q.status ? eq(smsCampaigns.status, q.status as 'draft') : undefined,
      q.search ? ilike(smsCampaigns.name, likePattern(q.search)) : undefined,
    );
    const [items, [total]] = await Promise.all([
      this.db
        .select()
        .from(smsCampaigns)
        .where(where)
        .orderBy(desc(smsCampaigns.createdAt), desc(smsCampaigns.id))
        .limit(q.limit)
        .offset(offsetOf(q)),
      this.db.select({ n: count() }).from(smsCampaigns).where(where),
    ]);
    return { items, total: total?.n ?? 0 };
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

  /** Pending (and how many of those wait for quiet hours) and in-flight messages, by the (campaign_id, status) index. */
  async countOpen(campaignId: number): Promise<{ pending: number; sending: number; quietHours: number }> {
    const rows = await this.db
      .select({ status: smsMessages.status, reason: smsMessages.statusReason, n: count() })
      .from(smsMessages)
      .where(and(eq(smsMessages.campaignId, campaignId), inArray(smsMessages.status, ['pending', 'sending'])))
      .groupBy(smsMessages.status, smsMessages.statusReason);
    const open = { pending: 0, sending: 0, quietHours: 0 };
    for (const r of rows) {
      if (r.status === 'sending') open.sending += r.n;
      else open.pending += r.n;
      if (r.status === 'pending' && r.reason === 'quiet_hours') open.quietHours += r.n;
    }
    return open;
  }

  /**
   * Messages Twilio accepted whose price has not arrived yet (it comes with a later status callback), up to
   * `cap`: enough to say "prices are still arriving" without counting a large campaign on every poll.
   * Served by the campaign's index on sms_messages (campaign_id).
   */
  async countAwaitingPrice(campaignId: number, cap = 1000): Promise<number> {
    const rows = rowsOf<{ n: number }>(
      await this.db.execute(sql`select count(*)::int as n from (
        select 1 from ${smsMessages}
        where ${smsMessages.campaignId} = ${campaignId} and ${smsMessages.price} is null
          and ${smsMessages.status} in ('sent', 'delivered', 'undelivered')
        limit ${cap}) awaiting`),
    );
    return Number(rows[0]?.n ?? 0);
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
   * (json_to_recordset), so thousands of rows cost one round trip on both drivers.
   */
  async insertMessages(
    campaign: Pick<CampaignRow, 'id' | 'subAccountId' | 'userId' | 'adminUserId'>,
    notBefore: Date,
    rows: PreparedMessage[],
  ): Promise<void> {
    if (rows.length === 0) return;
    const payload = JSON.stringify(
      rows.map((r) => ({ p: r.phoneNumber, m: r.message, s: r.segments, e: r.encoding, l: r.leadId ?? null })),
    );
    await this.db.execute(sql`
      insert into sms_messages (sub_account_id, user_id, admin_user_id, campaign_id, lead_id, direction,
                                phone_number, message, segments, encoding, not_before)
      select ${campaign.subAccountId}, ${campaign.userId}, ${campaign.adminUserId}, ${campaign.id}, t.l, 'outbound',
             t.p, t.m, t.s, t.e, ${notBefore.toISOString()}::timestamptz
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

  /** Re-renders the bodies of a campaign's pending messages after a template change without variables. */
  async replacePendingBodies(
    db: DbOrTx,
    campaignId: number,
    message: string,
    segments: number,
    encoding: string,
  ): Promise<void> {
    await db
      .update(smsMessages)
      .set({ message, segments, encoding: encoding as 'GSM-7', updatedAt: sql`now()` })
      .where(and(eq(smsMessages.campaignId, campaignId), eq(smsMessages.status, 'pending')));
  }

  async reschedulePending(db: DbOrTx, campaignId: number, notBefore: Date): Promise<void> {
    await db
      .update(smsMessages)
      .set({ notBefore, updatedAt: sql`now()` })
      .where(and(eq(smsMessages.campaignId, campaignId), eq(smsMessages.status, 'pending')));
  }
}
