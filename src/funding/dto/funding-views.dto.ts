import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import {
  CASE_STATUSES,
  DOMAIN_ROLES,
  SUPPLIER_TYPES,
  type CaseStatus,
  type DomainRole,
  type SupplierType,
} from '../../cases/case-transitions';

export class DomainFundingDto {
  @ApiProperty({ example: 'energy' })
  domainCode!: string;

  @ApiProperty({
    enum: DOMAIN_ROLES,
    nullable: true,
    description: 'null for a domain that has entries but no longer is one of the case’s domains.',
  })
  role!: DomainRole | null;

  @ApiProperty({ description: 'Pledged and still open (not committed, not released).' })
  pledgedCents!: number;

  @ApiProperty()
  committedCents!: number;

  @ApiProperty()
  disbursedCents!: number;

  @ApiProperty({
    example: 4000,
    description: 'The benefit share in force, in basis points (10,000 = 100 %).',
  })
  basisPoints!: number;

  @ApiProperty({
    example: 48000000,
    description:
      'Benefit share × the case’s cost basis, in whole cents (largest remainder: the fair ' +
      'shares add up to the cost basis exactly).',
  })
  fairShareCents!: number;

  @ApiProperty({
    example: 72000000,
    description: 'Committed − fair share: positive, pays for others; negative, others pay for it.',
  })
  balanceCents!: number;
}

/** `GET /cases/{id}/funding`. */
export class CaseFundingDto {
  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({ example: 'BRUG-2026-000042' })
  reference!: string;

  @ApiProperty({ example: 120000000 })
  estimatedValueCents!: number;

  @ApiProperty()
  committedCents!: number;

  @ApiProperty()
  pledgedCents!: number;

  @ApiProperty()
  disbursedCents!: number;

  @ApiProperty({
    description: 'Estimated value − committed (negative when more is committed than estimated).',
  })
  gapCents!: number;

  @ApiProperty({
    example: 120000000,
    description:
      'What the fair shares split: the committed total when there is one, else the estimated value.',
  })
  costBasisCents!: number;

  @ApiProperty({ enum: ['committed', 'estimated'] })
  costBasis!: 'committed' | 'estimated';

  @ApiProperty({ type: [DomainFundingDto], description: 'Lead domain first, then by code.' })
  byDomain!: DomainFundingDto[];

  @ApiProperty({
    type: [String],
    example: ['energy-poverty', 'care'],
    description: 'Domains the case touches with nothing committed or pledged.',
  })
  nonPayingDomains!: string[];

  @ApiPropertyOptional({
    format: 'date-time',
    description:
      'With `?asOf=`: the moment the answer is as of (the last microsecond of the day for a ' +
      'day). Entries, benefit shares and the status are as recorded by then; the estimated ' +
      'value and the domains are the case’s present ones.',
  })
  asOf?: string;
}

export class FundingMatrixCellDto {
  @ApiProperty({ enum: DOMAIN_ROLES, nullable: true })
  role!: DomainRole | null;

  @ApiProperty()
  committedCents!: number;

  @ApiProperty({ description: 'Pledged and open; always 0 on a declined or withdrawn case.' })
  pledgedCents!: number;

  @ApiProperty({ description: 'Paid out of what is committed.' })
  disbursedCents!: number;
}

@ApiExtraModels(FundingMatrixCellDto)
export class FundingMatrixRowDto {
  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({ example: 'BRUG-2026-000042' })
  reference!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(FundingMatrixCellDto) },
    description: 'Per domain code: the domains the case touches (or has entries for).',
  })
  cells!: Record<string, FundingMatrixCellDto>;
}

export class FundingMatrixTotalDto {
  @ApiProperty({ description: 'Cases that touch the domain (lead or affected).' })
  touchedCases!: number;

  @ApiProperty({ description: 'Cases for which the domain has money committed or pledged.' })
  payingCases!: number;

  @ApiProperty()
  committedCents!: number;

  @ApiProperty()
  pledgedCents!: number;

  @ApiProperty()
  disbursedCents!: number;
}

/** `GET /funding/matrix`. */
@ApiExtraModels(FundingMatrixTotalDto)
export class FundingMatrixDto {
  @ApiProperty({
    type: [String],
    description: 'The domains of the columns: those touched by (or funding) the rows, by code.',
  })
  domains!: string[];

  @ApiProperty({
    type: [FundingMatrixRowDto],
    description:
      'One row per case, oldest filed first: a page of the selected cases counted from the ' +
      'newest (`page`, `pageSize`; by default the newest 1,000; see `truncated`). The CSV has ' +
      'a row for every case.',
  })
  rows!: FundingMatrixRowDto[];

  @ApiProperty({
    type: 'object',
    description: 'Per domain, over every selected case (also those without a row).',
    additionalProperties: { $ref: getSchemaPath(FundingMatrixTotalDto) },
  })
  totals!: Record<string, FundingMatrixTotalDto>;

  @ApiProperty({ description: 'How many cases the filters select.', example: 1234 })
  caseCount!: number;

  @ApiProperty({
    description: 'True when `rows` does not hold every selected case (a page of them).',
  })
  truncated!: boolean;

  @ApiProperty({
    description: 'The page `rows` holds: 1 is the newest `pageSize` of the selected cases.',
    example: 1,
  })
  page!: number;

  @ApiProperty({ description: 'Cases per page (the last page may hold fewer).', example: 1000 })
  pageSize!: number;
}

