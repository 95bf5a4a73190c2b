import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from 'src/core/auth/auth-context';
import { CurrentAuth } from 'src/core/auth/auth.decorators';
import { LeadSequenceDto, SaveSequenceDto, SmsSequenceDto } from './dto/sequence.dto';
import { SequencesService } from './sequences.service';
import { RequireRole } from 'src/core/auth/roles';

@ApiTags('sms sequences')
@ApiBearerAuth()
@RequireRole('user')
@Controller()
export class SequencesController {
  constructor(private readonly service: SequencesService) {}

  @Get('strategies/:id/sms-sequence')
  @ApiOkResponse({ type: SmsSequenceDto })
  get(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number): Promise<SmsSequenceDto> {
    return this.service.get(auth, id);
  }

  @Put('strategies/:id/sms-sequence')
  @ApiOkResponse({ type: SmsSequenceDto })
  save(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: SaveSequenceDto,
  ): Promise<SmsSequenceDto> {
    return this.service.save(auth, id, dto);
  }

  @Get('leads/:id/sms-sequence')
  @ApiOkResponse({ type: LeadSequenceDto })
  forLead(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number): Promise<LeadSequenceDto> {
    return this.service.forLead(auth, id);
  }

  @Post('leads/:id/sms-sequence')
  @ApiCreatedResponse({ type: LeadSequenceDto, description: "Enrols the lead in its strategy's sequence" })
  enroll(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number): Promise<LeadSequenceDto> {
    return this.service.enroll(auth, id);
  }

  @Post('leads/:id/sms-sequence/stop')
  @HttpCode(200)
  @ApiOkResponse({ type: LeadSequenceDto, description: "Ends the lead's active enrolment (reason manual)" })
  stop(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number): Promise<LeadSequenceDto> {
    return this.service.stop(auth, id);
  }
}
