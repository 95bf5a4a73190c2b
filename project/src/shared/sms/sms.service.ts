import { Injectable } from '@nestjs/common';
import { Clock } from 'src/core/clock/clock';
import { DomainEvents } from 'src/core/events/domain-events';
import { DatabaseService, type DbOrTx, type Tx } from 'src/core/database/database.service';
import { AppError, AppErrorCode } from 'src/core/errors/app-error';
import { checkOutbound } from './accept.rules';
import { QuietHoursService } from './dispatch/quiet-hours.service';
import { SmsAuditRepository } from './audit/sms-audit.repository';
import { maskPhone } from './phone.rules';
import { SmsEventsRepository } from './repositories/sms-events.repository';
import { SmsMessagesRepository, type SmsMessageRow } from './repositories/sms-messages.repository';
import { SmsOptOutsRepository } from './repositories/sms-opt-outs.repository';
import { SmsSpendingRepository, spendMonthOf } from './repositories/sms-spending.repository';
import { SenderService } from './settings/sender.service';
import { SmsSettingsRepository } from './settings/sms-settings.repository';

export interface Actor {
  kind: 'user' | 'admin' | 'system';
  id?: number;
  requestId?: string;
  ip?: string;
}

export interface SendInput {
  phoneNumber: string;
  message: string;
  leadId?: number;
  scheduledAt?: Date;
  idempotencyKey?: string;
  /** Send even inside the recipient's quiet hours (admins only; audited by the caller). */
  ignoreQuietHours?: boolean;
}

/**
 * The engine's front door: accepts a message into the outbox (sms_messages) after the accept rules.
 * Nothing here talks to Twilio; the dispatcher sends what is committed.
 */
@Injectable()
export class SmsService {
  constructor(
    private readonly database: DatabaseService,
    private readonly messages: SmsMessagesRepository,
    private readonly events: SmsEventsRepository,
    private readonly optOuts: SmsOptOutsRepository,
    private readonly spending: SmsSpendingRepository,
    private readonly settings: SmsSettingsRepository,
    private readonly senders: SenderService,
    private readonly audit: SmsAuditRepository,
    private readonly quietHours: QuietHoursService,
    private readonly clock: Clock,
    private readonly domainEvents: DomainEvents,
  ) {}

  async send(subAccountId: number, actor: Actor, input: SendInput): Promise<{ row: SmsMessageRow; replayed: boolean }> {
    if (input.idempotencyKey) {
      const existing = await this.messages.findByIdempotencyKey(subAccountId, input.idempotencyKey);
      if (existing) return { row: this.sameRequestOrConflict(existing, input), replayed: true };
    }
    const subAccount = await this.settings.subAccount(subAccountId);
    if (!subAccount) throw AppError.notFound('SubAccount');
    const checked = checkOutbound(input.phoneNumber, input.message, subAccount.defaultCountry);
    if (!checked.ok) {
      const code =
        checked.errors[0]!.field === 'phoneNumber' ? AppErrorCode.INVALID_PHONE : AppErrorCode.INVALID_MESSAGE;
      throw new AppError(code, checked.errors.map((e) => `${e.field}: ${e.message}`).join('; '), checked.errors);
    }
    const now = this.clock.now();
    if (input.scheduledAt && input.scheduledAt <= now) {
      throw AppError.validation('scheduledAt', 'must be in the future');
    }
    const msg = checked.value;
    if (await this.optOuts.isOptedOut(subAccountId, msg.phoneNumber)) {
      throw new AppError(
        AppErrorCode.OPTED_OUT,
        `${maskPhone(msg.phoneNumber)} has opted out (replied STOP); it cannot be texted`,
        [{ field: 'phoneNumber', message: 'opted out' }],
      );
    }
    const sender = await this.senders.resolve(subAccountId);
    const due = input.scheduledAt ?? now;
    const quietUntil = await this.quietHours.waitUntil(
      { phoneNumber: msg.phoneNumber, leadId: input.leadId ?? null, ignoreQuietHours: Boolean(input.ignoreQuietHours) },
      sender,
      due,
    );
    const month = spendMonthOf(now);
    const row = await this.database.transaction(async (tx) => {
      const inserted = await this.messages.insert(
        {
          subAccountId,
          userId: actor.kind === 'user' ? actor.id : undefined,
          adminUserId: actor.kind === 'admin' ? actor.id : undefined,
          leadId: input.leadId,
          direction: 'outbound',
          phoneNumber: msg.phoneNumber,
          message: msg.message,
          segments: msg.segments,
          encoding: msg.encoding,
          notBefore: quietUntil ?? due,
          statusReason: quietUntil ? 'quiet_hours' : null,
          ignoreQuietHours: Boolean(input.ignoreQuietHours),
          idempotencyKey: input.idempotencyKey,
          spendMonth: month,
        },
        tx,
      );
      if (!inserted) return undefined; // the same Idempotency-Key committed concurrently
      await this.events.record(tx, {
        subAccountId,
        messageId: inserted.id,
        type: 'accepted',
        status: 'pending',
        payload: { by: actor.kind },
      });
      await this.domainEvents.emit(tx, {
        type: 'sms.accepted',
        subAccountId,
        messageId: inserted.id,
        leadId: inserted.leadId,
        campaignId: inserted.campaignId,
        phoneNumber: inserted.phoneNumber,
        segments: inserted.segments,
      });
      await this.audit.record(
        {
          subAccountId,
          actorKind: actor.kind,
          actorId: actor.id,
          action: 'sms.send',
          targetType: 'sms_message',
          targetId: String(inserted.id),
          details: {
            to: maskPhone(msg.phoneNumber),
            segments: msg.segments,
            scheduled: Boolean(input.scheduledAt),
            ...(quietUntil ? { quietHoursUntil: quietUntil.toISOString() } : {}),
            ...(input.ignoreQuietHours ? { quietHoursOverride: true } : {}),
          },
          requestId: actor.requestId,
          ip: actor.ip,
        },
        tx,
      );
      // Last: the counter's row lock (every send of the SubAccount queues on it) is held only until the commit.
      await this.reserveOrRefuse(tx, subAccountId, month, msg.segments, sender.spendingCapSegments);
      return inserted;
    });
    if (row) return { row, replayed: false };
    const winner = await this.messages.findByIdempotencyKey(subAccountId, input.idempotencyKey!);
    return { row: this.sameRequestOrConflict(winner!, input), replayed: true };
  }

