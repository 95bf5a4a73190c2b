import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthContext } from 'src/core/auth/auth-context';
import { CurrentAuth } from 'src/core/auth/auth.decorators';
import { FailureReportDto } from './dto/failure-report.dto';
import { ReportQueryDto } from './dto/report-query.dto';
import { UsageReportDto } from './dto/usage-report.dto';
import { ReportsService } from './reports.service';
import { writeUsageCsv } from './usage-csv';
import { RequireRole } from 'src/core/auth/roles';
import { ApiCsvResponse } from 'src/core/http/api-stream-responses';

@ApiTags('sms')
@ApiBearerAuth()
@RequireRole('user')
@Controller('sms/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('usage')
  @ApiOkResponse({ type: UsageReportDto })
  usage(@CurrentAuth() auth: AuthContext, @Query() q: ReportQueryDto): Promise<UsageReportDto> {
    return this.reports.usage(auth, q);
  }

  @Get('usage.csv')
  @ApiCsvResponse('The usage report, one row per SubAccount and month')
  async usageCsv(
    @CurrentAuth() auth: AuthContext,
    @Query() q: ReportQueryDto,
    @Res() res: FastifyReply,
  ): Promise<void> {
    writeUsageCsv(res, await this.reports.usage(auth, q));
  }

  @Get('failures')
  @ApiOkResponse({ type: FailureReportDto })
  failures(@CurrentAuth() auth: AuthContext, @Query() q: ReportQueryDto): Promise<FailureReportDto> {
    return this.reports.failures(auth, q);
  }
}
