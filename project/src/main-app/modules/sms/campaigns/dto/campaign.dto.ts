import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { LEAD_STATUSES, type LeadStatus } from 'src/core/database/schema';
import { CursorPageQueryDto } from 'src/core/http/pagination';
import { LEAD_SMS_FILTERS, type LeadSmsFilter } from 'src/main-app/modules/leads/dto/lead.dto';
import { CAMPAIGN_STATUSES, SMS_STATUSES } from 'src/shared/sms/message-status';
import { OPEN_EXACT_UP_TO, type CampaignRow } from '../campaigns.repository';

const OFFSET = /(Z|[+-]\d{2}:?\d{2})$/;

export class RecipientDto {
  @ApiProperty({ example: '+14155550123' }) @IsString() @MaxLength(40) phoneNumber!: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { first_name: 'Jane' },
  })
  @IsOptional()
  @IsObject()
  variables?: Record<string, string>;
}

export class CreateCampaignDto {
  @ApiProperty({ example: 'Spring roof check' }) @IsString() @Length(1, 200) name!: string;

  @ApiPropertyOptional({
    example: 'Hi {{first_name|there}}, spring roof checks are 20% off this week.',
    description: 'Template; required unless templateId is given',
  })
  @ValidateIf((o: CreateCampaignDto) => o.templateId === undefined)
  @IsString()
  @Length(1, 1600)
  message?: string;

  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) templateId?: number;

  @ApiPropertyOptional({
    description: 'Phone numbers, or { phoneNumber, variables } objects',
    type: 'array',
    items: { oneOf: [{ type: 'string' }, { $ref: '#/components/schemas/RecipientDto' }] },
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100_000, { message: 'recipients has more than 100,000 entries: upload a CSV to /sms/bulk instead' })
  recipients?: (string | RecipientDto)[];

  @ApiPropertyOptional({ type: [Number], description: 'Leads to text (their phone; lead fields as variables)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100_000)
  @IsInt({ each: true })
  leadIds?: number[];

  @ApiPropertyOptional({ example: '2026-12-01T09:00:00-05:00' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(OFFSET, { message: 'scheduledAt must include a time zone offset (Z or ±hh:mm)' })
  scheduledAt?: string;

  @ApiPropertyOptional({ description: 'Check the recipients and estimate the cost only; nothing is created' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}

/** The leads list's filters, as the "text these leads" action sends them. */
export class LeadFilterDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) search?: string;
  @ApiPropertyOptional({ enum: LEAD_STATUSES }) @IsOptional() @IsIn(LEAD_STATUSES) status?: LeadStatus;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) strategyId?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) ownerId?: number;
  @ApiPropertyOptional({ enum: LEAD_SMS_FILTERS }) @IsOptional() @IsIn(LEAD_SMS_FILTERS) sms?: LeadSmsFilter;
}

export class CreateCampaignFromLeadsDto {
  @ApiProperty({ example: 'Qualified leads follow-up' }) @IsString() @Length(1, 200) name!: string;

  @ApiPropertyOptional({
    example: 'Hi {{first_name}}, …',
    description: 'Template; required unless templateId is given',
  })
  @ValidateIf((o: CreateCampaignFromLeadsDto) => o.templateId === undefined)
  @IsString()
  @Length(1, 1600)
  message?: string;

  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) templateId?: number;

  @ApiProperty({ type: LeadFilterDto }) @ValidateNested() @Type(() => LeadFilterDto) filter!: LeadFilterDto;

  @ApiPropertyOptional({ example: '2026-12-01T09:00:00-05:00' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(OFFSET, { message: 'scheduledAt must include a time zone offset (Z or ±hh:mm)' })
  scheduledAt?: string;

  @ApiPropertyOptional({ description: 'Count and preview only; nothing is created' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}

export class UpdateCampaignDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 1600) message?: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'ISO 8601 with offset; null to send as soon as started',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsISO8601({ strict: true })
  @Matches(OFFSET, { message: 'scheduledAt must include a time zone offset (Z or ±hh:mm)' })
  scheduledAt?: string | null;
}

export class CampaignQueryDto extends CursorPageQueryDto {
  @ApiPropertyOptional({ enum: CAMPAIGN_STATUSES }) @IsOptional() @IsIn(CAMPAIGN_STATUSES) status?: string;
}

export class CampaignMessagesQueryDto extends CursorPageQueryDto {
  @ApiPropertyOptional({ enum: SMS_STATUSES }) @IsOptional() @IsIn(SMS_STATUSES) status?: string;
}

export class BulkSmsFieldsDto {
  @ApiProperty() @IsString() @Length(1, 1600) message!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) name?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(OFFSET, { message: 'scheduledAt must include a time zone offset (Z or ±hh:mm)' })
  scheduledAt?: string;
  @ApiPropertyOptional({ description: 'Header name or 1-based column number' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  phoneColumn?: string;
  @ApiPropertyOptional() @IsOptional() @IsIn(['true', 'false', '1', '0']) dryRun?: string;
}

export class SmsCampaignDto {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ enum: CAMPAIGN_STATUSES }) status!: string;
  @ApiProperty({ type: String, nullable: true }) statusReason!: string | null;
  @ApiProperty() source!: string;
  @ApiProperty() totalRecipients!: number;
  @ApiProperty() rejectedCount!: number;
  @ApiProperty({ description: 'Waiting to be sent (or in flight)' }) pending!: number;
  @ApiProperty({ description: "Of those, waiting for the recipients' quiet hours to end" }) waitingQuietHours!: number;
  @ApiProperty({
    description: 'false: over 1,000 are pending, and pending (from the counters) and waitingQuietHours are estimates',
  })
  pendingExact!: boolean;
  @ApiProperty({ description: 'Accepted by Twilio' }) sentCount!: number;
  @ApiProperty() deliveredCount!: number;
  @ApiProperty() failedCount!: number;
  @ApiProperty() undelivered!: number;
  @ApiProperty() optedOut!: number;
  @ApiProperty() canceled!: number;
  @ApiProperty() segments!: number;
  @ApiProperty({ description: 'USD, from the prices Twilio has reported so far' }) cost!: number;
  @ApiProperty({
    description: 'Messages sent whose price Twilio has not reported yet (counted up to 1000): the cost may still grow',
  })
  awaitingPrice!: number;
  @ApiProperty({ description: '0..1: share of recipients no longer pending' }) progress!: number;
  @ApiProperty({ type: Date, nullable: true }) scheduledAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) startedAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) completedAt!: Date | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

/**
 * A campaign as the API shows it: its counters (roll-ups kept with each status change) and its open messages,
 * counted up to OPEN_EXACT_UP_TO; past that, recipients minus what has left the queue, by the counters.
 */
export function mapCampaign(
  r: CampaignRow,
  open: { open: number; quietHours: number },
  awaitingPrice = 0,
): SmsCampaignDto {
  const pendingExact = open.open <= OPEN_EXACT_UP_TO;
  const pending = pendingExact
    ? open.open
    : Math.max(open.open, r.totalRecipients - r.sentCount - r.failedCount - r.canceledCount);
  return {
    id: r.id,
    name: r.name,
    message: r.message,
    status: r.status,
    statusReason: r.statusReason,
    source: r.source,
    totalRecipients: r.totalRecipients,
    rejectedCount: r.rejectedCount,
    pending,
    waitingQuietHours: open.quietHours,
    pendingExact,
    sentCount: r.sentCount,
    deliveredCount: r.deliveredCount,
    failedCount: r.failedCount,
    undelivered: r.undeliveredCount,
    optedOut: r.optedOutCount,
    canceled: r.canceledCount,
    segments: r.segments,
    cost: Number(r.cost),
    awaitingPrice,
    progress:
      r.totalRecipients > 0 ? Math.round(((r.totalRecipients - pending) / r.totalRecipients) * 10_000) / 10_000 : 0,
    scheduledAt: r.scheduledAt,
    startedAt: r.startedAt,
    completedAt: r.completedAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
