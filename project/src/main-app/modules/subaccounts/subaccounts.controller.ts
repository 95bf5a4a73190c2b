import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from 'src/core/auth/auth-context';
import { AdminOnly, CurrentAuth } from 'src/core/auth/auth.decorators';
import { ApiPageResponse, PageQueryDto, type Page } from 'src/core/http/pagination';
import { CreateSubAccountDto, SubAccountDto, UpdateSubAccountDto } from './dto/subaccount.dto';
import { SubAccountsService } from './subaccounts.service';

@ApiTags('subaccounts')
@ApiBearerAuth()
@AdminOnly()
@Controller('subaccounts')
export class SubAccountsController {
  constructor(private readonly service: SubAccountsService) {}

  @Get()
  @ApiPageResponse(SubAccountDto)
  list(@CurrentAuth() auth: AuthContext, @Query() q: PageQueryDto): Promise<Page<SubAccountDto>> {
    return this.service.list(auth, q);
  }

  @Post()
  @ApiCreatedResponse({ type: SubAccountDto })
  create(@CurrentAuth() auth: AuthContext, @Body() dto: CreateSubAccountDto): Promise<SubAccountDto> {
    return this.service.create(auth, dto);
  }

  @Get(':id')
  @ApiOkResponse({ type: SubAccountDto })
  get(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number): Promise<SubAccountDto> {
    return this.service.get(auth, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: SubAccountDto })
  update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateSubAccountDto,
  ): Promise<SubAccountDto> {
    return this.service.update(auth, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  delete(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number): Promise<void> {
    return this.service.delete(auth, id);
  }
}
