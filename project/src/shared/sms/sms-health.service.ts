import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from 'src/core/config/app-config';
import { APP_CONFIG } from 'src/core/config/config.module';
import { Clock } from 'src/core/clock/clock';
import { HealthService } from 'src/core/health/health.service';
import { MetricsService } from 'src/core/metrics/metrics.service';
import { SmsDispatcherService } from './dispatch/sms-dispatcher.service';
import { SmsMessagesRepository } from './repositories/sms-messages.repository';
import { SenderService } from './settings/sender.service';

/** Adds the dispatcher and the provider to /api/health, and the queue gauges to /api/metrics. */
@Injectable()
export class SmsHealthService implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly health: HealthService,
    private readonly metrics: MetricsService,
    private readonly dispatcher: SmsDispatcherService,
    private readonly messages: SmsMessagesRepository,
    private readonly senders: SenderService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.health.register({
      name: 'dispatcher',
      check: async () => ({
        status: 'ok',
        role: this.config.sms.role,
        running: this.dispatcher.running,
        lagSeconds: Math.round(await this.messages.oldestDueAgeSeconds(this.clock.now())),
      }),
    });
    this.health.register({
      name: 'provider',
      check: async () => ({
        status: 'ok',
        mode: this.senders.mode,
        environmentCredentials: this.senders.environmentCredentials() !== null,
      }),
    });
    this.metrics.onScrape(async () => {
      const byStatus = await this.messages.countByStatus();
      this.metrics.messagesByStatus.reset();
      for (const [status, n] of Object.entries(byStatus)) this.metrics.messagesByStatus.set({ status }, n);
      this.metrics.dispatcherLag.set(await this.messages.oldestDueAgeSeconds(this.clock.now()));
    });
  }
}
