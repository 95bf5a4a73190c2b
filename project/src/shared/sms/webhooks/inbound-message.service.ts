import { Injectable, Logger } from '@nestjs/common';
import { and, eq } from 'drizzle-orm';
import { Clock } from 'src/core/clock/clock';
import { DatabaseService, type Tx } from 'src/core/database/database.service';
import { DomainEvents } from 'src/core/events/domain-events';
import { leads } from 'src/core/database/schema';
import { classifyKeyword, type KeywordKind } from '../opt-out-keywords';
import { maskPhone } from '../phone.rules';
import { SmsEventsRepository } from '../repositories/sms-events.repository';
import { SmsMessagesRepository } from '../repositories/sms-messages.repository';
import { SmsSettingsRepository } from '../settings/sms-settings.repository';
import { KeywordActionsService } from './keyword-actions.service';

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
    private readonly settings: SmsSettingsRepository,
    private readonly keywords: KeywordActionsService,
    private readonly clock: Clock,
    private readonly domainEvents: DomainEvents,
  ) {}

  /**
   * Stores the reply in this SubAccount. Its keyword acts for `keywordScope`: every SubAccount that sends from
   * the number it was sent to (empty when the keyword was already applied, e.g. when a system admin files an
   * Unassigned reply).
   */
  async receive(
    subAccountId: number,
    params: Record<string, string>,
    keywordScope: number[] = [subAccountId],
  ): Promise<InboundResult> {
    const from = params.From ?? '';
    const result = await this.database.transaction((tx) => this.receiveIn(tx, subAccountId, params, keywordScope));
    const keyword = result.keyword;
    if (result.stored && keyword === 'opt_out') await this.keywords.untilNoSendInFlight(keywordScope, from);
    if (result.stored)
      this.logger.log(`Reply from ${maskPhone(from)} in SubAccount ${subAccountId}${keyword ? ` (${keyword})` : ''}`);
    return result;
  }

  /** The stored part of receive(), inside the caller's transaction (filing an Unassigned reply uses it). */
  async receiveIn(
    tx: Tx,
    subAccountId: number,
    params: Record<string, string>,
    keywordScope: number[],
  ): Promise<InboundResult & { messageId: number | null }> {
    const from = params.From ?? '';
    const body = params.Body ?? '';
    const keyword = classifyKeyword(body, params.OptOutType);
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
    if (!row) return { stored: false, keyword, reply: null, messageId: null }; // the same MessageSid again
    await this.events.record(tx, {
      subAccountId,
      messageId: row.id,
      type: 'inbound',
      status: 'received',
      payload: params,
    });
    await this.keywords.apply(tx, keywordScope, from, keyword, { messageId: row.id });
    await this.domainEvents.emit(tx, {
      type: 'sms.inbound_received',
      subAccountId,
      messageId: row.id,
      leadId,
      phoneNumber: from,
      keyword,
    });
    const reply = keyword === 'help' ? ((await this.settings.find(subAccountId, tx))?.helpText ?? null) : null;
    return { stored: true, keyword, reply, messageId: row.id };
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
