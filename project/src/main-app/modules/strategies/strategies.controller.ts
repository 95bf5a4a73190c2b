import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from 'src/core/auth/auth-context';
import { CurrentAuth } from 'src/core/auth/auth.decorators';
import { ApiPageResponse, PageQueryDto, type Page } from 'src/core/http/pagination';
import { CreateStrategyDto, StrategyDto, UpdateStrategyDto } from './dto/strategy.dto';
import { StrategiesService } from './strategies.service';
import { RequireRole } from 'src/core/auth/roles';

@ApiTags('strategies')
@ApiBearerAuth()
@RequireRole('user')
@Controller('strategies')
export class StrategiesController {
  constructor(private readonly service: StrategiesService) {}

  @Get()
  @ApiPageResponse(StrategyDto)
  list(@CurrentAuth() auth: AuthContext, @Query() q: PageQueryDto): Promise<Page<StrategyDto>> {
    return this.service.list(auth, q);
  }

  @Post()
  @ApiCreatedResponse({ type: StrategyDto })
  create(@CurrentAuth() auth: AuthContext, @Body() dto: CreateStrategyDto): Promise<StrategyDto> {
    return this.service.create(auth, dto);
  }

  @Get(':id')
  @ApiOkResponse({ type: StrategyDto })
  get(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number): Promise<StrategyDto> {
    return this.service.get(auth, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: StrategyDto })
  update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateStrategyDto,
  ): Promise<StrategyDto> {
    return this.service.update(auth, id, dto);
  }

  @RequireRole('subaccount_admin')
  @Delete(':id')
  @HttpCode(204)
  delete(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number): Promise<void> {
    return this.service.delete(auth, id);
  }
}
