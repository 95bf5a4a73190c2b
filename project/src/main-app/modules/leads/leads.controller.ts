import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from 'src/core/auth/auth-context';
import { CurrentAuth } from 'src/core/auth/auth.decorators';
import { ApiPageResponse, type Page } from 'src/core/http/pagination';
import { CreateLeadDto, LeadDto, LeadListItemDto, LeadQueryDto, UpdateLeadDto } from './dto/lead.dto';
import { LeadsService } from './leads.service';
import { RequireRole } from 'src/core/auth/roles';

@ApiTags('leads')
@ApiBearerAuth()
@RequireRole('user')
@Controller('leads')
export class LeadsController {
  constructor(private readonly service: LeadsService) {}

  @Get()
  @ApiPageResponse(LeadListItemDto)
  list(@CurrentAuth() auth: AuthContext, @Query() q: LeadQueryDto): Promise<Page<LeadListItemDto>> {
    return this.service.list(auth, q);
  }

  @Post()
  @ApiCreatedResponse({ type: LeadDto })
  create(@CurrentAuth() auth: AuthContext, @Body() dto: CreateLeadDto): Promise<LeadDto> {
    return this.service.create(auth, dto);
  }

  @Get(':id')
  @ApiOkResponse({ type: LeadDto })
  get(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number): Promise<LeadDto> {
    return this.service.get(auth, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: LeadDto })
  update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateLeadDto,
  ): Promise<LeadDto> {
    return this.service.update(auth, id, dto);
  }

  @RequireRole('subaccount_admin')
  @Delete(':id')
  @HttpCode(204)
  delete(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number): Promise<void> {
    return this.service.delete(auth, id);
  }
}
