import { Injectable } from '@nestjs/common';
import type { AuthContext } from 'src/core/auth/auth-context';
import { tenantOf } from 'src/core/auth/auth.decorators';
import { DatabaseService, type Tx } from 'src/core/database/database.service';
import { AppError, AppErrorCode } from 'src/core/errors/app-error';
import type { Page } from 'src/core/http/pagination';
import type { RequestMeta } from 'src/core/http/request-meta.decorator';
import { leadVariables } from 'src/main-app/modules/leads/lead-variables';
import { LeadsRepository } from 'src/main-app/modules/leads/leads.repository';
import { MessageLifecycleService } from 'src/shared/sms/dispatch/message-lifecycle.service';
import { SmsAuditRepository } from 'src/shared/sms/audit/sms-audit.repository';
import { decodeCursor } from 'src/core/http/keyset-cursor';
import {
  SmsMessageHistoryRepository,
  type MessageFilters,
} from 'src/shared/sms/repositories/sms-message-history.repository';
import { SmsMessagesRepository, type SmsMessageRow } from 'src/shared/sms/repositories/sms-messages.repository';
import { SmsService, type Actor } from 'src/shared/sms/sms.service';
import { renderForSend, type TemplateVars } from 'src/shared/sms/template';
import type { SendResultDto, SendSmsDto } from './dto/send-message.dto';
import {
  mapMessage,
  toMessagePage,
  type MessageQueryDto,
  type SmsMessageDetailDto,
  type SmsMessageDto,
} from './dto/sms-message.dto';

export function actorOf(auth: AuthContext, meta?: RequestMeta): Actor {
  return { kind: auth.kind, id: auth.id, requestId: meta?.requestId, ip: meta?.ip };
}

/** The user-facing SMS API: send, history, retry and cancel, over the engine. */
@Injectable()
export class SmsModuleService {
  constructor(
    private readonly engine: SmsService,
    private readonly database: DatabaseService,
    private readonly messages: SmsMessagesRepository,
    private readonly history: SmsMessageHistoryRepository,
    private readonly lifecycle: MessageLifecycleService,
    private readonly leads: LeadsRepository,
    private readonly audit: SmsAuditRepository,
  ) {}

  async send(
    auth: AuthContext,
    dto: SendSmsDto,
    idempotencyKey: string | undefined,
    meta: RequestMeta,
  ): Promise<SendResultDto> {
    const subAccountId = tenantOf(auth);
    if (dto.ignoreQuietHours && auth.kind !== 'admin') {
      throw new AppError(AppErrorCode.FORBIDDEN, 'Only an admin can send inside quiet hours', [
        { field: 'ignoreQuietHours', message: 'admins only' },
      ]);
    }
    let phoneNumber = dto.phoneNumber;
    let lead: Parameters<typeof leadVariables>[0] | undefined;
    if (dto.leadId !== undefined) {
      lead = (await this.leads.find(subAccountId, dto.leadId)) ?? undefined;
      if (!lead) throw AppError.validation('leadId', 'no such lead in this SubAccount');
      phoneNumber ??= lead.phone ?? undefined;
      if (!phoneNumber) throw AppError.validation('phoneNumber', 'the lead has no phone number; give one');
    }

    const message = renderOrRefuse(dto.message, lead ? leadVariables(lead) : {}, lead !== undefined);
    const { row, replayed } = await this.engine.send(subAccountId, actorOf(auth, meta), {
      phoneNumber: phoneNumber ?? '',
      message,
      leadId: dto.leadId,
      scheduledAt: dto.scheduledAt ? new Date(dto.scheduledAt) : undefined,
      idempotencyKey,
      ignoreQuietHours: dto.ignoreQuietHours,
    });
    return {
      id: row.id,
      status: row.status,
      phoneNumber: row.phoneNumber,
      segments: row.segments,
      encoding: row.encoding,
      notBefore: row.notBefore,
      replayed,
      quietHoursUntil: row.statusReason === 'quiet_hours' ? row.notBefore : null,
    };
  }