export class FundingDomainTotalsDto extends FundingMatrixTotalDto {
  @ApiProperty({
    description:
      'Cases that touch the domain (lead or affected) with nothing committed or pledged by it.',
  })
  nonPayingCases!: number;
}

export class FundingDomainCellDto extends FundingDomainTotalsDto {
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'energy',
    description: 'The lead domain of the cases counted (null only for a case without a lead).',
  })
  leadDomain!: string | null;

  @ApiProperty({ example: 'housing', description: 'The domain touched by, or funding, them.' })
  domain!: string;
}

/** `GET /funding/matrix/by-domain`. */
@ApiExtraModels(FundingDomainTotalsDto)
export class FundingDomainMatrixDto {
  @ApiProperty({
    type: [String],
    description: 'Every domain that leads, is touched by or funds a selected case, by code.',
  })
  domains!: string[];

  @ApiProperty({
    type: [FundingDomainCellDto],
    description:
      'One cell per (lead domain, domain) pair with at least one case: over the selected cases ' +
      'led by `leadDomain`, what `domain` committed, pledged and disbursed, and how many of ' +
      'them it touches, pays for and does not pay for. A case counts in one cell per domain, so ' +
      'the cells of a domain add up to its totals. At most (domains + 1)² cells, however many ' +
      'cases. Ordered by lead domain, then domain.',
  })
  cells!: FundingDomainCellDto[];

  @ApiProperty({
    type: 'object',
    description:
      'Per domain, over every selected case: the sums of its cells (the same numbers as the ' +
      'totals of `GET /funding/matrix`, with `nonPayingCases`).',
    additionalProperties: { $ref: getSchemaPath(FundingDomainTotalsDto) },
  })
  totals!: Record<string, FundingDomainTotalsDto>;

  @ApiProperty({ description: 'How many cases the filters select.', example: 1234 })
  caseCount!: number;
}

export class FundingGapDto {
  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({ example: 'BRUG-2026-000042' })
  reference!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ enum: CASE_STATUSES })
  status!: CaseStatus;

  @ApiProperty()
  estimatedValueCents!: number;

  @ApiProperty()
  committedCents!: number;

  @ApiProperty()
  pledgedCents!: number;

  @ApiProperty({ description: 'Estimated value − committed.' })
  gapCents!: number;

  @ApiProperty({ type: [String] })
  nonPayingDomains!: string[];
}

/** `GET /funding/gaps`. */
export class FundingGapListDto {
  @ApiProperty({ type: [FundingGapDto], description: 'Largest gap first.' })
  items!: FundingGapDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}

export class SupplierTypeShareDto {
  @ApiProperty({ description: 'Resolved cases awarded to this type of supplier.' })
  cases!: number;

  @ApiProperty()
  awardedValueCents!: number;

  @ApiProperty({ description: 'Counts towards the commons share.' })
  commons!: boolean;
}

export class PipelineStatusDto {
  @ApiProperty()
  cases!: number;

  @ApiProperty({ description: 'Their estimated value.' })
  estimatedValueCents!: number;
}

export const PIPELINE_STATUSES = ['accepted', 'in_progress', 'proposed'] as const;
export type PipelineStatus = (typeof PIPELINE_STATUSES)[number];

/** The cases on their way to an award, as they stand now. */
@ApiExtraModels(PipelineStatusDto)
export class CommonsPipelineDto {
  @ApiProperty({
    description: 'Cases accepted by MeentCoop and not yet resolved, declined or withdrawn.',
  })
  cases!: number;

  @ApiProperty({
    description:
      'Their estimated value: nothing is awarded yet, and whether a supplier counts towards ' +
      'the commons is known only when the case is resolved.',
  })
  estimatedValueCents!: number;

  @ApiProperty({
    type: 'object',
    description: `Per status (${PIPELINE_STATUSES.join(', ')}); adds up to the totals.`,
    additionalProperties: { $ref: getSchemaPath(PipelineStatusDto) },
  })
  byStatus!: Record<PipelineStatus, PipelineStatusDto>;
}

/** `GET /reports/commons-share`. */
@ApiExtraModels(SupplierTypeShareDto)
export class CommonsShareDto {
  @ApiProperty({ example: 2026 })
  year!: number;

  @ApiProperty({
    description:
      'Cases resolved in the year (Amsterdam time): the number the share rests on (one case ' +
      'makes a share of 0% or 100%).',
  })
  resolvedCases!: number;

  @ApiProperty({ description: 'Of those, the cases awarded to commons-type suppliers.' })
  commonsCases!: number;

  @ApiProperty()
  awardedValueCents!: number;

  @ApiProperty({
    description:
      'Awarded to cooperatives, collectives, foundations or associations and social enterprises.',
  })
  commonsValueCents!: number;

  @ApiProperty({ minimum: 0, maximum: 1, description: 'commonsValueCents / awardedValueCents.' })
  commonsShare!: number;

  @ApiProperty({ example: 0.35 })
  target!: number;

  @ApiProperty({ example: 2035 })
  targetYear!: number;

  @ApiProperty({
    type: 'object',
    description: `Per supplier type (${SUPPLIER_TYPES.join(', ')}); adds up to the totals.`,
    additionalProperties: { $ref: getSchemaPath(SupplierTypeShareDto) },
  })
  bySupplierType!: Record<SupplierType, SupplierTypeShareDto>;

  @ApiProperty({
    type: CommonsPipelineDto,
    description:
      'Beside the resolved share: the cases still on their way to an award, now (whatever the year).',
  })
  pipeline!: CommonsPipelineDto;
}
