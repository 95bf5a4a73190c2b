import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { SMS_STATUSES } from 'src/shared/sms/message-status';

export class SendSmsDto {
  @ApiPropertyOptional({
    example: '+14155550123',
    description:
      "Any format; normalised to E.164 with the SubAccount's default country. Optional when leadId is given.",
  })
  @ValidateIf((o: SendSmsDto) => o.leadId === undefined || o.phoneNumber !== undefined)
  @IsString()
  @MaxLength(40)
  phoneNumber?: string;

  @ApiProperty({ example: 'Hi Jane, your inspection is confirmed for tomorrow at 9am.', maxLength: 1600 })
  @IsString()
  @MaxLength(1600, { message: 'message is longer than 1600 characters, the most Twilio accepts' })
  message!: string;

  @ApiPropertyOptional({
    description: "Send to this lead (its phone when phoneNumber is omitted); the message shows on the lead's timeline",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  leadId?: number;

  @ApiPropertyOptional({ example: '2026-12-01T09:00:00-05:00', description: 'ISO 8601 with an offset, in the future' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/(Z|[+-]\d{2}:?\d{2})$/, { message: 'scheduledAt must include a time zone offset (Z or ±hh:mm)' })
  scheduledAt?: string;

  @ApiPropertyOptional({ description: "Admins only: send now even inside the recipient's quiet hours (audited)" })
  @IsOptional()
  @IsBoolean()
  ignoreQuietHours?: boolean;
}

export class SendResultDto {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: SMS_STATUSES }) status!: string;
  @ApiProperty() phoneNumber!: string;
  @ApiProperty() segments!: number;
  @ApiProperty({ enum: ['GSM-7', 'UCS-2'] }) encoding!: string;
  @ApiProperty() notBefore!: Date;
  @ApiProperty({ description: 'True when an earlier request with the same Idempotency-Key created it' })
  replayed!: boolean;
  @ApiProperty({
    type: Date,
    nullable: true,
    description: "Set when the recipient's quiet hours hold the message until then",
  })
  quietHoursUntil!: Date | null;
}
