import { Injectable, type MessageEvent } from '@nestjs/common';
import { distinctUntilChanged, from, map, type Observable, switchMap, timer } from 'rxjs';
import type { AuthContext } from 'src/core/auth/auth-context';
import { AppError } from 'src/core/errors/app-error';
import { keysetQueryOf } from 'src/core/database/keyset-page';
import { pageOf, type Page } from 'src/core/http/pagination';
import {
  mapNotification,
  mapPreferences,
  type NotificationDto,
  type NotificationPreferencesDto,
  type NotificationQueryDto,
  type ReadAllResultDto,
  type UnreadCountDto,
  type UpdateNotificationPreferencesDto,
} from './dto/notification.dto';
import { NotificationRecipientsRepository } from './notification-recipients.repository';
import { NotificationsRepository, type ReaderScope } from './notifications.repository';

const STREAM_POLL_MS = 5_000;

/**
 * The reader's side: their notifications, unread count (also live), read marks and preferences. A user
 * reads their SubAccount's; an admin reads theirs across every SubAccount they manage, whichever is chosen.
 */
@Injectable()
export class NotificationFeedService {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly recipients: NotificationRecipientsRepository,
  ) {}

  async list(auth: AuthContext, q: NotificationQueryDto): Promise<Page<NotificationDto>> {
    const { items, ...rest } = await this.notifications.list(scopeOf(auth), {
      ...keysetQueryOf(q),
      search: q.search,
      unread: q.unread === 'true',
    });
    return pageOf(items.map(mapNotification), rest, q);
  }

  async unreadCount(auth: AuthContext): Promise<UnreadCountDto> {
    return { count: await this.notifications.countUnread(scopeOf(auth)) };
  }

  /** The unread count now and whenever it changes (polled: the writer may be another process). */
  stream(auth: AuthContext): Observable<MessageEvent> {
    const scope = scopeOf(auth);
    return timer(0, STREAM_POLL_MS).pipe(
      switchMap(() => from(this.notifications.countUnread(scope))),
      distinctUntilChanged(),
      map((count) => ({ type: 'unread', data: { count } })),
    );
  }

  async markRead(auth: AuthContext, id: number): Promise<NotificationDto> {
    const row = await this.notifications.markRead(scopeOf(auth), id);
    if (!row) throw AppError.notFound('Notification');
    return mapNotification(row);
  }

  async markAllRead(auth: AuthContext): Promise<ReadAllResultDto> {
    return { updated: await this.notifications.markAllRead(scopeOf(auth)) };
  }

  async preferences(auth: AuthContext): Promise<NotificationPreferencesDto> {
    return mapPreferences(await this.recipients.preferences(auth.kind, auth.id));
  }

  async savePreferences(auth: AuthContext, dto: UpdateNotificationPreferencesDto): Promise<NotificationPreferencesDto> {
    const values = {
      ...(dto.disabledTypes ? { disabledTypes: [...new Set(dto.disabledTypes)] } : {}),
      ...(dto.deadLetterThreshold !== undefined ? { deadLetterThreshold: dto.deadLetterThreshold } : {}),
    };
    return mapPreferences(await this.recipients.savePreferences(auth.kind, auth.id, values));
  }
}

function scopeOf(auth: AuthContext): ReaderScope {
  if (auth.kind === 'user') {
    if (auth.subAccountId === null) throw AppError.notFound('SubAccount');
    return { kind: 'user', id: auth.id, subAccountId: auth.subAccountId, managedBy: null };
  }
  return { kind: 'admin', id: auth.id, subAccountId: null, managedBy: auth.role === 'super_admin' ? null : auth.id };
}
