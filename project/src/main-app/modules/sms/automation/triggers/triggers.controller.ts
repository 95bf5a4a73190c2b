import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from 'src/core/auth/auth-context';
import { CurrentAuth } from 'src/core/auth/auth.decorators';
import { ApiPageResponse, PageQueryDto, type Page } from 'src/core/http/pagination';
import { CreateTriggerDto, SmsTriggerDto, UpdateTriggerDto } from './dto/trigger.dto';
import { TriggersService } from './triggers.service';
import { RequireRole } from 'src/core/auth/roles';

@ApiTags('sms triggers')
@ApiBearerAuth()
@RequireRole('user')
@Controller('sms/triggers')
export class TriggersController {
  constructor(private readonly service: TriggersService) {}

  @Get()
  @ApiPageResponse(SmsTriggerDto)
  list(@CurrentAuth() auth: AuthContext, @Query() q: PageQueryDto): Promise<Page<SmsTriggerDto>> {
    return this.service.list(auth, q);
  }

  @Post()
  @ApiCreatedResponse({ type: SmsTriggerDto })
  create(@CurrentAuth() auth: AuthContext, @Body() dto: CreateTriggerDto): Promise<SmsTriggerDto> {
    return this.service.create(auth, dto);
  }

  @Get(':id')
  @ApiOkResponse({ type: SmsTriggerDto })
  get(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number): Promise<SmsTriggerDto> {
    return this.service.get(auth, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: SmsTriggerDto })
  update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateTriggerDto,
  ): Promise<SmsTriggerDto> {
    return this.service.update(auth, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  delete(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number): Promise<void> {
    return this.service.delete(auth, id);
  }
}
