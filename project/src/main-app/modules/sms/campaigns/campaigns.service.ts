import { Injectable } from '@nestjs/common';
import type { AuthContext } from 'src/core/auth/auth-context';
import { tenantOf } from 'src/core/auth/auth.decorators';
import { Clock } from 'src/core/clock/clock';
import { DatabaseService } from 'src/core/database/database.service';
import { AppError, AppErrorCode } from 'src/core/errors/app-error';
import { pageOf, type Page } from 'src/core/http/pagination';
import type { RequestMeta } from 'src/core/http/request-meta.decorator';
import { SmsAuditRepository } from 'src/shared/sms/audit/sms-audit.repository';
import { MessageLifecycleService } from 'src/shared/sms/dispatch/message-lifecycle.service';
import { canTransitionCampaign, type CampaignStatus } from 'src/shared/sms/message-status';
import { keysetQueryOf } from 'src/core/database/keyset-page';
import { SmsMessageHistoryRepository } from 'src/shared/sms/repositories/sms-message-history.repository';
import { SmsMessagesRepository } from 'src/shared/sms/repositories/sms-messages.repository';
import { SmsService } from 'src/shared/sms/sms.service';
import { validateBody } from 'src/shared/sms/segments';
import { templateVariables } from 'src/shared/sms/template';
import { toMessagePage, type SmsMessageDto } from '../dto/sms-message.dto';
import { actorOf } from '../sms.service';
import { CampaignsRepository, type CampaignRow } from './campaigns.repository';
import {
  mapCampaign,
  type CampaignMessagesQueryDto,
  type CampaignQueryDto,
  type SmsCampaignDto,
  type UpdateCampaignDto,
} from './dto/campaign.dto';

const NOTHING_OPEN = { open: 0, quietHours: 0 };

/** A campaign's life after import: read it, pause, resume, cancel, retry its failures, edit before start. */
@Injectable()
export class CampaignsService {
  constructor(
    private readonly database: DatabaseService,
    private readonly campaigns: CampaignsRepository,
    private readonly messages: SmsMessagesRepository,
    private readonly history: SmsMessageHistoryRepository,
    private readonly lifecycle: MessageLifecycleService,
    private readonly engine: SmsService,
    private readonly audit: SmsAuditRepository,
    private readonly clock: Clock,
  ) {}

  async list(auth: AuthContext, q: CampaignQueryDto): Promise<Page<SmsCampaignDto>> {
    const { items, ...rest } = await this.campaigns.list(tenantOf(auth), {
      ...keysetQueryOf(q),
      status: q.status,
      search: q.search,
    });
    const open = await this.campaigns.countOpenUpTo(items.map((c) => c.id));
    return pageOf(
      items.map((c) => mapCampaign(c, open.get(c.id) ?? NOTHING_OPEN)),
      rest,
      q,
    );
  }

  async get(auth: AuthContext, id: number): Promise<SmsCampaignDto> {
    return this.toDto(await this.load(auth, id));
  }

  async messagesOf(auth: AuthContext, id: number, q: CampaignMessagesQueryDto): Promise<Page<SmsMessageDto>> {
    const campaign = await this.load(auth, id);
    const result = await this.history.page(campaign.subAccountId, {
      ...keysetQueryOf(q),
      status: q.status,
      search: q.search,
      campaignId: id,
    });
    return toMessagePage(result, q);
  }

  pause(auth: AuthContext, id: number, meta: RequestMeta) {
    return this.transition(auth, id, 'paused', meta);
  }

  resume(auth: AuthContext, id: number, meta: RequestMeta) {
    return this.transition(auth, id, 'resumed', meta);
  }

  async cancel(auth: AuthContext, id: number, meta: RequestMeta): Promise<SmsCampaignDto> {
    return this.transition(auth, id, 'canceled', meta);
  }

  async retryFailed(auth: AuthContext, id: number, meta: RequestMeta): Promise<SmsCampaignDto> {
    const campaign = await this.load(auth, id);
    if (campaign.status === 'canceled' || campaign.status === 'draft') {
      throw new AppError(AppErrorCode.INVALID_STATE, `A ${campaign.status} campaign cannot retry its failures`);
    }
    let retried = 0;
    for (const { id: messageId } of await this.campaigns.failedMessageIds(id)) {
      await this.database.transaction(async (tx) => {
        const row = await this.messages.lockForUpdate(tx, { id: messageId });
        if (row?.status !== 'failed') return;
        if (await this.engine.retryCharged(tx, row, () => this.lifecycle.retryFailed(tx, row))) retried += 1;
      });
    }
    await this.record(auth, campaign, 'campaign.retry_failed', meta, { retried });
    return this.get(auth, id);
  }

  async delete(auth: AuthContext, id: number, meta: RequestMeta): Promise<void> {
    const campaign = await this.load(auth, id);
    const fullyCanceled = campaign.status === 'canceled' && campaign.sentCount === 0 && campaign.failedCount === 0;
    if (campaign.status !== 'draft' && !fullyCanceled) {
      throw new AppError(
        AppErrorCode.INVALID_STATE,
        'Only a draft, or a canceled campaign that sent nothing, can be deleted (its history is kept otherwise)',
      );
    }
    await this.campaigns.delete(id);
    await this.record(auth, campaign, 'campaign.delete', meta);
  }

