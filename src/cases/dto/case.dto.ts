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
} from '../case-transitions';
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

export class SlaDto {
  @ApiProperty({ format: 'date-time' })
  acceptBy!: string;

  @ApiProperty({ format: 'date-time' })
  proposeBy!: string;

  @ApiProperty({
    type: [String],
    enum: ['accept', 'propose'],
    description: 'Stages whose due time passed while open.',
  })
  breached!: string[];
}

export class OutcomeDto {
  @ApiProperty()
  summary!: string;

  @ApiProperty()
  supplierName!: string;

  @ApiProperty({ enum: SUPPLIER_TYPES })
  supplierType!: SupplierType;

  @ApiProperty()
  awardedValueCents!: number;
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

  @ApiProperty({ type: SlaDto, nullable: true })
  sla!: SlaDto | null;

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
