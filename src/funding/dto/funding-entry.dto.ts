import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsString,
  ValidateBy,
  ValidateIf,
} from 'class-validator';
import { MultiLineText, SingleLineText } from '../../common/text';
import { IsKebabCode } from '../../common/validators';
import {
  ENTRY_REASONS,
  FUNDING_KINDS,
  RELEASE_FROM,
  type EntryReason,
  type FundingKind,
  type ReleaseFrom,
} from '../entities/funding-entry.entity';

/** A field that belongs to one kind of entry only. */
const OnlyForKind = (kind: string): PropertyDecorator =>
  ValidateBy({
    name: 'onlyForKind',
    validator: {
      validate: (_: unknown, args) =>
        (args?.object as { kind?: unknown } | undefined)?.kind === kind,
      defaultMessage: () => `is only for kind "${kind}"`,
    },
  });

/** `releaseFrom` belongs to a release only. */
const OnlyForRelease = (): PropertyDecorator =>
  ValidateBy({
    name: 'onlyForRelease',
    validator: {
      validate: (_: unknown, args) =>
        (args?.object as { kind?: unknown } | undefined)?.kind === 'release',
      defaultMessage: () => 'is only for kind "release"',
    },
  });

/** `POST /cases/{id}/funding-entries`. */
export class RecordFundingEntryDto {
  @ApiProperty({ example: 'energy', description: 'A domain the case touches.' })
  @IsDefined()
  @IsString()
  @IsKebabCode()
  domainCode!: string;

  @ApiProperty({ enum: FUNDING_KINDS })
  @IsDefined()
  @IsIn(FUNDING_KINDS)
  kind!: FundingKind;

  @ApiProperty({
    example: 45000000,
    description:
      'Euro cents, a whole number. Zero, negative or above 10^13 is refused with 422 (a ledger rule).',
  })
  @IsInt()
  amountCents!: number;

  @ApiPropertyOptional({
    enum: RELEASE_FROM,
    description: 'Required for (and only with) kind `release`.',
  })
  @ValidateIf((o: RecordFundingEntryDto) => o.kind === 'release' || o.releaseFrom !== undefined)
  @IsDefined({ message: 'is required when kind is "release"' })
  @IsIn(RELEASE_FROM)
  @OnlyForRelease()
  releaseFrom?: ReleaseFrom;

  @ApiPropertyOptional({ maxLength: 100, example: 'KP-ENERGIE-7710', description: 'Kostenplaats.' })
  @SingleLineText({ max: 100, optional: true })
  budgetLine?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @MultiLineText({ max: 2000, optional: true, trim: true })
  note?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2027-01-31T23:00:00Z',
    description:
      'Only for a pledge, in the future: when it passes, Brug releases what is still open of ' +
      'the pledge (reason `expired`). A commitment before then makes it binding.',
  })
  @ValidateIf((o: RecordFundingEntryDto) => o.expiresAt !== undefined)
  @IsISO8601({ strict: true })
  @OnlyForKind('pledge')
  expiresAt?: string;
}

/** One element of `initialFunding` on `POST /cases`: becomes a `pledge` entry. */
export class FundingActorDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for Brug.' })
  id!: string | null;

  @ApiProperty()
  name!: string;

  @ApiProperty({ example: 'budget_holder' })
  role!: string;
}

export class FundingEntryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: 'The order of entries (rising).', example: 42 })
  seq!: number;

  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({ example: 'energy' })
  domainCode!: string;

  @ApiProperty({ enum: FUNDING_KINDS })
  kind!: FundingKind;

  @ApiProperty({ enum: RELEASE_FROM, nullable: true })
  releaseFrom!: ReleaseFrom | null;

  @ApiProperty({ example: 45000000 })
  amountCents!: number;

  @ApiProperty({
    example: 45000000,
    description: 'For `commit`: how much of the open pledge became committed; else 0.',
  })
  pledgeConvertedCents!: number;

  @ApiProperty({ type: String, nullable: true })
  budgetLine!: string | null;

  @ApiProperty({ type: String, nullable: true })
  note!: string | null;

  @ApiProperty({
    enum: ENTRY_REASONS,
    nullable: true,
    description:
      'Why Brug recorded the entry itself: `case_closed`, the release of an open pledge when ' +
      'the case was declined or withdrawn; `expired`, the release of what was open of a pledge ' +
      'when its `expiresAt` passed. null for entries people record.',
  })
  reason!: EntryReason | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'A pledge’s expiry (Brug releases what is open of it then); else null.',
  })
  expiresAt!: string | null;

  @ApiProperty({ type: FundingActorDto })
  actor!: FundingActorDto;

  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;
}

export class FundingEntryListDto {
  @ApiProperty({ type: [FundingEntryDto], description: 'Oldest first.' })
  items!: FundingEntryDto[];
}
