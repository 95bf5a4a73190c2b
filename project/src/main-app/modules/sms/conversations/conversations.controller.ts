import { Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from 'src/core/auth/auth-context';
import { CurrentAuth } from 'src/core/auth/auth.decorators';
import { ApiPageResponse, CursorPageQueryDto, type Page } from 'src/core/http/pagination';
import { SmsMessageDto } from '../dto/sms-message.dto';
import { ConversationDto, ConversationQueryDto, UnreadSummaryDto } from './conversation.dto';
import { ConversationsService } from './conversations.service';
import { RequireRole } from 'src/core/auth/roles';

@ApiTags('sms inbox')
@ApiBearerAuth()
@RequireRole('user')
@Controller('sms/conversations')
export class ConversationsController {
  constructor(private readonly service: ConversationsService) {}

  @Get()
  @ApiPageResponse(ConversationDto)
  list(@CurrentAuth() auth: AuthContext, @Query() q: ConversationQueryDto): Promise<Page<ConversationDto>> {
    return this.service.list(auth, q);
  }

  @Get('unread')
  @ApiOkResponse({ type: UnreadSummaryDto })
  async unread(@CurrentAuth() auth: AuthContext): Promise<UnreadSummaryDto> {
    return { conversations: await this.service.unreadCount(auth) };
  }

  @Get(':id')
  @ApiOkResponse({ type: ConversationDto })
  get(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number): Promise<ConversationDto> {
    return this.service.get(auth, id);
  }

  @Get(':id/messages')
  @ApiPageResponse(SmsMessageDto)
  messages(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Query() q: CursorPageQueryDto,
  ): Promise<Page<SmsMessageDto>> {
    return this.service.messagesOf(auth, id, q);
  }

  @Post(':id/read')
  @HttpCode(204)
  read(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number): Promise<void> {
    return this.service.markRead(auth, id);
  }
}
