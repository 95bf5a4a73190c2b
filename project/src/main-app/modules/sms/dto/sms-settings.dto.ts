import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsArray,
  IsBoolean,
  IsInt,
  IsNumber,
  IsISO31661Alpha2,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export class UpdateSmsSettingsDto {
  @ApiPropertyOptional({ type: String, example: 'AC0123456789abcdef0123456789abcdef', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(/^AC[0-9a-fA-F]{32}$/, { message: 'accountSid must look like AC followed by 32 hex characters' })
  accountSid?: string | null;

  @ApiPropertyOptional({ type: String, description: 'Write-only: never returned', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @Matches(/^[0-9a-zA-Z]{16,64}$/, { message: 'authToken must be 16 to 64 letters and digits' })
  authToken?: string | null;

  @ApiPropertyOptional({ type: String, example: '+14155550100', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(/^\+[1-9]\d{6,14}$/, { message: 'phoneNumber must be an E.164 number such as +14155550100' })
  phoneNumber?: string | null;

  @ApiPropertyOptional({ type: String, example: 'MG0123456789abcdef0123456789abcdef', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(/^MG[0-9a-fA-F]{32}$/, { message: 'messagingServiceSid must look like MG followed by 32 hex characters' })
  messagingServiceSid?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 60000 })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  @Max(60_000)
  rateLimitPerMinute?: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 0.01,
    maximum: 10000,
    description: "Twilio's unit: message segments per second from this sender; wins over rateLimitPerMinute",
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsNumber({}, { message: 'rateSegmentsPerSecond must be a number' })
  @Min(0.01)
  @Max(10_000)
  rateSegmentsPerSecond?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 1000 })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  @Max(1000)
  maxInFlight?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Segments per calendar month; null for no cap' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(0)
  spendingCapSegments?: number | null;

  @ApiPropertyOptional({ example: 'US' })
  @IsOptional()
  @IsISO31661Alpha2()
  defaultCountry?: string;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() quietHoursEnabled?: boolean;
  @ApiPropertyOptional({ example: '21:00' })
  @IsOptional()
  @Matches(HHMM, { message: 'quietHoursStart must be HH:MM' })
  quietHoursStart?: string;
  @ApiPropertyOptional({ example: '08:00' })
  @IsOptional()
  @Matches(HHMM, { message: 'quietHoursEnd must be HH:MM' })
  quietHoursEnd?: string;
  @ApiPropertyOptional({ type: [Number], description: 'ISO weekdays 1 (Mon) … 7 (Sun)' })
  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  quietHoursDays?: number[];

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(320)
  helpText?: string | null;
}

export class SmsSettingsDto {
  @ApiProperty({ type: String, nullable: true }) accountSid!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Last 4 characters of the auth token' }) authTokenLast4!:
    string | null;
  @ApiProperty({ type: String, nullable: true }) phoneNumber!: string | null;
  @ApiProperty({ type: String, nullable: true }) messagingServiceSid!: string | null;
  @ApiProperty({ enum: ['subaccount', 'environment', 'none'] }) credentialsSource!: string;
  @ApiProperty({ description: "Sends from the installation's shared sender (no number of its own)" })
  usesSharedSender!: boolean;
  @ApiProperty({ type: Number, nullable: true }) rateLimitPerMinute!: number | null;
  @ApiProperty() effectiveRateLimitPerMinute!: number;
  @ApiProperty({ type: Number, nullable: true }) rateSegmentsPerSecond!: number | null;
  @ApiProperty({ description: 'The rate the dispatcher keeps, in segments per second' })
  effectiveSegmentsPerSecond!: number;
  @ApiProperty({ type: Number, nullable: true }) maxInFlight!: number | null;
  @ApiProperty({ type: Number, nullable: true }) spendingCapSegments!: number | null;
  @ApiProperty() defaultCountry!: string;
  @ApiProperty({ enum: ['simulator', 'live'] }) mode!: string;
  @ApiProperty({ enum: ['ok', 'rejected', 'unknown'] }) credentialsStatus!: string;
  @ApiProperty() dispatchPaused!: boolean;
  @ApiProperty({ type: String, nullable: true }) dispatchPausedReason!: string | null;
  @ApiProperty() quietHoursEnabled!: boolean;
  @ApiProperty() quietHoursStart!: string;
  @ApiProperty() quietHoursEnd!: string;
  @ApiProperty({ type: [Number] }) quietHoursDays!: number[];
  @ApiProperty({ type: String, nullable: true }) helpText!: string | null;
  @ApiProperty({ description: "Twilio's status callback for this API (set on every send)" }) statusWebhookUrl!: string;
  @ApiProperty({ description: "The URL to set as the Twilio number's 'A message comes in' webhook" })
  inboundWebhookUrl!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'The number or Messaging Service SID sends really use (the environment’s when the SubAccount has none)',
  })
  effectiveSender!: string | null;
  @ApiProperty({ enum: ['subaccount', 'environment', 'none'] }) senderSource!: string;
  @ApiProperty({ description: 'USD per segment used for estimates before Twilio reports a price' })
  estimatedPricePerSegment!: number;
}

export class TestConnectionDto {
  @ApiProperty() ok!: boolean;
  @ApiProperty() message!: string;
}
