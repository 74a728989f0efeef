import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { CASE_STATUSES, type CaseStatus } from '../../cases/case-transitions';
import { IsCalendarDate, IsKebabCode, QueryInt } from '../../common/validators';

class FiledBetween {
  @ApiPropertyOptional({ format: 'date', description: 'Filed on or after this day (Amsterdam).' })
  @IsOptional()
  @IsCalendarDate()
  filedFrom?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Filed on or before this day (Amsterdam).' })
  @IsOptional()
  @IsCalendarDate()
  filedTo?: string;
}

/** `GET /funding/matrix`. */
export class FundingMatrixQuery extends FiledBetween {
  @ApiPropertyOptional({
    enum: CASE_STATUSES,
    isArray: true,
    description: 'Repeatable: `status=routed&status=accepted`.',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? [value] : value))
  @IsArray()
  @ArrayMaxSize(8)
  @IsIn(CASE_STATUSES, { each: true })
  status?: CaseStatus[];

  @ApiPropertyOptional({ description: 'Only cases touching this domain.', example: 'housing' })
  @IsOptional()
  @IsString()
  @IsKebabCode()
  domain?: string;
}

/** `GET /funding/gaps`. */
export class FundingGapsQuery {
  @ApiPropertyOptional({ description: 'Only cases touching this domain.', example: 'care' })
  @IsOptional()
  @IsString()
  @IsKebabCode()
  domain?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize?: number;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  cursor?: string;
}

/** `GET /reports/commons-share`. */
export class CommonsShareQuery {
  @ApiPropertyOptional({
    minimum: 2000,
    maximum: 2100,
    example: 2026,
    description: 'The year cases were resolved in (Amsterdam time); default: this year.',
  })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

/** `GET /exports/ocds`. */
export class OcdsExportQuery extends FiledBetween {}
