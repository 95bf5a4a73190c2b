import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsISO31661Alpha2, IsOptional, IsString, IsTimeZone, Length, MaxLength } from 'class-validator';
import type { subAccounts } from 'src/core/database/schema';

export class CreateSubAccountDto {
  @ApiProperty({ example: 'Acme Roofing' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ example: 'America/New_York', description: 'IANA time zone' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ example: 'US', description: 'Default country for phone numbers (ISO 3166-1 alpha-2)' })
  @IsOptional()
  @IsISO31661Alpha2()
  @MaxLength(2)
  defaultCountry?: string;
}

export class UpdateSubAccountDto extends PartialType(CreateSubAccountDto) {}

export class SubAccountDto {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty() timeZone!: string;
  @ApiProperty() defaultCountry!: string;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export const mapSubAccount = (row: typeof subAccounts.$inferSelect): SubAccountDto => ({
  id: row.id,
  name: row.name,
  timeZone: row.timeZone,
  defaultCountry: row.defaultCountry,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});
