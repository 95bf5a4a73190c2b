import { Body, Controller, Get, Param, ParseIntPipe, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from 'src/core/auth/auth-context';
import { CurrentAuth } from 'src/core/auth/auth.decorators';
import { ApiPageResponse, CursorPageQueryDto, type Page } from 'src/core/http/pagination';
import { ReqMeta, type RequestMeta } from 'src/core/http/request-meta.decorator';
import { SmsMessageDto } from '../dto/sms-message.dto';
import { LeadOptOutDto, LeadTimelineDto, SetLeadOptOutDto, TimelineQueryDto } from './lead-sms.dto';
import { LeadSmsService } from './lead-sms.service';
import { RequireRole } from 'src/core/auth/roles';

@ApiTags('leads')
@ApiBearerAuth()
@RequireRole('user')
@Controller('leads/:id')
export class LeadSmsController {
  constructor(private readonly service: LeadSmsService) {}

  @Get('sms')
  @ApiPageResponse(SmsMessageDto)
  thread(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Query() q: CursorPageQueryDto,
  ): Promise<Page<SmsMessageDto>> {
    return this.service.thread(auth, id, q);
  }

  @Get('timeline')
  @ApiOkResponse({ type: LeadTimelineDto })
  timeline(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Query() q: TimelineQueryDto,
  ): Promise<LeadTimelineDto> {
    return this.service.timeline(auth, id, q.limit);
  }

  @Get('sms-opt-out')
  @ApiOkResponse({ type: LeadOptOutDto })
  optOut(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number): Promise<LeadOptOutDto> {
    return this.service.optOut(auth, id);
  }

  @Put('sms-opt-out')
  @ApiOkResponse({ type: LeadOptOutDto })
  setOptOut(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: SetLeadOptOutDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<LeadOptOutDto> {
    return this.service.setOptOut(auth, id, dto.optedOut, meta);
  }
}
