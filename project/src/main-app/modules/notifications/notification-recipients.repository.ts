import { Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { DatabaseService, rowsOf, type DbOrTx } from 'src/core/database/database.service';
import { notificationPreferences, type NotificationType } from 'src/core/database/schema';
import { DEFAULT_DEAD_LETTER_THRESHOLD, type Recipient } from './notification-types';

interface RecipientRow {
  kind: 'user' | 'admin';
  id: number;
  disabled_types: NotificationType[] | string | null;
  dead_letter_threshold: number | null;
}

export type PreferencesUpdate = Partial<Pick<Recipient, 'disabledTypes' | 'deadLetterThreshold'>>;

/** Who a SubAccount's notifications go to, and what each of them asked for (notification_preferences). */
@Injectable()
export class NotificationRecipientsRepository {
  constructor(private readonly database: DatabaseService) {}

  /**
   * The SubAccount's users and the admins who manage it (its creator and every super admin, as
   * ManagedSubAccountsRepository decides), with their preferences.
   */
  async ofSubAccount(db: DbOrTx, subAccountId: number): Promise<Recipient[]> {
    const result = await db.execute(sql`
      select 'user' as kind, u.id, p.disabled_types, p.dead_letter_threshold
        from users u
        left join notification_preferences p on p.recipient_kind = 'user' and p.recipient_id = u.id
       where u.sub_account_id = ${subAccountId}
      union all
      select 'admin' as kind, a.id, p.disabled_types, p.dead_letter_threshold
        from admin_users a
        left join notification_preferences p on p.recipient_kind = 'admin' and p.recipient_id = a.id
       where a.role = 'super_admin'
          or a.id = (select created_by_admin_id from sub_accounts where id = ${subAccountId})`);
    return rowsOf<RecipientRow>(result).map(toRecipient);
  }

  /** A user of the SubAccount (a lead's owner), with their preferences. */
  async user(db: DbOrTx, subAccountId: number, userId: number): Promise<Recipient | undefined> {
    const result = await db.execute(sql`
      select 'user' as kind, u.id, p.disabled_types, p.dead_letter_threshold
        from users u
        left join notification_preferences p on p.recipient_kind = 'user' and p.recipient_id = u.id
       where u.id = ${userId} and u.sub_account_id = ${subAccountId}`);
    const [row] = rowsOf<RecipientRow>(result);
    return row && toRecipient(row);
  }

  async preferences(kind: Recipient['kind'], id: number): Promise<Recipient> {
    const result = await this.database.db.execute(sql`
      select ${kind} as kind, ${id}::int as id, p.disabled_types, p.dead_letter_threshold
        from (select 1) one
        left join notification_preferences p on p.recipient_kind = ${kind} and p.recipient_id = ${id}`);
    return toRecipient(rowsOf<RecipientRow>(result)[0]!);
  }

  async savePreferences(kind: Recipient['kind'], id: number, values: PreferencesUpdate): Promise<Recipient> {
    await this.database.db
      .insert(notificationPreferences)
      .values({ recipientKind: kind, recipientId: id, ...values })
      .onConflictDoUpdate({
        target: [notificationPreferences.recipientKind, notificationPreferences.recipientId],
        set: { ...values, updatedAt: sql`now()` },
      });
    return this.preferences(kind, id);
  }
}

function toRecipient(row: RecipientRow): Recipient {
  // jsonb arrives parsed from node-postgres and PGlite alike; a string would be a driver surprise.
  const disabled = typeof row.disabled_types === 'string' ? JSON.parse(row.disabled_types) : row.disabled_types;
  return {
    kind: row.kind,
    id: Number(row.id),
    disabledTypes: (disabled as NotificationType[] | null) ?? [],
    deadLetterThreshold: row.dead_letter_threshold ?? DEFAULT_DEAD_LETTER_THRESHOLD,
  };
}
