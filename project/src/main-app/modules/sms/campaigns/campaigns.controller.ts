import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Patch,
  Post,
  Query,
  Req,
  Res,
  Sse,
  type MessageEvent,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import type { AuthContext } from 'src/core/auth/auth-context';
import { AllowStreamTicket, CurrentAuth } from 'src/core/auth/auth.decorators';
import { ApiPageResponse, type Page } from 'src/core/http/pagination';
import { ReqMeta, type RequestMeta } from 'src/core/http/request-meta.decorator';
import { SmsMessageDto } from '../dto/sms-message.dto';
import { BulkSmsService } from './bulk-sms.service';
import { CampaignEventsService } from './campaign-events.service';
import { CampaignsService } from './campaigns.service';
import { CreateCampaignService } from './create-campaign.service';
import {
  CampaignMessagesQueryDto,
  CampaignQueryDto,
  CreateCampaignDto,
  CreateCampaignFromLeadsDto,
  RecipientDto,
  SmsCampaignDto,
  UpdateCampaignDto,
} from './dto/campaign.dto';
import { ImportReportDto, LeadsImportReportDto } from 'src/main-app/modules/sms/dto/import-report.dto';
import { RequireRole } from 'src/core/auth/roles';
import { ApiCsvResponse, ApiEventStreamResponse } from 'src/core/http/api-stream-responses';

// CreateCampaignDto.recipients refers to RecipientDto by $ref: it must be in the document's schemas.
@ApiExtraModels(RecipientDto)
@ApiTags('sms campaigns')
@ApiBearerAuth()
@RequireRole('user')
@Controller('sms')
export class CampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly creator: CreateCampaignService,
    private readonly bulk: BulkSmsService,
    private readonly events: CampaignEventsService,
  ) {}

  @Post('bulk')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'message'],
      properties: {
        file: { type: 'string', format: 'binary' },
        message: { type: 'string' },
        name: { type: 'string' },
        scheduledAt: { type: 'string' },
        phoneColumn: { type: 'string' },
        dryRun: { type: 'boolean' },
      },
    },
  })
  @ApiCreatedResponse({ type: ImportReportDto })
  upload(
    @CurrentAuth() auth: AuthContext,
    @Req() req: FastifyRequest,
    @ReqMeta() meta: RequestMeta,
  ): Promise<ImportReportDto> {
    return this.bulk.upload(auth, req.raw, meta);
  }

  @Post('campaigns')
  @ApiCreatedResponse({ type: ImportReportDto })
  create(
    @CurrentAuth() auth: AuthContext,
    @Body() dto: CreateCampaignDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<ImportReportDto> {
    return this.creator.create(auth, dto, meta);
  }

  @Post('campaigns/from-leads')
  @ApiCreatedResponse({ type: LeadsImportReportDto })
  createFromLeads(
    @CurrentAuth() auth: AuthContext,
    @Body() dto: CreateCampaignFromLeadsDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<LeadsImportReportDto> {
    return this.creator.createFromLeads(auth, dto, meta);
  }

  @Get('campaigns')
  @ApiPageResponse(SmsCampaignDto)
  list(@CurrentAuth() auth: AuthContext, @Query() q: CampaignQueryDto): Promise<Page<SmsCampaignDto>> {
    return this.campaigns.list(auth, q);
  }

  @Get('campaigns/:id')
  @ApiOkResponse({ type: SmsCampaignDto })
  get(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number): Promise<SmsCampaignDto> {
    return this.campaigns.get(auth, id);
  }

  @Get('campaigns/:id/messages')
  @ApiPageResponse(SmsMessageDto)
  messages(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Query() q: CampaignMessagesQueryDto,
  ): Promise<Page<SmsMessageDto>> {
    return this.campaigns.messagesOf(auth, id, q);
  }

  @Get('campaigns/:id/rejections.csv')
  @ApiCsvResponse('The rows refused at import, with their reasons')
  rejections(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Res() res: FastifyReply,
  ): Promise<void> {
    return this.events.rejectionsCsv(auth, id, res);
  }

  @Sse('campaigns/:id/events')
  @AllowStreamTicket()
  @ApiEventStreamResponse("The campaign's progress as it changes")
  stream(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number): Promise<Observable<MessageEvent>> {
    return this.events.stream(auth, id);
  }

  @Post('campaigns/:id/pause')
  @HttpCode(200)
  @ApiOkResponse({ type: SmsCampaignDto })
  pause(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @ReqMeta() meta: RequestMeta,
  ): Promise<SmsCampaignDto> {
    return this.campaigns.pause(auth, id, meta);
  }

  @Post('campaigns/:id/resume')
  @HttpCode(200)
  @ApiOkResponse({ type: SmsCampaignDto })
  resume(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @ReqMeta() meta: RequestMeta,
  ): Promise<SmsCampaignDto> {
    return this.campaigns.resume(auth, id, meta);
  }

  @RequireRole('subaccount_admin')
  @Post('campaigns/:id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: SmsCampaignDto })
  cancel(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @ReqMeta() meta: RequestMeta,
  ): Promise<SmsCampaignDto> {
    return this.campaigns.cancel(auth, id, meta);
  }

  @Post('campaigns/:id/retry-failed')
  @HttpCode(200)
  @ApiOkResponse({ type: SmsCampaignDto })
  retryFailed(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @ReqMeta() meta: RequestMeta,
  ): Promise<SmsCampaignDto> {
    return this.campaigns.retryFailed(auth, id, meta);
  }

  @Patch('campaigns/:id')
  @ApiOkResponse({ type: SmsCampaignDto })
  update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateCampaignDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<SmsCampaignDto> {
    return this.campaigns.update(auth, id, dto, meta);
  }

  @RequireRole('subaccount_admin')
  @Delete('campaigns/:id')
  @HttpCode(204)
  delete(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    return this.campaigns.delete(auth, id, meta);
  }
}
