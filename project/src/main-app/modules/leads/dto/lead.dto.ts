import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsTimeZone,
  Length,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { LEAD_STATUSES, type LeadStatus, type leads } from 'src/core/database/schema';
import { PageQueryDto } from 'src/core/http/pagination';
import { SMS_STATUSES } from 'src/shared/sms/message-status';

/**
 * Blank (clears the phone) or at least 4 digits. The full check needs the SubAccount's country and runs in the
 * service; this one lets an obviously bad phone be named together with the other bad fields.
 */
export const LEAD_SMS_FILTERS = ['replied', 'opted_out', 'never_texted'] as const;
export type LeadSmsFilter = (typeof LEAD_SMS_FILTERS)[number];

const BLANK_OR_FOUR_DIGITS = /^\s*$|^\D*(?:\d\D*){4,}$/;

export class CreateLeadDto {
  @ApiProperty({ example: 'Jane Cooper' }) @IsString() @Length(1, 200) name!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsEmail() @MaxLength(320) email?: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '(555) 123-4567',
    description: "Any format; stored E.164 using the SubAccount's default country; null or blank clears it",
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @Matches(BLANK_OR_FOUR_DIGITS, { message: 'phone must be a phone number with at least 4 digits' })
  phone?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(200) company?:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'America/Chicago' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string | null;
  @ApiPropertyOptional({ enum: LEAD_STATUSES }) @IsOptional() @IsIn(LEAD_STATUSES) status?: LeadStatus;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(10_000) notes?:
    string | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @IsInt() @Min(1) ownerId?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @IsInt() @Min(1) strategyId?: number | null;
}

export class UpdateLeadDto extends PartialType(CreateLeadDto) {}

export class LeadQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: LEAD_STATUSES }) @IsOptional() @IsIn(LEAD_STATUSES) status?: LeadStatus;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) strategyId?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) ownerId?: number;
  @ApiPropertyOptional({ enum: LEAD_SMS_FILTERS, description: 'replied: texted back; never_texted: no SMS sent yet' })
  @IsOptional()
  @IsIn(LEAD_SMS_FILTERS)
  sms?: LeadSmsFilter;
}

/** The filter part of LeadQueryDto (what "text these leads" starts a campaign from). */
export type LeadFilter = Pick<LeadQueryDto, 'search' | 'status' | 'strategyId' | 'ownerId' | 'sms'>;

export class LeadDto {
  @ApiProperty() id!: number;
  @ApiProperty() subAccountId!: number;
  @ApiProperty({ nullable: true, type: Number }) ownerId!: number | null;
  @ApiProperty({ nullable: true, type: Number }) strategyId!: number | null;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'E.164' }) phone!: string | null;
  @ApiProperty({ nullable: true, type: String }) company!: string | null;
  @ApiProperty({ nullable: true, type: String }) timeZone!: string | null;
  @ApiProperty({ enum: LEAD_STATUSES }) status!: LeadStatus;
  @ApiProperty({ nullable: true, type: String }) notes!: string | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export const mapLead = (r: typeof leads.$inferSelect): LeadDto => ({
  id: r.id,
  subAccountId: r.subAccountId,
  ownerId: r.ownerId,
  strategyId: r.strategyId,
  name: r.name,
  email: r.email,
  phone: r.phone,
  company: r.company,
  timeZone: r.timeZone,
  status: r.status,
  notes: r.notes,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export class LeadLastSmsDto {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: ['outbound', 'inbound'] }) direction!: string;
  @ApiProperty({ enum: SMS_STATUSES }) status!: string;
  @ApiProperty({ type: String, nullable: true }) statusReason!: string | null;
  @ApiProperty({ description: 'The first 120 characters' }) preview!: string;
  @ApiProperty() createdAt!: Date;
}

/** A row of the leads list: the lead with its last SMS and opt-out state. */
export class LeadListItemDto extends LeadDto {
  @ApiProperty({ type: LeadLastSmsDto, nullable: true }) lastSms!: LeadLastSmsDto | null;
  @ApiProperty() optedOut!: boolean;
}
