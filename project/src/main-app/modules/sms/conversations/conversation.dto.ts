import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Min } from 'class-validator';
import { CursorPageQueryDto } from 'src/core/http/pagination';

export class ConversationQueryDto extends CursorPageQueryDto {
  @ApiPropertyOptional({ description: 'Only conversations with replies the caller has not read' })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  unread?: boolean;

  @ApiPropertyOptional({ description: "The lead's owner (assigned user)" })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  ownerId?: number;
}

export class ConversationDto {
  @ApiProperty() id!: number;
  @ApiProperty({ description: 'The contact, E.164' }) phoneNumber!: string;
  @ApiProperty({ type: Number, nullable: true }) leadId!: number | null;
  @ApiProperty({ type: String, nullable: true }) leadName!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: "The lead's owner" }) ownerId!: number | null;
  @ApiProperty({ type: String, nullable: true }) ownerName!: string | null;
  @ApiProperty() lastMessageAt!: Date;
  @ApiProperty({ enum: ['outbound', 'inbound'] }) lastDirection!: 'outbound' | 'inbound';
  @ApiProperty() lastMessagePreview!: string;
  @ApiProperty({ description: 'Replies newer than what the caller has read' }) unreadCount!: number;
  @ApiProperty() optedOut!: boolean;
}

export class UnreadSummaryDto {
  @ApiProperty({ description: 'Conversations with unread replies, for the caller' }) conversations!: number;
}
