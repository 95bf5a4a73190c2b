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
import { StatusApplyService } from './status-apply.service';

/** Due checks taken per pass: mostly prices, which cost one list call per SubAccount, not one per message. */
const BATCH = 500;
/** Single fetches (lost callbacks, prices the list did not show) in parallel. */
const FETCH_CONCURRENCY = 10;
/** Twilio's DateSent filters count whole days on some paths: a margin either side of the batch. */
const LIST_MARGIN_MS = 60_000;
/** Checks of a message still `sent` before we stop asking (gaps double each time). */
export const MAX_STATUS_CHECKS = 4;

/**
 * Twilio retries a failed webhook about once, so a final status can be lost. Messages left `sent` past
 * SMS_STATUS_RECONCILE_AFTER_MINUTES are fetched from Twilio and the fetched status goes through the same
 * transition rules as a callback. Callbacks carry no price: final messages without one get it from Twilio's list
 * call (a page of up to 1,000 per SubAccount and pass), and are fetched one by one only if the page missed them.
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
    private readonly statuses: StatusApplyService,
  ) {}

  async reconcileDue(now: Date): Promise<number> {
    const rows = await this.claimDueChecks(now);
    const needPrice = rows.filter((r) => isFinal(r.status) && r.price === null);
    const toFetch = rows.filter((r) => !needPrice.includes(r));
    const bySubAccount = new Map<number, SmsMessageRow[]>();
    for (const r of needPrice) bySubAccount.set(r.subAccountId, [...(bySubAccount.get(r.subAccountId) ?? []), r]);
    for (const [subAccountId, group] of bySubAccount)
      toFetch.push(
        ...(await this.collectPrices(subAccountId, group).catch((e: unknown) => {
          this.logger.warn(`Price list for SubAccount ${subAccountId} failed: ${maskPhonesIn(String(e))}`);
          return group;
        })),
      );
    for (let i = 0; i < toFetch.length; i += FETCH_CONCURRENCY) {
      await Promise.all(
        toFetch
          .slice(i, i + FETCH_CONCURRENCY)
          .map((row) =>
            this.check(row).catch((e: unknown) =>
              this.logger.warn(`Status check of message ${row.id} failed: ${maskPhonesIn(String(e))}`),
            ),
          ),
      );
    }
    await this.afterChecks(rows, now);
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
    return this.messages.findByIds(rowsOf<{ id: number }>(result).map((r) => r.id));
  }

  /** One list call for a SubAccount's final messages without a price; returns those the page did not show. */
  private async collectPrices(subAccountId: number, rows: SmsMessageRow[]): Promise<SmsMessageRow[]> {
    const { credentials } = await this.senders.resolve(subAccountId);
    if (!credentials) return [];
    const times = rows.map((r) => (r.sentAt ?? r.updatedAt).getTime());
    const listed = await this.provider.listSentBetween(credentials, {
      since: new Date(Math.min(...times) - LIST_MARGIN_MS),
      until: new Date(Math.max(...times) + LIST_MARGIN_MS),
      limit: 1_000,
    });
    const bySid = new Map(listed.filter((m) => m.price !== null).map((m) => [m.sid, m]));
    const found = rows.filter((r) => bySid.has(r.twilioSid!));
    if (found.length > 0)
      await this.statuses.applyMany(
        found.map((r) => {
          const m = bySid.get(r.twilioSid!)!;
          return { sid: m.sid, twilioStatus: m.status, details: m, source: 'status_fetch' as const };
        }),
      );
    return rows.filter((r) => !bySid.has(r.twilioSid!));
  }

  private async check(row: SmsMessageRow): Promise<void> {
    const { credentials } = await this.senders.resolve(row.subAccountId);
    if (!credentials || !row.twilioSid) return;
    const fetched = await this.provider.fetch(credentials, row.twilioSid);
    await this.statuses.apply({
      sid: row.twilioSid,
      twilioStatus: fetched.status,
      details: fetched,
      source: 'status_fetch',
    });
  }

  /** A settled message is not checked again; others again later, with doubling gaps, a few times at most. */
  private async afterChecks(rows: SmsMessageRow[], now: Date): Promise<void> {
    const after = await this.messages.findByIds(rows.map((r) => r.id));
    for (const row of after) {
      const checks = row.statusChecks + 1;
      const settled = isFinal(row.status) && row.price !== null;
      const gaveUp = !isFinal(row.status) ? checks >= MAX_STATUS_CHECKS : checks >= MAX_STATUS_CHECKS + 1;
      const gapMs = this.config.sms.statusReconcileAfterMinutes * 60_000 * 2 ** (checks - 1);
      await this.messages.update(row.id, {
        statusChecks: checks,
        nextStatusCheckAt:
          settled || gaveUp ? null : new Date(now.getTime() + (isFinal(row.status) ? 5 * 60_000 : gapMs)),
      });
    }
  }
}
