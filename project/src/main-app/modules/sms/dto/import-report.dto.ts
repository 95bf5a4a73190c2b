import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REJECTION_REASONS, type RejectionReason } from 'src/shared/sms/campaigns/recipient-record';

/** A row refused at import, with the reason a person can act on. */
export class RejectionDto {
  @ApiProperty({ description: 'Spreadsheet row, or position in the list' }) row!: number;
  @ApiProperty({ description: 'The phone as given' }) value!: string;
  @ApiProperty({ enum: REJECTION_REASONS }) reason!: RejectionReason;
  @ApiProperty() message!: string;
}

/** One rendered message of an import's preview. */
export class PreviewRowDto {
  @ApiProperty() row!: number;
  @ApiProperty({ description: 'E.164' }) phoneNumber!: string;
  @ApiProperty() message!: string;
  @ApiProperty() segments!: number;
  @ApiProperty({ enum: ['GSM-7', 'UCS-2'] }) encoding!: 'GSM-7' | 'UCS-2';
  @ApiPropertyOptional() leadId?: number;
}

export class ImportCountsDto {
  @ApiProperty() rows!: number;
  @ApiProperty() valid!: number;
  @ApiProperty() invalid!: number;
  @ApiProperty() duplicate!: number;
  @ApiProperty() optedOut!: number;
  @ApiProperty() missingVariable!: number;
}

export class LeadsImportCountsDto extends ImportCountsDto {
  @ApiProperty({ description: 'The leads the filter matched' }) leads!: number;
  @ApiProperty({ description: 'Matched leads without a phone (skipped)' }) noPhone!: number;
}

/** What an import (CSV upload, recipient list, leads) accepted and refused, and what it will cost. */
export class ImportReportDto {
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The campaign created; null for a dry run or when no row was valid',
  })
  campaignId!: number | null;
  @ApiProperty() dryRun!: boolean;
  @ApiProperty({ type: ImportCountsDto }) counts!: ImportCountsDto;
  @ApiProperty({ type: [RejectionDto], description: 'The first 1,000 rejected rows' }) rejections!: RejectionDto[];
  @ApiProperty({ type: [PreviewRowDto], description: 'The first 20 rendered messages' }) preview!: PreviewRowDto[];
  @ApiProperty() estimatedSegments!: number;
  @ApiProperty({ description: 'USD, at SMS_ESTIMATED_PRICE_PER_SEGMENT' }) estimatedCost!: number;
  @ApiProperty({ type: [String] }) headers!: string[];
  @ApiProperty({ type: String, nullable: true, description: 'The CSV column read as the phone' })
  phoneColumn!: string | null;
}

/** A campaign from the leads list: the import's report, with how many leads matched and had no phone. */
export class LeadsImportReportDto extends ImportReportDto {
  @ApiProperty({ type: LeadsImportCountsDto }) declare counts: LeadsImportCountsDto;
}
