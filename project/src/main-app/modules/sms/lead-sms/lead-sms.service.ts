import { Injectable } from '@nestjs/common';
import type { AuthContext } from 'src/core/auth/auth-context';
import { tenantOf } from 'src/core/auth/auth.decorators';
import { AppError } from 'src/core/errors/app-error';
import type { Page } from 'src/core/http/pagination';
import type { RequestMeta } from 'src/core/http/request-meta.decorator';
import { LeadEventsRepository } from 'src/main-app/modules/leads/lead-events.repository';
import { LeadsRepository } from 'src/main-app/modules/leads/leads.repository';
import { keysetQueryOf } from 'src/core/database/keyset-page';
import { SmsMessageHistoryRepository } from 'src/shared/sms/repositories/sms-message-history.repository';
import { mapMessage, toMessagePage, type SmsMessageDto } from '../dto/sms-message.dto';
import { OptOutsService } from '../opt-outs/opt-outs.service';
import type { LeadOptOutDto, LeadTimelineDto } from './lead-sms.dto';

/** SMS on the lead's page: its thread, its timeline, its opt-out state. */
@Injectable()
export class LeadSmsService {
  constructor(
    private readonly messages: SmsMessageHistoryRepository,
    private readonly leads: LeadsRepository,
    private readonly leadEvents: LeadEventsRepository,
    private readonly optOuts: OptOutsService,
  ) {}

  /** Messages with the lead: linked to it, or to or from its number, newest first. */
  async thread(
    auth: AuthContext,
    leadId: number,
    q: { page: number; limit: number; cursor?: string },
  ): Promise<Page<SmsMessageDto>> {
    const subAccountId = tenantOf(auth);
    const lead = await this.lead(subAccountId, leadId);
    const result = await this.messages.page(subAccountId, {
      ...keysetQueryOf(q),
      withLead: { id: lead.id, phone: lead.phone },
    });
    return toMessagePage(result, q);
  }

  /** The newest `limit` entries of the lead's messages and other events, merged, newest first. */
  async timeline(auth: AuthContext, leadId: number, limit: number): Promise<LeadTimelineDto> {
    const subAccountId = tenantOf(auth);
    const lead = await this.lead(subAccountId, leadId);
    const [messages, events] = await Promise.all([
      this.messages.page(subAccountId, { page: 1, limit, withLead: { id: lead.id, phone: lead.phone } }),
      this.leadEvents.forLead(subAccountId, leadId, limit),
    ]);
    const items = [
      ...messages.items.map((m) => ({
        kind: 'sms' as const,
        at: new Date(m.createdAt),
        sms: mapMessage(m),
        event: null,
      })),
      ...events.map((e) => ({
        kind: 'event' as const,
        at: e.createdAt,
        sms: null,
        event: {
          id: e.id,
          type: e.type,
          details: e.details,
          actorKind: e.actorKind,
          actorId: e.actorId,
          createdAt: e.createdAt,
        },
      })),
    ];
    items.sort((a, b) => b.at.getTime() - a.at.getTime());
    return { items: items.slice(0, limit) };
  }

  async optOut(auth: AuthContext, leadId: number): Promise<LeadOptOutDto> {
    const lead = await this.lead(tenantOf(auth), leadId);
    const row = lead.phone ? await this.optOuts.findByPhone(auth, lead.phone) : null;
    return {
      phoneNumber: lead.phone,
      optedOut: Boolean(row),
      source: row?.source ?? null,
      since: row?.createdAt ?? null,
    };
  }

  /** The lead page's toggle; audited like the Opt-outs page. */
  async setOptOut(auth: AuthContext, leadId: number, optedOut: boolean, meta: RequestMeta): Promise<LeadOptOutDto> {
    const lead = await this.lead(tenantOf(auth), leadId);
    if (!lead.phone) throw AppError.validation('optedOut', 'the lead has no phone number');
    if (optedOut) await this.optOuts.add(auth, lead.phone, meta);
    else await this.optOuts.removeByPhone(auth, lead.phone, meta);
    return this.optOut(auth, leadId);
  }

  private async lead(subAccountId: number, leadId: number) {
    const lead = await this.leads.find(subAccountId, leadId);
    if (!lead) throw AppError.notFound('Lead');
    return lead;
  }
}
