import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, ValidateIf } from 'class-validator';
import { MultiLineText } from '../../common/text';
import { IsCalendarDate } from '../../common/validators';
import { DEADLINE_CAUSES, type DeadlineCause } from '../entities/case-deadline-change.entity';
import { SUSPENSION_KINDS, type SuspensionKind } from '../entities/case-suspension.entity';
import { SLA_STAGES, type SlaStage } from '../sla-clock';
import { HistoryActorDto } from './case.dto';

export class SuspendCaseDto {
  @ApiProperty({
    enum: SUSPENSION_KINDS,
    description:
      'What the case waits for. `waiting_for_buyer`: the clock restarts by itself when the buyer adds a shared note.',
  })
  @IsIn(SUSPENSION_KINDS)
  kind!: SuspensionKind;

  @ApiProperty({
    minLength: 10,
    maxLength: 1000,
    description: 'Why the clock stops (the buyer reads it).',
  })
  @MultiLineText({ min: 10, max: 1000, trim: true })
  reason!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'When staff expect the wait to end (for the reader; nothing restarts by it).',
  })
  @ValidateIf((_, v) => v !== null)
  @IsOptional()
  @IsCalendarDate()
  expectedEnd?: string | null;
}

export class ExtendDeadlineDto {
  @ApiProperty({ enum: SLA_STAGES })
  @IsIn(SLA_STAGES)
  stage!: SlaStage;

  @ApiProperty({
    format: 'date-time',
    description:
      'The new due time, later than the current one. Staff: once per stage, adding at most the stage’s own length; more needs an admin. On a day off it rolls to the next working day.',
  })
  @IsISO8601({ strict: true })
  dueAt!: string;

  @ApiProperty({ minLength: 10, maxLength: 1000 })
  @MultiLineText({ min: 10, max: 1000, trim: true })
  reason!: string;
}

export class RuleNameDto {
  @ApiProperty({ example: 'Koningsdag' })
  nl!: string;

  @ApiProperty({ example: "King's Day" })
  en!: string;
}

export class DeadlineChangeDto {
  @ApiProperty({ enum: SLA_STAGES })
  stage!: SlaStage;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  oldDueAt!: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'null: the clock stopped (a suspension began).',
  })
  newDueAt!: string | null;

  @ApiProperty({
    enum: DEADLINE_CAUSES,
    description:
      '`suspension`: stopped, or moved by the working time suspended; `extension`: moved by staff; `calendar`: fell on a day off and rolled to the next working day (`rule`); `breach`: passed while open.',
  })
  cause!: DeadlineCause;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'For `calendar`: the day off it fell on (`kings_day`, `weekend`, …).',
  })
  rule!: string | null;

  @ApiProperty({
    type: RuleNameDto,
    nullable: true,
    description: 'For `calendar`: the rule in Dutch and English.',
  })
  ruleName!: RuleNameDto | null;

  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Seconds the due time moved by (for a suspension: the working time suspended).',
  })
  shiftSeconds!: number | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  suspensionId!: string | null;

  @ApiProperty({ type: String, enum: SUSPENSION_KINDS, nullable: true })
  suspensionKind!: SuspensionKind | null;

  @ApiProperty({ type: HistoryActorDto })
  actor!: HistoryActorDto;

  @ApiProperty({ format: 'date-time' })
  at!: string;
}

export class DeadlineListDto {
  @ApiProperty({ type: [DeadlineChangeDto], description: 'Oldest first.' })
  items!: DeadlineChangeDto[];
}
