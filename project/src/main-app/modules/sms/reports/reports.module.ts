import { Module } from '@nestjs/common';
import { ReportScopeService } from './report-scope.service';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

/** /api/sms/reports: usage and failure reports read from the roll-ups. */
@Module({
  controllers: [ReportsController],
  providers: [ReportsService, ReportScopeService, ReportsRepository],
})
export class ReportsModule {}