  async list(auth: AuthContext, q: MessageQueryDto): Promise<Page<SmsMessageDto>> {
    return toMessagePage(await this.history.page(tenantOf(auth), filtersOf(q)), q);
  }

  async get(auth: AuthContext, id: number): Promise<SmsMessageDetailDto> {
    const row = await this.messages.find(tenantOf(auth), id);
    if (!row) throw AppError.notFound('Message');
    const events = await this.messages.events(row.id);
    return {
      ...mapMessage(row),
      events: events.map((e) => ({
        id: e.id,
        type: e.type,
        status: e.status,
        payload: e.payload,
        createdAt: e.createdAt,
      })),
    };
  }

  async retry(auth: AuthContext, id: number, meta: RequestMeta): Promise<SmsMessageDto> {
    return this.changeOne(auth, id, 'failed', 'sms.retry', meta, async (tx, row) =>
      this.engine.retryCharged(tx, row, () => this.lifecycle.retryFailed(tx, row)),
    );
  }

  async cancel(auth: AuthContext, id: number, meta: RequestMeta): Promise<SmsMessageDto> {
    return this.changeOne(auth, id, 'pending', 'sms.cancel', meta, async (tx, row) =>
      (await this.lifecycle.cancelPending(tx, row, 'canceled_by_user'))
        ? { ...row, status: 'canceled' as const, statusReason: 'canceled_by_user' }
        : undefined,
    );
  }

  private async changeOne(
    auth: AuthContext,
    id: number,
    requiredStatus: 'failed' | 'pending',
    action: string,
    meta: RequestMeta,
    change: (tx: Tx, row: SmsMessageRow) => Promise<SmsMessageRow | undefined>,
  ): Promise<SmsMessageDto> {
    const subAccountId = tenantOf(auth);
    return this.database.transaction(async (tx) => {
      const row = await this.messages.lockForUpdate(tx, { id });
      if (!row || row.subAccountId !== subAccountId) throw AppError.notFound('Message');
      if (row.status !== requiredStatus) {
        throw new AppError(
          AppErrorCode.INVALID_STATE,
          `Only ${requiredStatus} messages can be ${action === 'sms.retry' ? 'retried' : 'canceled'}; this one is ${row.status}`,
        );
      }
      const changed = await change(tx, row);
      if (!changed) throw new AppError(AppErrorCode.INVALID_STATE, `Message ${id} changed meanwhile; reload it`);
      const actor = actorOf(auth, meta);
      await this.audit.record(
        {
          subAccountId,
          actorKind: actor.kind,
          actorId: actor.id,
          action,
          targetType: 'sms_message',
          targetId: String(id),
          requestId: meta.requestId,
          ip: meta.ip,
        },
        tx,
      );
      return mapMessage(changed);
    });
  }
}

export function filtersOf(
  q: Omit<MessageQueryDto, 'page' | 'limit'> & { page?: number; limit?: number },
): MessageFilters {
  return {
    page: q.page ?? 1,
    limit: q.limit ?? 20,
    cursor: q.cursor ? decodeCursor(q.cursor) : undefined,
    status: q.status,
    search: q.search,
    campaignId: q.campaignId,
    leadId: q.leadId,
    direction: q.direction,
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
  };
}

/**
 * A message may use a lead's fields ({{first_name}}, {{company}}…) and defaults ({{first_name|there}}); without a
 * lead only defaults fill in. A placeholder with neither is refused by name rather than delivered in braces.
 */
function renderOrRefuse(message: string, vars: TemplateVars, forLead: boolean): string {
  const rendered = renderForSend(message, vars);
  if (rendered.ok) return rendered.text;
  const missing = rendered.missing.map((v) => `{{${v}}}`).join(', ');
  const hint = `add a default like {{${rendered.missing[0]}|there}}`;
  throw AppError.validation(
    'message',
    forLead
      ? `the lead has no value for ${missing} (${hint})`
      : `${missing} needs a lead to fill it in: choose a lead or ${hint}`,
  );
}
