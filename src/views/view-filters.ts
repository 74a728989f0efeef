import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import {
  CASE_STATUSES,
  PRIORITIES,
  type CaseStatus,
  type Priority,
} from '../cases/case-transitions';
import { SLA_STATES, type SlaState } from '../cases/sla-clock';
import { SingleLineText } from '../common/text';
import { IsCalendarDate, IsKebabCode, Optional } from '../common/validators';

/**
 * The list filters a view keeps: the same names and meanings as the query of `GET /cases`
 * (ListCasesQuery), so a view opens as that query, and a link with them shows the same list.
 */
export interface ViewFilters {
  status?: CaseStatus[];
  domain?: string;
  team?: string;
  /** A user id, `me` (whoever opens the view) or `none`. */
  assignee?: string;
  priority?: Priority;
  q?: string;
  overdue?: boolean;
  sla?: SlaState[];
  filedFrom?: string;
  filedTo?: string;
}

/** The columns a case list can show beside its reference and title (the web UI's table). */
export const VIEW_COLUMNS = [
  'status',
  'team',
  'assignee',
  'sla',
  'deadline',
  'value',
  'unit',
] as const;
export type ViewColumn = (typeof VIEW_COLUMNS)[number];

/** The filters of a view as a request body writes them (JSON: lists, booleans). */
export class ViewFiltersDto implements ViewFilters {
  @ApiPropertyOptional({ enum: CASE_STATUSES, isArray: true })
  @Optional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(CASE_STATUSES.length)
  @IsIn(CASE_STATUSES, { each: true })
  status?: CaseStatus[];

  @ApiPropertyOptional({ example: 'energy' })
  @Optional()
  @IsString()
  @IsKebabCode()
  domain?: string;

  @ApiPropertyOptional({ description: 'A MeentCoop team, by code.', example: 'meentcoop-energy' })
  @Optional()
  @IsString()
  @MaxLength(64)
  team?: string;

  @ApiPropertyOptional({ description: 'A user id, `me` (whoever opens the view) or `none`.' })
  @Optional()
  @ValidateIf((_, v) => v !== 'me' && v !== 'none')
  @IsUUID(undefined, { message: 'must be a user id, "me" or "none"' })
  assignee?: string;

  @ApiPropertyOptional({ enum: PRIORITIES })
  @Optional()
  @IsIn(PRIORITIES)
  priority?: Priority;

  @ApiPropertyOptional({ maxLength: 200 })
  @SingleLineText({ min: 0, max: 200, optional: true })
  q?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ enum: SLA_STATES, isArray: true })
  @Optional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(SLA_STATES.length)
  @IsIn(SLA_STATES, { each: true })
  sla?: SlaState[];

  @ApiPropertyOptional({ format: 'date' })
  @Optional()
  @IsCalendarDate()
  filedFrom?: string;

  @ApiPropertyOptional({ format: 'date' })
  @Optional()
  @IsCalendarDate()
  filedTo?: string;
}

/** Only the filters that say something, in a fixed order (what is stored and compared). */
export function cleanFilters(filters: ViewFilters | undefined): ViewFilters {
  const out: ViewFilters = {};
  if (!filters) return out;
  if (filters.status?.length) out.status = [...filters.status];
  if (filters.domain) out.domain = filters.domain;
  if (filters.team) out.team = filters.team;
  if (filters.assignee) out.assignee = filters.assignee;
  if (filters.priority) out.priority = filters.priority;
  const q = filters.q?.trim();
  if (q) out.q = q;
  if (typeof filters.overdue === 'boolean') out.overdue = filters.overdue;
  if (filters.sla?.length) out.sla = [...filters.sla];
  if (filters.filedFrom) out.filedFrom = filters.filedFrom;
  if (filters.filedTo) out.filedTo = filters.filedTo;
  return out;
}
