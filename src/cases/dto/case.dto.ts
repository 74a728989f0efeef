import { PROCUREMENT_KINDS, type ProcurementKind } from '../entities/eu-threshold.entity';
import { OUTCOME_KINDS, type OutcomeKind } from '../entities/case.entity';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { MultiLineText } from '../../common/text';
import {
  CASE_STATUSES,
  DOMAIN_ROLES,
  PRIORITIES,
  PROCUREMENT_STAGES,
  SUPPLIER_TYPES,
  type CaseStatus,
  type DomainRole,
  type Priority,
  type ProcurementStage,
  type SupplierType,
  type Requirement,
} from '../case-transitions';
import {
  CLOCK_ACTIONS,
  SLA_STAGES,
  SLA_STATES,
  type ClockAction,
  type SlaStage,
  type SlaState,
} from '../sla-clock';
import { SUSPENSION_KINDS, type SuspensionKind } from '../entities/case-suspension.entity';
import { EDITABLE_FIELDS, type EditableField } from '../case-editing';
import { NOTE_VISIBILITIES, type NoteVisibility } from '../entities/case-note.entity';

export class RefDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;
}

export class CaseDomainDto {
  @ApiProperty({ example: 'energy' })
  code!: string;

  @ApiProperty({ enum: DOMAIN_ROLES })
  role!: DomainRole;
}

export class KoppelDto {
  @ApiProperty({
    type: RefDto,
    description: 'The municipal half: the buyer who filed the case, or who staff named since.',
  })
  municipal!: RefDto;

  @ApiProperty({
    type: RefDto,
    description: 'The MeentCoop half: the contact routing chose, or who took the case on since.',
  })
  meentcoop!: RefDto;
}

export class SlaStageDto {
  @ApiProperty({
    enum: SLA_STAGES,
    description: 'accept: taking the case on; propose: a proposal.',
  })
  stage!: SlaStage;

  @ApiProperty({
    description:
      'Whether the stage is open (accept until accepted, propose until proposed): its clock counts, or stands still while suspended, and its due time may move.',
  })
  open!: boolean;

  @ApiProperty({
    description:
      'The stage whose clock counts now and that the work queue shows: accept while routed, then propose; none once proposed or closed.',
  })
  current!: boolean;

  @ApiProperty({
    format: 'date-time',
    description:
      'The due time now: moved by suspensions (the working time suspended), extensions and the calendar (see GET /cases/{id}/deadlines).',
  })
  dueAt!: string;

  @ApiProperty({
    enum: SLA_STATES,
    description:
      'open stages: suspended (the clock stands still), breached (its due time passed), due_soon (within 24 hours), on_time; closed stages: breached if they ever were, else met.',
  })
  state!: SlaState;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  breachedAt!: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'While suspended: since when.',
  })
  suspendedSince!: string | null;

  @ApiProperty({ description: 'Seconds added to the due time by extensions.' })
  extendedBy!: number;
}

export class SuspensionDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: SUSPENSION_KINDS })
  kind!: SuspensionKind;

  @ApiProperty()
  reason!: string;

  @ApiProperty({ format: 'date-time' })
  since!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  expectedEnd!: string | null;

  @ApiProperty({ type: RefDto, description: 'Who suspended the clock.' })
  by!: RefDto;
}

export class AvailableTransitionDto {
  @ApiProperty({ enum: CASE_STATUSES })
  to!: CaseStatus;

  @ApiProperty({
    enum: ['reason', 'proposal', 'outcome'],
    nullable: true,
    type: String,
    description: 'What the body must carry for this transition.',
  })
  requires!: Requirement | null;

  @ApiProperty({ description: 'A reason is asked for without being required.' })
  asksReason!: boolean;
}

export class OutcomeDto {
  @ApiProperty({
    enum: OUTCOME_KINDS,
    description:
      '`awarded`: the buyer accepted the proposal and named the supplier; `duplicate`: staff closed the case as a duplicate of another (its `links` name which; ADR 44), and the supplier fields are null.',
  })
  kind!: OutcomeKind;

