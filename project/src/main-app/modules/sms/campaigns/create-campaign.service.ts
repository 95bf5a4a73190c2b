import { Injectable } from '@nestjs/common';
import type { AuthContext } from 'src/core/auth/auth-context';
import { tenantOf } from 'src/core/auth/auth.decorators';
import { AppError } from 'src/core/errors/app-error';
import type { RequestMeta } from 'src/core/http/request-meta.decorator';
import type { RecipientRecord } from 'src/shared/sms/campaigns/recipient-record';
import { toSnakeCase } from 'src/shared/sms/template';
import { TemplatesRepository } from '../templates/templates.repository';
import { CampaignImportService } from './campaign-import.service';
import { CampaignsRepository } from './campaigns.repository';
import { leadVariables } from 'src/main-app/modules/leads/lead-variables';
import { LeadsRepository } from 'src/main-app/modules/leads/leads.repository';
import type { CreateCampaignDto, CreateCampaignFromLeadsDto, RecipientDto } from './dto/campaign.dto';
import type { ImportReportDto, LeadsImportReportDto } from 'src/main-app/modules/sms/dto/import-report.dto';

type LeadRow = Awaited<ReturnType<CampaignsRepository['leadsByIds']>>[number];

/** POST /sms/campaigns: recipients given as numbers, { phoneNumber, variables } or lead ids. */
@Injectable()
export class CreateCampaignService {
  constructor(
    private readonly importer: CampaignImportService,
    private readonly campaigns: CampaignsRepository,
    private readonly templates: TemplatesRepository,
    private readonly leads: LeadsRepository,
  ) {}

  async create(auth: AuthContext, dto: CreateCampaignDto, meta: RequestMeta): Promise<ImportReportDto> {
    const subAccountId = tenantOf(auth);
    if (!dto.recipients?.length && !dto.leadIds?.length) {
      throw AppError.validation('recipients', 'give at least one recipient or lead');
    }
    const template = await this.templateOf(subAccountId, dto);
    const leads = await this.campaigns.leadsByIds(subAccountId, dto.leadIds ?? []);
    if (leads.length !== (dto.leadIds?.length ?? 0)) {
      const found = new Set(leads.map((l) => l.id));
      const missing = (dto.leadIds ?? []).filter((id) => !found.has(id));
      throw AppError.validation('leadIds', `no such leads in this SubAccount: ${missing.join(', ')}`);
    }
    return this.importer.run(
      auth,
      subAccountId,
      {
        name: dto.name,
        template,
        templateId: dto.templateId,
        scheduledAt: dto.scheduledAt ? new Date(dto.scheduledAt) : undefined,
        dryRun: Boolean(dto.dryRun),
        source: dto.leadIds?.length ? 'leads' : 'list',
        records: recordsOf(dto.recipients ?? [], leads),
      },
      meta,
    );
  }

  /**
   * POST /sms/campaigns/from-leads: every lead the leads list's filter matches. Leads without a phone are
   * skipped and counted (noPhone); invalid, duplicate and opted-out numbers are counted as in any campaign.
   */
  async createFromLeads(
    auth: AuthContext,
    dto: CreateCampaignFromLeadsDto,
    meta: RequestMeta,
  ): Promise<LeadsImportReportDto> {
    const subAccountId = tenantOf(auth);
    const template = await this.templateOf(subAccountId, dto);
    const matched = await this.leads.matching(subAccountId, dto.filter);
    const withPhone = matched.filter((l) => l.phone);
    const noPhone = matched.length - withPhone.length;
    if (withPhone.length === 0 && !dto.dryRun) {
      throw AppError.validation(
        'filter',
        matched.length
          ? `none of the ${matched.length} matching leads has a phone number`
          : 'no lead matches the filter',
      );
    }
    const report = await this.importer.run(
      auth,
      subAccountId,
      {
        name: dto.name,
        template,
        templateId: dto.templateId,
        scheduledAt: dto.scheduledAt ? new Date(dto.scheduledAt) : undefined,
        dryRun: Boolean(dto.dryRun),
        source: 'leads',
        records: recordsOf([], withPhone),
      },
      meta,
    );
    return { ...report, counts: { ...report.counts, leads: matched.length, noPhone } };
  }

  private async templateOf(subAccountId: number, dto: { message?: string; templateId?: number }): Promise<string> {
    if (dto.templateId === undefined) return dto.message!;
    const saved = await this.templates.find(subAccountId, dto.templateId);
    if (!saved) throw AppError.validation('templateId', 'no such template in this SubAccount');
    return dto.message ?? saved.body;
  }
}

async function* recordsOf(recipients: (string | RecipientDto)[], leads: LeadRow[]): AsyncGenerator<RecipientRecord> {
  let row = 0;
  for (const r of recipients) {
    row += 1;
    if (typeof r === 'string') {
      yield { row, phone: r, variables: {} };
    } else {
      const variables: Record<string, string> = {};
      for (const [k, v] of Object.entries(r?.variables ?? {})) {
        variables[k] = String(v ?? '');
        variables[toSnakeCase(k)] = String(v ?? '');
      }
      yield { row, phone: typeof r?.phoneNumber === 'string' ? r.phoneNumber : '', variables };
    }
  }
  for (const lead of leads) {
    row += 1;
    yield { row, phone: lead.phone ?? '', variables: leadVariables(lead), leadId: lead.id };
  }
}
