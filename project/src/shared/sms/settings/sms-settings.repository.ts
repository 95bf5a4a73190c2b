import { Injectable } from '@nestjs/common';
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { DatabaseService, type DbOrTx } from 'src/core/database/database.service';
import { smsSettings, subAccounts } from 'src/core/database/schema';

export type SmsSettingsRow = typeof smsSettings.$inferSelect;
export type SmsSettingsUpdate = Partial<Omit<typeof smsSettings.$inferInsert, 'subAccountId'>>;

@Injectable()
export class SmsSettingsRepository {
  constructor(private readonly database: DatabaseService) {}

  async find(subAccountId: number, db: DbOrTx = this.database.db): Promise<SmsSettingsRow | undefined> {
    const [row] = await db.select().from(smsSettings).where(eq(smsSettings.subAccountId, subAccountId));
    return row;
  }

  async subAccount(subAccountId: number, db: DbOrTx = this.database.db) {
    const [row] = await db.select().from(subAccounts).where(eq(subAccounts.id, subAccountId));
    return row;
  }

  /**
   * The SubAccount and its SMS settings (null when it has none) in one query: what an accept reads. Prepared once:
   * building this select's SQL was a sixth of the API's CPU per send at 500 sends/s.
   */
  async subAccountWithSettings(subAccountId: number) {
    const [row] = await this.acceptRead().execute({ id: subAccountId });
    return row;
  }

  private prepared?: ReturnType<SmsSettingsRepository['prepareAcceptRead']>;

  private acceptRead() {
    return (this.prepared ??= this.prepareAcceptRead());
  }

  private prepareAcceptRead() {
    return this.database.db
      .select({ subAccount: subAccounts, settings: smsSettings })
      .from(subAccounts)
      .leftJoin(smsSettings, eq(smsSettings.subAccountId, subAccounts.id))
      .where(eq(subAccounts.id, sql.placeholder('id')))
      .prepare('sms_accept_sub_account_with_settings');
  }

  async upsert(
    subAccountId: number,
    values: SmsSettingsUpdate,
    db: DbOrTx = this.database.db,
  ): Promise<SmsSettingsRow> {
    const [row] = await db
      .insert(smsSettings)
      .values({ subAccountId, ...values })
      .onConflictDoUpdate({ target: smsSettings.subAccountId, set: { ...values, updatedAt: sql`now()` } })
      .returning();
    return row!;
  }

  /** SubAccounts whose own settings name this Twilio account (webhooks find their tenant this way). */
  async subAccountsWithAccountSid(accountSid: string): Promise<number[]> {
    const rows = await this.database.db
      .select({ id: smsSettings.subAccountId })
      .from(smsSettings)
      .where(eq(smsSettings.accountSid, accountSid));
    return rows.map((r) => r.id);
  }

  /** SubAccounts whose own sender is this number or Messaging Service (inbound routing). */
  async subAccountsWithSender(to: string, messagingServiceSid: string | undefined): Promise<number[]> {
    const rows = await this.database.db
      .select({ id: smsSettings.subAccountId })
      .from(smsSettings)
      .where(
        or(
          eq(smsSettings.phoneNumber, to),
          messagingServiceSid ? eq(smsSettings.messagingServiceSid, messagingServiceSid) : undefined,
        ),
      );
    return rows.map((r) => r.id);
  }

  /**
   * SubAccounts that send from the installation's shared sender: no credentials, number or Messaging Service
   * of their own (SenderService.resolve's rule, as SQL). `among` narrows the answer.
   */
  async subAccountsOnSharedSender(among?: number[], db: DbOrTx = this.database.db): Promise<number[]> {
    if (among && among.length === 0) return [];
    const rows = await db
      .select({ id: subAccounts.id })
      .from(subAccounts)
      .leftJoin(smsSettings, eq(smsSettings.subAccountId, subAccounts.id))
      .where(
        and(
          among ? inArray(subAccounts.id, among) : undefined,
          or(isNull(smsSettings.accountSid), isNull(smsSettings.authTokenEncrypted)),
          isNull(smsSettings.phoneNumber),
          isNull(smsSettings.messagingServiceSid),
        ),
      )
      .orderBy(subAccounts.id);
    return rows.map((r) => r.id);
  }
}
