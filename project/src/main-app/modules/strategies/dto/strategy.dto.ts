import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';
import type { strategies } from 'src/core/database/schema';

export class CreateStrategyDto {
  @ApiProperty({ example: 'Roof inspection follow-up' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'nurture' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  tag?: string | null;
}

export class UpdateStrategyDto extends PartialType(CreateStrategyDto) {}

export class StrategyDto {
  @ApiProperty() id!: number;
  @ApiProperty() subAccountId!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ nullable: true, type: String }) tag!: string | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export const mapStrategy = (r: typeof strategies.$inferSelect): StrategyDto => ({
  id: r.id,
  subAccountId: r.subAccountId,
  name: r.name,
  description: r.description,
  tag: r.tag,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});
