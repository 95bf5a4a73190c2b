import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Put,
  Query,
  Sse,
  type MessageEvent,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import type { AuthContext } from 'src/core/auth/auth-context';
import { AllowStreamTicket, CurrentAuth } from 'src/core/auth/auth.decorators';
import { ApiPageResponse, type Page } from 'src/core/http/pagination';
import {
  NotificationDto,
  NotificationPreferencesDto,
  NotificationQueryDto,
  ReadAllResultDto,
  UnreadCountDto,
  UpdateNotificationPreferencesDto,
} from './dto/notification.dto';
import { NotificationFeedService } from './notification-feed.service';
import { RequireRole } from 'src/core/auth/roles';
import { ApiEventStreamResponse } from 'src/core/http/api-stream-responses';

@ApiTags('notifications')
@ApiBearerAuth()
@RequireRole('user')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly feed: NotificationFeedService) {}

  @Get()
  @ApiPageResponse(NotificationDto)
  list(@CurrentAuth() auth: AuthContext, @Query() q: NotificationQueryDto): Promise<Page<NotificationDto>> {
    return this.feed.list(auth, q);
  }

  @Get('unread-count')
  @ApiOkResponse({ type: UnreadCountDto })
  unreadCount(@CurrentAuth() auth: AuthContext): Promise<UnreadCountDto> {
    return this.feed.unreadCount(auth);
  }

  /** Server-Sent Events: `event: unread`, `data: {"count":n}` now and on every change. */
  @Sse('stream')
  @AllowStreamTicket()
  @ApiEventStreamResponse('`event: unread` with the unread count, now and on every change')
  stream(@CurrentAuth() auth: AuthContext): Observable<MessageEvent> {
    return this.feed.stream(auth);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOkResponse({ type: ReadAllResultDto })
  markAllRead(@CurrentAuth() auth: AuthContext): Promise<ReadAllResultDto> {
    return this.feed.markAllRead(auth);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOkResponse({ type: NotificationDto })
  markRead(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number): Promise<NotificationDto> {
    return this.feed.markRead(auth, id);
  }

  @Get('preferences')
  @ApiOkResponse({ type: NotificationPreferencesDto })
  preferences(@CurrentAuth() auth: AuthContext): Promise<NotificationPreferencesDto> {
    return this.feed.preferences(auth);
  }

  @Put('preferences')
  @ApiOkResponse({ type: NotificationPreferencesDto })
  savePreferences(
    @CurrentAuth() auth: AuthContext,
    @Body() dto: UpdateNotificationPreferencesDto,
  ): Promise<NotificationPreferencesDto> {
    return this.feed.savePreferences(auth, dto);
  }
}
