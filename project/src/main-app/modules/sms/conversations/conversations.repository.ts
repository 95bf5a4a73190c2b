import { Injectable } from '@nestjs/common';
import { and, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { DatabaseService, type DbOrTx } from 'src/core/database/database.service';
import {
  leads,
  smsConversationReads,
  smsConversations,
  smsMessages,
  smsOptOuts,
  users,
} from 'src/core/database/schema';
import { likePattern, offsetOf } from 'src/core/http/pagination';
import type { ConversationDto, ConversationQueryDto } from './conversation.dto';

export interface Reader {
  kind: 'user' | 'admin';
  id: number;
}

export interface ConversationTouch {
  subAccountId: number;
  phoneNumber: string;
  leadId: number | null;
  messageId: number;
  direction: 'outbound' | 'inbound';
  body: string;
  at: Date;
}

const PREVIEW_LENGTH = 200;

/** The Inbox: one row per contact, moved by each one-to-one message; read state per reader. */
@Injectable()
export class ConversationsRepository {
  constructor(private readonly database: DatabaseService) {}

  /** Opens the contact's conversation, or moves it to this message when it is the newest. */
  async touch(db: DbOrTx, m: ConversationTouch): Promise<void> {
    const inbound = m.direction === 'inbound';
    await db
      .insert(smsConversations)
      .values({
        subAccountId: m.subAccountId,
        phoneNumber: m.phoneNumber,
        leadId: m.leadId,
        lastMessageId: m.messageId,
        lastMessageAt: m.at,
        lastDirection: m.direction,
        lastMessagePreview: m.body.slice(0, PREVIEW_LENGTH),
        lastInboundAt: inbound ? m.at : null,
      })
      .onConflictDoUpdate({
        target: [smsConversations.subAccountId, smsConversations.phoneNumber],
        set: {
          leadId: sql`coalesce(excluded.lead_id, ${smsConversations.leadId})`,
          lastMessageId: sql`excluded.last_message_id`,
          lastMessageAt: sql`excluded.last_message_at`,
          lastDirection: sql`excluded.last_direction`,
          lastMessagePreview: sql`excluded.last_message_preview`,
          lastInboundAt: inbound ? sql`excluded.last_inbound_at` : sql`${smsConversations.lastInboundAt}`,
          updatedAt: sql`now()`,
        },
        setWhere: sql`excluded.last_message_at >= ${smsConversations.lastMessageAt}`,
      });
  }

  async list(subAccountId: number, reader: Reader, q: ConversationQueryDto) {
    const where = this.filter(subAccountId, reader, q);
    const db = this.database.db;
    const [rows, [total]] = await Promise.all([
      this.selectWithReader(db, reader)
        .where(where)
        .orderBy(desc(smsConversations.lastMessageAt), desc(smsConversations.id))
        .limit(q.limit)
        .offset(offsetOf(q)),
      db
        .select({ n: count() })
        .from(smsConversations)
        .leftJoin(leads, eq(leads.id, smsConversations.leadId))
        .leftJoin(smsConversationReads, this.readJoin(reader))
        .where(where),
    ]);
    return { items: rows.map(toDto), total: total?.n ?? 0 };
  }

  async find(subAccountId: number, reader: Reader, id: number): Promise<ConversationDto | undefined> {
    const [row] = await this.selectWithReader(this.database.db, reader).where(
      and(eq(smsConversations.subAccountId, subAccountId), eq(smsConversations.id, id)),
    );
    return row && toDto(row);
  }

  async unreadConversations(subAccountId: number, reader: Reader): Promise<number> {
    const [row] = await this.database.db
      .select({ n: count() })
      .from(smsConversations)
      .leftJoin(smsConversationReads, this.readJoin(reader))
      .where(and(eq(smsConversations.subAccountId, subAccountId), unreadCondition()));
    return row?.n ?? 0;
  }

  async markRead(conversationId: number, reader: Reader, at: Date): Promise<void> {
    await this.database.db
      .insert(smsConversationReads)
      .values({ conversationId, readerKind: reader.kind, readerId: reader.id, lastReadAt: at })
      .onConflictDoUpdate({
        target: [smsConversationReads.conversationId, smsConversationReads.readerKind, smsConversationReads.readerId],
        set: { lastReadAt: sql`greatest(excluded.last_read_at, ${smsConversationReads.lastReadAt})` },
      });
  }

  /** A contact's messages, newest first (served by sms_messages_phone_idx). */
  async thread(subAccountId: number, phoneNumber: string, q: { page: number; limit: number }) {
    const where = and(eq(smsMessages.subAccountId, subAccountId), eq(smsMessages.phoneNumber, phoneNumber));
    const db = this.database.db;
    const [items, [total]] = await Promise.all([
      db
        .select()
        .from(smsMessages)
        .where(where)
        .orderBy(desc(smsMessages.createdAt), desc(smsMessages.id))
        .limit(q.limit)
        .offset(offsetOf(q)),
      db.select({ n: count() }).from(smsMessages).where(where),
    ]);
    return { items, total: total?.n ?? 0 };
  }

  private filter(subAccountId: number, reader: Reader, q: ConversationQueryDto): SQL {
    const term = q.search ? likePattern(q.search) : undefined;
    return and(
      eq(smsConversations.subAccountId, subAccountId),
      q.unread ? unreadCondition() : undefined,
      q.ownerId ? eq(leads.ownerId, q.ownerId) : undefined,
      term ? or(ilike(smsConversations.phoneNumber, term), ilike(leads.name, term)) : undefined,
    )!;
  }

  private readJoin(reader: Reader) {
    return and(
      eq(smsConversationReads.conversationId, smsConversations.id),
      eq(smsConversationReads.readerKind, reader.kind),
      eq(smsConversationReads.readerId, reader.id),
    );
  }

  private selectWithReader(db: DbOrTx, reader: Reader) {
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
        optedOut: sql<boolean>`exists (select 1 from ${smsOptOuts} o
           where o.sub_account_id = ${smsConversations.subAccountId} and o.phone_number = ${smsConversations.phoneNumber})`,
      })
      .from(smsConversations)
      .leftJoin(leads, eq(leads.id, smsConversations.leadId))
      .leftJoin(users, eq(users.id, leads.ownerId))
      .leftJoin(smsConversationReads, this.readJoin(reader));
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
