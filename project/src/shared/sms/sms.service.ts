import { Injectable } from '@nestjs/common';
import { Clock } from 'src/core/clock/clock';
import type { DbOrTx, Tx } from 'src/core/database/database.service';
import { AppError, AppErrorCode } from 'src/core/errors/app-error';
import { AcceptBatcher } from './accept-batcher';
import { checkOutbound } from './accept.rules';
import { assertUnreachable } from './assert-unreachable';
import { QuietHoursService } from './dispatch/quiet-hours.service';
import { maskPhone } from './phone.rules';
import { SmsMessagesRepository, type SmsMessageRow } from './repositories/sms-messages.repository';
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
    private readonly messages: SmsMessagesRepository,
    private readonly spending: SmsSpendingRepository,
    private readonly settings: SmsSettingsRepository,
    private readonly senders: SenderService,
    private readonly quietHours: QuietHoursService,
    private readonly clock: Clock,
    private readonly batcher: AcceptBatcher,
  ) {}

  async send(subAccountId: number, actor: Actor, input: SendInput): Promise<{ row: SmsMessageRow; replayed: boolean }> {
    if (input.idempotencyKey) {
      const existing = await this.messages.findByIdempotencyKey(subAccountId, input.idempotencyKey);
      if (existing) return { row: this.sameRequestOrConflict(existing, input), replayed: true };
    }
    const found = await this.settings.subAccountWithSettings(subAccountId);
    if (!found) throw AppError.notFound('SubAccount');
    const { subAccount } = found;
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
    const sender = this.senders.fromRows(subAccountId, found.settings, subAccount);
    const due = input.scheduledAt ?? now;
    const quietUntil = await this.quietHours.waitUntil(
      { phoneNumber: msg.phoneNumber, leadId: input.leadId ?? null, ignoreQuietHours: Boolean(input.ignoreQuietHours) },
      sender,
      due,
    );
    const outcome = await this.batcher.accept({
      values: {
        subAccountId,
        userId: actor.kind === 'user' ? actor.id : undefined,
        adminUserId: actor.kind === 'admin' ? actor.id : undefined,
        leadId: input.leadId,
        phoneNumber: msg.phoneNumber,
        message: msg.message,
        segments: msg.segments,
        encoding: msg.encoding,
        notBefore: quietUntil ?? due,
        statusReason: quietUntil ? 'quiet_hours' : null,
        ignoreQuietHours: Boolean(input.ignoreQuietHours),
        idempotencyKey: input.idempotencyKey,
        spendMonth: spendMonthOf(now),
      },
      actorKind: actor.kind,
      audit: {
        subAccountId,
        actorKind: actor.kind,
        actorId: actor.id,
        action: 'sms.send',
        targetType: 'sms_message',
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
      cap: sender.spendingCapSegments,
    });
    switch (outcome.kind) {
      case 'accepted':
        return { row: outcome.row, replayed: false };
      case 'opted_out':
        throw new AppError(
          AppErrorCode.OPTED_OUT,
          `${maskPhone(msg.phoneNumber)} has opted out (replied STOP); it cannot be texted`,
          [{ field: 'phoneNumber', message: 'opted out' }],
        );
      case 'over_cap':
        throw overCap(outcome.used, outcome.cap, outcome.needed);
      case 'replayed': {
        const winner = await this.messages.findByIdempotencyKey(subAccountId, input.idempotencyKey!);
        return { row: this.sameRequestOrConflict(winner!, input), replayed: true };
      }
      default:
        return assertUnreachable(outcome);
    }
  }

  /**
   * Spending cap, in segments per calendar month (UTC): charges `segments` to the month's running counter, or
   * throws SPENDING_CAP (rolling the caller's transaction back) when that would pass `cap`. Check and charge
   * are one conditional update, so concurrent sends cannot both pass on the same room.
   */
  async reserveOrRefuse(db: DbOrTx, subAccountId: number, month: string, segments: number, cap: number | null) {
    if ((await this.spending.reserve(db, subAccountId, month, segments, cap)) !== null) return;
    throw overCap(await this.spending.used(db, subAccountId, month), cap!, segments);
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

const overCap = (used: number, cap: number, needed: number) =>
  new AppError(
    AppErrorCode.SPENDING_CAP,
    `Monthly spending cap reached: ${used} of ${cap} segments used or queued; this message needs ${needed}`,
    { used, cap, needed },
  );
