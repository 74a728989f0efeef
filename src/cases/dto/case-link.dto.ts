import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { MultiLineText, SingleLineText } from '../../common/text';
import { IsKebabCode, Optional } from '../../common/validators';
import { CASE_STATUSES, type CaseStatus } from '../case-transitions';
import { CASE_LINK_KINDS, type CaseLinkKind } from '../entities/case-link.entity';
import { MAX_ESTIMATED_VALUE_CENTS } from './case-input.dto';
import { CaseDomainDto, HistoryActorDto, RefDto } from './case.dto';

/** A case named in a body: its id (UUID) or its reference. */
const CASE_ID_OR_REFERENCE =
  /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|BRUG-\d{4}-\d{6})$/i;

/** The kinds a person links with `POST /cases/{id}/links`; `duplicate_of` is made by closing. */
export const LINKABLE_KINDS = ['related', 'part_of'] as const satisfies readonly CaseLinkKind[];
export type LinkableKind = (typeof LINKABLE_KINDS)[number];

export class CreateCaseLinkDto {
  @ApiProperty({
    enum: LINKABLE_KINDS,
    description:
      '`related`: the cases touch each other; `part_of`: this case is a sub-case of `target`. A duplicate is linked by closing it (`POST /cases/{id}/duplicate-of`).',
  })
  @IsIn(LINKABLE_KINDS)
  kind!: LinkableKind;

  @ApiProperty({ description: 'The other case: its id or its reference (BRUG-2026-000042).' })
  @IsDefined()
  @IsString()
  @Matches(CASE_ID_OR_REFERENCE, { message: 'must be a case id or reference' })
  target!: string;
}

export class CreateSubCaseDto {
  @ApiProperty({
    example: 'housing',
    description: 'The domain of the parent this sub-case is for; it becomes its lead domain.',
  })
  @IsDefined()
  @IsString()
  @IsKebabCode()
  domainCode!: string;

  @ApiPropertyOptional({
    minLength: 5,
    maxLength: 200,
    description: 'Its title; the parent’s title when left out.',
  })
  @SingleLineText({ min: 5, max: 200, optional: true })
  title?: string;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: MAX_ESTIMATED_VALUE_CENTS,
    description: 'Its part of the value; 0 when left out.',
  })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(MAX_ESTIMATED_VALUE_CENTS)
  estimatedValueCents?: number;
}

export class CloseAsDuplicateDto {
  @ApiProperty({ description: 'The open case that stays: its id or its reference.' })
  @IsDefined()
  @IsString()
  @Matches(CASE_ID_OR_REFERENCE, { message: 'must be a case id or reference' })
  target!: string;

  @ApiProperty({
    minLength: 10,
    maxLength: 1000,
    description: 'Why it is a duplicate (the buyer reads it; it is the outcome’s summary).',
  })
  @MultiLineText({ min: 10, max: 1000, trim: true })
  reason!: string;
}

export class LinkedMoneyDto {
  @ApiProperty()
  pledgedCents!: number;

  @ApiProperty()
  committedCents!: number;

  @ApiProperty()
  disbursedCents!: number;
}

/** The other case of a link, as far as the page that lists links needs it. */
export class LinkedCaseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'BRUG-2026-000042' })
  reference!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ enum: CASE_STATUSES })
  status!: CaseStatus;

  @ApiProperty({ type: [CaseDomainDto] })
  domains!: CaseDomainDto[];

  @ApiProperty({ type: RefDto, nullable: true, description: 'The team it is routed to.' })
  team!: RefDto | null;

  @ApiProperty({ type: LinkedMoneyDto, description: 'Its money, summed over its domains.' })
  funding!: LinkedMoneyDto;
}

export class CaseLinkDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: CASE_LINK_KINDS })
  kind!: CaseLinkKind;

  @ApiProperty({
    enum: ['outgoing', 'incoming'],
    description:
      '`outgoing`: this case is `kind` the other (a sub-case `part_of` its parent); `incoming`: the other case is `kind` this one (a sub-case of this case, a duplicate of it).',
  })
  direction!: 'outgoing' | 'incoming';

  @ApiProperty({ type: LinkedCaseDto })
  case!: LinkedCaseDto;

  @ApiProperty({ type: HistoryActorDto, description: 'Who linked them.' })
  createdBy!: HistoryActorDto;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class CaseLinkListDto {
  @ApiProperty({
    type: [CaseLinkDto],
    description:
      'The links of the case whose other case the caller may see (at most 50, oldest first).',
  })
  items!: CaseLinkDto[];

  @ApiProperty({
    type: LinkedMoneyDto,
    nullable: true,
    description: 'The money of this case and its sub-cases together; null without sub-cases.',
  })
  withSubCases!: LinkedMoneyDto | null;
}
