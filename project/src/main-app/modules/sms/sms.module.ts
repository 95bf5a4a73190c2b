import { Module } from '@nestjs/common';
import { LeadsModule } from 'src/main-app/modules/leads/leads.module';
import { SubAccountsModule } from 'src/main-app/modules/subaccounts/subaccounts.module';
import { SharedSmsModule } from 'src/shared/sms/sms.module';
import { SmsExportService } from './sms-export.service';
import { SmsSettingsController } from './sms-settings.controller';
import { SmsSettingsService } from './sms-settings.service';
import { SmsStatsService } from './sms-stats.service';
import { SmsController } from './sms.controller';
import { SmsModuleService } from './sms.service';

@Module({
  imports: [SharedSmsModule, LeadsModule, SubAccountsModule],
  controllers: [SmsSettingsController, SmsController],
  providers: [SmsModuleService, SmsStatsService, SmsSettingsService, SmsExportService],
})
export class SmsModule {}
