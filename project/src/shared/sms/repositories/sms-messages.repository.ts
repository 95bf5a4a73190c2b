import { Injectable } from '@nestjs/common';
import { and, asc, count, eq, gt, sql } from 'drizzle-orm';
import { DatabaseService, rowsOf, type DbOrTx } from 'src/core/database/database.service';
import { rowsFromDriver } from 'src/core/database/driver-rows';
import { smsEvents, smsMessages } from 'src/core/database/schema';
import { inTenant } from 'src/core/tenancy/tenant-scope';
import { QueryValues } from 'src/core/database/compiled-queries';
import { messageFilterWhere, type MessageFilters } from './sms-message-history.repository';
import { isOptedOut } from './sms-opt-outs.repository';

export type SmsMessageRow = typeof smsMessages.$inferSelect;
export type SmsMessageInsert = typeof smsMessages.$inferInsert;

/** Every query of sms_messages. The claim and lease queries are the dispatcher's hot path. */
@Injectable()
export class SmsMessagesRepository {
  constructor(private readonly database: DatabaseService) {}

  private get db() {
    return this.database.db;
  }

  async insert(values: SmsMessageInsert, db: DbOrTx = this.db): Promise<SmsMessageRow | undefined> {
    const [row] = await db.insert(smsMessages).values(values).onConflictDoNothing().returning();
    return row;
  }

  async findByIdempotencyKey(subAccountId: number, key: string): Promise<SmsMessageRow | undefined> {
    const [row] = await this.db
      .select()
      .from(smsMessages)
      .where(inTenant(smsMessages.subAccountId, subAccountId, eq(smsMessages.idempotencyKey, key)));
    return row;
  }

  async find(subAccountId: number, id: number): Promise<SmsMessageRow | undefined> {
    const [row] = await this.db
      .select()
      .from(smsMessages)
      .where(inTenant(smsMessages.subAccountId, subAccountId, eq(smsMessages.id, id)));
    return row;
  }

  async findById(id: number, db: DbOrTx = this.db): Promise<SmsMessageRow | undefined> {
    const [row] = await db.select().from(smsMessages).where(eq(smsMessages.id, id));
    return row;
  }

  async findBySid(sid: string, db: DbOrTx = this.db): Promise<SmsMessageRow | undefined> {
    const [row] = await db.select().from(smsMessages).where(eq(smsMessages.twilioSid, sid));
    return row;
  }

  async findByIds(ids: number[], db: DbOrTx = this.db): Promise<SmsMessageRow[]> {
    if (ids.length === 0) return [];
    return db
      .select()
      .from(smsMessages)
      .where(sql`${smsMessages.id} in ${ids}`)
      .orderBy(asc(smsMessages.id));
  }

  /** Locks one message for a status change (served by the primary key / twilio_sid index). */
  async lockForUpdate(db: DbOrTx, where: { id: number } | { sid: string }): Promise<SmsMessageRow | undefined> {
    const cond = 'id' in where ? eq(smsMessages.id, where.id) : eq(smsMessages.twilioSid, where.sid);
    const [row] = await db.select().from(smsMessages).where(cond).for('update');
    return row;
  }

  /** lockForUpdate of many messages by sid in one statement, in sid order (batches lock in the same order). */
  async lockManyBySid(db: DbOrTx, sids: string[]): Promise<SmsMessageRow[]> {
    if (sids.length === 0) return [];
    // Hand-written, the sids as one JSON parameter: a status batch's hot statement (a bind parameter per sid
    // cost the API more CPU to build than PostgreSQL spent on the lock).
    const result = await db.execute(sql`
      select * from sms_messages
       where twilio_sid in (select json_array_elements_text(${JSON.stringify(sids)}::json))
       order by twilio_sid
         for update`);
    return rowsFromDriver(smsMessages, result);
  }

  /** Writes the status columns of many locked rows (as they now stand in memory) in one statement. */
  async writeStatuses(db: DbOrTx, rows: SmsMessageRow[]): Promise<void> {
    if (rows.length === 0) return;
    const values = rows.map((r) => ({
      id: r.id,
      status: r.status,
      error_code: r.errorCode,
      error_message: r.errorMessage,
      delivered_at: r.deliveredAt,
      locked_until: r.lockedUntil,
      next_status_check_at: r.nextStatusCheckAt,
      price: r.price,
      price_unit: r.priceUnit,
    }));
    await db.execute(sql`
      update sms_messages m
         set status = v.status, error_code = v.error_code, error_message = v.error_message,
             delivered_at = v.delivered_at, locked_until = v.locked_until,
             next_status_check_at = v.next_status_check_at, price = v.price, price_unit = v.price_unit,
             updated_at = now()
        from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(
               id bigint, status varchar, error_code integer, error_message text, delivered_at timestamptz,
               locked_until timestamptz, next_status_check_at timestamptz, price numeric, price_unit varchar)
       where m.id = v.id`);
  }

