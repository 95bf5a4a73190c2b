import { Injectable, Logger } from '@nestjs/common';
import { Clock } from 'src/core/clock/clock';
import { DatabaseService } from 'src/core/database/database.service';
import { classifyKeyword } from '../opt-out-keywords';
import { maskPhone } from '../phone.rules';
import { SmsUnassignedRepository } from '../repositories/sms-unassigned.repository';
import type { InboundResult } from './inbound-message.service';
import { KeywordActionsService } from './keyword-actions.service';

/** Keeps a reply no single SubAccount can claim for a system admin; its keyword still acts for its sender. */
@Injectable()
export class UnassignedInboundService {
  private readonly logger = new Logger('InboundSms');

  constructor(
    private readonly database: DatabaseService,
    private readonly unassigned: SmsUnassignedRepository,
    private readonly keywords: KeywordActionsService,
    private readonly clock: Clock,
  ) {}

  async receive(
    params: Record<string, string>,
    route: { candidates: number[]; keywordScope: number[] },
  ): Promise<InboundResult> {
    const from = params.From ?? '';
    const keyword = classifyKeyword(params.Body ?? '', params.OptOutType);
    const stored = await this.database.transaction(async (tx) => {
      const row = await this.unassigned.insert(
        {
          fromNumber: from.slice(0, 20),
          toNumber: params.To?.slice(0, 34) ?? null,
          messagingServiceSid: params.MessagingServiceSid?.slice(0, 34) || null,
          body: params.Body ?? '',
          twilioSid: params.MessageSid ?? params.SmsSid ?? null,
          candidateSubAccountIds: route.candidates,
          keyword,
          payload: params,
          receivedAt: this.clock.now(),
        },
        tx,
      );
      if (row) await this.keywords.apply(tx, route.keywordScope, from, keyword, { unassignedId: row.id });
      return row !== undefined;
    });
    if (stored && keyword === 'opt_out') await this.keywords.untilNoSendInFlight(route.keywordScope, from);
    if (stored) {
      const why = route.candidates.length ? `${route.candidates.length} SubAccounts know it` : 'no SubAccount knows it';
      this.logger.warn(`Reply from ${maskPhone(from)} kept in the Unassigned inbox (${why})`);
    }
    return { stored, keyword, reply: null };
  }
}
