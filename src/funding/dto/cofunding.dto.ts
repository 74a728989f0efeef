import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsString,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { MultiLineText, SingleLineText } from '../../common/text';
import { EachIsObject, IsKebabCode, Optional } from '../../common/validators';
import { MAX_ENTRY_CENTS } from '../entities/funding-entry.entity';

export const PROPOSAL_STATES = [
  'open',
  'partly_accepted',
  'accepted',
  'declined',
  'expired',
] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

export const ITEM_VIEW_STATES = ['open', 'accepted', 'declined', 'expired'] as const;
export type ItemViewState = (typeof ITEM_VIEW_STATES)[number];

export const COFUNDING_ANSWERS = ['accept', 'decline'] as const;
export type CofundingAnswer = (typeof COFUNDING_ANSWERS)[number];

export class CofundingItemInput {
  @ApiProperty({ example: 'housing', description: 'A domain the case touches.' })
  @IsDefined()
  @IsString()
  @IsKebabCode()
  domainCode!: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_ENTRY_CENTS,
    example: 24000000,
    description: 'Default: the domain’s fair share less what it pledged and committed.',
  })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(MAX_ENTRY_CENTS)
  amountCents?: number;
}

/** `POST /cases/{id}/cofunding-proposals`. */
export class CreateCofundingProposalDto {
  @ApiPropertyOptional({
    type: [CofundingItemInput],
    description:
      'The domains asked, each at most once. Left out: every domain whose fair share is more ' +
      'than it pledged and committed, for the difference.',
  })
  @Optional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @EachIsObject('an object with domainCode (and amountCents)')
  @ValidateNested({ each: true })
  @Type(() => CofundingItemInput)
  items?: CofundingItemInput[];

  @ApiPropertyOptional({ maxLength: 2000 })
  @MultiLineText({ max: 2000, optional: true, trim: true })
  note?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Answers are taken until then; items still open after it are expired.',
  })
  @Optional()
  @IsISO8601({ strict: true })
  answerBy?: string;
}

/** `POST /cases/{id}/cofunding-proposals/{proposalId}/answers`. */
export class AnswerCofundingDto {
  @ApiProperty({ example: 'housing', description: 'The domain answered for.' })
  @IsDefined()
  @IsString()
  @IsKebabCode()
  domainCode!: string;

  @ApiProperty({ enum: COFUNDING_ANSWERS })
  @IsDefined()
  @IsIn(COFUNDING_ANSWERS)
  answer!: CofundingAnswer;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Required when declining.' })
  @ValidateIf((o: AnswerCofundingDto) => o.answer === 'decline' || o.reason !== undefined)
  @MultiLineText({ min: 1, max: 2000, trim: true })
  reason?: string;

  @ApiPropertyOptional({ maxLength: 100, example: 'KP-WONEN-2210', description: 'Kostenplaats.' })
  @SingleLineText({ max: 100, optional: true })
  budgetLine?: string;
}

export class PersonRefDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  id!: string | null;

  @ApiProperty()
  name!: string;
}

export class CofundingItemDto {
  @ApiProperty({ example: 'housing' })
  domainCode!: string;

  @ApiProperty({ example: 24000000 })
  amountCents!: number;

  @ApiProperty({ enum: ITEM_VIEW_STATES })
  state!: ItemViewState;

  @ApiProperty({ type: String, nullable: true, description: 'Why the domain declined.' })
  reason!: string | null;

  @ApiProperty({ type: PersonRefDto, nullable: true })
  answeredBy!: PersonRefDto | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  answeredAt!: string | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The pledge an accepted item became (a funding entry).',
  })
  pledgeEntryId!: string | null;
}

export class CofundingProposalDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({ description: 'Counts the answers; the ETag and If-Match of an answer.' })
  version!: number;

  @ApiProperty({
    enum: PROPOSAL_STATES,
    description:
      'open: items open, none accepted; partly_accepted: some accepted, not all; accepted: all; ' +
      'declined: none accepted, all declined; expired: none accepted and some open past answerBy.',
  })
  state!: ProposalState;

  @ApiProperty({ description: 'The benefit shares’ version the amounts were made from.' })
  sharesVersion!: number;

  @ApiProperty({ type: String, nullable: true })
  note!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  answerBy!: string | null;

  @ApiProperty({ type: PersonRefDto })
  createdBy!: PersonRefDto;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: [CofundingItemDto], description: 'By domain code.' })
  items!: CofundingItemDto[];
}

export class CofundingProposalListDto {
  @ApiProperty({ type: [CofundingProposalDto], description: 'Newest first.' })
  items!: CofundingProposalDto[];
}
