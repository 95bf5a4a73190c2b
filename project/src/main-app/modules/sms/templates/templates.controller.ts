import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from 'src/core/auth/auth-context';
import { CurrentAuth } from 'src/core/auth/auth.decorators';
import { ApiPageResponse, type Page } from 'src/core/http/pagination';
import { CreateTemplateDto, SmsTemplateDto, TemplateQueryDto, UpdateTemplateDto } from './dto/template.dto';
import { TemplatesService } from './templates.service';
import { RequireRole } from 'src/core/auth/roles';

@ApiTags('sms templates')
@ApiBearerAuth()
@RequireRole('user')
@Controller('sms/templates')
export class TemplatesController {
  constructor(private readonly service: TemplatesService) {}

  @Get()
  @ApiPageResponse(SmsTemplateDto)
  list(@CurrentAuth() auth: AuthContext, @Query() q: TemplateQueryDto): Promise<Page<SmsTemplateDto>> {
    return this.service.list(auth, q);
  }

  @Post()
  @ApiCreatedResponse({ type: SmsTemplateDto })
  create(@CurrentAuth() auth: AuthContext, @Body() dto: CreateTemplateDto): Promise<SmsTemplateDto> {
    return this.service.create(auth, dto);
  }

  @Get(':id')
  @ApiOkResponse({ type: SmsTemplateDto })
  get(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number): Promise<SmsTemplateDto> {
    return this.service.get(auth, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: SmsTemplateDto })
  update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateTemplateDto,
  ): Promise<SmsTemplateDto> {
    return this.service.update(auth, id, dto);
  }

  @RequireRole('subaccount_admin')
  @Delete(':id')
  @HttpCode(204)
  delete(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number): Promise<void> {
    return this.service.delete(auth, id);
  }
}
