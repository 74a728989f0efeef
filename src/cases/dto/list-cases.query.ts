import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  IsUUID,
} from 'class-validator';
import { SingleLineText } from '../../common/text';
import { IsCalendarDate, IsKebabCode, QueryBoolean, QueryInt } from '../../common/validators';
import { CASE_STATUSES, PRIORITIES, type CaseStatus, type Priority } from '../case-transitions';
import { SLA_STATES, type SlaState } from '../sla-clock';

export const CASE_SORTS = [
  '-filedAt',
  'filedAt',
  'deadline',
  '-priority',
  'priority',
  '-estimatedValue',
  'estimatedValue',
  'leadDomain',
  '-leadDomain',
  'buyer',
  '-buyer',
] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

/**
 * The filters every view over cases offers (the case list, the funding matrix): owned here, so
 * they mean the same everywhere.
 */
export class CaseFilterQuery {
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

  @ApiPropertyOptional({ description: 'A domain code the case touches.', example: 'housing' })
  @IsOptional()
  @IsString()
  @IsKebabCode()
  domain?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Filed on or after this day (Amsterdam).' })
  @IsOptional()
  @IsCalendarDate()
  filedFrom?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Filed on or before this day (Amsterdam).' })
  @IsOptional()
  @IsCalendarDate()
  filedTo?: string;
}

export class ListCasesQuery extends CaseFilterQuery {
  @ApiPropertyOptional({ description: 'A MeentCoop team, by id or code.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  team?: string;

  @ApiPropertyOptional({ description: 'A user id, `me`, or `none` (no handler yet).' })
  @IsOptional()
  @ValidateIf((_, v) => v !== 'me' && v !== 'none')
  @IsUUID(undefined, { message: 'must be a user id, "me" or "none"' })
  assignee?: string;

  @ApiPropertyOptional({ enum: PRIORITIES })
  @IsOptional()
  @IsIn(PRIORITIES)
  priority?: Priority;

  @ApiPropertyOptional({
    description:
      'Search: Dutch full text over reference, title, description and tender reference, or every word of 3 or more letters as a part of a word ("bespaar" finds "energiebespaarservice"; case and accents ignored) in those, the proposal, the outcome or a note the caller may read.',
    maxLength: 200,
  })
  @SingleLineText({ min: 0, max: 200, optional: true })
  q?: string;

  @ApiPropertyOptional({
    description:
      'Only cases whose open SLA stage is past its due time while its clock runs (a suspended case is not overdue).',
  })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({
    enum: SLA_STATES,
    isArray: true,
    description:
      'Only cases whose current SLA stage (accept while routed, then propose) is in one of these states: suspended, breached, due_soon (within 24 hours), on_time; met: no stage open and the propose stage not breached. Repeatable: `sla=breached&sla=due_soon`.',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? [value] : value))
  @IsArray()
  @ArrayMaxSize(SLA_STATES.length)
  @IsIn(SLA_STATES, { each: true })
  sla?: SlaState[];

  @ApiPropertyOptional({
    enum: CASE_SORTS,
    default: '-filedAt',
    description:
      "A leading `-` sorts descending. `priority` sorts by rank (urgent highest), then filing time; `leadDomain` by the lead domain's code; `buyer` by the name of the person who filed; ties by id.",
  })
  @IsOptional()
  @IsIn(CASE_SORTS)
  sort?: CaseSort;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 25 })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  cursor?: string;
}
