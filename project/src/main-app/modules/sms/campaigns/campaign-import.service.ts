import { Inject, Injectable } from '@nestjs/common';
import type { AuthContext } from 'src/core/auth/auth-context';
import type { AppConfig } from 'src/core/config/app-config';
import { APP_CONFIG } from 'src/core/config/config.module';
import { Clock } from 'src/core/clock/clock';
import { DatabaseService } from 'src/core/database/database.service';
import { DomainEvents } from 'src/core/events/domain-events';
import { AppError, AppErrorCode } from 'src/core/errors/app-error';
import type { RequestMeta } from 'src/core/http/request-meta.decorator';
import { SmsAuditRepository } from 'src/shared/sms/audit/sms-audit.repository';
import { importRecipients, type ImportSummary } from 'src/shared/sms/campaigns/recipient-import';
import type { RecipientRecord } from 'src/shared/sms/campaigns/recipient-record';
import { RecipientRules } from 'src/shared/sms/campaigns/recipient-rules';
import { validateBody } from 'src/shared/sms/segments';
import { SmsOptOutsRepository } from 'src/shared/sms/repositories/sms-opt-outs.repository';
import { SmsService } from 'src/shared/sms/sms.service';
import { SmsSettingsRepository } from 'src/shared/sms/settings/sms-settings.repository';
import { actorOf } from '../sms.service';
import { CampaignsRepository } from './campaigns.repository';
import type { ImportReportDto } from './dto/campaign.dto';

export interface ImportRequest {
  name: string;
  template: string;
  templateId?: number;
  scheduledAt?: Date;
  dryRun: boolean;
  source: 'csv' | 'list' | 'leads';
  records: AsyncIterable<RecipientRecord>;
  headers?: string[];
  phoneColumn?: string | null;
}

/**
 * Turns a recipient list into a campaign: rows are checked and written in chunks while the campaign is
 * a draft, then one statement makes it scheduled/sending. A crash mid-import leaves a visible draft,
 * never a half-sent campaign.
 */
