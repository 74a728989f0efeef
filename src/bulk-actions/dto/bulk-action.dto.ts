import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CASE_SORTS, type CaseSort } from '../../cases/dto/list-cases.query';
import { TRANSITIONS, type CaseStatus } from '../../cases/case-transitions';
import { INPUT_LIMITS } from '../../common/input-limits';
import { MultiLineText } from '../../common/text';
import { Optional, QueryInt } from '../../common/validators';
import { ViewFiltersDto } from '../../views/view-filters';
import {
  BULK_ACTIONS,
  BULK_OUTCOMES,
  BULK_SELECTIONS,
  BULK_STATES,
  type BulkActionKind,
  type BulkOutcome,
  type BulkSelection,
  type BulkState,
} from '../bulk-action.entity';

/** At most this many cases in one bulk action (issue 19). */
export const MAX_BULK_CASES = 1000;

/**
 * Cases picked one by one are a page of the list (at most 100, as `GET /cases` pages); more go
 * by the view's filters. The same bound as any array of a request body (ADR 15).
 */
export const MAX_PICKED_CASES = INPUT_LIMITS.maxArrayItems;

/**
 * The statuses a bulk transition may move cases to: those a person may take with at most a
 * reason (a proposal or an outcome is written per case, never in bulk; routing is Brug's).
 */
export const BULK_TRANSITION_TARGETS: readonly CaseStatus[] = [
  ...new Set(
    TRANSITIONS.filter(
      (t) => !t.by.every((who) => who === 'system') && (!t.requires || t.requires === 'reason'),
    ).map((t) => t.to),
  ),
];
const NEEDS_REASON: readonly CaseStatus[] = [
  ...new Set(TRANSITIONS.filter((t) => t.requires === 'reason').map((t) => t.to)),
];

export class BulkCaseRefDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;

  @ApiProperty({ description: 'The version of the case the person saw when selecting it.' })
  @IsInt()
  @Min(1)
  version!: number;
}

/** Either the cases picked (the page, with their versions) or a view's filters (every match). */
export class BulkSelectionDto {
  @ApiPropertyOptional({
    type: [BulkCaseRefDto],
    maxItems: MAX_PICKED_CASES,
    description:
      'The cases picked (a page of the list), each with the version seen; a case changed since is skipped.',
  })
  @Optional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PICKED_CASES)
  @ValidateNested({ each: true })
  @Type(() => BulkCaseRefDto)
  cases?: BulkCaseRefDto[];

  @ApiPropertyOptional({
    type: ViewFiltersDto,
    description: 'The list filters of a view (as GET /cases takes them): every matching case.',
  })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => ViewFiltersDto)
  filters?: ViewFiltersDto;

  @ApiPropertyOptional({ enum: CASE_SORTS, description: 'The order cases are done in.' })
  @Optional()
  @IsIn(CASE_SORTS)
  sort?: CaseSort;
}

export class BulkActionInput {
  @ApiProperty({ enum: BULK_ACTIONS })
  @IsIn(BULK_ACTIONS)
  action!: BulkActionKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for (and only with) assign.' })
  @ValidateIf((o: BulkActionInput) => o.action === 'assign' || o.assigneeId !== undefined)
  @IsDefined({ message: 'is required for assign' })
  @IsUUID()
  assigneeId?: string;

  @ApiPropertyOptional({
    enum: BULK_TRANSITION_TARGETS,
    description: 'Required for (and only with) transition.',
  })
  @ValidateIf((o: BulkActionInput) => o.action === 'transition' || o.to !== undefined)
  @IsDefined({ message: 'is required for transition' })
  @IsIn(BULK_TRANSITION_TARGETS)
  to?: CaseStatus;

