import { Injectable } from '@nestjs/common';
import { and, count, eq, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from 'src/core/database/database.service';
import { leads, smsCampaigns, smsMessages } from 'src/core/database/schema';
import { inTenant } from 'src/core/tenancy/tenant-scope';

/** What a notification says about the thing that happened, read in the emitting transaction. */
@Injectable()
export class NotificationSourcesRepository {
  async campaign(db: DbOrTx, subAccountId: number, id: number) {
    const [row] = await db
      .select()
      .from(smsCampaigns)
      .where(inTenant(smsCampaigns.subAccountId, subAccountId, eq(smsCampaigns.id, id)));
    return row;
  }

  async sendingCampaigns(db: DbOrTx, subAccountId: number): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(smsCampaigns)
      .where(inTenant(smsCampaigns.subAccountId, subAccountId, eq(smsCampaigns.status, 'sending')));
    return row?.n ?? 0;
  }

  async lead(db: DbOrTx, subAccountId: number, id: number) {
    const [row] = await db
      .select({ id: leads.id, name: leads.name, ownerId: leads.ownerId })
      .from(leads)
      .where(inTenant(leads.subAccountId, subAccountId, eq(leads.id, id)));
    return row;
  }

  async messageText(db: DbOrTx, subAccountId: number, id: number): Promise<string> {
    const [row] = await db
      .select({ message: smsMessages.message })
      .from(smsMessages)
      .where(and(eq(smsMessages.subAccountId, subAccountId), eq(smsMessages.id, id)));
    return row?.message ?? '';
  }

  /**
   * Failed messages whose status changed since `since`, counted up to `atMost` (sms_messages_status_idx
   * finds the SubAccount's failed rows; the limit bounds the work once the threshold is met).
   */
  async failedSince(db: DbOrTx, subAccountId: number, since: Date, atMost: number): Promise<number> {
    const result = await db.execute(sql`
      select count(*) as n from (
        select 1 from sms_messages
         where sub_account_id = ${subAccountId} and status = 'failed' and updated_at >= ${since.toISOString()}
         limit ${atMost}) recent`);
    return Number(rowsOf<{ n: string | number }>(result)[0]?.n ?? 0);
  }
}
