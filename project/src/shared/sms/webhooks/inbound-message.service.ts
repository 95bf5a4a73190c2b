import { Injectable, Logger } from '@nestjs/common';
import { and, eq } from 'drizzle-orm';
import { Clock } from 'src/core/clock/clock';
import { DatabaseService, type Tx } from 'src/core/database/database.service';
import { DomainEvents } from 'src/core/events/domain-events';
import { leads } from 'src/core/database/schema';
import { SmsAuditRepository } from '../audit/sms-audit.repository';
import { classifyKeyword, type KeywordKind } from '../opt-out-keywords';
import { maskPhone } from '../phone.rules';
import { SmsEventsRepository } from '../repositories/sms-events.repository';
import { SmsMessagesRepository } from '../repositories/sms-messages.repository';
import { SmsOptOutsRepository } from '../repositories/sms-opt-outs.repository';
import { SmsSettingsRepository } from '../settings/sms-settings.repository';

const IN_FLIGHT_WAIT_MS = 10_000;

export interface InboundResult {
  stored: boolean;
  keyword: KeywordKind | null;
  /** The SubAccount's HELP text, to answer with. */
  reply: string | null;
}

/** Stores a reply and acts on its keyword: STOP-family opts out, START-family opts back in, HELP answers. */
@Injectable()
export class InboundMessageService {
  private readonly logger = new Logger('InboundSms');

  constructor(
    private readonly database: DatabaseService,
    private readonly messages: SmsMessagesRepository,
    private readonly events: SmsEventsRepository,
    private readonly optOuts: SmsOptOutsRepository,
    private readonly settings: SmsSettingsRepository,
    private readonly audit: SmsAuditRepository,
    private readonly clock: Clock,
    private readonly domainEvents: DomainEvents,
  ) {}

  async receive(subAccountId: number, params: Record<string, string>): Promise<InboundResult> {
    const from = params.From ?? '';
    const body = params.Body ?? '';
    const keyword = classifyKeyword(body, params.OptOutType);
    const result = await this.database.transaction(async (tx) => {
      const leadId = await this.leadWithPhone(tx, subAccountId, from);
      const row = await this.messages.insert(
        {
          subAccountId,
          leadId,
          direction: 'inbound',
          phoneNumber: from,
          fromNumber: params.To ?? null,
          message: body,
          status: 'received',
          twilioSid: params.MessageSid ?? params.SmsSid ?? null,
          segments: Math.max(1, Number(params.NumSegments ?? 1) || 1),
          sentAt: this.clock.now(),
        },
        tx,
      );
      if (!row) return { stored: false, keyword, reply: null }; // the same MessageSid again
      await this.events.record(tx, {
        subAccountId,
        messageId: row.id,
        type: 'inbound',
        status: 'received',
        payload: params,
      });
      await this.applyKeyword(tx, subAccountId, from, keyword, row.id);
      await this.domainEvents.emit(tx, {
        type: 'sms.inbound_received',
        subAccountId,
        messageId: row.id,
        leadId,
        phoneNumber: from,
        keyword,
      });
      const reply = keyword === 'help' ? ((await this.settings.find(subAccountId, tx))?.helpText ?? null) : null;
      return { stored: true, keyword, reply };
    });
    if (result.stored && keyword === 'opt_out') await this.untilNoSendInFlight(subAccountId, from);
    if (result.stored)
      this.logger.log(`Reply from ${maskPhone(from)} in SubAccount ${subAccountId}${keyword ? ` (${keyword})` : ''}`);
    return result;
  }

  /**
   * A send that passed its last opt-out check just before this STOP committed may still be on its way to
   * Twilio. The webhook answers once none is, so that nothing reaches Twilio after the STOP was answered.
   * Bounded well inside Twilio's 15 s webhook timeout; real time, since it waits for HTTP calls.
   */
  private async untilNoSendInFlight(subAccountId: number, phone: string): Promise<void> {
    const deadline = Date.now() + IN_FLIGHT_WAIT_MS;
    while (await this.messages.hasSendInFlight(subAccountId, phone, this.clock.now())) {
      if (Date.now() > deadline) {
        this.logger.warn(`A send to ${maskPhone(phone)} is still in flight after its STOP; answering Twilio anyway`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private async applyKeyword(
    tx: Tx,
    subAccountId: number,
    phone: string,
    keyword: KeywordKind | null,
    messageId: number,
  ) {
    if (keyword === 'opt_out' && (await this.optOuts.add(subAccountId, phone, 'keyword', {}, tx))) {
      await this.audit.record(
        {
          subAccountId,
          actorKind: 'twilio',
          action: 'opt_out.add',
          targetType: 'phone',
          targetId: maskPhone(phone),
          details: { source: 'keyword', messageId },
        },
        tx,
      );
      await this.domainEvents.emit(tx, { type: 'sms.opted_out', subAccountId, phoneNumber: phone, source: 'keyword' });
    }
    if (keyword === 'opt_in' && (await this.optOuts.remove(subAccountId, phone, tx))) {
      await this.audit.record(
        {
          subAccountId,
          actorKind: 'twilio',
          action: 'opt_out.remove',
          targetType: 'phone',
          targetId: maskPhone(phone),
          details: { source: 'keyword', messageId },
        },
        tx,
      );
      await this.domainEvents.emit(tx, { type: 'sms.opted_in', subAccountId, phoneNumber: phone });
    }
  }

  private async leadWithPhone(tx: Tx, subAccountId: number, phone: string): Promise<number | null> {
    const [lead] = await tx
      .select({ id: leads.id })
      .from(leads)
      .where(and(eq(leads.subAccountId, subAccountId), eq(leads.phone, phone)))
      .limit(1);
    return lead?.id ?? null;
  }
}
