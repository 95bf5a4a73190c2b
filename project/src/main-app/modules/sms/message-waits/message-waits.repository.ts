import { Injectable } from '@nestjs/common';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { DatabaseService, rowsOf } from 'src/core/database/database.service';
import { leads, smsCampaigns, smsMessages, smsRateBuckets } from 'src/core/database/schema';
import type { SmsMessageRow } from 'src/shared/sms/repositories/sms-messages.repository';
import type { QueueAhead } from './wait-reason';

/** How far a queue position is counted: a bounded count, never a scan of a long queue. */
export const QUEUE_COUNT_LIMIT = 5_000;

/** The reads behind "why is this message waiting": small lookups and bounded counts of the claim indexes. */
@Injectable()
export class MessageWaitsRepository {
  constructor(private readonly database: DatabaseService) {}

  private get db() {
    return this.database.db;
  }

  async pendingMessages(subAccountId: number, ids: number[]): Promise<SmsMessageRow[]> {
    return this.db
      .select()
      .from(smsMessages)
      .where(
        and(
          eq(smsMessages.subAccountId, subAccountId),
          inArray(smsMessages.id, ids),
          eq(smsMessages.status, 'pending'),
        ),
      );
  }

  async campaigns(subAccountId: number, ids: number[]) {
    if (ids.length === 0) return [];
    return this.db
      .select({
        id: smsCampaigns.id,
        status: smsCampaigns.status,
        scheduledAt: smsCampaigns.scheduledAt,
        statusReason: smsCampaigns.statusReason,
      })
      .from(smsCampaigns)
      .where(and(eq(smsCampaigns.subAccountId, subAccountId), inArray(smsCampaigns.id, ids)));
  }

  async leadTimeZones(subAccountId: number, ids: number[]): Promise<Map<number, string | null>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .select({ id: leads.id, timeZone: leads.timeZone })
      .from(leads)
      .where(and(eq(leads.subAccountId, subAccountId), inArray(leads.id, ids)));
    return new Map(rows.map((r) => [r.id, r.timeZone]));
  }

  async bucket(subAccountId: number) {
    const [row] = await this.db.select().from(smsRateBuckets).where(eq(smsRateBuckets.subAccountId, subAccountId));
    return row;
  }

  /**
   * What the dispatcher claims before a due message (claimDue's lanes): every due message outside a campaign
   * first, then campaign rows of sending campaigns in (not_before, id) order. Each part reads at most
   * QUEUE_COUNT_LIMIT index entries (sms_messages_claim_direct_idx, sms_messages_claim_idx).
   */
  async queueAhead(m: Pick<SmsMessageRow, 'id' | 'subAccountId' | 'notBefore' | 'campaignId'>, now: Date) {
    const direct = m.campaignId
      ? await this.count(sql`campaign_id is null and not_before <= ${now.toISOString()}`, m.subAccountId, true)
      : await this.count(sql`campaign_id is null and ${before(m)}`, m.subAccountId, true);
    if (!m.campaignId) return direct;
    const bulk = await this.count(before(m), m.subAccountId, false);
    return {
      messages: direct.messages + bulk.messages,
      segments: direct.segments + bulk.segments,
      atLeast: direct.atLeast || bulk.atLeast,
    };
  }

  /**
   * Counts a SubAccount's pending rows matching `where`, reading at most QUEUE_COUNT_LIMIT of them in claim
   * order; campaign rows count only while their campaign is sending (paused ones are skipped by the claim).
   */
  private async count(where: ReturnType<typeof sql>, subAccountId: number, directOnly: boolean): Promise<QueueAhead> {
    const lane = directOnly
      ? sql`true`
      : sql`w.campaign_id is not null
            and exists (select 1 from sms_campaigns k where k.id = w.campaign_id and k.status = 'sending')`;
    const result = await this.db.execute(sql`
      select count(*)::int as read,
             count(*) filter (where ${lane})::int as messages,
             coalesce(sum(greatest(w.segments, 1)) filter (where ${lane}), 0)::int as segments
        from (select id, campaign_id, segments from sms_messages
               where sub_account_id = ${subAccountId} and status = 'pending' and ${where}
               order by not_before, id
               limit ${QUEUE_COUNT_LIMIT}) w`);
    const [row] = rowsOf<{ read: number; messages: number; segments: number }>(result);
    return { messages: row!.messages, segments: row!.segments, atLeast: row!.read >= QUEUE_COUNT_LIMIT };
  }
}

const before = (m: Pick<SmsMessageRow, 'id' | 'notBefore'>) =>
  sql`(not_before, id) < (${m.notBefore.toISOString()}::timestamptz, ${m.id})`;
