import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { QueryInt } from '../../common/validators';
import { AUDIT_ACTION_NAMES, AUDIT_ACTIONS, type AuditAction } from '../audit-actions';

/** A case reference as filed (`BRUG-2026-000123`), any case. */
export const CASE_REFERENCE_PATTERN = /^BRUG-\d{4}-\d{6,}$/i;

/** What an erasure left of an event's data (docs/audit.md). */
export class ErasedDto {
  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ description: 'Who erased it (name at the time).' })
  by!: string;

  @ApiProperty({ enum: ['archiefwet_vernietiging', 'avg_verwijdering'] })
  basis!: string;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The leaf index of the erasure’s own event; null until sequenced.',
  })
  eventLeafIndex!: number | null;
}

export class AuditEventDto {
  @ApiProperty({ example: 42, description: 'The event’s number (in the order written).' })
  seq!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Its leaf in the audit tree; null until the sequencer reached it (seconds).',
  })
  leafIndex!: number | null;

  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'null for Brug itself.',
  })
  actorId!: string | null;

  @ApiProperty({ example: 'staff' })
  actorRole!: string;

  @ApiProperty({ description: 'The actor’s display name at the time.' })
  actorName!: string;

  @ApiProperty({ example: 'case.transitioned' })
  action!: string;

  @ApiProperty({ example: 'case' })
  subjectType!: string;

  @ApiProperty()
  subjectId!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  caseId!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'What changed: old and new values, or from, to and reason. null when erased.',
  })
  data!: Record<string, unknown> | null;

  @ApiProperty({ description: 'SHA-256 (hex) of the RFC 8785 canonical JSON of data.' })
  dataHash!: string;

  @ApiPropertyOptional({ type: ErasedDto, description: 'Present when the data was erased.' })
  erased?: ErasedDto;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The old hash chain (events from before the tree only, ADR 30).',
  })
  prevHash!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'SHA-256 over prevHash and the canonical content (events from before the tree).',
  })
  hash!: string | null;
}

/** What an id (or a domain code) in a page of events stands for, to show it by name. */
export class AuditReferenceDto {
  @ApiProperty({ enum: ['user', 'unit', 'case', 'domain'] })
  kind!: 'user' | 'unit' | 'case' | 'domain';

  @ApiProperty({
    description:
      'The person’s or unit’s name now, the case’s reference, or the domain’s Dutch name.',
  })
  name!: string;

  @ApiPropertyOptional({ description: 'A domain’s English name.' })
  nameEn?: string;
}

@ApiExtraModels(AuditReferenceDto)
export class AuditEventListDto {
  @ApiProperty({ type: [AuditEventDto] })
  items!: AuditEventDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(AuditReferenceDto) },
    description:
      'Every user, unit and case id on this page (actor, subject, case, and ids inside `data` ' +
      'such as an assignee or the koppel) and every domain code in `data`, by name: resolved ' +
      'in one query per page. An id that names nothing (any more) is left out.',
  })
  references!: Record<string, AuditReferenceDto>;
}

export class AuditActionDto {
  @ApiProperty({ enum: AUDIT_ACTION_NAMES, example: 'case.transitioned' })
  action!: AuditAction;

  @ApiProperty({ example: 'case', description: 'What the events of this action are about.' })
  subjectType!: string;
}

export class AuditActionListDto {
  @ApiProperty({ type: [AuditActionDto] })
  items!: AuditActionDto[];
}

export function auditActionList(): AuditActionListDto {
  return {
    items: AUDIT_ACTION_NAMES.map((action) => ({ action, subjectType: AUDIT_ACTIONS[action] })),
  };
}

export class CaseAuditQuery {
  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;
}

export class ListAuditEventsQuery extends CaseAuditQuery {
  @ApiPropertyOptional({ example: 'case' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  subjectType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(128)
  subjectId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @ApiPropertyOptional({
    enum: AUDIT_ACTION_NAMES,
    example: 'case.transitioned',
    description: 'One of the actions `GET /audit/actions` lists.',
  })
  @IsOptional()
  @IsIn(AUDIT_ACTION_NAMES)
  action?: AuditAction;

  @ApiPropertyOptional({
    example: 'BRUG-2026-000123',
    description:
      'The events of the case with this reference, everything under it included (notes, ' +
      'funding entries); none when no case has it.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  @Matches(CASE_REFERENCE_PATTERN)
  caseReference?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Events at or after (a date or a timestamp).',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Events before (a date or a timestamp).',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export const HEAD_PATTERN = /^\d{1,15}:[0-9a-fA-F]{64}$/;
export const CHECKPOINT_PATTERN = /^\d{1,15}:([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/;

export class VerifyQuery {
  @ApiPropertyOptional({
    description:
      'A head written down earlier, `<seq>:<hash>`: the chain must still pass through it.',
    example: `1234:${'ab'.repeat(32)}`,
  })
  @IsOptional()
  @Matches(HEAD_PATTERN, { message: 'must be <seq>:<64 hex digits>' })
  expectHead?: string;

  @ApiPropertyOptional({
    description:
      'A checkpoint written down earlier, `<tree size>:<root hash>` (base64 or hex): the tree ' +
      'must have had exactly that root at that size.',
    example: `1234:${'q'.repeat(43)}=`,
  })
  @IsOptional()
  @Matches(CHECKPOINT_PATTERN, { message: 'must be <tree size>:<root hash>' })
  expectCheckpoint?: string;
}

export class ExportQuery {
  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  fromSeq?: number;

  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  toSeq?: number;
}

export class VerifyResultDto {
  @ApiProperty()
  valid!: boolean;

  @ApiPropertyOptional({ description: 'Events of the old hash chain checked (ADR 30).' })
  events?: number;

  @ApiPropertyOptional({ description: 'Leaves of the tree checked.' })
  leaves?: number;

  @ApiPropertyOptional({ description: 'The latest checkpoint’s tree size.' })
  treeSize?: number;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Its root hash, base64.' })
  rootHash?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'The signed checkpoint verified against (signed-note text).',
  })
  checkpoint?: string | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'The first leaf that does not match.',
  })
  firstInvalidLeafIndex?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  headSeq?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  headHash?: string | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'The first event that does not match.',
  })
  firstInvalidSeq?: number | null;

  @ApiPropertyOptional({
    example: 'hash mismatch',
    description: 'Why the chain fails, in English.',
  })
  reason?: string;

  @ApiPropertyOptional({
    enum: [
      'gap',
      'out_of_order',
      'broken_link',
      'hash_mismatch',
      'missed_head',
      'malformed',
      'leaf_gap',
      'data_hash_mismatch',
      'leaf_hash_mismatch',
      'missed_checkpoint',
      'root_mismatch',
      'bad_signature',
      'missing_leaves',
    ],
    description: 'The reason as a stable code, to word it in another language.',
  })
  reasonCode?: string;
}

/** The latest signed checkpoint, as JSON (`GET /audit/head`, `GET /audit/checkpoint` as JSON). */
export class CheckpointDto {
  @ApiProperty({ example: 'brug.example/audit' })
  origin!: string;

  @ApiProperty({ description: 'Leaves in the tree.' })
  treeSize!: number;

  @ApiProperty({ description: 'RFC 9162 root hash, base64.' })
  rootHash!: string;

  @ApiProperty({ description: 'The C2SP signed note (tlog-checkpoint), as text.' })
  note!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}
