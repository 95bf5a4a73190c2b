import { Body, Controller, Get, Headers, HttpCode, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import type { AuthContext } from 'src/core/auth/auth-context';
import { CurrentAuth } from 'src/core/auth/auth.decorators';
import { AppError } from 'src/core/errors/app-error';
import { ApiPageResponse, type Page } from 'src/core/http/pagination';
import { ReqMeta, type RequestMeta } from 'src/core/http/request-meta.decorator';
import { SendResultDto, SendSmsDto } from './dto/send-message.dto';
import { MessageQueryDto, SmsMessageDetailDto, SmsMessageDto } from './dto/sms-message.dto';
import { SmsStatsDto } from './dto/sms-stats.dto';
import { SmsExportService } from './sms-export.service';
import { SmsStatsService } from './sms-stats.service';
import { SmsModuleService } from './sms.service';
import { RequireRole } from 'src/core/auth/roles';
import { ApiCsvResponse } from 'src/core/http/api-stream-responses';

@ApiTags('sms')
@ApiBearerAuth()
@RequireRole('user')
@Controller('sms')
export class SmsController {
  constructor(
    private readonly service: SmsModuleService,
    private readonly stats: SmsStatsService,
    private readonly exporter: SmsExportService,
  ) {}

  @Post('send')
  @HttpCode(202)
  @Throttle({ default: { limit: 120, ttl: 60_000 } })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retried request with the same key returns the same message',
  })
  @ApiAcceptedResponse({ type: SendResultDto })
  send(
    @CurrentAuth() auth: AuthContext,
    @Body() dto: SendSmsDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @ReqMeta() meta: RequestMeta,
  ): Promise<SendResultDto> {
    if (idempotencyKey !== undefined && !/^[\w.:-]{1,200}$/.test(idempotencyKey)) {
      throw AppError.validation('Idempotency-Key', 'must be 1 to 200 letters, digits or . _ : -');
    }
    return this.service.send(auth, dto, idempotencyKey, meta);
  }

  @Get('messages')
  @ApiPageResponse(SmsMessageDto)
  list(@CurrentAuth() auth: AuthContext, @Query() q: MessageQueryDto): Promise<Page<SmsMessageDto>> {
    return this.service.list(auth, q);
  }

  @Get('messages/export.csv')
  @ApiCsvResponse('The messages matching the filters')
  export(
    @CurrentAuth() auth: AuthContext,
    @Query() q: MessageQueryDto,
    @ReqMeta() meta: RequestMeta,
    @Res() res: FastifyReply,
  ): Promise<void> {
    return this.exporter.exportCsv(auth, q, meta, res);
  }

  @Get('messages/:id')
  @ApiOkResponse({ type: SmsMessageDetailDto })
  get(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number): Promise<SmsMessageDetailDto> {
    return this.service.get(auth, id);
  }

  @Post('messages/:id/retry')
  @HttpCode(200)
  @ApiOkResponse({ type: SmsMessageDto })
  retry(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @ReqMeta() meta: RequestMeta,
  ): Promise<SmsMessageDto> {
    return this.service.retry(auth, id, meta);
  }

  @Post('messages/:id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: SmsMessageDto })
  cancel(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @ReqMeta() meta: RequestMeta,
  ): Promise<SmsMessageDto> {
    return this.service.cancel(auth, id, meta);
  }

  @Get('stats')
  @ApiOkResponse({ type: SmsStatsDto })
  getStats(@CurrentAuth() auth: AuthContext): Promise<SmsStatsDto> {
    return this.stats.get(auth);
  }
}
