import { Injectable } from '@nestjs/common';
import { AppError, AppErrorCode } from 'src/core/errors/app-error';
import { LeadsRepository } from 'src/main-app/modules/leads/leads.repository';
import { SmsMessagesRepository } from 'src/shared/sms/repositories/sms-messages.repository';
import { SmsService } from 'src/shared/sms/sms.service';
import { compileTemplate } from 'src/shared/sms/template';
import { leadVariables } from 'src/main-app/modules/leads/lead-variables';
import { TemplatesRepository } from '../templates/templates.repository';

export type LeadSendResult = { ok: true; messageId: number } | { ok: false; reason: string };

/** The accept rules' refusals: permanent for this message, so the caller stops or skips instead of retrying. */
const REFUSALS: Partial<Record<AppErrorCode, string>> = {
  [AppErrorCode.OPTED_OUT]: 'opted_out',
  [AppErrorCode.INVALID_PHONE]: 'invalid_phone',
  [AppErrorCode.INVALID_MESSAGE]: 'invalid_message',
  [AppErrorCode.SPENDING_CAP]: 'spending_cap',
};

/**
 * Sends a template to a lead through SmsService (actor `system`), rendered with the lead's fields like a
 * campaign to leads. The idempotency key makes a repeat after a crash answer the message already accepted.
 */
@Injectable()
export class LeadMessageSender {
  constructor(
    private readonly leads: LeadsRepository,
    private readonly messages: SmsMessagesRepository,
    private readonly sms: SmsService,
    private readonly templates: TemplatesRepository,
  ) {}

  async send(
    subAccountId: number,
    leadId: number,
    templateId: number,
    idempotencyKey: string,
  ): Promise<LeadSendResult> {
    const earlier = await this.messages.findByIdempotencyKey(subAccountId, idempotencyKey);
    if (earlier) return { ok: true, messageId: earlier.id };
    const lead = await this.leads.find(subAccountId, leadId);
    if (!lead) return { ok: false, reason: 'lead_deleted' };
    if (!lead.phone) return { ok: false, reason: 'no_phone' };
    const template = await this.templates.find(subAccountId, templateId);
    if (!template) return { ok: false, reason: 'template_deleted' };
    const rendered = compileTemplate(template.body)(leadVariables(lead));
    if (!rendered.ok) return { ok: false, reason: `missing_variables: ${rendered.missing.join(', ')}` };
    try {
      const { row } = await this.sms.send(
        subAccountId,
        { kind: 'system' },
        { phoneNumber: lead.phone, message: rendered.text, leadId, idempotencyKey },
      );
      return { ok: true, messageId: row.id };
    } catch (e) {
      const reason = e instanceof AppError ? REFUSALS[e.code] : undefined;
      if (reason) return { ok: false, reason };
      throw e;
    }
  }
}
