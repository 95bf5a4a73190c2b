import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags, type ApiResponseSchemaHost } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from 'src/core/auth/auth.decorators';
import { RETRY_AFTER_SECONDS } from 'src/core/database/connection-errors';
import { HealthService, type HealthReport } from './health.service';

const HEALTH_REPORT_SCHEMA: ApiResponseSchemaHost['schema'] = {
  type: 'object',
  required: ['status', 'checks'],
  properties: {
    status: { type: 'string', enum: ['ok', 'down'] },
    checks: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['status'],
        properties: { status: { type: 'string', enum: ['ok', 'down'] } },
        additionalProperties: true,
      },
    },
  },
};

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Public()
  @Get()
  @ApiOkResponse({ description: 'Every check is ok', schema: HEALTH_REPORT_SCHEMA })
  @ApiServiceUnavailableResponse({
    description: 'A check is down (Retry-After when the database is)',
    schema: HEALTH_REPORT_SCHEMA,
  })
  async check(@Res({ passthrough: true }) res: FastifyReply): Promise<HealthReport> {
    const report = await this.health.report();
    res.status(report.status === 'ok' ? 200 : 503);
    if (this.health.databaseUnreachable(report)) res.header('Retry-After', String(RETRY_AFTER_SECONDS));
    return report;
  }
}