  async update(auth: AuthContext, id: number, dto: UpdateCampaignDto, meta: RequestMeta): Promise<SmsCampaignDto> {
    const subAccountId = tenantOf(auth);
    const now = this.clock.now();
    await this.database.transaction(async (tx) => {
      const campaign = await this.campaigns.lock(tx, subAccountId, id);
      if (!campaign) throw AppError.notFound('Campaign');
      if (!['draft', 'scheduled'].includes(campaign.status)) {
        throw new AppError(AppErrorCode.INVALID_STATE, `A ${campaign.status} campaign can no longer be edited`);
      }
      const values: Partial<CampaignRow> = {};
      if (dto.name !== undefined) values.name = dto.name;
      if (dto.message !== undefined && dto.message !== campaign.message) {
        if (templateVariables(dto.message).length || templateVariables(campaign.message).length) {
          throw new AppError(
            AppErrorCode.INVALID_STATE,
            'message: a templated campaign was rendered per recipient at import; create a new campaign to change it',
            [{ field: 'message', message: 'cannot change a templated campaign after import' }],
          );
        }
        const body = validateBody(dto.message);
        if (!body.ok) throw AppError.validation('message', body.message);
        values.message = dto.message;
        const added = await this.campaigns.replacePendingBodies(tx, id, dto.message, body.segments, body.encoding);
        if (added.segments > 0) await this.engine.assertChargeWithinCap(tx, subAccountId, added.month, added.segments);
      }
      if (dto.scheduledAt !== undefined) {
        const at = dto.scheduledAt === null ? null : new Date(dto.scheduledAt);
        if (at && at <= now) throw AppError.validation('scheduledAt', 'must be in the future');
        values.scheduledAt = at;
        if (campaign.status === 'scheduled' && at === null)
          Object.assign(values, { status: 'sending', startedAt: now });
        await this.campaigns.reschedulePending(tx, id, at ?? now);
      }
      await this.campaigns.update(id, values, tx);
    });
    await this.record(auth, { id, subAccountId }, 'campaign.update', meta, { fields: Object.keys(dto) });
    return this.get(auth, id);
  }

  private async transition(
    auth: AuthContext,
    id: number,
    action: 'paused' | 'resumed' | 'canceled',
    meta: RequestMeta,
  ): Promise<SmsCampaignDto> {
    const subAccountId = tenantOf(auth);
    const now = this.clock.now();
    let canceledMessages = 0;
    await this.database.transaction(async (tx) => {
      const campaign = await this.campaigns.lock(tx, subAccountId, id);
      if (!campaign) throw AppError.notFound('Campaign');
      if (action === 'resumed' && campaign.status === 'draft') {
        throw new AppError(
          AppErrorCode.INVALID_STATE,
          'A draft is an import that has not finished: it cannot be started; delete it and import the list again',
        );
      }
      const target: CampaignStatus =
        action === 'paused'
          ? 'paused'
          : action === 'canceled'
            ? 'canceled'
            : campaign.scheduledAt && campaign.scheduledAt > now
              ? 'scheduled'
              : 'sending';
      if (!canTransitionCampaign(campaign.status, target)) {
        throw new AppError(
          AppErrorCode.INVALID_STATE,
          `Cannot ${action === 'resumed' ? 'resume' : action.replace(/ed$/, '')} a ${campaign.status} campaign`,
        );
      }
      if (action === 'canceled') canceledMessages = await this.campaigns.cancelPendingMessages(tx, id);
      await this.campaigns.update(
        id,
        {
          status: target,
          statusReason: null,
          ...(target === 'sending' && !campaign.startedAt ? { startedAt: now } : {}),
          ...(target === 'canceled' ? { completedAt: now } : {}),
        },
        tx,
      );
      // Its last messages may have gone out while it was paused.
      if (target === 'sending') await this.lifecycle.completeCampaignIfDone(tx, { campaignId: id, subAccountId }, now);
    });
    await this.record(
      auth,
      { id, subAccountId },
      `campaign.${action === 'resumed' ? 'resume' : action === 'paused' ? 'pause' : 'cancel'}`,
      meta,
      action === 'canceled' ? { canceledMessages } : {},
    );
    return this.get(auth, id);
  }

  private async load(auth: AuthContext, id: number): Promise<CampaignRow> {
    const campaign = await this.campaigns.find(tenantOf(auth), id);
    if (!campaign) throw AppError.notFound('Campaign');
    return campaign;
  }

  async toDto(c: CampaignRow): Promise<SmsCampaignDto> {
    const [open, awaitingPrice] = await Promise.all([
      this.campaigns.countOpenUpTo([c.id]),
      this.campaigns.countAwaitingPrice(c.id),
    ]);
    return mapCampaign(c, open.get(c.id) ?? NOTHING_OPEN, awaitingPrice);
  }

  private async record(
    auth: AuthContext,
    c: Pick<CampaignRow, 'id' | 'subAccountId'>,
    action: string,
    meta: RequestMeta,
    details: Record<string, unknown> = {},
  ) {
    const actor = actorOf(auth, meta);
    await this.audit.record({
      subAccountId: c.subAccountId,
      actorKind: actor.kind,
      actorId: actor.id,
      action,
      targetType: 'sms_campaign',
      targetId: String(c.id),
      details,
      requestId: meta.requestId,
      ip: meta.ip,
    });
  }
}
