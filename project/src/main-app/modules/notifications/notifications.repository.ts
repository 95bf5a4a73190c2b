import { Injectable } from '@nestjs/common';
import { and, count, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { SelectedFields } from 'drizzle-orm/pg-core';
import { QueryValues } from 'src/core/database/compiled-queries';
import { DatabaseService, type DbOrTx } from 'src/core/database/database.service';
import { notifications, subAccounts } from 'src/core/database/schema';
import { keysetColumns, keysetPage, type KeysetKey, type KeysetQuery } from 'src/core/database/keyset-page';
import { likePattern } from 'src/core/http/pagination';
import type { NotificationDraft, Recipient } from './notification-types';

/** Whose notifications a reader sees: their own, in the SubAccounts they may act in. */
export interface ReaderScope {
  kind: 'user' | 'admin';
  id: number;
  /** A user's SubAccount; null for an admin (every SubAccount they manage). */
  subAccountId: number | null;
  /** An admin who is not a super admin sees the SubAccounts they created. */
  managedBy: number | null;
}

export interface FeedQuery extends KeysetQuery {
  unread?: boolean;
  search?: string;
}

const FEED_ORDER: KeysetKey = { at: notifications.createdAt, id: notifications.id };

/** Every query of the notifications table. Reads are served by notifications_recipient_idx. */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly database: DatabaseService) {}

  /** One row per recipient; a recipient who already has the dedupe key is skipped. Returns how many were new. */
  async insertFor(db: DbOrTx, recipients: Recipient[], draft: NotificationDraft): Promise<number> {
    if (!recipients.length) return 0;
    // One order for every writer: two transactions racing on the same dedupe keys wait, never deadlock.
    const ordered = [...recipients].sort((x, y) => x.kind.localeCompare(y.kind) || x.id - y.id);
    const rows = await db
      .insert(notifications)
      .values(ordered.map((r) => ({ ...draft, recipientKind: r.kind, recipientId: r.id })))
      .onConflictDoNothing()
      .returning({ id: notifications.id });
    return rows.length;
  }

  /** The recipients among these who do not have this dedupe key yet (notifications_dedupe_idx). */
  async withoutKey(db: DbOrTx, recipients: Recipient[], dedupeKey: string): Promise<Recipient[]> {
    if (!recipients.length) return [];
    const had = await db
      .select({ kind: notifications.recipientKind, id: notifications.recipientId })
      .from(notifications)
      .where(
        or(
          ...recipients.map((r) =>
            and(
              eq(notifications.recipientKind, r.kind),
              eq(notifications.recipientId, r.id),
              eq(notifications.dedupeKey, dedupeKey),
            ),
          ),
        ),
      );
    const taken = new Set(had.map((h) => `${h.kind}:${h.id}`));
    return recipients.filter((r) => !taken.has(`${r.kind}:${r.id}`));
  }

  /** Newest first by (created_at, id): notifications_recipient_idx (recipient_kind, recipient_id, created_at, id). */
  async list(scope: ReaderScope, q: FeedQuery) {
    const v = new QueryValues();
    const where = this.whereReader(scope, q, v);
    const db = this.database.db;
    const list = {
      name: 'notifications',
      key: FEED_ORDER,
      rows: () =>
        db
          .select({ notification: notifications, subAccountName: subAccounts.name, ...keysetColumns(FEED_ORDER) })
          .from(notifications)
          .innerJoin(subAccounts, eq(subAccounts.id, notifications.subAccountId))
          .$dynamic(),
      matching: (fields: SelectedFields) =>
        db
          .select(fields)
          .from(notifications)
          .innerJoin(subAccounts, eq(subAccounts.id, notifications.subAccountId))
          .$dynamic(),
      plan: q.search ? ('perValues' as const) : ('reusable' as const),
      offsetByKey: !q.search,
    };
    return keysetPage(db, list, where, v, q);
  }

  async countUnread(scope: ReaderScope): Promise<number> {
    const [row] = await this.database.db
      .select({ n: count() })
      .from(notifications)
      .innerJoin(subAccounts, eq(subAccounts.id, notifications.subAccountId))
      .where(this.whereReader(scope, { unread: true }));
    return row?.n ?? 0;
  }

  /** Marks one read (keeping the first read time); undefined when it is not the reader's. */
  async markRead(scope: ReaderScope, id: number) {
    const [row] = await this.database.db
      .update(notifications)
      .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
      .where(and(eq(notifications.id, id), this.whereRecipient(scope)))
      .returning({ id: notifications.id });
    if (!row) return undefined;
    const [found] = await this.database.db
      .select({ notification: notifications, subAccountName: subAccounts.name })
      .from(notifications)
      .innerJoin(subAccounts, eq(subAccounts.id, notifications.subAccountId))
      .where(eq(notifications.id, row.id));
    return found;
  }

  async markAllRead(scope: ReaderScope): Promise<number> {
    const rows = await this.database.db
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(and(this.whereRecipient(scope), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    return rows.length;
  }

  /** `v` names the values (placeholders of a compiled list; inline for a query run as built). */
  private whereReader(scope: ReaderScope, q: Pick<FeedQuery, 'unread' | 'search'>, v = new QueryValues(true)): SQL {
    const term = q.search ? v.$('search', likePattern(q.search)) : undefined;
    if (q.unread) v.flag('unread');
    return and(
      this.whereRecipient(scope, v),
      q.unread ? isNull(notifications.readAt) : undefined,
      term ? or(ilike(notifications.title, term), ilike(notifications.body, term)) : undefined,
    )!;
  }

  /** The reader's own rows, in a SubAccount they may still act in. */
  private whereRecipient(scope: ReaderScope, v = new QueryValues(true)): SQL {
    const managed =
      scope.managedBy === null
        ? undefined
        : inArray(
            notifications.subAccountId,
            this.database.db
              .select({ id: subAccounts.id })
              .from(subAccounts)
              .where(eq(subAccounts.createdByAdminId, v.$('managedBy', scope.managedBy))),
          );
    return and(
      eq(notifications.recipientKind, v.$('recipientKind', scope.kind)),
      eq(notifications.recipientId, v.$('recipientId', scope.id)),
      scope.subAccountId === null ? undefined : eq(notifications.subAccountId, v.$('subAccountId', scope.subAccountId)),
      managed,
    )!;
  }
}
