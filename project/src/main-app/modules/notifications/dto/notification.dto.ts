import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { notifications, NotificationType } from 'src/core/database/schema';
import { CursorPageQueryDto } from 'src/core/http/pagination';
import { NOTIFICATION_TYPES, type Recipient } from '../notification-types';

export class NotificationQueryDto extends CursorPageQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: unread only' })
  @IsOptional()
  @IsIn(['true', 'false'])
  unread?: 'true' | 'false';
}

export class NotificationDto {
  @ApiProperty() id!: number;
  @ApiProperty() subAccountId!: number;
  @ApiProperty({ description: 'The SubAccount it is about (admins see every SubAccount they manage)' })
  subAccountName!: string;
  @ApiProperty({ enum: NOTIFICATION_TYPES }) type!: NotificationType;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Admin panel path to open, e.g. /admin/sms/campaigns/12' })
  link!: string | null;
  @ApiProperty({ type: Date, nullable: true }) readAt!: Date | null;
  @ApiProperty() createdAt!: Date;
}

export class UnreadCountDto {
  @ApiProperty() count!: number;
}

export class ReadAllResultDto {
  @ApiProperty({ description: 'How many were unread' }) updated!: number;
}

export class NotificationPreferencesDto {
  @ApiProperty({ enum: NOTIFICATION_TYPES, isArray: true, description: 'Types you do not want' })
  disabledTypes!: NotificationType[];
  @ApiProperty({ description: 'Dead-lettered messages in an hour that raise a notification' })
  deadLetterThreshold!: number;
}

export class UpdateNotificationPreferencesDto {
  @ApiPropertyOptional({ enum: NOTIFICATION_TYPES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(NOTIFICATION_TYPES.length)
  @IsIn(NOTIFICATION_TYPES, { each: true })
  disabledTypes?: NotificationType[];

  @ApiPropertyOptional({ minimum: 1, maximum: 100000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  deadLetterThreshold?: number;
}

export const mapNotification = (r: {
  notification: typeof notifications.$inferSelect;
  subAccountName: string;
}): NotificationDto => ({
  id: r.notification.id,
  subAccountId: r.notification.subAccountId,
  subAccountName: r.subAccountName,
  type: r.notification.type,
  title: r.notification.title,
  body: r.notification.body,
  link: r.notification.link,
  readAt: r.notification.readAt,
  createdAt: r.notification.createdAt,
});

export const mapPreferences = (r: Recipient): NotificationPreferencesDto => ({
  disabledTypes: [...new Set(r.disabledTypes)],
  deadLetterThreshold: r.deadLetterThreshold,
});
