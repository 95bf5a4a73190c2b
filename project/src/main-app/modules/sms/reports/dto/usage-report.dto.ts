import { ApiProperty } from '@nestjs/swagger';

export class UsageTotalsDto {
  @ApiProperty({ description: 'Outbound messages Twilio accepted (sent)' }) messages!: number;
  @ApiProperty() delivered!: number;
  @ApiProperty() failed!: number;
  @ApiProperty() undelivered!: number;
  @ApiProperty({ description: 'Segments of the sent messages' }) segments!: number;
  @ApiProperty({ description: "Sum of Twilio's prices, in `currency`" }) cost!: number;
  @ApiProperty({ description: 'delivered / messages, 0..1 (as on the SMS dashboard)' }) deliveryRate!: number;
}

export class UsageSubAccountDto extends UsageTotalsDto {
  @ApiProperty() subAccountId!: number;
  @ApiProperty() subAccountName!: string;
}

export class UsageRowDto extends UsageSubAccountDto {
  @ApiProperty({ description: 'YYYY-MM, a UTC month' }) month!: string;
}

export class UsageReportDto {
  @ApiProperty({ description: 'YYYY-MM-DD (UTC), inclusive' }) from!: string;
  @ApiProperty({ description: 'YYYY-MM-DD (UTC), inclusive' }) to!: string;
  @ApiProperty({ enum: ['UTC'], description: 'Days and months are UTC' }) timeZone!: string;
  @ApiProperty({ description: "Twilio's price unit for the SubAccounts' accounts" }) currency!: string;
  @ApiProperty({ type: [UsageRowDto], description: 'Per SubAccount and month with traffic, by month' })
  rows!: UsageRowDto[];
  @ApiProperty({ type: [UsageSubAccountDto], description: 'Every SubAccount in the report, zeros included' })
  subAccounts!: UsageSubAccountDto[];
  @ApiProperty({ type: UsageTotalsDto }) totals!: UsageTotalsDto;
}
