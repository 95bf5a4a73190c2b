import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Min } from 'class-validator';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class ReportQueryDto {
  @ApiPropertyOptional({
    description: 'First day, inclusive, YYYY-MM-DD in UTC (default: usage 12 months back, failures 30 days back)',
  })
  @IsOptional()
  @Matches(DAY, { message: 'from must be a day as YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ description: 'Last day, inclusive, YYYY-MM-DD in UTC (default: today)' })
  @IsOptional()
  @Matches(DAY, { message: 'to must be a day as YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({
    description:
      'One SubAccount. Admins without it get every SubAccount they manage (the X-SubAccount-Id header does not narrow a report); users always get their own.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  subAccountId?: number;
}