  @ApiProperty({ description: 'What was decided; for a duplicate, why staff closed it.' })
  summary!: string;

  @ApiProperty({ type: String, nullable: true })
  supplierName!: string | null;

  @ApiProperty({ enum: SUPPLIER_TYPES, nullable: true })
  supplierType!: SupplierType | null;

  @ApiProperty({ type: Number, nullable: true })
  awardedValueCents!: number | null;
}

export class HistoryActorDto {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'null for Brug itself.',
  })
  id!: string | null;

  @ApiProperty()
  name!: string;

  @ApiProperty({ example: 'staff', description: 'A role, or `system`.' })
  role!: string;
}

export class StatusChangeDto {
  @ApiProperty({ enum: CASE_STATUSES, nullable: true })
  from!: CaseStatus | null;

  @ApiProperty({ enum: CASE_STATUSES })
  to!: CaseStatus;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ type: HistoryActorDto })
  actor!: HistoryActorDto;

  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;
}

export class PriorityRaiseDto {
  @ApiProperty({ enum: ['accept', 'propose'], description: 'The SLA stage whose due time passed.' })
  stage!: 'accept' | 'propose';

  @ApiProperty({ format: 'date-time', description: 'The due time of that stage.' })
  dueAt!: string;

  @ApiProperty({ format: 'date-time', description: 'When Brug recorded the breach.' })
  breachedAt!: string;

  @ApiProperty({ enum: PRIORITIES })
  from!: Priority;

  @ApiProperty({ enum: PRIORITIES })
  to!: Priority;
}

export class EuThresholdGroupDto {
  @ApiProperty({ example: 'TN-2026-0815' })
  tenderReference!: string;

  @ApiProperty({
    description: 'Open cases (not withdrawn or declined) with this tender reference.',
  })
  caseCount!: number;

  @ApiProperty({ description: 'Their estimated values together.' })
  totalCents!: number;

  @ApiProperty({
    description: 'Together they reach the threshold while each stays below it: a possible split.',
  })
  possibleSplit!: boolean;
}

export class CaseEuThresholdDto {
  @ApiProperty({ example: 21600000 })
  amountCents!: number;

  @ApiProperty({
    example: '2026-01-01/2027-12-31',
    description: 'The period, as an ISO 8601 interval.',
  })
  period!: string;

  @ApiProperty({ description: 'The estimated value reaches the threshold.' })
  reached!: boolean;

  @ApiProperty({
    type: EuThresholdGroupDto,
    nullable: true,
    description:
      'Staff, auditors and admins: the cases sharing the tender reference (null for others, or ' +
      'without a reference shared with another case).',
  })
  group!: EuThresholdGroupDto | null;
}

