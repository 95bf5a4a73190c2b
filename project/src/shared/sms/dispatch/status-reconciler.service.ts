import { Inject, Injectable, Logger } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import type { AppConfig } from 'src/core/config/app-config';
import { APP_CONFIG } from 'src/core/config/config.module';
import { DatabaseService, rowsOf } from 'src/core/database/database.service';
import { SMS_PROVIDER, type SmsProvider } from '../interfaces/sms-provider.interface';
import { isFinal } from '../message-status';
import { maskPhonesIn } from '../phone.rules';
import { SmsMessagesRepository, type SmsMessageRow } from '../repositories/sms-messages.repository';
import { SenderService } from '../settings/sender.service';
import { MessageLifecycleService } from './message-lifecycle.service';

const BATCH = 20;
/** Checks of a message still `sent` before we stop asking (gaps double each time). */
export const MAX_STATUS_CHECKS = 4;

/**
 * Twilio retries a failed webhook about once, so a final status can be lost. Messages left `sent` past
 * SMS_STATUS_RECONCILE_AFTER_MINUTES are fetched from Twilio and the fetched status goes through the same
 * transition rules as a callback. Final messages without a price are fetched once for it (cost tracking).
 */
@Injectable()
export class StatusReconcilerService {
  private readonly logger = new Logger('StatusReconciler');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SMS_PROVIDER) private readonly provider: SmsProvider,
    private readonly database: DatabaseService,
    private readonly messages: SmsMessagesRepository,
    private readonly senders: SenderService,
    private readonly lifecycle: MessageLifecycleService,
  ) {}

  async reconcileDue(now: Date): Promise<number> {
    const rows = await this.claimDueChecks(now);
    for (const row of rows) {
      await this.check(row, now).catch((e: unknown) =>
        this.logger.warn(`Status check of message ${row.id} failed: ${maskPhonesIn(String(e))}`),
      );
    }
    return rows.length;
  }

  /** Takes due checks and pushes their next check out first, so two processes do not fetch the same message. */
  private async claimDueChecks(now: Date): Promise<SmsMessageRow[]> {
    const result = await this.database.db.execute(sql`
      update sms_messages m
         set next_status_check_at = ${new Date(now.getTime() + 5 * 60_000).toISOString()}, updated_at = now()
       where m.id in (select c.id from sms_messages c
                       where c.next_status_check_at <= ${now.toISOString()} and c.twilio_sid is not null
                       order by c.next_status_check_at limit ${BATCH} for update skip locked)
      returning m.id`);
    const ids = rowsOf<{ id: number }>(result).map((r) => r.id);
    return Promise.all(ids.map((id) => this.messages.findById(id))).then((rows) =>
      rows.filter((r): r is SmsMessageRow => Boolean(r)),
    );
  }

  private async check(row: SmsMessageRow, now: Date): Promise<void> {
    const { credentials } = await this.senders.resolve(row.subAccountId);
    if (!credentials || !row.twilioSid) return;
    const fetched = await this.provider.fetch(credentials, row.twilioSid);
    await this.lifecycle.applyTwilioStatus(row.twilioSid, fetched.status, fetched, 'status_fetch');
    const after = await this.messages.findById(row.id);
    if (!after) return;
    const checks = after.statusChecks + 1;
    const settled = isFinal(after.status) && after.price !== null;
    const gaveUp = !isFinal(after.status) ? checks >= MAX_STATUS_CHECKS : checks >= MAX_STATUS_CHECKS + 1;
    const gapMs = this.config.sms.statusReconcileAfterMinutes * 60_000 * 2 ** (checks - 1);
    await this.messages.update(row.id, {
      statusChecks: checks,
      nextStatusCheckAt:
        settled || gaveUp ? null : new Date(now.getTime() + (isFinal(after.status) ? 5 * 60_000 : gapMs)),
    });
  }
}
