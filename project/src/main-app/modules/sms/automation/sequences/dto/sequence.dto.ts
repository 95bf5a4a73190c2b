import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { LEAD_STATUSES, type LeadStatus } from 'src/core/database/schema';

const MINUTES_PER_DAY = 24 * 60;
/** A year: longer delays are typos. */
const MAX_DELAY_MINUTES = 365 * MINUTES_PER_DAY;

export class SequenceStepInputDto {
  @ApiProperty() @IsInt() @Min(1) templateId!: number;

  @ApiProperty({ description: 'Minutes after enrolment (first step) or after the previous step was sent' })
  @IsInt()
  @Min(0)
  @Max(MAX_DELAY_MINUTES)
  delayMinutes!: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: "Send window start, minutes after the lead's local midnight",
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(0)
  @Max(MINUTES_PER_DAY - 1)
  windowStartMinute?: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Send window end (exclusive), minutes after local midnight',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(0)
  @Max(MINUTES_PER_DAY - 1)
  windowEndMinute?: number | null;
}

export class SaveSequenceDto {
  @ApiProperty() @IsBoolean() enabled!: boolean;

  @ApiProperty({ enum: LEAD_STATUSES, isArray: true, description: 'A lead reaching one of these leaves the sequence' })
  @IsArray()
  @IsIn(LEAD_STATUSES, { each: true })
  stopStatuses!: LeadStatus[];

  @ApiProperty({ type: [SequenceStepInputDto], description: 'In sending order' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SequenceStepInputDto)
  steps!: SequenceStepInputDto[];
}

export class SequenceStepDto {
  @ApiProperty() position!: number;
  @ApiProperty() templateId!: number;
  @ApiProperty() templateName!: string;
  @ApiProperty() delayMinutes!: number;
  @ApiProperty({ type: Number, nullable: true }) windowStartMinute!: number | null;
  @ApiProperty({ type: Number, nullable: true }) windowEndMinute!: number | null;
}

export class SmsSequenceDto {
  @ApiProperty({ type: Number, nullable: true, description: 'null until the sequence is first saved' }) id!:
    number | null;
  @ApiProperty() strategyId!: number;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ enum: LEAD_STATUSES, isArray: true }) stopStatuses!: LeadStatus[];
  @ApiProperty({ type: [SequenceStepDto] }) steps!: SequenceStepDto[];
  @ApiProperty() activeEnrollments!: number;
  @ApiProperty({ type: Date, nullable: true }) updatedAt!: Date | null;
}

export class SequenceEnrollmentDto {
  @ApiProperty() id!: number;
  @ApiProperty() sequenceId!: number;
  @ApiProperty() strategyId!: number;
  @ApiProperty() leadId!: number;
  @ApiProperty({ enum: ['active', 'completed', 'stopped'] }) status!: 'active' | 'completed' | 'stopped';
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'replied, opted_out, strategy_changed, status:<status>, manual, no_phone, …',
  })
  stopReason!: string | null;
  @ApiProperty({ description: 'Position of the next step to send (0-based)' }) nextPosition!: number;
  @ApiProperty() stepCount!: number;
  @ApiProperty({ type: SequenceStepDto, nullable: true }) nextStep!: SequenceStepDto | null;
  @ApiProperty({ type: Date, nullable: true }) nextDueAt!: Date | null;
  @ApiProperty({ type: Number, nullable: true }) lastMessageId!: number | null;
  @ApiProperty({ enum: ['user', 'admin', 'system'] }) enrolledByKind!: 'user' | 'admin' | 'system';
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export class LeadSequenceDto {
  @ApiProperty({ type: SequenceEnrollmentDto, nullable: true, description: 'The active enrolment, else the latest' })
  enrollment!: SequenceEnrollmentDto | null;
  @ApiProperty({ description: "Whether the lead's strategy has an enabled sequence with steps to enrol in now" })
  canEnroll!: boolean;
  @ApiProperty({ type: String, nullable: true }) cannotEnrollReason!: string | null;
}
