import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseIntPipe, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { AuthContext } from 'src/core/auth/auth-context';
import { CurrentAuth } from 'src/core/auth/auth.decorators';
import type { AppConfig } from 'src/core/config/app-config';
import { APP_CONFIG } from 'src/core/config/config.module';
import { ApiPageResponse, CursorPageQueryDto, type Page } from 'src/core/http/pagination';
import { ReqMeta, type RequestMeta } from 'src/core/http/request-meta.decorator';
import { AddOptOutDto, OptOutDto, OptOutImportReportDto } from './opt-outs.dto';
import { OptOutsService } from './opt-outs.service';
import { RequireRole } from 'src/core/auth/roles';

@ApiTags('sms opt-outs')
@ApiBearerAuth()
@RequireRole('user')
@Controller('sms/opt-outs')
export class OptOutsController {
  constructor(
    private readonly service: OptOutsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiPageResponse(OptOutDto)
  list(@CurrentAuth() auth: AuthContext, @Query() q: CursorPageQueryDto): Promise<Page<OptOutDto>> {
    return this.service.page(auth, q);
  }

  @Post()
  @ApiCreatedResponse({ type: OptOutDto })
  add(@CurrentAuth() auth: AuthContext, @Body() dto: AddOptOutDto, @ReqMeta() meta: RequestMeta): Promise<OptOutDto> {
    return this.service.add(auth, dto.phoneNumber, meta);
  }

  @Post('import')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiOkResponse({ type: OptOutImportReportDto })
  import(
    @CurrentAuth() auth: AuthContext,
    @Req() req: FastifyRequest,
    @ReqMeta() meta: RequestMeta,
  ): Promise<OptOutImportReportDto> {
    return this.service.import(auth, req.raw, this.config, meta);
  }

  @RequireRole('subaccount_admin')
  @Delete(':id')
  @HttpCode(204)
  remove(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    return this.service.remove(auth, id, meta);
  }
}
