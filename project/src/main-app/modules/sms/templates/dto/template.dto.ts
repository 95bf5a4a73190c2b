import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Min, ValidateIf } from 'class-validator';
import type { smsTemplates } from 'src/core/database/schema';
import { PageQueryDto } from 'src/core/http/pagination';
import { templateVariables } from 'src/shared/sms/template';

export class CreateTemplateDto {
  @ApiProperty({ example: 'Appointment reminder' }) @IsString() @Length(1, 200) name!: string;
  @ApiProperty({ example: 'Hi {{first_name|there}}, see you at {{time}}.' }) @IsString() @Length(1, 1600) body!: string;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'null: not linked to a strategy' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  strategyId?: number | null;
}

export class UpdateTemplateDto extends PartialType(CreateTemplateDto) {}

export class TemplateQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: "Only the templates linked to this strategy (a lead's strategy templates)" })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  strategyId?: number;
}

export class SmsTemplateDto {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: [String] }) variables!: string[];
  @ApiProperty({ type: Number, nullable: true }) strategyId!: number | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export const mapTemplate = (r: typeof smsTemplates.$inferSelect): SmsTemplateDto => ({
  id: r.id,
  name: r.name,
  body: r.body,
  variables: templateVariables(r.body),
  strategyId: r.strategyId,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});
