import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CursorPageQueryDto } from 'src/core/http/pagination';

export class AuditQueryDto extends CursorPageQueryDto {
  @ApiPropertyOptional({ example: 'admin:3', description: 'user, admin, system or twilio; optionally :id' })
  @IsOptional()
  @Matches(/^(user|admin|system|twilio)(:\d+)?$/, {
    message: 'actor must be user, admin, system or twilio, optionally followed by :id',
  })
  actor?: string;
  @ApiPropertyOptional({ example: 'campaign.', description: 'An action, or a prefix ending in "."' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  action?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601() from?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601() to?: string;
}

export class AuditEntryDto {
  @ApiProperty() id!: number;
  @ApiProperty() subAccountId!: number;
  @ApiProperty({ enum: ['user', 'admin', 'system', 'twilio'] }) actorKind!: 'user' | 'admin' | 'system' | 'twilio';
  @ApiProperty({ type: Number, nullable: true }) actorId!: number | null;
  @ApiProperty({ type: String, nullable: true, description: "The user's or admin's name (null for system, Twilio)" })
  actorName!: string | null;
  @ApiProperty({ example: 'campaign.pause' }) action!: string;
  @ApiProperty({ type: String, nullable: true }) targetType!: string | null;
  @ApiProperty({ type: String, nullable: true }) targetId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true }) requestId!: string | null;
  @ApiProperty({ type: String, nullable: true }) ip!: string | null;
  @ApiProperty() createdAt!: Date;
}
