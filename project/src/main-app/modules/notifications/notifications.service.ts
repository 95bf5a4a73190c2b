import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Clock } from 'src/core/clock/clock';
import type { DbOrTx } from 'src/core/database/database.service';
import { DomainEvents, type DomainEvent } from 'src/core/events/domain-events';
import { SmsSpendingRepository, spendMonthOf } from 'src/shared/sms/repositories/sms-spending.repository';
import { SmsSettingsRepository } from 'src/shared/sms/settings/sms-settings.repository';
import * as drafts from './notification-drafts';
import { NotificationRecipientsRepository } from './notification-recipients.repository';
import { NotificationSourcesRepository } from './notification-sources.repository';
import { wants, type NotificationDraft, type Recipient } from './notification-types';
import { NotificationsRepository } from './notifications.repository';

type Event<T extends DomainEvent['type']> = Extract<DomainEvent, { type: T }>;

const HOUR_MS = 60 * 60_000;

/**
 * Turns domain events into in-app notifications, written in the emitting transaction (the `db` each
 * handler gets), for the SubAccount's users and admins minus those who turned the type off.
 */
@Injectable()
export class NotificationsService implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly recipients: NotificationRecipientsRepository,
    private readonly notifications: NotificationsRepository,
    private readonly sources: NotificationSourcesRepository,
    private readonly settings: SmsSettingsRepository,
    private readonly spending: SmsSpendingRepository,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.events.on('sms.campaign_completed', (e, db) => this.campaignCompleted(e, db));
    this.events.on('sms.campaign_stopped', (e, db) => this.campaignStopped(e, db));
    this.events.on('sms.credentials_rejected', (e, db) => this.credentialsRejected(e, db));
    // A single send is charged last in its transaction (after this handler); a campaign's rows already are.
    this.events.onBatch(
      'sms.accepted',
      async (events, db) => {
        // The events carry the cap their transaction read: no second read of the settings.
        const charging = new Map<number, { segments: number; cap: number | null }>();
        for (const e of events) {
          const c = charging.get(e.subAccountId) ?? { segments: 0, cap: e.spendingCapSegments };
          charging.set(e.subAccountId, { ...c, segments: c.segments + e.segments });
        }
        for (const [subAccountId, { segments, cap }] of charging)
          await this.spendingCap(subAccountId, db, segments, cap);
      },
      (e) => e.spendingCapSegments !== null && e.spendingCapSegments > 0,
    );
    this.events.on('sms.campaign_accepted', (e, db) => this.spendingCap(e.subAccountId, db, 0));
    this.events.on('sms.dead_lettered', (e, db) => this.deadLetters(e, db));
    this.events.on('sms.inbound_received', (e, db) => this.leadReply(e, db));
  }

  private async campaignCompleted(e: Event<'sms.campaign_completed'>, db: DbOrTx): Promise<void> {
    const campaign = await this.sources.campaign(db, e.subAccountId, e.campaignId);
    if (campaign) await this.notify(db, drafts.campaignCompleted(campaign));
  }

  private async campaignStopped(e: Event<'sms.campaign_stopped'>, db: DbOrTx): Promise<void> {
    const campaign = await this.sources.campaign(db, e.subAccountId, e.campaignId);
    if (campaign) await this.notify(db, drafts.campaignStopped(campaign, e.status, e.reason, this.clock.now()));
  }

  private async credentialsRejected(e: Event<'sms.credentials_rejected'>, db: DbOrTx): Promise<void> {
    const sending = await this.sources.sendingCampaigns(db, e.subAccountId);
    await this.notify(db, drafts.credentialsRejected(e.subAccountId, e.message, sending, this.clock.now()));
  }

  /** Usage as the cap counts it (the month's running counter, sms_spending) plus `charging` not yet in it. */
  private async spendingCap(subAccountId: number, db: DbOrTx, charging: number, knownCap?: number | null) {
    const cap =
      knownCap !== undefined ? knownCap : ((await this.settings.find(subAccountId, db))?.spendingCapSegments ?? null);
    if (cap === null || cap <= 0) return;
    const now = this.clock.now();
    const used = (await this.spending.used(db, subAccountId, spendMonthOf(now))) + charging;
    // Past the cap, only the 100% one: an 80% notification after it would read as good news.
    const threshold = used >= cap ? 100 : used >= cap * 0.8 ? 80 : null;
    if (threshold) await this.notify(db, drafts.spendingCap(subAccountId, threshold, used, cap, now));
  }

  /** Each recipient's own threshold; once a recipient is told in an hour, their count is not taken again. */
  private async deadLetters(e: Event<'sms.dead_lettered'>, db: DbOrTx): Promise<void> {
    const now = this.clock.now();
    const { dedupeKey } = drafts.deadLetters(e.subAccountId, 0, now);
    const all = (await this.recipients.ofSubAccount(db, e.subAccountId)).filter((r) => wants(r, 'dead_letters'));
    const waiting = await this.notifications.withoutKey(db, all, dedupeKey);
    if (!waiting.length) return;
    const atMost = Math.max(...waiting.map((r) => r.deadLetterThreshold));
    const failed = await this.sources.failedSince(db, e.subAccountId, new Date(now.getTime() - HOUR_MS), atMost);
    const due = waiting.filter((r) => failed >= r.deadLetterThreshold);
    if (due.length) await this.notifications.insertFor(db, due, drafts.deadLetters(e.subAccountId, failed, now));
  }

  /** Only the lead's owner hears of a reply; a STOP is a reply worth knowing about too. */
  private async leadReply(e: Event<'sms.inbound_received'>, db: DbOrTx): Promise<void> {
    if (e.leadId === null) return;
    const lead = await this.sources.lead(db, e.subAccountId, e.leadId);
    if (!lead?.ownerId) return;
    const owner = await this.recipients.user(db, e.subAccountId, lead.ownerId);
    if (!owner) return;
    const text = await this.sources.messageText(db, e.subAccountId, e.messageId);
    await this.notify(db, drafts.leadReply(e.subAccountId, lead, e.messageId, text, e.keyword), [owner]);
  }

  private async notify(db: DbOrTx, draft: NotificationDraft, to?: Recipient[]): Promise<void> {
    const recipients = to ?? (await this.recipients.ofSubAccount(db, draft.subAccountId));
    await this.notifications.insertFor(
      db,
      recipients.filter((r) => wants(r, draft.type)),
      draft,
    );
  }
}
