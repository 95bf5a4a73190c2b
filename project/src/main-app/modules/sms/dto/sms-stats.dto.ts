import { ApiProperty, getSchemaPath } from '@nestjs/swagger';

export class PeriodStatsDto {
  @ApiProperty() sent!: number;
  @ApiProperty() delivered!: number;
  @ApiProperty() failed!: number;
  @ApiProperty() undelivered!: number;
  @ApiProperty() segments!: number;
  @ApiProperty({ description: 'USD' }) cost!: number;
}

/** A map from a period's key (a month, a day) to its counts. */
const PERIODS = { type: 'object', additionalProperties: { $ref: getSchemaPath(PeriodStatsDto) } } as const;

export class SmsStatsDto {
  @ApiProperty() totalSent!: number;
  @ApiProperty() totalDelivered!: number;
  @ApiProperty() totalFailed!: number;
  @ApiProperty() totalUndelivered!: number;
  @ApiProperty({ description: 'delivered / sent, 0..1' }) deliveryRate!: number;
  @ApiProperty() totalSegments!: number;
  @ApiProperty() totalCost!: number;
  @ApiProperty({ type: PeriodStatsDto }) thisMonth!: PeriodStatsDto;
  @ApiProperty({ ...PERIODS, description: '{ "YYYY-MM": { sent, delivered, failed, undelivered, segments, cost } }' })
  monthlyStats!: Record<string, PeriodStatsDto>;
  @ApiProperty({ ...PERIODS, description: 'The last 30 days: { "YYYY-MM-DD": { … } }' })
  dailyStats!: Record<string, PeriodStatsDto>;
}
