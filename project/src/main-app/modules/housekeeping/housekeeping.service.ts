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
import { PeriodicTask } from 'src/core/scheduling/periodic-task';
import { loginAttempts, notifications } from 'src/core/database/schema';
import { SmsEventsRepository } from 'src/shared/sms/repositories/sms-events.repository';
import { SmsMessageArchiveRepository } from 'src/shared/sms/repositories/sms-message-archive.repository';

const HOUR_MS = 60 * 60_000;
/**
 * A status callback buffered for a sid we had not stored yet is applied when the send commits, seconds
 * later. One still waiting after a day is for a message that is not ours.
 */
const EARLY_CALLBACK_TTL_MS = 24 * HOUR_MS;
/** Messages archived per statement: short transactions, so sends and callbacks never wait long on them. */
const ARCHIVE_BATCH = 5000;

/** Deletes what nobody needs any more, once an hour, in every worker process. */
@Injectable()
export class HousekeepingService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Housekeeping');
  private loop: PeriodicTask | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly database: DatabaseService,
    private readonly events: SmsEventsRepository,
    private readonly archive: SmsMessageArchiveRepository,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.sms.role === 'api') return;
    this.loop = new PeriodicTask({
      name: 'Housekeeping',
      intervalMs: HOUR_MS,
      initialDelayMs: HOUR_MS,
      run: () => this.run(),
      logger: this.logger,
      unref: true,
    });
    this.loop.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.loop?.stop();
  }

  /**
   * Early callbacks and sign-in failure counts older than a day, notifications older than NOTIFICATIONS_RETENTION_DAYS, and (when
   * SMS_RETENTION_MONTHS is set) finished messages older than that many months, moved to sms_messages_archive.
   */
  async run(): Promise<{ notifications: number; archivedMessages: number }> {
    const now = this.clock.now().getTime();
    await this.events.purgeEarlyCallbacksBefore(this.database.db, new Date(now - EARLY_CALLBACK_TTL_MS));
    // A count untouched for a day is forgotten at the next failure anyway (FAILURE_MEMORY_MS); locks last 15 min at most.
    await this.database.db.delete(loginAttempts).where(lt(loginAttempts.updatedAt, new Date(now - 24 * HOUR_MS)));
    const before = new Date(now - this.config.notificationsRetentionDays * 24 * HOUR_MS);
    const deleted = await this.database.db
      .delete(notifications)
      .where(lt(notifications.createdAt, before))
      .returning({ id: notifications.id });
    return { notifications: deleted.length, archivedMessages: await this.archiveOldMessages() };
  }

  private async archiveOldMessages(): Promise<number> {
    const months = this.config.smsRetentionMonths;
    if (months <= 0) return 0;
    const before = new Date(this.clock.now().getTime());
    before.setUTCMonth(before.getUTCMonth() - months);
    let moved = 0;
    for (const subAccountId of await this.archive.subAccountIds()) {
      for (;;) {
        const n = await this.archive.archiveBefore(subAccountId, before, ARCHIVE_BATCH);
        moved += n;
        if (n < ARCHIVE_BATCH) break;
      }
    }
    return moved;
  }
}
