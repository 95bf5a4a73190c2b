import { ApiProperty } from '@nestjs/swagger';

export class FailureCountsDto {
  @ApiProperty({ description: 'Messages that became failed' }) failed!: number;
  @ApiProperty({ description: 'Messages the carrier reported undelivered' }) undelivered!: number;
  @ApiProperty() total!: number;
}

export class FailureCodeDto extends FailureCountsDto {
  @ApiProperty({ type: Number, nullable: true, description: "Twilio's error code; null: none given" })
  errorCode!: number | null;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'What the code means' }) meaning!: string;
  @ApiProperty({ description: 'What to do about it' }) action!: string;
  @ApiProperty({ description: "False when the code is not in this app's table (or there is none)" }) known!: boolean;
  @ApiProperty({ type: String, nullable: true }) docsUrl!: string | null;
}

export class FailureCampaignDto extends FailureCountsDto {
  @ApiProperty({ type: Number, nullable: true, description: 'null: single sends, outside any campaign' })
  campaignId!: number | null;
  @ApiProperty() campaignName!: string;
  @ApiProperty() subAccountId!: number;
  @ApiProperty() subAccountName!: string;
}

export class FailureDayDto extends FailureCountsDto {
  @ApiProperty({ description: 'YYYY-MM-DD (UTC)' }) day!: string;
}

export class FailureReportDto {
  @ApiProperty({ description: 'YYYY-MM-DD (UTC), inclusive' }) from!: string;
  @ApiProperty({ description: 'YYYY-MM-DD (UTC), inclusive' }) to!: string;
  @ApiProperty({ enum: ['UTC'] }) timeZone!: string;
  @ApiProperty({ type: FailureCountsDto }) totals!: FailureCountsDto;
  @ApiProperty({ type: [FailureCodeDto], description: 'Most frequent first' }) byCode!: FailureCodeDto[];
  @ApiProperty({ type: [FailureCampaignDto], description: 'Most failures first' }) byCampaign!: FailureCampaignDto[];
  @ApiProperty({ type: [FailureDayDto], description: 'Days with failures, in order' }) byDay!: FailureDayDto[];
}