  /**
   * Spending cap, in segments per calendar month (UTC): charges `segments` to the month's running counter, or
   * throws SPENDING_CAP (rolling the caller's transaction back) when that would pass `cap`. Check and charge
   * are one conditional update, so concurrent sends cannot both pass on the same room.
   */
  async reserveOrRefuse(db: DbOrTx, subAccountId: number, month: string, segments: number, cap: number | null) {
    if ((await this.spending.reserve(db, subAccountId, month, segments, cap)) !== null) return;
    const used = await this.spending.used(db, subAccountId, month);
    throw new AppError(
      AppErrorCode.SPENDING_CAP,
      `Monthly spending cap reached: ${used} of ${cap} segments used or queued; this message needs ${segments}`,
      { used, cap, needed: segments },
    );
  }

  /**
   * A failed message sent again is charged again, to this month: `retry` moves it back to pending (the
   * trigger on sms_messages charges it under the counter's row lock), then the month's total is checked.
   * Over the cap, SPENDING_CAP rolls the caller's transaction back.
   */
  async retryCharged<T>(tx: Tx, row: SmsMessageRow, retry: () => Promise<T | undefined>): Promise<T | undefined> {
    const month = spendMonthOf(this.clock.now());
    await this.messages.update(row.id, { spendMonth: month }, tx, 'failed'); // not charged while failed
    const result = await retry();
    if (result !== undefined) await this.assertChargeWithinCap(tx, row.subAccountId, month, row.segments);
    return result;
  }

  /**
   * For changes whose charge the triggers on sms_messages already added (`added` segments, this month): the
   * trigger's counter update holds the row lock, so the total read here is exact until the commit.
   */
  async assertChargeWithinCap(tx: Tx, subAccountId: number, month: string, added: number): Promise<void> {
    // Read through `tx`: on PGlite another handle would wait for this very transaction.
    const cap = (await this.settings.find(subAccountId, tx))?.spendingCapSegments ?? null;
    const used = await this.spending.used(tx, subAccountId, month);
    if (cap === null || used <= cap) return;
    throw new AppError(
      AppErrorCode.SPENDING_CAP,
      `Monthly spending cap reached: ${used - added} of ${cap} segments used or queued; this needs ${added} more`,
      { used: used - added, cap, needed: added },
    );
  }

  private sameRequestOrConflict(existing: SmsMessageRow, input: SendInput): SmsMessageRow {
    if (existing.message !== input.message) {
      throw new AppError(AppErrorCode.CONFLICT, 'Idempotency-Key was already used for a different message');
    }
    return existing;
  }
}