  async update(id: number, values: Partial<SmsMessageInsert>, db: DbOrTx = this.db, onlyIfStatus?: string) {
    const [row] = await db
      .update(smsMessages)
      .set({ ...values, updatedAt: sql`now()` })
      .where(and(eq(smsMessages.id, id), onlyIfStatus ? eq(smsMessages.status, onlyIfStatus as 'pending') : undefined))
      .returning();
    return row;
  }

  /** Streams a filter in id order, a page at a time (CSV export). */
  async *iterate(subAccountId: number, f: Omit<MessageFilters, 'page' | 'limit'>, pageSize = 1000) {
    let afterId = 0;
    for (;;) {
      const rows = await this.db
        .select()
        .from(smsMessages)
        .where(and(messageFilterWhere(new QueryValues(true), subAccountId, f), sql`${smsMessages.id} > ${afterId}`))
        .orderBy(asc(smsMessages.id))
        .limit(pageSize);
      if (rows.length === 0) return;
      yield rows;
      afterId = rows[rows.length - 1]!.id;
    }
  }

  events(messageId: number) {
    return this.db.select().from(smsEvents).where(eq(smsEvents.messageId, messageId)).orderBy(asc(smsEvents.id));
  }

  // ---- dispatcher ----

  /** SubAccounts with due pending work (one index probe each: sms_messages_claim_idx). */
  async subAccountsWithDueWork(now: Date): Promise<number[]> {
    const result = await this.db.execute(sql`
      select s.id from sub_accounts s
      where exists (
        select 1 from sms_messages m
        where m.sub_account_id = s.id and m.status = 'pending' and m.not_before <= ${now.toISOString()}
      )`);
    return rowsOf<{ id: number }>(result).map((r) => r.id);
  }

