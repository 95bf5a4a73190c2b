import { timingSafeEqual } from 'node:crypto';
import { Controller, Get, Header, Headers, Inject, NotFoundException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from 'src/core/auth/auth.decorators';
import type { AppConfig } from 'src/core/config/app-config';
import { APP_CONFIG } from 'src/core/config/config.module';
import { AppError, AppErrorCode } from 'src/core/errors/app-error';
import { MetricsService } from './metrics.service';

/** Prometheus scrape: only with `Authorization: Bearer $METRICS_TOKEN`; without a token set, not served. */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4')
  render(@Headers('authorization') authorization?: string): Promise<string> {
    const expected = this.config.metricsToken;
    if (!expected) throw new NotFoundException('Metrics are off: set METRICS_TOKEN to serve them');
    if (!sameSecret(authorization ?? '', `Bearer ${expected}`)) {
      throw new AppError(AppErrorCode.UNAUTHENTICATED, 'Metrics need Authorization: Bearer <METRICS_TOKEN>');
    }
    return this.metrics.render();
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
