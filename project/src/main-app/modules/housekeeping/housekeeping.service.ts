import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { lt } from 'drizzle-orm';
import { Clock } from 'src/core/clock/clock';
import type { AppConfig } from 'src/core/config/app-config';
import { APP_CONFIG } from 'src/core/config/config.module';
import { DatabaseService } from 'src/core/database/database.service';
import { loginAttempts, notifications } from 'src/core/database/schema';
import { SmsEventsRepository } from 'src/shared/sms/repositories/sms-events.repository';

const HOUR_MS = 60 * 60_000;
/**
 * A status callback buffered for a sid we had not stored yet is applied when the send commits, seconds
 * later. One still waiting after a day is for a message that is not ours.
 */
const EARLY_CALLBACK_TTL_MS = 24 * HOUR_MS;

/** Deletes what nobody needs any more, once an hour, in every worker process. */
@Injectable()
export class HousekeepingService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Housekeeping');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly database: DatabaseService,
    private readonly events: SmsEventsRepository,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.sms.role === 'api') return;
    const run = () => void this.run().catch((e: unknown) => this.logger.error(`Housekeeping failed: ${String(e)}`));
    this.timer = setInterval(run, HOUR_MS);
    this.timer.unref();
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Early callbacks and sign-in failure counts older than a day, notifications past their retention. */
  async run(): Promise<{ notifications: number }> {
    const now = this.clock.now().getTime();
    await this.events.purgeEarlyCallbacksBefore(this.database.db, new Date(now - EARLY_CALLBACK_TTL_MS));
    // A count untouched for a day is forgotten at the next failure anyway (FAILURE_MEMORY_MS); locks last 15 min at most.
    await this.database.db.delete(loginAttempts).where(lt(loginAttempts.updatedAt, new Date(now - 24 * HOUR_MS)));
    const before = new Date(now - this.config.notificationsRetentionDays * 24 * HOUR_MS);
    const deleted = await this.database.db
      .delete(notifications)
      .where(lt(notifications.createdAt, before))
      .returning({ id: notifications.id });
    return { notifications: deleted.length };
  }
}
