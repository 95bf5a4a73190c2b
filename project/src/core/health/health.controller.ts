import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from 'src/core/auth/auth.decorators';
import { RETRY_AFTER_SECONDS } from 'src/core/database/connection-errors';
import { HealthService, type HealthReport } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Public()
  @Get()
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const report = await this.health.report();
    res.status(report.status === 'ok' ? 200 : 503);
    if (this.health.databaseUnreachable(report)) res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    return report;
  }
}
