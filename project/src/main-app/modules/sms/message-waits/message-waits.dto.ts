import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsInt, Min } from 'class-validator';
import { WAIT_REASONS, type MessageWait } from './wait-reason';

export const MAX_WAIT_IDS = 50;

export class MessageWaitsQueryDto {
  @ApiProperty({ type: String, description: `Message ids, comma-separated, at most ${MAX_WAIT_IDS}`, example: '12,13' })
  @Transform(({ value }: { value: unknown }) =>
    String(value)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map(Number),
  )
  @IsArray()
  @ArrayNotEmpty({ message: 'ids must name at least one message id' })
  @ArrayMaxSize(MAX_WAIT_IDS, { message: `ids may name at most ${MAX_WAIT_IDS} messages` })
  @IsInt({ each: true, message: 'ids must be whole numbers separated by commas' })
  @Min(1, { each: true, message: 'ids must be positive' })
  ids!: number[];
}

export class MessageWaitDto {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: WAIT_REASONS }) reason!: (typeof WAIT_REASONS)[number];
  @ApiProperty({ description: 'The reason in a sentence' }) detail!: string;
  @ApiProperty({ type: Date, nullable: true, description: 'About when it goes; null: not until someone acts' })
  estimatedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true, description: "Quiet hours: the recipient's time zone" })
  timeZone!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Rate limit: messages claimed before it' })
  queueAhead!: number | null;
  @ApiProperty({ description: 'The count stopped at its limit: at least queueAhead' }) queueAheadAtLeast!: boolean;
  @ApiProperty({ type: Number, nullable: true }) segmentsPerSecond!: number | null;
}

export class MessageWaitsDto {
  @ApiProperty({ type: [MessageWaitDto], description: 'One per pending message named; others are left out' })
  items!: MessageWaitDto[];
}

export const mapWaits = (items: MessageWait[]): MessageWaitsDto => ({ items });
