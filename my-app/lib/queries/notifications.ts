'use client';

import { useEffect } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { refreshSession } from '@/lib/api/session';
import { dataOf, streamUrl, typedApi } from '@/lib/api/typed-client';
import { cleanParams, type CursorParams } from '@/lib/queries/keys';
import type { NotificationListParams, UnreadCount, UpdateNotificationPreferencesDto } from '@/types/notifications';

export const notificationsApi = {
  list: (query?: NotificationListParams) => dataOf(typedApi.GET('/api/notifications', { params: { query } })),
  unreadCount: () => dataOf(typedApi.GET('/api/notifications/unread-count')),
  markRead: (id: number) => dataOf(typedApi.POST('/api/notifications/{id}/read', { params: { path: { id } } })),
  markAllRead: () => dataOf(typedApi.POST('/api/notifications/read-all')),
  getPreferences: () => dataOf(typedApi.GET('/api/notifications/preferences')),
  savePreferences: (body: UpdateNotificationPreferencesDto) =>
    dataOf(typedApi.PUT('/api/notifications/preferences', { body })),
  /** A one-time ticket rides in the query (EventSource sends no headers); ask right before opening. */
  streamUrl: () => streamUrl('/api/notifications/stream'),
};

export const notificationKeys = {
  all: ['notifications'] as const,
  lists: () => [...notificationKeys.all, 'list'] as const,
  list: (params?: NotificationListParams) => [...notificationKeys.lists(), cleanParams(params)] as const,
  unreadCount: () => [...notificationKeys.all, 'unread-count'] as const,
  preferences: () => [...notificationKeys.all, 'preferences'] as const,
};

/** Polls slowly as a fallback; `useUnreadCountStream` keeps it live. */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unreadCount(),
    queryFn: notificationsApi.unreadCount,
    refetchInterval: 60_000,
  });
}

export function useNotifications(params: NotificationListParams & CursorParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: notificationKeys.list(params),
    queryFn: () => notificationsApi.list(cleanParams(params) as NotificationListParams),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useNotificationPreferences() {
  return useQuery({ queryKey: notificationKeys.preferences(), queryFn: notificationsApi.getPreferences });
}

export function useMarkNotificationRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: notificationsApi.markRead,
    onSuccess: () => void qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllNotificationsRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: notificationsApi.markAllRead,
    onSuccess: () => void qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useSaveNotificationPreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: notificationsApi.savePreferences,
    onSuccess: (saved) => qc.setQueryData(notificationKeys.preferences(), saved),
  });
}

const MAX_REOPENS = 5;

/**
 * Follows `GET /api/notifications/stream` (`event: unread`, `data: {"count":n}`): a new count lands in the
 * unread-count cache and refreshes the lists. A refused stream (expired token) renews the session and
 * reopens a few times; the slow poll of `useUnreadCount` covers the rest.
 */
export function useUnreadCountStream(enabled = true): void {
  const qc = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let stopped = false;
    let reopens = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reopen = () => {
      if (reopens >= MAX_REOPENS) return;
      reopens += 1;
      timer = setTimeout(() => void refreshSession().finally(open), 1000 * 2 ** (reopens - 1));
    };
    const open = () => {
      if (stopped) return;
      notificationsApi.streamUrl().then(attach, reopen);
    };
    const attach = (url: string) => {
      if (stopped) return;
      source = new EventSource(url);
      source.onopen = () => {
        reopens = 0;
      };
      source.addEventListener('unread', (event: MessageEvent<string>) => {
        let data: UnreadCount;
        try {
          data = JSON.parse(event.data) as UnreadCount;
        } catch {
          return;
        }
        const before = qc.getQueryData<UnreadCount>(notificationKeys.unreadCount());
        qc.setQueryData(notificationKeys.unreadCount(), data);
        if (before && before.count !== data.count) void qc.invalidateQueries({ queryKey: notificationKeys.lists() });
      });
      source.onerror = () => {
        if (stopped || !source || source.readyState !== EventSource.CLOSED) return;
        source.close();
        reopen();
      };
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(timer);
      source?.close();
    };
  }, [enabled, qc]);
}
