import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { CaseFilterQuery } from '../../cases/dto/list-cases.query';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsDateOrDateTime, IsKebabCode, QueryInt } from '../../common/validators';

/** `GET /cases/{id}/funding`: optionally, the ledger as it stood at a moment. */
export class CaseFundingQuery {
  @ApiPropertyOptional({
    description:
      'Answer from the ledger as it stood then: a moment with its offset ' +
      '(`2026-03-01T12:00:00+01:00`), or a day (`2026-03-01`: at the end of that day, Amsterdam).',
    example: '2026-03-01',
  })
  @IsOptional()
  @IsDateOrDateTime()
  asOf?: string;
}

/** `GET /funding/matrix/by-domain`: the case filters of the case list. */
export class FundingDomainMatrixQuery extends CaseFilterQuery {}

/** `GET /funding/flows`: the case filters of the case list. */
export class FundingFlowsQuery extends CaseFilterQuery {}

/** At most this many pages: the offset stays bounded however the page number is made. */
export const MATRIX_MAX_PAGE = 100_000;

/**
 * `GET /funding/matrix`: the case filters of the case list, and which page of the selected
 * cases (counted from the newest) the JSON's rows hold. The CSV has every case.
 */
export class FundingMatrixQuery extends CaseFilterQuery {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: MATRIX_MAX_PAGE,
    default: 1,
    description: 'Page 1 holds the newest `pageSize` cases, page 2 the ones before, and so on.',
  })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  @Max(MATRIX_MAX_PAGE)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 1000 })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  @Max(1000)
  pageSize?: number;
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
export class OcdsExportQuery extends PickType(CaseFilterQuery, ['filedFrom', 'filedTo'] as const) {}
