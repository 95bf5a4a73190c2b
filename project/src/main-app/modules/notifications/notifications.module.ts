import { Module } from '@nestjs/common';
import { SharedSmsModule } from 'src/shared/sms/sms.module';
import { NotificationFeedService } from './notification-feed.service';
import { NotificationRecipientsRepository } from './notification-recipients.repository';
import { NotificationSourcesRepository } from './notification-sources.repository';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

/** In-app notifications (/api/notifications): written from domain events, read by their recipients. */
@Module({
  imports: [SharedSmsModule],
  controllers: [NotificationsController],
  providers: [
    NotificationsService,
    NotificationFeedService,
    NotificationsRepository,
    NotificationRecipientsRepository,
    NotificationSourcesRepository,
  ],
})
export class NotificationsModule {}
