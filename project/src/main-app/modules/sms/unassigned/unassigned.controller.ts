import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from 'src/core/auth/auth-context';
import { CurrentAuth } from 'src/core/auth/auth.decorators';
import { RequireRole } from 'src/core/auth/roles';
import { ApiPageResponse, type Page } from 'src/core/http/pagination';
import { AssignUnassignedDto, UnassignedMessageDto, UnassignedQueryDto } from './unassigned.dto';
import { UnassignedService } from './unassigned.service';

/** Replies no single SubAccount could claim (docs/security.md, "Inbound routing"). System admins only. */
@ApiTags('sms unassigned')
@ApiBearerAuth()
@RequireRole('system_admin')
@Controller('sms/unassigned')
export class UnassignedController {
  constructor(private readonly service: UnassignedService) {}

  @Get()
  @ApiPageResponse(UnassignedMessageDto)
  list(@Query() q: UnassignedQueryDto): Promise<Page<UnassignedMessageDto>> {
    return this.service.list(q);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @ApiOkResponse({ type: UnassignedMessageDto })
  assign(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: AssignUnassignedDto,
  ): Promise<UnassignedMessageDto> {
    return this.service.assign(auth, id, dto.subAccountId);
  }
}
