import { Injectable } from '@nestjs/common';
import { and, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { SelectedFields } from 'drizzle-orm/pg-core';
import { QueryValues, runCompiled } from 'src/core/database/compiled-queries';
import { DatabaseService, type DbOrTx } from 'src/core/database/database.service';
import { leads, smsConversationReads, smsConversations, smsMessages, users } from 'src/core/database/schema';
import { keysetColumns, keysetPage, type KeysetKey, type KeysetQuery } from 'src/core/database/keyset-page';
import { inTenant } from 'src/core/tenancy/tenant-scope';
import { likePattern } from 'src/core/http/pagination';
import { isOptedOut } from 'src/shared/sms/repositories/sms-opt-outs.repository';
import type { ConversationDto, ConversationQueryDto } from './conversation.dto';

export interface Reader {
  kind: 'user' | 'admin';
  id: number;
}

export type ConversationFilters = KeysetQuery & Pick<ConversationQueryDto, 'unread' | 'ownerId' | 'search'>;

const PREVIEW_LENGTH = 200;
const RECENT_ORDER: KeysetKey = { at: smsConversations.lastMessageAt, id: smsConversations.id };

/** The Inbox: one row per contact, moved by each one-to-one message; read state per reader. */
@Injectable()
export class ConversationsRepository {
  constructor(private readonly database: DatabaseService) {}

  /**
   * Opens the contact's conversation, or moves it to this message when it is the newest. Times are copied in SQL:
   * a JS Date would cut PostgreSQL's microseconds and leave the newest message "after" what was read.
   */
  touch(db: DbOrTx, messageId: number): Promise<void> {
    return this.touchMany(db, [messageId]);
  }

  /** One upsert for many messages; of several to one number, the newest is the conversation's last. */
  async touchMany(db: DbOrTx, messageIds: number[]): Promise<void> {
    if (messageIds.length === 0) return;
    await db.execute(sql`
      insert into sms_conversations as c (sub_account_id, phone_number, lead_id, last_message_id, last_message_at,
                                          last_direction, last_message_preview, last_inbound_at)
      select distinct on (m.sub_account_id, m.phone_number)
             m.sub_account_id, m.phone_number, m.lead_id, m.id, m.created_at, m.direction,
             left(m.message, ${PREVIEW_LENGTH}), case when m.direction = 'inbound' then m.created_at end
        from sms_messages m
       where m.id in (select json_array_elements_text(${JSON.stringify(messageIds)}::json)::bigint)
       order by m.sub_account_id, m.phone_number, m.created_at desc, m.id desc
      on conflict (sub_account_id, phone_number) do update set
        lead_id = coalesce(excluded.lead_id, c.lead_id),
        last_message_id = excluded.last_message_id,
        last_message_at = excluded.last_message_at,
        last_direction = excluded.last_direction,
        last_message_preview = excluded.last_message_preview,
        last_inbound_at = coalesce(excluded.last_inbound_at, c.last_inbound_at),
        updated_at = now()
      where excluded.last_message_at >= c.last_message_at`);
  }

  /**
   * Most recent first by (last_message_at, id): sms_conversations_recent_idx (sub_account_id, last_message_at, id).
   * A conversation that moves to the top while someone pages is not read twice: the cursor is behind it.
   */
  async list(subAccountId: number, reader: Reader, q: ConversationFilters) {
    const v = new QueryValues();
    const where = this.filter(v, subAccountId, q);
    const readJoin = this.readJoin(reader, v);
    const db = this.database.db;
    const list = {
      name: 'conversations',
      key: RECENT_ORDER,
      rows: () => this.selectWithReader(db, readJoin).$dynamic(),
      matching: (fields: SelectedFields) =>
        db
          .select(fields)
          .from(smsConversations)
          .leftJoin(leads, eq(leads.id, smsConversations.leadId))
          .leftJoin(smsConversationReads, readJoin)
          .$dynamic(),
      // A search term and an owner (a join the other way round for a rare owner) steer the plan.
      plan: q.search || q.ownerId ? ('perValues' as const) : ('reusable' as const),
      offsetByKey: !q.search,
    };
    const { items, ...rest } = await keysetPage(db, list, where, v, q);
    return { items: items.map(toDto), ...rest };
  }

  async find(subAccountId: number, reader: Reader, id: number): Promise<ConversationDto | undefined> {
    const [row] = await this.selectWithReader(this.database.db, this.readJoin(reader)).where(
      and(eq(smsConversations.subAccountId, subAccountId), eq(smsConversations.id, id)),
    );
    return row && toDto(row);
  }

  /** The conversation's contact, when it is the SubAccount's (compiled once: a thread reads it on every poll). */
  async phoneOf(subAccountId: number, id: number): Promise<string | undefined> {
    const db = this.database.db;
    const v = new QueryValues();
    const where = inTenant(
      smsConversations.subAccountId,
      v.$('subAccountId', subAccountId),
      eq(smsConversations.id, v.$('id', id)),
    );
    const [row] = await runCompiled(
      db,
      'conversation phone',
      v,
      () => db.select({ phoneNumber: smsConversations.phoneNumber }).from(smsConversations).where(where),
      'reusable',
    );
    return row?.phoneNumber;
  }

  /** The sidebar's unread badge, polled by every open panel (compiled once). */
  async unreadConversations(subAccountId: number, reader: Reader): Promise<number> {
    const db = this.database.db;
    const v = new QueryValues();
    const readJoin = this.readJoin(reader, v);
    const where = inTenant(smsConversations.subAccountId, v.$('subAccountId', subAccountId), unreadCondition());
    const [row] = await runCompiled(
      db,
      'unread conversations',
      v,
      () => db.select({ n: count() }).from(smsConversations).leftJoin(smsConversationReads, readJoin).where(where),
      'reusable',
    );
    return row?.n ?? 0;
  }

  /** Read up to the conversation's newest message, as the database has its time. */
  async markRead(conversationId: number, reader: Reader): Promise<void> {
    await this.database.db.execute(sql`
      insert into sms_conversation_reads as r (conversation_id, reader_kind, reader_id, last_read_at)
      select c.id, ${reader.kind}, ${reader.id}, c.last_message_at from sms_conversations c where c.id = ${conversationId}
      on conflict (conversation_id, reader_kind, reader_id)
      do update set last_read_at = greatest(excluded.last_read_at, r.last_read_at)`);
  }

  private filter(v: QueryValues, subAccountId: number, q: ConversationFilters): SQL {
    const term = q.search ? v.$('search', likePattern(q.search)) : undefined;
    if (q.unread) v.flag('unread');
    return and(
      eq(smsConversations.subAccountId, v.$('subAccountId', subAccountId)),
      q.unread ? unreadCondition() : undefined,
      q.ownerId ? eq(leads.ownerId, v.$('ownerId', q.ownerId)) : undefined,
      term ? or(ilike(smsConversations.phoneNumber, term), ilike(leads.name, term)) : undefined,
    )!;
  }

  /** `v` names the values (placeholders of a compiled list; inline for a query run as built). */
  private readJoin(reader: Reader, v = new QueryValues(true)) {
    return and(
      eq(smsConversationReads.conversationId, smsConversations.id),
      eq(smsConversationReads.readerKind, v.$('readerKind', reader.kind)),
      eq(smsConversationReads.readerId, v.$('readerId', reader.id)),
    );
  }

  private selectWithReader(db: DbOrTx, readJoin: SQL | undefined) {
    return db
      .select({
        conversation: smsConversations,
        leadName: leads.name,
        ownerId: leads.ownerId,
        ownerName: users.name,
        unreadCount: sql<number>`(select count(*)::int from ${smsMessages} m
           where m.sub_account_id = ${smsConversations.subAccountId} and m.phone_number = ${smsConversations.phoneNumber}
             and m.direction = 'inbound'
             and m.created_at > coalesce(${smsConversationReads.lastReadAt}, '-infinity'::timestamptz))`,
        optedOut: isOptedOut(smsConversations.subAccountId, smsConversations.phoneNumber),
        ...keysetColumns(RECENT_ORDER),
      })
      .from(smsConversations)
      .leftJoin(leads, eq(leads.id, smsConversations.leadId))
      .leftJoin(users, eq(users.id, leads.ownerId))
      .leftJoin(smsConversationReads, readJoin);
  }
}

const unreadCondition = () =>
  sql`${smsConversations.lastInboundAt} > coalesce(${smsConversationReads.lastReadAt}, '-infinity'::timestamptz)`;

type Selected = {
  conversation: typeof smsConversations.$inferSelect;
  leadName: string | null;
  ownerId: number | null;
  ownerName: string | null;
  unreadCount: number;
  optedOut: boolean;
};

function toDto(r: Selected): ConversationDto {
  const c = r.conversation;
  return {
    id: c.id,
    phoneNumber: c.phoneNumber,
    leadId: c.leadId,
    leadName: r.leadName,
    ownerId: r.ownerId,
    ownerName: r.ownerName,
    lastMessageAt: c.lastMessageAt,
    lastDirection: c.lastDirection,
    lastMessagePreview: c.lastMessagePreview,
    unreadCount: Number(r.unreadCount),
    optedOut: Boolean(r.optedOut),
  };
}
