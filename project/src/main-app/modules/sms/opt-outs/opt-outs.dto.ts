import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import type { smsOptOuts } from 'src/core/database/schema';
import { RejectionDto } from 'src/main-app/modules/sms/dto/import-report.dto';

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
  @ApiProperty({
    enum: ['recipient', 'admin'],
    description: 'Who can lift it: the recipient only (by texting START), or a SubAccount admin',
  })
  liftableBy!: 'recipient' | 'admin';
}

export const mapOptOut = (r: typeof smsOptOuts.$inferSelect): OptOutDto => ({
  id: r.id,
  phoneNumber: r.phoneNumber,
  source: r.source,
  createdByUserId: r.createdByUserId,
  createdByAdminId: r.createdByAdminId,
  createdAt: r.createdAt,
  liftableBy: r.source === 'keyword' || r.source === 'error_21610' ? 'recipient' : 'admin',
});

export class OptOutImportCountsDto {
  @ApiProperty() rows!: number;
  @ApiProperty() added!: number;
  @ApiProperty() alreadyOptedOut!: number;
  @ApiProperty() invalid!: number;
}

export class OptOutImportReportDto {
  @ApiProperty({ type: OptOutImportCountsDto }) counts!: OptOutImportCountsDto;
  @ApiProperty({ type: [RejectionDto], description: 'The first 1,000 rejected rows' })
  rejections!: RejectionDto[];
}
