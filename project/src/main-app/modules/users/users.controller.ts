import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from 'src/core/auth/auth-context';
import { CurrentAuth } from 'src/core/auth/auth.decorators';
import { ApiPageResponse, PageQueryDto, type Page } from 'src/core/http/pagination';
import { CreateUserDto, UpdateUserDto, UserDto } from './dto/user.dto';
import { UsersService } from './users.service';
import { RequireRole } from 'src/core/auth/roles';

@ApiTags('users')
@ApiBearerAuth()
@RequireRole('user')
@Controller('users')
export class UsersController {
  constructor(private readonly service: UsersService) {}

  @Get()
  @ApiPageResponse(UserDto)
  list(@CurrentAuth() auth: AuthContext, @Query() q: PageQueryDto): Promise<Page<UserDto>> {
    return this.service.list(auth, q);
  }

  @RequireRole('subaccount_admin')
  @Post()
  @ApiCreatedResponse({ type: UserDto })
  create(@CurrentAuth() auth: AuthContext, @Body() dto: CreateUserDto): Promise<UserDto> {
    return this.service.create(auth, dto);
  }

  @Get(':id')
  @ApiOkResponse({ type: UserDto })
  get(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number): Promise<UserDto> {
    return this.service.get(auth, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserDto })
  update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateUserDto,
  ): Promise<UserDto> {
    return this.service.update(auth, id, dto);
  }

  @RequireRole('subaccount_admin')
  @Delete(':id')
  @HttpCode(204)
  delete(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number): Promise<void> {
    return this.service.delete(auth, id);
  }
}
