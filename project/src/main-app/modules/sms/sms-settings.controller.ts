import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from 'src/core/auth/auth-context';
import { CurrentAuth } from 'src/core/auth/auth.decorators';
import { ReqMeta, type RequestMeta } from 'src/core/http/request-meta.decorator';
import { SmsSettingsDto, TestConnectionDto, UpdateSmsSettingsDto } from './dto/sms-settings.dto';
import { SmsSettingsService } from './sms-settings.service';
import { RequireRole } from 'src/core/auth/roles';

@ApiTags('sms')
@ApiBearerAuth()
@RequireRole('user')
@Controller('sms/settings')
export class SmsSettingsController {
  constructor(private readonly service: SmsSettingsService) {}

  @Get()
  @ApiOkResponse({ type: SmsSettingsDto })
  get(@CurrentAuth() auth: AuthContext): Promise<SmsSettingsDto> {
    return this.service.get(auth);
  }

  @RequireRole('subaccount_admin')
  @Put()
  @ApiOkResponse({ type: SmsSettingsDto })
  update(
    @CurrentAuth() auth: AuthContext,
    @Body() dto: UpdateSmsSettingsDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<SmsSettingsDto> {
    return this.service.update(auth, dto, meta);
  }

  @RequireRole('subaccount_admin')
  @Post('test')
  @HttpCode(200)
  @ApiOkResponse({ type: TestConnectionDto })
  test(@CurrentAuth() auth: AuthContext): Promise<TestConnectionDto> {
    return this.service.test(auth);
  }
}
