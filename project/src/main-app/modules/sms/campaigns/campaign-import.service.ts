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
import type { PreparedMessage, RecipientRecord } from 'src/shared/sms/campaigns/recipient-record';
import { RecipientRules } from 'src/shared/sms/campaigns/recipient-rules';
import { validateBody } from 'src/shared/sms/segments';
import { SmsOptOutsRepository } from 'src/shared/sms/repositories/sms-opt-outs.repository';
import { SmsSpendingRepository, spendMonthOf } from 'src/shared/sms/repositories/sms-spending.repository';
import { SmsSettingsRepository } from 'src/shared/sms/settings/sms-settings.repository';
import { actorOf } from '../sms.service';
import { CampaignsRepository, type CampaignRow } from './campaigns.repository';
import type { ImportReportDto } from 'src/main-app/modules/sms/dto/import-report.dto';

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
    private readonly spending: SmsSpendingRepository,
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
    const month = spendMonthOf(now);
    const cap = (await this.settings.find(subAccountId))?.spendingCapSegments ?? null;
    const charge = { charged: 0, overCap: false };
    let summary: ImportSummary;
    try {
      summary = await importRecipients(req.records, rules, {
        optedOut,
        write: async (accepted, rejections) => {
          // Past the cap nothing more is stored, but the rest is still read: the refusal names what it needs.
          if (!charge.overCap) {
            const segments = accepted.reduce((n, m) => n + m.segments, 0);
            if (await this.insertCharged(campaign, notBefore, accepted, month, segments, cap)) {
              charge.charged += segments;
            } else charge.overCap = true;
          }
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
      if (charge.overCap) {
        const used = (await this.spending.used(this.database.db, subAccountId, month)) - charge.charged;
        throw new AppError(
          AppErrorCode.SPENDING_CAP,
          `Monthly spending cap reached: this campaign needs ${summary.segments} segments; ${used} of ${cap} are already used or queued`,
          { used, cap, needed: summary.segments },
        );
      }
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

  /**
   * A chunk's rows and their charge to the month's spending counter, in one transaction: false (nothing
   * stored) when the charge would pass the cap. The draft's earlier chunks stay charged until the draft is
   * deleted (a trigger releases them), so concurrent sends never see room this campaign has taken.
   */
  private async insertCharged(
    campaign: CampaignRow,
    notBefore: Date,
    rows: PreparedMessage[],
    month: string,
    segments: number,
    cap: number | null,
  ): Promise<boolean> {
    try {
      await this.database.transaction(async (tx) => {
        await this.campaigns.insertMessages(campaign, notBefore, rows, month, tx);
        // Last, so the counter's row lock is held only until the commit.
        if ((await this.spending.reserve(tx, campaign.subAccountId, month, segments, cap)) === null) throw OVER_CAP;
      });
      return true;
    } catch (e) {
      if (e === OVER_CAP) return false;
      throw e;
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

const OVER_CAP = Symbol('over the spending cap');

const deletedMidImport = () =>
  new AppError(AppErrorCode.INVALID_STATE, 'The draft campaign was deleted while its list was being imported');