  async countInFlight(db: DbOrTx, subAccountId: number): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(smsMessages)
      .where(and(eq(smsMessages.subAccountId, subAccountId), eq(smsMessages.status, 'sending')));
    return row?.n ?? 0;
  }

  /**
   * Claims up to `limit` due messages of one SubAccount: `FOR UPDATE SKIP LOCKED`, so concurrent
   * dispatchers never claim the same row. Two lanes: messages outside campaigns (single sends, replies,
   * automation steps; sms_messages_claim_direct_idx) first, then campaign rows (sms_messages_claim_idx), skipping
   * campaigns that are not sending (paused, canceled). A row whose number is on the opt-out list is canceled
   * (reason opted_out) by the same statement, so a STOP committed before the claim stops every later message.
   */
  async claimDue(
    db: DbOrTx,
    subAccountId: number,
    limit: number,
    now: Date,
    leaseUntil: Date,
  ): Promise<SmsMessageRow[]> {
    if (limit <= 0) return [];
    const direct = await this.claimLane(db, subAccountId, limit, now, leaseUntil, 'direct');
    const bulk =
      direct.length < limit
        ? await this.claimLane(db, subAccountId, limit - direct.length, now, leaseUntil, 'bulk')
        : [];
    const ids = [...direct, ...bulk];
    if (ids.length === 0) return [];
    const rows = await db
      .select()
      .from(smsMessages)
      .where(sql`${smsMessages.id} in ${ids}`);
    const rank = new Map(ids.map((id, i) => [id, i]));
    return rows.sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
  }

  private async claimLane(
    db: DbOrTx,
    subAccountId: number,
    limit: number,
    now: Date,
    leaseUntil: Date,
    lane: 'direct' | 'bulk',
  ): Promise<number[]> {
    const laneWhere =
      lane === 'direct'
        ? sql`c.campaign_id is null`
        : sql`c.campaign_id is not null
              and exists (select 1 from sms_campaigns k where k.id = c.campaign_id and k.status = 'sending')`;
    const result = await db.execute(sql`
      with picked as (
        select c.id, ${isOptedOut(sql`c.sub_account_id`, sql`c.phone_number`)} as opted_out
          from sms_messages c
         where c.sub_account_id = ${subAccountId} and c.status = 'pending' and c.not_before <= ${now.toISOString()}
           and ${laneWhere}
         order by c.not_before, c.id
         limit ${limit}
         for update of c skip locked)
      update sms_messages m
         set status = case when p.opted_out then 'canceled' else 'sending' end,
             status_reason = case when p.opted_out then 'opted_out' else m.status_reason end,
             locked_until = case when p.opted_out then null else ${leaseUntil.toISOString()}::timestamptz end,
             claimed_at = ${now.toISOString()},
             attempts = m.attempts + case when p.opted_out then 0 else 1 end,
             updated_at = now()
        from picked p
       where m.id = p.id
      returning m.id`);
    return rowsOf<{ id: number }>(result).map((r) => r.id);
  }

  /**
   * A batch of sends Twilio accepted, in one statement: each row still `sending` becomes `sent` with its sid
   * (served by the primary key). Returns the rows that changed.
   */
  async markSentMany(
    tx: DbOrTx,
    items: { id: number; sid: string; from: string | null; segments: number | null }[],
    now: Date,
    checkAt: Date,
  ): Promise<SmsMessageRow[]> {
    if (items.length === 0) return [];
    const sorted = [...items].sort((a, b) => a.id - b.id);
    const result = await tx.execute(sql`
      update sms_messages m
         set status = 'sent', status_reason = null, twilio_sid = v.sid,
             from_number = coalesce(v.from_number, m.from_number), segments = coalesce(v.segments, m.segments),
             sent_at = ${now.toISOString()}, locked_until = null, error_code = null, error_message = null,
             next_status_check_at = ${checkAt.toISOString()}, updated_at = now()
        from (select (e->>'id')::int as id, e->>'sid' as sid, e->>'from' as from_number, (e->>'segments')::int as segments
                from json_array_elements(${JSON.stringify(sorted)}::json) e) v
       where m.id = v.id and m.status = 'sending'
      returning m.*`);
    return rowsFromDriver(smsMessages, result).sort((a, b) => a.id - b.id);
  }

  /**
   * Whether a send to this number may be on its way to Twilio: claimed, under a live lease.
   * Served by sms_messages_in_flight_idx (the SubAccount's rows in `sending`: few).
   */
  async hasSendInFlight(subAccountId: number, phoneNumber: string, now: Date): Promise<boolean> {
    const [row] = await this.db
      .select({ id: smsMessages.id })
      .from(smsMessages)
      .where(
        and(
          eq(smsMessages.subAccountId, subAccountId),
          eq(smsMessages.phoneNumber, phoneNumber),
          eq(smsMessages.status, 'sending'),
          gt(smsMessages.lockedUntil, now),
        ),
      )
      .limit(1);
    return Boolean(row);
  }

  /** Takes over messages whose lease expired mid-send (a worker died); served by sms_messages_lease_idx. */
  async reclaimExpiredLeases(now: Date, leaseUntil: Date, limit: number): Promise<SmsMessageRow[]> {
    const result = await this.db.execute(sql`
      update sms_messages m set locked_until = ${leaseUntil.toISOString()}, updated_at = now()
       where m.id in (
         select c.id from sms_messages c
          where c.status = 'sending' and c.locked_until < ${now.toISOString()}
          order by c.locked_until limit ${limit}
          for update skip locked)
      returning m.id`);
    const ids = rowsOf<{ id: number }>(result).map((r) => r.id);
    if (ids.length === 0) return [];
    return this.db
      .select()
      .from(smsMessages)
      .where(sql`${smsMessages.id} in ${ids}`);
  }

  /** Age in seconds of the oldest due pending message (dispatcher lag). */
  async oldestDueAgeSeconds(now: Date): Promise<number> {
    const result = await this.db.execute(sql`
      select extract(epoch from (${now.toISOString()}::timestamptz - min(not_before)))::float as age
        from sms_messages where status = 'pending' and not_before <= ${now.toISOString()}`);
    return Number(rowsOf<{ age: number | null }>(result)[0]?.age ?? 0);
  }

  async countByStatus(): Promise<Record<string, number>> {
    const rows = await this.db
      .select({ status: smsMessages.status, n: count() })
      .from(smsMessages)
      .groupBy(smsMessages.status);
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  }
}
