import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { CursorPageQueryDto } from 'src/core/http/pagination';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { UnassignedRow } from 'src/shared/sms/repositories/sms-unassigned.repository';

export class UnassignedQueryDto extends OmitType(CursorPageQueryDto, ['search'] as const) {
  @ApiPropertyOptional({ enum: ['open', 'all'], default: 'open', description: 'open: not yet filed' })
  @IsOptional()
  @IsIn(['open', 'all'])
  state: 'open' | 'all' = 'open';
}

export class AssignUnassignedDto {
  @ApiProperty({ description: 'The SubAccount to file the reply under' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  subAccountId!: number;
}

export class UnassignedMessageDto {
  @ApiProperty() id!: number;
  @ApiProperty({ description: 'Who wrote it' }) fromNumber!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The number it was sent to' }) toNumber!: string | null;
  @ApiProperty({ type: String, nullable: true }) messagingServiceSid!: string | null;
  @ApiProperty() body!: string;
  @ApiProperty({ type: String, nullable: true, enum: ['opt_out', 'opt_in', 'help'] }) keyword!: string | null;
  @ApiProperty({ type: [Number], description: 'SubAccounts that know this phone (empty: none)' })
  candidateSubAccountIds!: number[];
  @ApiProperty() receivedAt!: string;
  @ApiProperty({ type: Number, nullable: true }) assignedSubAccountId!: number | null;
  @ApiProperty({ type: Number, nullable: true }) assignedMessageId!: number | null;
  @ApiProperty({ type: String, nullable: true }) assignedAt!: string | null;
}

export function mapUnassigned(r: UnassignedRow): UnassignedMessageDto {
  return {
    id: r.id,
    fromNumber: r.fromNumber,
    toNumber: r.toNumber,
    messagingServiceSid: r.messagingServiceSid,
    body: r.body,
    keyword: r.keyword,
    candidateSubAccountIds: r.candidateSubAccountIds,
    receivedAt: r.receivedAt.toISOString(),
    assignedSubAccountId: r.assignedSubAccountId,
    assignedMessageId: r.assignedMessageId,
    assignedAt: r.assignedAt?.toISOString() ?? null,
  };
}
