import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import type { smsOptOuts } from 'src/core/database/schema';

export class AddOptOutDto {
  @ApiProperty({ example: '+14155550142' }) @IsString() @MaxLength(40) phoneNumber!: string;
}

export class OptOutDto {
  @ApiProperty() id!: number;
  @ApiProperty() phoneNumber!: string;
  @ApiProperty({ enum: ['keyword', 'error_21610', 'manual', 'import'] }) source!: string;
  @ApiProperty({ type: Number, nullable: true }) createdByUserId!: number | null;
  @ApiProperty({ type: Number, nullable: true }) createdByAdminId!: number | null;
  @ApiProperty() createdAt!: Date;
}

export const mapOptOut = (r: typeof smsOptOuts.$inferSelect): OptOutDto => ({
  id: r.id,
  phoneNumber: r.phoneNumber,
  source: r.source,
  createdByUserId: r.createdByUserId,
  createdByAdminId: r.createdByAdminId,
  createdAt: r.createdAt,
});
