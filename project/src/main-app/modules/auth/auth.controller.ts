import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { AuthContext } from 'src/core/auth/auth-context';
import { CurrentAuth, Public } from 'src/core/auth/auth.decorators';
import { AuthService } from './auth.service';
import { RequireRole } from 'src/core/auth/roles';
import { ReqMeta, type RequestMeta } from 'src/core/http/request-meta.decorator';
import { ChangePasswordDto, LoginDto, MeDto, RefreshDto, StreamTicketDto, TokensDto } from './dto/auth.dto';

@ApiTags('auth')
@RequireRole('user')
@Controller('auth')
export class AuthController {
  constructor(private readonly service: AuthService) {}

  @Public()
  @Throttle({ default: { limit: 20, ttl: 60_000 } })
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: TokensDto })
  login(@Body() dto: LoginDto, @ReqMeta() meta: RequestMeta): Promise<TokensDto> {
    return this.service.login(dto.email, dto.password, meta.ip ?? 'unknown');
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: TokensDto })
  refresh(@Body() dto: RefreshDto): Promise<TokensDto> {
    return this.service.refresh(dto.refreshToken);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  logout(@Body() dto: RefreshDto): Promise<void> {
    return this.service.logout(dto.refreshToken);
  }

  @ApiBearerAuth()
  @Post('password')
  @HttpCode(200)
  @ApiOkResponse({ type: TokensDto, description: 'New tokens; every other session of the account has ended' })
  changePassword(@CurrentAuth() auth: AuthContext, @Body() dto: ChangePasswordDto): Promise<TokensDto> {
    return this.service.changePassword(auth, dto.currentPassword, dto.newPassword);
  }

  @ApiBearerAuth()
  @Post('stream-ticket')
  @HttpCode(200)
  @ApiOkResponse({ type: StreamTicketDto })
  streamTicket(@CurrentAuth() auth: AuthContext): Promise<StreamTicketDto> {
    return this.service.streamTicket(auth);
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiOkResponse({ type: MeDto })
  me(@CurrentAuth() auth: AuthContext): Promise<MeDto> {
    return this.service.me(auth);
  }
}
