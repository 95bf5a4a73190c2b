import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { SmsMessageDto } from '../dto/sms-message.dto';

export class LeadOptOutDto {
  @ApiProperty({ type: String, nullable: true }) phoneNumber!: string | null;
  @ApiProperty() optedOut!: boolean;
  @ApiProperty({ type: String, nullable: true, enum: ['keyword', 'error_21610', 'manual', 'import'] }) source!:
    string | null;
  @ApiProperty({ type: Date, nullable: true }) since!: Date | null;
}

export class SetLeadOptOutDto {
  @ApiProperty({ description: 'true adds the lead’s number to the opt-out list, false removes it' })
  @IsBoolean()
  optedOut!: boolean;
}

export class TimelineQueryDto {
  @ApiProperty({ required: false, default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number = 50;
}

export class LeadEventDto {
  @ApiProperty() id!: number;
  @ApiProperty({ example: 'status_changed' }) type!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;
  @ApiProperty({ enum: ['user', 'admin', 'system', 'twilio'] }) actorKind!: string;
  @ApiProperty({ type: Number, nullable: true }) actorId!: number | null;
  @ApiProperty() createdAt!: Date;
}

export class LeadTimelineItemDto {
  @ApiProperty({ enum: ['sms', 'event'] }) kind!: 'sms' | 'event';
  @ApiProperty() at!: Date;
  @ApiProperty({ type: SmsMessageDto, nullable: true }) sms!: SmsMessageDto | null;
  @ApiProperty({ type: LeadEventDto, nullable: true }) event!: LeadEventDto | null;
}

export class LeadTimelineDto {
  @ApiProperty({ type: [LeadTimelineItemDto], description: 'Newest first' }) items!: LeadTimelineItemDto[];
}
