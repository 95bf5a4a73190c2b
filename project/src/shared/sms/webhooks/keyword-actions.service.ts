import { Injectable, Logger } from '@nestjs/common';
import { Clock } from 'src/core/clock/clock';
import type { Tx } from 'src/core/database/database.service';
import { DomainEvents } from 'src/core/events/domain-events';
import { SmsAuditRepository } from '../audit/sms-audit.repository';
import type { KeywordKind } from '../opt-out-keywords';
import { maskPhone } from '../phone.rules';
import { SmsMessagesRepository } from '../repositories/sms-messages.repository';
import { SmsOptOutsRepository } from '../repositories/sms-opt-outs.repository';

const IN_FLIGHT_WAIT_MS = 10_000;

/** Where the keyword came from, for the audit trail: a stored message or an Unassigned inbox entry. */
export type KeywordOrigin = { messageId: number } | { unassignedId: number };

/**
 * What a STOP or START does: Twilio blocks per sender and recipient, so a keyword to a number acts for every
 * SubAccount that sends from that number (its scope), not only the one the reply is filed under.
 */
@Injectable()
export class KeywordActionsService {
  private readonly logger = new Logger('InboundSms');

  constructor(
    private readonly messages: SmsMessagesRepository,
    private readonly optOuts: SmsOptOutsRepository,
    private readonly audit: SmsAuditRepository,
    private readonly clock: Clock,
    private readonly domainEvents: DomainEvents,
  ) {}

  async apply(tx: Tx, scope: number[], phone: string, keyword: KeywordKind | null, origin: KeywordOrigin) {
    for (const subAccountId of scope) {
      if (keyword === 'opt_out' && (await this.optOuts.add(subAccountId, phone, 'keyword', {}, tx))) {
        await this.record(tx, subAccountId, 'opt_out.add', phone, origin);
        await this.domainEvents.emit(tx, {
          type: 'sms.opted_out',
          subAccountId,
          phoneNumber: phone,
          source: 'keyword',
        });
      }
      if (keyword === 'opt_in' && (await this.optOuts.remove(subAccountId, phone, tx))) {
        await this.record(tx, subAccountId, 'opt_out.remove', phone, origin);
        await this.domainEvents.emit(tx, { type: 'sms.opted_in', subAccountId, phoneNumber: phone });
      }
    }
  }

  /**
   * A send that passed its last opt-out check just before this STOP committed may still be on its way to
   * Twilio. The webhook answers once none is, so that nothing reaches Twilio after the STOP was answered.
   * Bounded well inside Twilio's 15 s webhook timeout; real time, since it waits for HTTP calls.
   */
  async untilNoSendInFlight(scope: number[], phone: string): Promise<void> {
    const deadline = Date.now() + IN_FLIGHT_WAIT_MS;
    for (const subAccountId of scope) {
      while (await this.messages.hasSendInFlight(subAccountId, phone, this.clock.now())) {
        if (Date.now() > deadline) {
          this.logger.warn(`A send to ${maskPhone(phone)} is still in flight after its STOP; answering Twilio anyway`);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  }

  private record(tx: Tx, subAccountId: number, action: string, phone: string, origin: KeywordOrigin) {
    return this.audit.record(
      {
        subAccountId,
        actorKind: 'twilio',
        action,
        targetType: 'phone',
        targetId: maskPhone(phone),
        details: { source: 'keyword', ...origin },
      },
      tx,
    );
  }
}
