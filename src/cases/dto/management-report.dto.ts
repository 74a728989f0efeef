import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate } from '../../common/validators';

/** The tables of the management report, each also a CSV (`?table=…&format=csv`). */
export const REPORT_TABLES = ['teams', 'handlers', 'domains', 'weeks', 'stages', 'sla'] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];

/** The stages whose median time the report gives: from one status first reached to the next. */
export const REPORT_STAGES = ['filed_accepted', 'accepted_proposed', 'proposed_resolved'] as const;
export type ReportStage = (typeof REPORT_STAGES)[number];

/** The longest period the report counts over (two years and a leap day). */
export const REPORT_MAX_DAYS = 731;
/** Without `from`/`to`: the last this many days up to today (Amsterdam). */
export const REPORT_DEFAULT_DAYS = 91;

/** `GET /reports/management`. */
export class ManagementReportQuery {
  @ApiPropertyOptional({
    format: 'date',
    description: `First day of the period (Amsterdam). Default: ${REPORT_DEFAULT_DAYS - 1} days before \`to\`.`,
  })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: `Last day of the period (Amsterdam), at most ${REPORT_MAX_DAYS} days after \`from\`. Default: today.`,
  })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the cases of this MeentCoop team.' })
  @IsOptional()
  @IsUUID()
  team?: string;

  @ApiPropertyOptional({
    enum: ['json', 'csv'],
    description: '`csv` answers one table as CSV (as `Accept: text/csv` does); a link can say it.',
  })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';

  @ApiPropertyOptional({
    enum: REPORT_TABLES,
    description: 'Which table the CSV holds (default `teams`).',
  })
  @IsOptional()
  @IsIn(REPORT_TABLES)
  table?: ReportTable;
}

/** The counts of one row: cases per kind over the period (see docs/reports.md). */
export class ReportCountsDto {
  @ApiProperty({ description: 'Filed in the period.' })
  incoming!: number;

  @ApiProperty({ description: 'Resolved in the period (closed with an outcome).' })
  resolved!: number;

  @ApiProperty({ description: 'Open at the end of the period (of the week, in `weeks`).' })
  open!: number;

  @ApiProperty({
    description: 'Whose SLA stage was breached in the period: its due time fell in it.',
  })
  overdue!: number;

  @ApiProperty({ description: 'Whose SLA clock stood still at some moment of the period.' })
  suspended!: number;
}

/** A row per team, handler or lead domain. */
export class ReportGroupRowDto extends ReportCountsDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The team or handler id, or the domain code; null: none (not routed, no handler).',
  })
  key!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Its name; null when `key` is.' })
  name!: string | null;
}

/** A row per ISO week (Monday to Sunday, Amsterdam) that overlaps the period. */
export class ReportWeekRowDto extends ReportCountsDto {
  @ApiProperty({ example: '2026-W07', description: 'The ISO week.' })
  week!: string;

  @ApiProperty({ format: 'date', description: 'Its Monday (the period may start later).' })
  weekStart!: string;
}

export class ReportStageRowDto {
  @ApiProperty({ enum: REPORT_STAGES })
  stage!: ReportStage;

  @ApiProperty({ description: 'Cases that ended this stage in the period.' })
  cases!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Their median time in the stage, in seconds (calendar time); null: no cases.',
  })
  medianSeconds!: number | null;
}

export class ReportSlaRowDto {
  @ApiProperty({ type: String, nullable: true, description: 'The team id; null: not routed.' })
  key!: string | null;

  @ApiProperty({ type: String, nullable: true })
  name!: string | null;

  @ApiProperty({ description: 'SLA stages due in the period that were met.' })
  met!: number;

  @ApiProperty({ description: 'SLA stages due in the period that were breached.' })
  breached!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 1,
    description: 'met / (met + breached); null when no stage was decided.',
  })
  compliance!: number | null;
}

/** The cases open now in one team, per status (the dashboard's stacked bars). */
export class ReportOpenNowRowDto {
  @ApiProperty({ type: String, nullable: true, description: 'The team id; null: not routed.' })
  key!: string | null;

  @ApiProperty({ type: String, nullable: true })
  name!: string | null;

  @ApiProperty({ description: 'Filed, not routed yet.' })
  filed!: number;

  @ApiProperty()
  routed!: number;

  @ApiProperty()
  accepted!: number;

  @ApiProperty({ name: 'in_progress' })
  in_progress!: number;

  @ApiProperty()
  proposed!: number;

  @ApiProperty({ description: 'All of them.' })
  total!: number;
}

/** `GET /reports/management`: the management dashboard's numbers. */
export class ManagementReportDto {
  @ApiProperty({ format: 'date' })
  from!: string;

  @ApiProperty({ format: 'date' })
  to!: string;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  team!: string | null;

  @ApiProperty({ type: ReportCountsDto, description: 'Over every case the rows count.' })
  totals!: ReportCountsDto;

  @ApiProperty({ type: [ReportGroupRowDto], description: 'Per team (the case’s team now).' })
  teams!: ReportGroupRowDto[];

  @ApiProperty({ type: [ReportGroupRowDto], description: 'Per handler (the case’s handler now).' })
  handlers!: ReportGroupRowDto[];

  @ApiProperty({ type: [ReportGroupRowDto], description: 'Per lead domain of the case.' })
  domains!: ReportGroupRowDto[];

  @ApiProperty({ type: [ReportWeekRowDto], description: 'The trend: one row per ISO week.' })
  weeks!: ReportWeekRowDto[];

  @ApiProperty({ type: [ReportStageRowDto] })
  stages!: ReportStageRowDto[];

  @ApiProperty({ type: [ReportSlaRowDto], description: 'SLA compliance per team.' })
  sla!: ReportSlaRowDto[];

  @ApiProperty({
    type: [ReportOpenNowRowDto],
    description: 'The cases open now (whatever the period) per team and status, most first.',
  })
  openNow!: ReportOpenNowRowDto[];
}