  @ApiPropertyOptional({
    maxLength: 2000,
    description: `With transition; required when moving to ${NEEDS_REASON.join(' or ')}.`,
  })
  @ValidateIf(
    (o: BulkActionInput) =>
      (o.action === 'transition' && !!o.to && NEEDS_REASON.includes(o.to)) ||
      o.reason !== undefined,
  )
  @IsDefined({ message: `is required when moving to ${NEEDS_REASON.join(' or ')}` })
  @MultiLineText({ max: 2000, trim: true })
  reason?: string;

  @ApiPropertyOptional({
    description:
      'With take_on or assign to oneself: take cases of another team on, moving their team and the MeentCoop half of the koppel; without it such cases are skipped (koppel_team_mismatch).',
  })
  @Optional()
  @IsBoolean()
  moveKoppel?: boolean;

  @ApiProperty({ type: BulkSelectionDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => BulkSelectionDto)
  selection!: BulkSelectionDto;
}

export class CreateBulkActionDto extends BulkActionInput {}

export class BulkPreviewDto {
  @ApiProperty({ description: 'How many cases the selection holds now.' })
  count!: number;

  @ApiProperty({ description: 'True when more match than could be counted (count is a floor).' })
  countCapped!: boolean;

  @ApiProperty({ example: MAX_BULK_CASES })
  max!: number;

  @ApiProperty({ description: 'Whether the selection may be done in one bulk action.' })
  withinLimit!: boolean;
}

export class BulkPersonDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;
}

export class BulkParamsDto {
  @ApiPropertyOptional({ format: 'uuid' })
  assigneeId?: string;

  @ApiPropertyOptional({ type: BulkPersonDto })
  assignee?: BulkPersonDto;

  @ApiPropertyOptional({ enum: BULK_TRANSITION_TARGETS })
  to?: CaseStatus;

  @ApiPropertyOptional()
  reason?: string;

  @ApiPropertyOptional()
  moveKoppel?: boolean;
}

export class BulkCountsDto {
  @ApiProperty()
  pending!: number;

  @ApiProperty()
  done!: number;

  @ApiProperty()
  skipped!: number;

  @ApiProperty()
  failed!: number;
}

export class BulkResultDto {
  @ApiProperty({ description: 'The place of the case in the selection, from 1.' })
  position!: number;

  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({ type: String, nullable: true, example: 'BRUG-2026-000042' })
  reference!: string | null;

  @ApiProperty({ enum: BULK_OUTCOMES, nullable: true, description: 'Null while pending.' })
  outcome!: BulkOutcome | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Why it was skipped or failed: stale_version (changed since it was selected), no_change, or the error code the single action would answer with (transition_not_allowed, forbidden, case_not_found, koppel_team_mismatch, case_not_editable, …); internal_error when it kept failing.',
  })
  reason!: string | null;
}

export class BulkActionDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: BULK_ACTIONS })
  action!: BulkActionKind;

  @ApiProperty({ type: BulkParamsDto })
  params!: BulkParamsDto;

  @ApiProperty({ enum: BULK_SELECTIONS })
  selection!: BulkSelection;

  @ApiProperty({ type: ViewFiltersDto, nullable: true })
  filters!: ViewFiltersDto | null;

  @ApiProperty({ enum: BULK_STATES })
  state!: BulkState;

  @ApiProperty()
  total!: number;

  @ApiProperty({ type: BulkCountsDto })
  counts!: BulkCountsDto;

  @ApiProperty({ type: BulkPersonDto })
  requestedBy!: BulkPersonDto;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  startedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finishedAt!: string | null;

  @ApiProperty({ type: [BulkResultDto], description: 'A page of per-case results, by position.' })
  results!: BulkResultDto[];

  @ApiProperty({ type: String, nullable: true, description: 'The next page of results.' })
  nextCursor!: string | null;
}

export class BulkActionQuery {
  @ApiPropertyOptional({ enum: BULK_OUTCOMES, description: 'Only results of this outcome.' })
  @IsOptional()
  @IsIn(BULK_OUTCOMES)
  outcome?: BulkOutcome;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  cursor?: string;
}
