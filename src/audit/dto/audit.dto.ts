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

export class AuditEventDto {
  @ApiProperty({ example: 42 })
  seq!: number;

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
    description: 'What changed: old and new values, or from, to and reason.',
  })
  data!: Record<string, unknown>;

  @ApiProperty({ example: '0'.repeat(64) })
  prevHash!: string;

  @ApiProperty({
    description: 'SHA-256 over prevHash and the RFC 8785 canonical JSON of the other fields.',
  })
  hash!: string;
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

export class VerifyQuery {
  @ApiPropertyOptional({
    description:
      'A head written down earlier, `<seq>:<hash>`: the chain must still pass through it.',
    example: `1234:${'ab'.repeat(32)}`,
  })
  @IsOptional()
  @Matches(HEAD_PATTERN, { message: 'must be <seq>:<64 hex digits>' })
  expectHead?: string;
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

  @ApiPropertyOptional({ description: 'Events checked.' })
  events?: number;

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
    enum: ['gap', 'out_of_order', 'broken_link', 'hash_mismatch', 'missed_head', 'malformed'],
    description: 'The reason as a stable code, to word it in another language.',
  })
  reasonCode?: string;
}

export class HeadDto {
  @ApiProperty({ type: Number, nullable: true, description: 'null while the trail is empty.' })
  seq!: number | null;

  @ApiProperty({ type: String, nullable: true })
  hash!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  occurredAt!: string | null;
}
