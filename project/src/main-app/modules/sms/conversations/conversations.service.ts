import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { AuthContext } from 'src/core/auth/auth-context';
import { tenantOf } from 'src/core/auth/auth.decorators';
import { DomainEvents } from 'src/core/events/domain-events';
import { AppError } from 'src/core/errors/app-error';
import { keysetQueryOf } from 'src/core/database/keyset-page';
import { pageOf, type CursorPageQueryDto, type Page } from 'src/core/http/pagination';
import { SmsMessageHistoryRepository } from 'src/shared/sms/repositories/sms-message-history.repository';
import { toMessagePage, type SmsMessageDto } from '../dto/sms-message.dto';
import type { ConversationDto, ConversationQueryDto } from './conversation.dto';
import { ConversationsRepository, type Reader } from './conversations.repository';

const readerOf = (auth: AuthContext): Reader => ({ kind: auth.kind, id: auth.id });

/**
 * The Inbox. A reply opens (or moves) its contact's conversation, and so does a one-to-one send (single
 * send, lead page, Inbox reply, sequence or trigger); bulk campaign messages do not, so a 10,000-number
 * campaign does not bury the replies. Every message to the number shows in the thread either way.
 */
@Injectable()
export class ConversationsService implements OnModuleInit {
  constructor(
    private readonly conversations: ConversationsRepository,
    private readonly history: SmsMessageHistoryRepository,
    private readonly domainEvents: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.domainEvents.on('sms.inbound_received', (e, db) => this.conversations.touch(db, e.messageId));
    // A campaign's rows are not conversations until someone replies.
    this.domainEvents.onBatch(
      'sms.accepted',
      (events, db) =>
        this.conversations.touchMany(
          db,
          events.map((e) => e.messageId),
        ),
      (e) => e.campaignId === null,
    );
  }

  async list(auth: AuthContext, q: ConversationQueryDto): Promise<Page<ConversationDto>> {
    const { items, ...rest } = await this.conversations.list(tenantOf(auth), readerOf(auth), {
      ...keysetQueryOf(q),
      unread: q.unread,
      ownerId: q.ownerId,
      search: q.search,
    });
    return pageOf(items, rest, q);
  }

  async get(auth: AuthContext, id: number): Promise<ConversationDto> {
    const found = await this.conversations.find(tenantOf(auth), readerOf(auth), id);
    if (!found) throw AppError.notFound('Conversation');
    return found;
  }

  async messagesOf(auth: AuthContext, id: number, q: CursorPageQueryDto): Promise<Page<SmsMessageDto>> {
    // Only the contact's number: the conversation's unread count and opt-out are not part of this answer.
    const phoneNumber = await this.conversations.phoneOf(tenantOf(auth), id);
    if (!phoneNumber) throw AppError.notFound('Conversation');
    const result = await this.history.page(tenantOf(auth), { ...keysetQueryOf(q), phoneNumber });
    return toMessagePage(result, q);
  }

  /** Read up to the newest message (the reader saw the thread as it is now). */
  async markRead(auth: AuthContext, id: number): Promise<void> {
    await this.get(auth, id);
    await this.conversations.markRead(id, readerOf(auth));
  }

  async unreadCount(auth: AuthContext): Promise<number> {
    return this.conversations.unreadConversations(tenantOf(auth), readerOf(auth));
  }
}
