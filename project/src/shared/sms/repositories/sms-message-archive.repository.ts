import { Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { DatabaseService, rowsOf } from 'src/core/database/database.service';

/** Retention (SMS_RETENTION_MONTHS): old messages leave the hot sms_messages table for sms_messages_archive. */
@Injectable()
export class SmsMessageArchiveRepository {
  constructor(private readonly database: DatabaseService) {}

  /**
   * Moves one SubAccount's finished messages created before `before`, up to `limit`, in one statement: each
   * row is deleted and stored whole as JSON. Messages still pending or sending stay. Their events go with
   * them (sms_events cascades); the roll-ups do not change. Served by sms_messages_history_idx
   * (sub_account_id, created_at, id).
   */
  async archiveBefore(subAccountId: number, before: Date, limit: number): Promise<number> {
    const result = await this.database.db.execute(sql`
      with moved as (
        delete from sms_messages m
         where m.id in (select c.id from sms_messages c
                         where c.sub_account_id = ${subAccountId} and c.created_at < ${before.toISOString()}
                           and c.status not in ('pending', 'sending')
                         order by c.created_at, c.id
                         limit ${limit}
                         for update skip locked)
        returning m.*)
      insert into sms_messages_archive (id, sub_account_id, campaign_id, phone_number, created_at, row)
      select moved.id, moved.sub_account_id, moved.campaign_id, moved.phone_number, moved.created_at, to_jsonb(moved)
        from moved
      on conflict (id) do nothing
      returning 1`);
    return rowsOf(result).length;
  }

  async subAccountIds(): Promise<number[]> {
    const result = await this.database.db.execute(sql`select id from sub_accounts order by id`);
    return rowsOf<{ id: number }>(result).map((r) => Number(r.id));
  }
}
