import { Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from 'src/core/database/database.service';

/** Campaign queries the engine needs; the campaign API's own queries live beside it. */
@Injectable()
export class SmsCampaignsEngineRepository {
  /**
   * A sending campaign with nothing pending or in flight is completed (served by sms_messages_campaign_idx).
   * Returns true when this call completed it.
   */
  async completeIfDone(db: DbOrTx, campaignId: number, now: Date): Promise<boolean> {
    const result = await db.execute(sql`
      update sms_campaigns c set status = 'completed', completed_at = ${now.toISOString()}, updated_at = now()
       where c.id = ${campaignId} and c.status = 'sending'
         and not exists (select 1 from sms_messages m
                          where m.campaign_id = c.id and m.status in ('pending', 'sending'))
      returning c.id`);
    return rowsOf(result).length === 1;
  }

  /** A completed campaign with messages queued again (manual retry) is sending again. */
  async reopenIfCompleted(db: DbOrTx, campaignId: number): Promise<void> {
    await db.execute(sql`
      update sms_campaigns set status = 'sending', completed_at = null, updated_at = now()
       where id = ${campaignId} and status = 'completed'`);
  }

  /** Scheduled campaigns whose time has come start sending (their rows are already due by not_before). */
  async startDueScheduled(db: DbOrTx, now: Date): Promise<number> {
    const result = await db.execute(sql`
      update sms_campaigns set status = 'sending', started_at = ${now.toISOString()}, updated_at = now()
       where status = 'scheduled' and scheduled_at <= ${now.toISOString()}
      returning id`);
    return rowsOf(result).length;
  }

  /** The SubAccount's sending campaigns become paused with the reason they show; returns their ids. */
  async pauseSending(db: DbOrTx, subAccountId: number, reason: string): Promise<number[]> {
    const result = await db.execute(sql`
      update sms_campaigns set status = 'paused', status_reason = ${reason}, updated_at = now()
       where sub_account_id = ${subAccountId} and status = 'sending'
      returning id`);
    return rowsOf<{ id: number }>(result).map((r) => r.id);
  }
}
