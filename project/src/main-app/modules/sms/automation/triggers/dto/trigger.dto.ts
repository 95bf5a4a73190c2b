import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min, ValidateIf } from 'class-validator';
import { LEAD_STATUSES, type LeadStatus } from 'src/core/database/schema';
import type { TriggerRow } from '../triggers.repository';

export const TRIGGER_EVENTS = ['lead_created', 'status_changed'] as const;
export type TriggerEvent = (typeof TRIGGER_EVENTS)[number];

export class CreateTriggerDto {
  @ApiProperty({ example: 'Welcome new leads' }) @IsString() @Length(1, 200) name!: string;

  @ApiProperty({ enum: TRIGGER_EVENTS }) @IsIn(TRIGGER_EVENTS) event!: TriggerEvent;

  @ApiPropertyOptional({ enum: LEAD_STATUSES, nullable: true, description: 'Required for status_changed' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsIn(LEAD_STATUSES)
  toStatus?: LeadStatus | null;

  @ApiProperty() @IsInt() @Min(1) templateId!: number;

  @ApiProperty({ description: 'Minutes between the event and the send' })
  @IsInt()
  @Min(0)
  @Max(365 * 24 * 60)
  delayMinutes!: number;

  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() enabled?: boolean;
}

export class UpdateTriggerDto extends PartialType(CreateTriggerDto) {}

export class SmsTriggerDto {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: TRIGGER_EVENTS }) event!: TriggerEvent;
  @ApiProperty({ enum: LEAD_STATUSES, nullable: true }) toStatus!: LeadStatus | null;
  @ApiProperty() templateId!: number;
  @ApiProperty() templateName!: string;
  @ApiProperty() delayMinutes!: number;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ description: 'Messages this trigger has sent' }) firedCount!: number;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export const mapTrigger = (r: { trigger: TriggerRow; templateName: string; firedCount: number }): SmsTriggerDto => ({
  id: r.trigger.id,
  name: r.trigger.name,
  event: r.trigger.event,
  toStatus: r.trigger.toStatus,
  templateId: r.trigger.templateId,
  templateName: r.templateName,
  delayMinutes: r.trigger.delayMinutes,
  enabled: r.trigger.enabled,
  firedCount: Number(r.firedCount),
  createdAt: r.trigger.createdAt,
  updatedAt: r.trigger.updatedAt,
});
