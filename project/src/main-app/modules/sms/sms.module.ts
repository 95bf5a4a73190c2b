import { Module } from '@nestjs/common';
import { LeadsModule } from 'src/main-app/modules/leads/leads.module';
import { StrategiesModule } from 'src/main-app/modules/strategies/strategies.module';
import { SubAccountsModule } from 'src/main-app/modules/subaccounts/subaccounts.module';
import { SharedSmsModule } from 'src/shared/sms/sms.module';
import { AuditController, AuditService } from './audit/audit.controller';
import { ConversationsController } from './conversations/conversations.controller';
import { ConversationsRepository } from './conversations/conversations.repository';
import { ConversationsService } from './conversations/conversations.service';
import { LeadSmsController } from './lead-sms/lead-sms.controller';
import { LeadSmsService } from './lead-sms/lead-sms.service';
import { OptOutsController } from './opt-outs/opt-outs.controller';
import { OptOutsListRepository } from './opt-outs/opt-outs.repository';
import { OptOutsService } from './opt-outs/opt-outs.service';
import { ReportsModule } from './reports/reports.module';
import { BulkSmsService } from './campaigns/bulk-sms.service';
import { CampaignEventsService } from './campaigns/campaign-events.service';
import { CampaignImportService } from './campaigns/campaign-import.service';
import { CampaignsController } from './campaigns/campaigns.controller';
import { CampaignsRepository } from './campaigns/campaigns.repository';
import { CampaignsService } from './campaigns/campaigns.service';
import { CreateCampaignService } from './campaigns/create-campaign.service';
import { SenderClaimService } from './sender-claim.service';
import { SmsExportService } from './sms-export.service';
import { SmsSettingsController } from './sms-settings.controller';
import { SmsSettingsService } from './sms-settings.service';
import { SmsStatsService } from './sms-stats.service';
import { SmsController } from './sms.controller';
import { SmsModuleService } from './sms.service';
import { TemplatesController } from './templates/templates.controller';
import { TemplatesRepository } from './templates/templates.repository';
import { TemplatesService } from './templates/templates.service';
import { UnassignedController } from './unassigned/unassigned.controller';
import { UnassignedService } from './unassigned/unassigned.service';

/** The user-facing SMS API under /api/sms: send, history, stats, settings, campaigns, bulk, templates. */
import { MessageWaitsController } from './message-waits/message-waits.controller';
import { MessageWaitsRepository } from './message-waits/message-waits.repository';
import { MessageWaitsService } from './message-waits/message-waits.service';

@Module({
  imports: [SharedSmsModule, LeadsModule, SubAccountsModule, StrategiesModule, ReportsModule],
  controllers: [
    SmsSettingsController,
    SmsController,
    CampaignsController,
    TemplatesController,
    OptOutsController,
    AuditController,
    ConversationsController,
    LeadSmsController,
    UnassignedController,
    MessageWaitsController,
  ],
  providers: [
    SmsModuleService,
    MessageWaitsService,
    MessageWaitsRepository,
    SmsStatsService,
    SmsSettingsService,
    SmsExportService,
    CampaignsRepository,
    CampaignsService,
    CampaignImportService,
    CreateCampaignService,
    BulkSmsService,
    CampaignEventsService,
    TemplatesRepository,
    TemplatesService,
    OptOutsListRepository,
    OptOutsService,
    AuditService,
    ConversationsRepository,
    ConversationsService,
    LeadSmsService,
    SenderClaimService,
    UnassignedService,
  ],
  exports: [TemplatesRepository],
})
export class SmsModule {}