@Injectable()
export class CampaignImportService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly campaigns: CampaignsRepository,
    private readonly settings: SmsSettingsRepository,
    private readonly engine: SmsService,
    private readonly audit: SmsAuditRepository,
    private readonly clock: Clock,
    private readonly database: DatabaseService,
    private readonly domainEvents: DomainEvents,
    private readonly optOuts: SmsOptOutsRepository,
  ) {}

  async run(auth: AuthContext, subAccountId: number, req: ImportRequest, meta: RequestMeta): Promise<ImportReportDto> {
    const now = this.clock.now();
    this.assertTemplate(req.template);
    if (req.scheduledAt && req.scheduledAt <= now) throw AppError.validation('scheduledAt', 'must be in the future');
    const subAccount = await this.settings.subAccount(subAccountId);
    if (!subAccount) throw AppError.notFound('SubAccount');
    const rules = new RecipientRules(req.template, subAccount.defaultCountry);
    const optedOut = (phones: string[]) => this.optOuts.optedOutAmong(subAccountId, phones);
    if (req.dryRun) {
      return this.report(null, true, await importRecipients(req.records, rules, { optedOut }), req);
    }
    const campaign = await this.campaigns.create({
      subAccountId,
      userId: auth.kind === 'user' ? auth.id : null,
      adminUserId: auth.kind === 'admin' ? auth.id : null,
      templateId: req.templateId,
      name: req.name,
      message: req.template,
      status: 'draft',
      source: req.source,
      scheduledAt: req.scheduledAt,
    });
    const notBefore = req.scheduledAt ?? now;
    let summary: ImportSummary;
    try {
      summary = await importRecipients(req.records, rules, {
        optedOut,
        write: async (accepted, rejections) => {
          await this.campaigns.insertMessages(campaign, notBefore, accepted);
          await this.campaigns.insertRejections(campaign.id, rejections);
        },
      });
      if (summary.counts.valid === 0) {
        throw new AppError(
          AppErrorCode.VALIDATION,
          'No valid recipients: every row was rejected',
          this.report(null, false, summary, req) as never,
        );
      }
      await this.assertWithinSpendingCap(subAccountId, summary.segments, now);
    } catch (e) {
      const stillThere = await this.campaigns.find(subAccountId, campaign.id);
      await this.campaigns.delete(campaign.id);
      throw stillThere ? e : deletedMidImport();
    }
    const totals = { totalRecipients: summary.counts.valid, rejectedCount: summary.counts.rows - summary.counts.valid };
    const live = {
      status: req.scheduledAt ? ('scheduled' as const) : ('sending' as const),
      startedAt: req.scheduledAt ? null : now,
    };
    if (!(await this.publish(subAccountId, campaign.id, { ...live, ...totals }, summary.segments))) {
      // Canceled while its rows were being written: the rows written after the cancel are canceled too.
      if (!(await this.campaigns.update(campaign.id, totals))) throw deletedMidImport();
      await this.campaigns.cancelPendingMessages(this.database.db, campaign.id);
    }
    const actor = actorOf(auth, meta);
    await this.audit.record({
      subAccountId,
      actorKind: actor.kind,
      actorId: actor.id,
      action: 'campaign.create',
      targetType: 'sms_campaign',
      targetId: String(campaign.id),
      details: {
        source: req.source,
        recipients: summary.counts.valid,
        rejected: summary.counts.rows - summary.counts.valid,
        scheduled: Boolean(req.scheduledAt),
      },
      requestId: meta.requestId,
      ip: meta.ip,
    });
    return this.report(campaign.id, false, summary, req);
  }

  /** Draft → scheduled/sending, and the event saying so, in one transaction. False: it is no longer a draft. */
  private publish(
    subAccountId: number,
    campaignId: number,
    values: Parameters<CampaignsRepository['publishDraft']>[1] & { totalRecipients: number },
    segments: number,
  ): Promise<boolean> {
    return this.database.transaction(async (tx) => {
      if (!(await this.campaigns.publishDraft(campaignId, values, tx))) return false;
      await this.domainEvents.emit(tx, {
        type: 'sms.campaign_accepted',
        subAccountId,
        campaignId,
        recipients: values.totalRecipients,
        segments,
      });
      return true;
    });
  }

  /** The campaign's rows are already stored as pending, so the engine counts them as queued: ask for 0 more. */
  private async assertWithinSpendingCap(subAccountId: number, segments: number, now: Date): Promise<void> {
    try {
      await this.engine.assertWithinSpendingCap(subAccountId, 0, now);
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== AppErrorCode.SPENDING_CAP) throw e;
      const { used, cap } = e.details as { used: number; cap: number };
      throw new AppError(
        AppErrorCode.SPENDING_CAP,
        `Monthly spending cap reached: this campaign needs ${segments} segments; ${used - segments} of ${cap} are already used or queued`,
        { used: used - segments, cap, needed: segments },
      );
    }
  }

  private assertTemplate(template: string): void {
    const body = validateBody(template);
    if (!body.ok) throw AppError.validation('message', body.message);
  }

  private report(campaignId: number | null, dryRun: boolean, s: ImportSummary, req: ImportRequest): ImportReportDto {
    return {
      campaignId,
      dryRun,
      counts: { ...s.counts },
      rejections: s.rejections,
      preview: s.preview,
      estimatedSegments: s.segments,
      estimatedCost: Math.round(s.segments * this.config.sms.estimatedPricePerSegment * 100_000) / 100_000,
      headers: req.headers ?? [],
      phoneColumn: req.phoneColumn ?? null,
    };
  }
}

const deletedMidImport = () =>
  new AppError(AppErrorCode.INVALID_STATE, 'The draft campaign was deleted while its list was being imported');
