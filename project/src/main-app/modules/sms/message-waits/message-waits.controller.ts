import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from 'src/core/auth/auth-context';
import { CurrentAuth } from 'src/core/auth/auth.decorators';
import { RequireRole } from 'src/core/auth/roles';
import { mapWaits, MessageWaitsDto, MessageWaitsQueryDto } from './message-waits.dto';
import { MessageWaitsService } from './message-waits.service';

@ApiTags('sms')
@ApiBearerAuth()
@RequireRole('user')
@Controller('sms/message-waits')
export class MessageWaitsController {
  constructor(private readonly service: MessageWaitsService) {}

  /** Why pending messages wait (rate limit, quiet hours, paused sender or campaign…) and about when they go. */
  @Get()
  @ApiOkResponse({ type: MessageWaitsDto })
  async list(@CurrentAuth() auth: AuthContext, @Query() q: MessageWaitsQueryDto): Promise<MessageWaitsDto> {
    return mapWaits(await this.service.explain(auth, q.ids));
  }
}
