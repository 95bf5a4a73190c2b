import { Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { sendCsv } from 'src/core/http/csv-reply';
import type { AuthContext } from 'src/core/auth/auth-context';
import { tenantOf } from 'src/core/auth/auth.decorators';
import type { RequestMeta } from 'src/core/http/request-meta.decorator';
import { SmsAuditRepository } from 'src/shared/sms/audit/sms-audit.repository';
import { maskPhonesIn } from 'src/shared/sms/phone.rules';
import { SmsMessagesRepository } from 'src/shared/sms/repositories/sms-messages.repository';
import type { MessageQueryDto } from './dto/sms-message.dto';
import { actorOf, filtersOf } from './sms.service';

const COLUMNS = [
  'id',
  'createdAt',
  'direction',
  'phoneNumber',
  'fromNumber',
  'status',
  'statusReason',
  'message',
  'segments',
  'encoding',
  'price',
  'priceUnit',
  'errorCode',
  'errorMessage',
  'twilioSid',
  'campaignId',
  'leadId',
  'sentAt',
  'deliveredAt',
] as const;

/**
 * A cell that a spreadsheet would run as a formula is prefixed with a quote (CSV injection). Only a plain
 * number (an E.164 phone, a negative price) may keep a leading + or -: `-1+1+cmd|…` is a formula too.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(s) && !/^[+-]?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** E.164 numbers masked as in the logs; other runs of 7+ digits keep only their last 4. */
function maskSearch(search: string): string {
  return maskPhonesIn(search).replace(/\d{7,}/g, (digits) => '*'.repeat(digits.length - 4) + digits.slice(-4));
}

/** Streams the History filter as CSV, a page of rows at a time. */
@Injectable()
export class SmsExportService {
  constructor(
    private readonly messages: SmsMessagesRepository,
    private readonly audit: SmsAuditRepository,
  ) {}

  async exportCsv(auth: AuthContext, q: MessageQueryDto, meta: RequestMeta, reply: FastifyReply): Promise<void> {
    const subAccountId = tenantOf(auth);
    const actor = actorOf(auth, meta);
    // The search is often a phone number: masked in the audit log like everywhere else.
    const filter = { ...q, ...(q.search ? { search: maskSearch(q.search) } : {}) };
    await this.audit.record({
      subAccountId,
      actorKind: actor.kind,
      actorId: actor.id,
      action: 'sms.export',
      targetType: 'sms_messages',
      details: { filter },
      requestId: meta.requestId,
      ip: meta.ip,
    });
    const fileName = `sms-history-${new Date().toISOString().slice(0, 10)}.csv`;
    sendCsv(reply, fileName, this.csvLines(subAccountId, q));
  }

  private async *csvLines(subAccountId: number, q: MessageQueryDto): AsyncGenerator<string> {
    yield '\uFEFF' + COLUMNS.join(',') + '\r\n';
    for await (const rows of this.messages.iterate(subAccountId, filtersOf(q))) {
      yield rows.map((r) => COLUMNS.map((c) => csvCell(r[c])).join(',')).join('\r\n') + '\r\n';
    }
  }
}
