import { applyDecorators, type Type as ClassType } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class PageQueryDto {
  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page: number = 1;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;

  @ApiPropertyOptional({ description: 'Free-text search' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}

/** A list that also pages by keyset: `cursor` (the previous answer's `nextCursor`) wins over `page`. */
export class CursorPageQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: "The previous page's nextCursor: the next page, stable while new rows arrive (page is ignored)",
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  /** Exact when totalExact is not false; otherwise an estimate, at least TOTAL_EXACT_UP_TO + 1. */
  total: number;
  page: number;
  limit: number;
  /** False when total is an estimate (more than TOTAL_EXACT_UP_TO rows match). */
  totalExact?: boolean;
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor?: string | null;
}

/** Totals are counted exactly up to this many rows; beyond, they are estimated (never a count of a million rows). */
export const TOTAL_EXACT_UP_TO = 1000;
/**
 * A search's total is counted exactly only this far: a word in 10% of a million bodies takes a scan of ~10 rows
 * per match to count (74 ms for 1,000 matches at 1M rows, against 7 ms for 100).
 */
export const SEARCH_TOTAL_EXACT_UP_TO = 100;

/** A list's answer; `page` is 0 when the page was asked for by cursor (its number is not known). */
export function pageOf<T>(
  items: T[],
  rest: { total: number; totalExact: boolean; nextCursor: string | null },
  q: { page: number; limit: number; cursor?: string },
): Page<T> {
  const { total, totalExact, nextCursor } = rest;
  return { items, total, totalExact, nextCursor, page: q.cursor ? 0 : q.page, limit: q.limit };
}

export const offsetOf = (q: { page: number; limit: number }) => (q.page - 1) * q.limit;

/** `%term%` for ILIKE with the user's % and _ taken literally. */
export const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Documents a `Page<T>` response: `{ items: T[], total, page, limit }`. */
export const ApiPageResponse = (item: ClassType<unknown>) =>
  applyDecorators(
    ApiExtraModels(item),
    ApiOkResponse({
      schema: {
        type: 'object',
        required: ['items', 'total', 'page', 'limit'],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(item) } },
          total: { type: 'integer' },
          page: { type: 'integer' },
          limit: { type: 'integer' },
          totalExact: {
            type: 'boolean',
            description: 'false: total is an estimate (over 1,000 rows match; 100 for a search)',
          },
          nextCursor: { type: 'string', nullable: true, description: 'cursor for the next page; null on the last' },
        },
      },
    }),
  );