export class CaseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'BRUG-2026-000042' })
  reference!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ type: String, nullable: true })
  tenderReference!: string | null;

  @ApiProperty({ enum: PROCUREMENT_STAGES })
  procurementStage!: ProcurementStage;

  @ApiProperty({ enum: PROCUREMENT_KINDS, nullable: true })
  procurementKind!: ProcurementKind | null;

  @ApiProperty({
    type: CaseEuThresholdDto,
    nullable: true,
    description:
      'The EU threshold in force on the filing day for the procurement kind (null without a ' +
      'kind or a threshold for the day); a flag, never blocking.',
  })
  euThreshold!: CaseEuThresholdDto | null;

  @ApiProperty({ example: 120000000 })
  estimatedValueCents!: number;

  @ApiProperty({ enum: PRIORITIES })
  priority!: Priority;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  deadline!: string | null;

  @ApiProperty({ enum: CASE_STATUSES })
  status!: CaseStatus;

  @ApiProperty({ type: [CaseDomainDto] })
  domains!: CaseDomainDto[];

  @ApiProperty({ description: 'Touches more than one policy domain.' })
  crossDomain!: boolean;

  @ApiProperty({ type: RefDto })
  organisationUnit!: RefDto;

  @ApiProperty({ type: RefDto })
  filedBy!: RefDto;

  @ApiProperty({ type: RefDto, nullable: true })
  team!: RefDto | null;

  @ApiProperty({ type: RefDto, nullable: true })
  assignee!: RefDto | null;

  @ApiProperty({ type: KoppelDto, nullable: true })
  koppel!: KoppelDto | null;

  @ApiProperty({
    type: [SlaStageDto],
    description: 'The SLA clock per stage (empty before routing); ADR 26.',
  })
  sla!: SlaStageDto[];

  @ApiProperty({
    type: SuspensionDto,
    nullable: true,
    description: 'The current suspension of the SLA clock, if any.',
  })
  suspension!: SuspensionDto | null;

  @ApiProperty({
    type: [PriorityRaiseDto],
    description:
      'Why the priority is what it is: the SLA breaches that raised it there, oldest first. Empty when it is the priority a person chose.',
  })
  priorityRaisedBy!: PriorityRaiseDto[];

  @ApiProperty({ type: String, nullable: true })
  proposal!: string | null;

  @ApiProperty({ type: OutcomeDto, nullable: true })
  outcome!: OutcomeDto | null;

  @ApiProperty({
    type: [String],
    enum: CASE_STATUSES,
    description: 'The statuses the caller may move this case to now.',
  })
  allowedTransitions!: CaseStatus[];

  @ApiProperty({
    type: [AvailableTransitionDto],
    description:
      'The transitions the caller may take now, each with what it needs (the state machine read for this person).',
  })
  availableTransitions!: AvailableTransitionDto[];

  @ApiProperty({
    type: [String],
    enum: CLOCK_ACTIONS,
    description:
      'What the caller may do with the SLA clock now: suspend it, resume it, extend a stage (ADR 26).',
  })
  clockActions!: ClockAction[];

  @ApiProperty({
    type: [String],
    enum: EDITABLE_FIELDS,
    description:
      'The fields the caller may change now with PATCH (the same rule PATCH enforces): buyers the content while the case is filed or routed; staff the value and the deadline while it is open, and priority and assignee.',
  })
  editableFields!: EditableField[];

  @ApiProperty({
    description: 'Whether the caller may change the koppel now (PUT /cases/{id}/koppel).',
  })
  mayChangeKoppel!: boolean;

  @ApiProperty({ format: 'date-time' })
  filedAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ example: 1 })
  version!: number;

  @ApiPropertyOptional({
    type: [StatusChangeDto],
    description:
      'The status history, oldest first, read with the case (one source for status, team and timeline): in the answers about one case, not in lists.',
  })
  history?: StatusChangeDto[];
}

/** Counting stops here: a count over a million cases would cost more than the page it heads. */
export const LIST_TOTAL_LIMIT = 10_000;

export class CaseListDto {
  @ApiProperty({ type: [CaseDto] })
  items!: CaseDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;

  @ApiProperty({
    example: 42,
    description: `How many cases match the filters (all pages), counted up to ${LIST_TOTAL_LIMIT}: with \`totalCapped\` true there are more than that.`,
  })
  total!: number;

  @ApiProperty({ description: `More than \`total\` (${LIST_TOTAL_LIMIT}) cases match.` })
  totalCapped!: boolean;
}

export class HistoryDto {
  @ApiProperty({ type: [StatusChangeDto] })
  items!: StatusChangeDto[];
}

export class NoteDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: RefDto })
  author!: RefDto;

  @ApiProperty()
  body!: string;

  @ApiProperty({ enum: NOTE_VISIBILITIES })
  visibility!: NoteVisibility;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class NoteListDto {
  @ApiProperty({ type: [NoteDto] })
  items!: NoteDto[];
}

export class AddNoteDto {
  @ApiProperty({ minLength: 1, maxLength: 10000 })
  @MultiLineText({ max: 10000, trim: true })
  body!: string;

  @ApiProperty({ enum: NOTE_VISIBILITIES, description: 'Buyers may only add shared notes.' })
  @IsIn(NOTE_VISIBILITIES)
  visibility!: NoteVisibility;
}
